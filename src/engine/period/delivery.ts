/**
 * Step 5: makers deliver from arrivals, then inventory, then stockpile, in all at most min(d_n, c_n); and
 * after each later tier, again from what the tier brought, within what is still unmet.
 */
import type { Block } from '../block.ts';

/** Each maker's tier-1 delivery in period t, every lane. */
export function deliver(c: Block, t: number): void {
  const { B, n, M, makers, R, arrivals, inventory, demand, avail, inputLeft, stock, delivered, shippedOut } = c;
  const slot = c.slot;
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    const o = i * B;
    const ao = (i * R + slot) * B;
    const ko = k * B;
    for (let b = 0; b < n; b++) {
      const input = arrivals[ao + b] + inventory[o + b];
      const limit = Math.min(demand[ko + b], avail[o + b]);
      let d = Math.min(input, limit);
      inputLeft[o + b] = input - d;
      if (d < limit && stock[o + b] > 0) {
        const fromStock = Math.min(stock[o + b], limit - d);
        stock[o + b] -= fromStock;
        d += fromStock;
      }
      delivered[ko + b] = d;
      shippedOut[o + b] = d;
    }
  }
}

/** After a later tier, makers deliver again from what it brought (`from`, per node and lane), within what is still unmet; only in lanes `only` marks (all when null). */
export function deliverMore(c: Block, from: Float64Array, only: Uint8Array | null): void {
  const { B, n, M, makers, avail, shippedOut, demand, delivered } = c;
  for (let k = 0; k < M; k++) {
    const o = makers[k] * B;
    const ko = k * B;
    for (let b = 0; b < n; b++) {
      if (only !== null && only[b] === 0) continue;
      const extra = Math.min(from[o + b], Math.min(demand[ko + b], avail[o + b]) - delivered[ko + b]);
      if (extra > 0) {
        delivered[ko + b] += extra;
        from[o + b] = Math.max(0, from[o + b] - extra);
        shippedOut[o + b] = delivered[ko + b];
      }
    }
  }
}
