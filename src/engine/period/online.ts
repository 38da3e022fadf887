/**
 * Step 1 (the part that is not events): projects online and ramping, available capacity c_n(t), diversify
 * levers switching, and share'_l of the mixes that can change (model.md sections 2 and 4).
 */
import type { Block } from '../block.ts';
import { applyDiversify } from '../levers/diversify.ts';

/** Online factor of every project in every lane: 0 before it is online, min(1, (j + 1) / R) while ramping, then 1. */
export function setOnline(c: Block, t: number): void {
  const { B, n, projects, online, onlineAt } = c;
  let changed = false;
  for (let q = 0; q < projects.length; q++) {
    const p = projects[q];
    const o = p.node * B;
    const ramp = p.rampPeriods;
    for (let b = 0; b < n; b++) {
      const at = onlineAt[o + b];
      const factor = t < at ? 0 : ramp > 0 ? Math.min(1, (t - at + 1) / ramp) : 1;
      if (factor !== online[o + b]) changed = true;
      online[o + b] = factor;
    }
  }
  // share' depends on online factors: it needs recomputing only in a period where one moved.
  if (changed) c.mixChanged = true;
}

/**
 * c_n(t) = capacity x a_n(t) x online, every lane, for the nodes whose availability can change; every
 * node's at the start of a block (`all`), the others' staying there (capacity x 1 x 1 = capacity).
 */
export function setAvailability(c: Block, all = false): void {
  const { B, n, N, cap, off, availChanging, kernels } = c;
  const count = all ? N : availChanging.length;
  for (let q = 0; q < count; q++) {
    const i = all ? q : availChanging[q];
    const o = i * B;
    kernels.availability(off.avail + o, off.aNode + o, off.online + o, cap[i], n);
  }
}

/** Applies diversify levers whose switch period has come in each lane (at the start: all those due by period 0). */
export function switchDiversify(c: Block, t: number, start: boolean): void {
  const { B, n, diversify, switchAt, diversifyActive } = c;
  for (let k = 0; k < diversify.length; k++) {
    for (let b = 0; b < n; b++) {
      const at = switchAt[k * B + b];
      if (diversifyActive[k * B + b] === 1 || (start ? at > 0 : at !== t)) continue;
      diversifyActive[k * B + b] = 1;
      applyDiversifyInLane(c, diversify[k].buyer, b);
      c.mixChanged = true;
    }
  }
}

/** Re-applies the lane's active diversify levers to the buyer's base shares. */
function applyDiversifyInLane(c: Block, buyer: number, b: number): void {
  const { B, diversify, diversifyActive, linkShare, shareRow, share, buyerStart, buyerLinks } = c;
  applyDiversify(shareRow, linkShare, diversify, (k) => diversifyActive[k * B + b] === 1, buyer, c);
  for (let j = buyerStart[buyer]; j < buyerStart[buyer + 1]; j++) share[buyerLinks[j] * B + b] = shareRow[buyerLinks[j]];
}

/**
 * share'_l = share_l x online / sum over the mix (0 when no source is online), for every buyer whose mix can
 * change (a project among its sources, or a diversify lever); the others were set once for the block.
 */
export function normaliseShares(c: Block): void {
  if (!c.mixChanged) return;
  c.mixChanged = false;
  const { B, n, dynamicBuyers, buyerStart, buyerLinks, linkFrom, off, kernels } = c;
  const sum = off.laneScratch;
  for (let q = 0; q < dynamicBuyers.length; q++) {
    const buyer = dynamicBuyers[q];
    const lo = buyerStart[buyer];
    const hi = buyerStart[buyer + 1];
    kernels.fillRow(sum, 0, n);
    for (let j = lo; j < hi; j++) kernels.shareSum(off.share + buyerLinks[j] * B, off.online + linkFrom[buyerLinks[j]] * B, sum, n);
    for (let j = lo; j < hi; j++) {
      const l = buyerLinks[j];
      kernels.shareNorm(off.share + l * B, off.online + linkFrom[l] * B, sum, off.normShare + l * B, n);
    }
  }
}
