/**
 * Step 3: requests go upstream (tier 1), makers first, then processing nodes; and the recycled input that
 * lowers them (model.md sections 2 and 4). Over link l with transit k a buyer asks
 * r_l = share'_l x max(0, min(need, c_n(t)) / yield x g(t, k) - rec_n(t)) x a_l(t).
 */
import { LED_RECYCLED, type Block } from '../block.ts';

/** Every buyer's tier-1 requests for period t (t < 0: the steady-state start's pipeline). */
export function requestTier1(c: Block, t: number): void {
  const { reqIn, makers, M, processors, P } = c;
  reqIn.fill(0);
  for (let k = 0; k < M; k++) requestOf(c, makers[k], t);
  for (let q = 0; q < P; q++) requestOf(c, processors[q], t);
}

/** Buyer's requests over each of its links, in every lane; the need is a maker's demand or what the node was asked. */
function requestOf(c: Block, buyer: number, t: number): void {
  const { B, n, off, makerPos, yld, recycles, buyerStart, buyerLinks, linkFrom, linkCuttable, anticipation, G, K, kernels } = c;
  // The unscaled ask is read only by flexibility (tier 2) and the trace.
  const keepWant = c.hasFlex || c.trace !== null;
  const k = makerPos[buyer];
  const o = buyer * B;
  const base = off.laneScratch;
  kernels.requestBase(k >= 0 ? off.demand + k * B : off.reqIn + o, off.avail + o, base, yld[buyer], n);
  const rc = off.recycled + o;
  const ti = t + K;
  for (let j = buyerStart[buyer]; j < buyerStart[buyer + 1]; j++) {
    const l = buyerLinks[j];
    const lo = l * B;
    // Mode 0 subtracts the recycled input; without it x = base x g - 0 is the same number (mode 1). Mode 2:
    // a_l is 1 in every lane (w x 1 = w) and nothing reads the unscaled ask.
    const mode = recycles[buyer] === 1 ? 0 : keepWant || linkCuttable[l] === 1 ? 1 : 2;
    kernels.requestLink(base, rc, off.normShare + lo, off.aLink + lo, off.want + lo, off.req + lo, off.reqIn + linkFrom[l] * B, anticipation[l * G + ti], mode, n);
  }
}

/** Recycled input of period t at each recycling node: rate x ramp x delivered(t - lag) / nodes (planned demand before period 0). */
export function recycle(c: Block, t: number): void {
  const { B, n, H, processors, P, recycling, recycled, recycleRate, deliveredHistory, demandBefore, recycleLagMax, ledger } = c;
  for (let q = 0; q < P; q++) recycled.fill(0, processors[q] * B, processors[q] * B + n);
  for (let j = 0; j < recycling.length; j++) {
    const r = recycling[j];
    const ramp = r.ramp > 0 ? Math.min(1, Math.max(0, (t - r.lag + 1) / r.ramp)) : 1;
    // Delivered in period t - lag; a lag under one period reads the last period, as this one is not delivered yet.
    const from = t - Math.max(1, r.lag);
    const nodes = r.nodes;
    for (let b = 0; b < n; b++) {
      const base = from >= 0 ? deliveredHistory[b * H + from] : demandBefore[from + recycleLagMax];
      const amount = (recycleRate[j * B + b] * ramp * base) / nodes.length;
      for (let q = 0; q < nodes.length; q++) recycled[nodes[q] * B + b] += amount;
    }
  }
  if (t >= 0) {
    for (let q = 0; q < P; q++) {
      const o = processors[q] * B;
      for (let b = 0; b < n; b++) ledger[LED_RECYCLED * B + b] += recycled[o + b];
    }
  }
}
