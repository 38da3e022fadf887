/**
 * Step 5: makers deliver from arrivals, then inventory, then stockpile, in all at most min(d_n, c_n); and
 * after each later tier, again from what the tier brought, within what is still unmet.
 */
import { heapAt, type Block } from '../block.ts';

/** Each maker's tier-1 delivery in period t, every lane. */
export function deliver(c: Block, t: number): void {
  const { B, n, M, R, heap: h, makers } = c;
  const slot = c.slot;
  const AR = heapAt(c.arrivals);
  const IN = heapAt(c.inventory);
  const DM = heapAt(c.demand);
  const AV = heapAt(c.avail);
  const IL = heapAt(c.inputLeft);
  const SK = heapAt(c.stock);
  const DL = heapAt(c.delivered);
  const SO = heapAt(c.shippedOut);
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    const o = i * B;
    const ar = AR + (i * R + slot) * B;
    const inv = IN + o;
    const dm = DM + k * B;
    const av = AV + o;
    const il = IL + o;
    const sk = SK + o;
    const dl = DL + k * B;
    const so = SO + o;
    for (let b = 0; b < n; b++) {
      const input = h[ar + b] + h[inv + b];
      const limit = Math.min(h[dm + b], h[av + b]);
      let d = Math.min(input, limit);
      h[il + b] = input - d;
      if (d < limit && h[sk + b] > 0) {
        const fromStock = Math.min(h[sk + b], limit - d);
        h[sk + b] -= fromStock;
        d += fromStock;
      }
      h[dl + b] = d;
      h[so + b] = d;
    }
  }
}

/** After a later tier, makers deliver again from what it brought (`from`, per node and lane: a view of the block's heap), within what is still unmet; only in lanes `only` marks (all when null). */
export function deliverMore(c: Block, from: Float64Array, only: Uint8Array | null): void {
  const { B, n, M, heap: h, makers } = c;
  if (from.buffer !== h.buffer) throw new Error('deliverMore reads a quantity of the block (a view of its heap)');
  const FR = heapAt(from);
  const AV = heapAt(c.avail);
  const SO = heapAt(c.shippedOut);
  const DM = heapAt(c.demand);
  const DL = heapAt(c.delivered);
  for (let k = 0; k < M; k++) {
    const o = makers[k] * B;
    const fr = FR + o;
    const av = AV + o;
    const so = SO + o;
    const dm = DM + k * B;
    const dl = DL + k * B;
    if (only === null) {
      for (let b = 0; b < n; b++) {
        const extra = Math.min(h[fr + b], Math.min(h[dm + b], h[av + b]) - h[dl + b]);
        if (extra > 0) {
          h[dl + b] += extra;
          h[fr + b] = Math.max(0, h[fr + b] - extra);
          h[so + b] = h[dl + b];
        }
      }
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
