/**
 * Step 5: makers deliver from arrivals, then inventory, then stockpile, in all at most min(d_n, c_n); and
 * after each later tier, again from what the tier brought, within what is still unmet.
 */
import type { Block } from '../block.ts';

/** Each maker's tier-1 delivery in period t, every lane. */
export function deliver(c: Block, t: number): void {
  const { B, n, M, R, off, makers, kernels } = c;
  const slot = c.slot;
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    const o = i * B;
    kernels.deliverMaker(off.arrivals + (i * R + slot) * B, off.inventory + o, off.demand + k * B, off.avail + o, off.inputLeft + o, off.stock + o, off.delivered + k * B, off.shippedOut + o, n);
  }
}

/** After a later tier, makers deliver again from what it brought (the block's quantity `from`, per node and lane), within what is still unmet; only in lanes `only` marks (all when null). */
export function deliverMore(c: Block, from: 'refillNow' | 'inputLeft', only: Uint8Array | null): void {
  const { B, n, M, heap: h, off, makers } = c;
  for (let k = 0; k < M; k++) {
    const o = makers[k] * B;
    const fr = off[from] + o;
    const av = off.avail + o;
    const so = off.shippedOut + o;
    const dm = off.demand + k * B;
    const dl = off.delivered + k * B;
    if (only === null) {
      c.kernels.deliverMore(fr, av, so, dm, dl, n);
      continue;
    }
    for (let b = 0; b < n; b++) {
      if (only[b] === 0) continue;
      const extra = Math.min(h[fr + b], Math.min(h[dm + b], h[av + b]) - h[dl + b]);
      if (extra > 0) {
        h[dl + b] += extra;
        h[fr + b] = Math.max(0, h[fr + b] - extra);
        h[so + b] = h[dl + b];
      }
    }
  }
}
