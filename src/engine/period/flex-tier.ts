/**
 * Tier 2 (model.md sections 2 and 4): flexibility re-asks a link's unmet amount, once it has been unmet in
 * each of the last delay + 1 periods, of the buyer's other sources in its current mix (share' > 0) over
 * links with a_l = 1, in proportion to their unused capacity; then one more pass of steps 3-5.
 */
import { EPS, type Block } from '../block.ts';
import { STAGE_MANUFACTURING, STAGE_PROCESSING } from '../compiled-model.ts';
import { clearTierRequests, minesServe, passOnShortInput, processExtra, processorsServe, shipToUnmet, unmetRequests } from '../ship.ts';
import { deliverMore } from './delivery.ts';

const FLEX_STAGES = [STAGE_MANUFACTURING, STAGE_PROCESSING];

/** Tier 2 of period t in every lane. */
export function flexTier(c: Block, t: number): void {
  const { n, laneAsked, flexFraction, makers, processors, buyerStart, buyerLinks } = c;
  clearTierRequests(c);
  laneAsked.fill(0);
  for (const st of FLEX_STAGES) {
    const fraction = flexFraction[st];
    if (!(fraction > 0)) continue;
    const buyers = st === STAGE_MANUFACTURING ? makers : processors;
    for (let q = 0; q < buyers.length; q++) {
      const buyer = buyers[q];
      for (let j = buyerStart[buyer]; j < buyerStart[buyer + 1]; j++) reask(c, buyer, buyerLinks[j], st, fraction);
    }
  }
  let any = false;
  for (let b = 0; b < n; b++) if (laneAsked[b] === 1) any = true;
  if (!any) return;
  passOnShortInput(c);
  minesServe(c, t, false);
  processorsServe(c, t, false);
  if (flexFraction[STAGE_PROCESSING] > 0) forwardToUnmet(c, t);
  deliverMore(c, 'inputLeft', true);
}

/** Counts link l's unmet periods and, past the delay, re-asks fraction x its unmet amount of the buyer's other sources. */
function reask(c: Block, buyer: number, l: number, st: number, fraction: number): void {
  const { B, n, want, shippedLink, flexCount, flexDelay, buyerStart, buyerLinks, linkFrom, normShare, aLink, avail, shippedOut, treq, treqIn, laneAsked, laneScratch: amount, laneScratch2: total } = c;
  const lo = l * B;
  const delay = flexDelay[st];
  let anyLane = false;
  for (let b = 0; b < n; b++) {
    const unmet = want[lo + b] - shippedLink[lo + b];
    const count = unmet > EPS + 1e-9 * want[lo + b] ? flexCount[lo + b] + 1 : 0;
    flexCount[lo + b] = count;
    amount[b] = count > delay ? fraction * unmet : 0;
    total[b] = 0;
    if (amount[b] > 0) anyLane = true;
  }
  if (!anyLane) return;
  const from = linkFrom[l];
  const lo0 = buyerStart[buyer];
  const hi0 = buyerStart[buyer + 1];
  for (let j = lo0; j < hi0; j++) {
    const o = buyerLinks[j];
    const src = linkFrom[o];
    if (src === from) continue;
    const oo = o * B;
    const so = src * B;
    for (let b = 0; b < n; b++) {
      if (amount[b] > 0 && normShare[oo + b] > 0 && aLink[oo + b] === 1) total[b] += Math.max(0, avail[so + b] - shippedOut[so + b]);
    }
  }
  for (let j = lo0; j < hi0; j++) {
    const o = buyerLinks[j];
    const src = linkFrom[o];
    if (src === from) continue;
    const oo = o * B;
    const so = src * B;
    for (let b = 0; b < n; b++) {
      if (!(amount[b] > 0 && total[b] > EPS && normShare[oo + b] > 0 && aLink[oo + b] === 1)) continue;
      const r = (amount[b] * Math.max(0, avail[so + b] - shippedOut[so + b])) / total[b];
      treq[oo + b] += r;
      treqIn[so + b] += r;
      laneAsked[b] = 1;
      c.linkAsked[o] = 1;
      c.nodeAsked[src] = 1;
    }
  }
}

/** After processing buyers re-asked, what reached them goes on to their customers' unmet tier-1 requests. */
function forwardToUnmet(c: Block, t: number): void {
  const { B, n, processors, P, yld, inputLeft, avail, shippedOut, scratch, laneAsked } = c;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    const o = i * B;
    for (let b = 0; b < n; b++) {
      if (laneAsked[b] === 0) continue;
      const x = Math.min(unmetRequests(c, i, b), Math.max(0, avail[o + b] - shippedOut[o + b]), inputLeft[o + b] * yld[i]);
      scratch[o + b] = x;
      if (!(x > EPS)) continue;
      processExtra(c, i, b);
      shipToUnmet(c, i, b, t, true);
    }
  }
}
