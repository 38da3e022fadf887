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

/** After a later tier, makers deliver again from what it brought (the block's quantity `from`, per node and lane), within what is still unmet; only in the lanes laneAsked marks when `onlyAsked`. */
export function deliverMore(c: Block, from: 'refillNow' | 'inputLeft', onlyAsked: boolean): void {
  const { B, n, M, off, makers, kernels } = c;
  const only = onlyAsked ? off.laneAsked : -1;
  for (let k = 0; k < M; k++) {
    const o = makers[k] * B;
    kernels.deliverMore(off[from] + o, off.avail + o, off.shippedOut + o, off.demand + k * B, off.delivered + k * B, only, n);
  }
}
