/**
 * The primitives every step of the period shares, written once over a block's lanes: where a shipment
 * lands, shipping pro rata over a source's customer links, splitting a later tier's request, serving it at
 * mines and processing nodes, and covering unmet tier-1 requests. Amounts travel between steps through
 * per-node-lane arrays (scratch, laneScratch), never as double arguments, which V8 would box.
 */
import { EPS, LED_EXTRACTED, LED_IN_TRANSIT_END, LED_YIELD_LOSS, type Block } from './block.ts';

/**
 * Where a shipment over link l in lane b in period t lands in an arrivals ring (arrivals or refillArrivals),
 * or -1 past the horizon (then it is in transit at the end). An integer, so no double crosses the call.
 */
export function landingIndex(c: Block, l: number, b: number, t: number): number {
  const k = c.linkTransit[l] + c.addTransit[l * c.B + b];
  if (t + k >= c.H) return -1;
  let slot = c.slot + k;
  if (slot >= c.R) slot -= c.R;
  return (c.linkTo[l] * c.R + slot) * c.B + b;
}

/** For a link no event can delay: where lane 0's shipment in period t lands (add b for lane b), or -1 past the horizon. */
function fixedLanding(c: Block, l: number, t: number): number {
  const k = c.linkTransit[l];
  if (t + k >= c.H) return -1;
  let slot = c.slot + k;
  if (slot >= c.R) slot -= c.R;
  return (c.linkTo[l] * c.R + slot) * c.B;
}

/** Tier-1 shipments of node i: per lane, laneScratch[b] is shipped / requested (0 ships nothing); pro rata over its customers' requests. */
export function shipTier1(c: Block, i: number, t: number): void {
  const { B, n, off, sellerStart, sellerLinks, req, shippedLink, arrivals, ledger, linkDelayable, laneScratch: ratio } = c;
  const end = LED_IN_TRANSIT_END * B;
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
    const l = sellerLinks[j];
    const lo = l * B;
    if (linkDelayable[l] === 0) {
      const at = fixedLanding(c, l, t);
      c.kernels.shipFixed(off.req + lo, off.laneScratch, off.shippedLink + lo, at >= 0 ? off.arrivals + at : off.ledger + end, n);
      continue;
    }
    for (let b = 0; b < n; b++) {
      const amount = req[lo + b] * ratio[b];
      shippedLink[lo + b] = amount;
      if (amount > 0) {
        const at = landingIndex(c, l, b, t);
        if (at >= 0) arrivals[at] += amount;
        else ledger[end + b] += amount;
      }
    }
  }
}

/** What node i's customers asked in tier 1 and did not get, in lane b. */
export function unmetRequests(c: Block, i: number, b: number): number {
  const { B, sellerStart, sellerLinks, req, shippedLink } = c;
  let unmet = 0;
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
    const lo = sellerLinks[j] * B + b;
    unmet += Math.max(0, req[lo] - shippedLink[lo]);
  }
  return unmet;
}

/**
 * Ships scratch[i, b] units of node i to its customers' unmet tier-1 requests in lane b, pro rata. During
 * step 4 what arrives this period lands in the arrivals the next stage reads; in a later tier (`late`) it
 * joins the customer's input at once.
 */
export function shipToUnmet(c: Block, i: number, b: number, t: number, late: boolean): void {
  const { B, sellerStart, sellerLinks, linkTo, linkTransit, addTransit, req, shippedLink, inputLeft, scratch, arrivals, ledger } = c;
  const unmet = unmetRequests(c, i, b);
  const x = scratch[i * B + b];
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
    const l = sellerLinks[j];
    const lo = l * B + b;
    const part = (Math.max(0, req[lo] - shippedLink[lo]) * x) / unmet;
    if (!(part > 0)) continue;
    shippedLink[lo] += part;
    if (late && linkTransit[l] + addTransit[lo] === 0) inputLeft[linkTo[l] * B + b] += part;
    else {
      const at = landingIndex(c, l, b, t);
      if (at >= 0) arrivals[at] += part;
      else ledger[LED_IN_TRANSIT_END * B + b] += part;
    }
  }
}

/** A stockpile at a mine or processing node covers its customers' unmet tier-1 requests pro rata, in lane b. */
export function coverFromStock(c: Block, i: number, b: number, t: number): void {
  const { B, stock, shippedTotal, scratch } = c;
  const o = i * B + b;
  if (!(stock[o] > 0)) return;
  const unmet = unmetRequests(c, i, b);
  if (!(unmet > EPS)) return;
  const x = Math.min(unmet, stock[o]);
  stock[o] -= x;
  shippedTotal[o] += x;
  scratch[o] = x;
  shipToUnmet(c, i, b, t, false);
}

/**
 * Starts a later tier's pass: no request on any link or source. Only rows the last pass flagged hold any
 * (every write to treq and treqIn flags its link and source), so only those are cleared; `all` clears
 * everything, at the start of a block.
 */
export function clearTierRequests(c: Block, all = false): void {
  const { B, L, N, treq, treqIn, linkAsked, nodeAsked } = c;
  if (all) {
    treq.fill(0);
    treqIn.fill(0);
    linkAsked.fill(0);
    nodeAsked.fill(0);
    return;
  }
  for (let l = 0; l < L; l++) {
    if (linkAsked[l] === 0) continue;
    treq.fill(0, l * B, (l + 1) * B);
    linkAsked[l] = 0;
  }
  for (let i = 0; i < N; i++) {
    if (nodeAsked[i] === 0) continue;
    treqIn.fill(0, i * B, (i + 1) * B);
    nodeAsked[i] = 0;
  }
}

/**
 * Splits a later tier's request of scratch[buyer, b] units by share' (no g, no cap) in every lane; a pass-on
 * uses only transit-0 links without added transit. A cut link (a_l < 1) carries only its tier-1 request:
 * its part is dropped, not spread over the other links.
 */
export function tierSplit(c: Block, buyer: number, passOn: boolean): void {
  const { B, n, off, buyerStart, buyerLinks, linkFrom, linkTransit, linkCuttable, linkDelayable, addTransit, linkAsked, nodeAsked, kernels } = c;
  const sc = off.scratch + buyer * B;
  // addTransit's Int32 elements, as the kernels index their memory
  const at = addTransit.byteOffset >> 2;
  for (let j = buyerStart[buyer]; j < buyerStart[buyer + 1]; j++) {
    const l = buyerLinks[j];
    if (passOn && linkTransit[l] !== 0) continue;
    const lo = l * B;
    const from = linkFrom[l];
    const ns = off.normShare + lo;
    const tq = off.treq + lo;
    const ti = off.treqIn + from * B;
    let asked = true;
    // a_l is 1 and no transit is added in every lane, and callers leave 0 where a lane asks nothing (never a
    // value in 0..EPS): adding 0 x share' changes nothing, so no test per lane. Otherwise lanes where the
    // link is cut (or, for a pass-on, has added transit) add 0, and the kernel says whether any lane asked.
    if (linkCuttable[l] === 0 && (!passOn || linkDelayable[l] === 0)) kernels.splitAll(ns, sc, tq, ti, n);
    else asked = kernels.splitCut(ns, sc, tq, ti, off.aLink + lo, passOn ? at + lo : -1, n) !== 0;
    if (asked) {
      linkAsked[l] = 1;
      nodeAsked[from] = 1;
    }
  }
}

/** Processing nodes short of input for their tier requests pass what they miss on to their sources. */
export function passOnShortInput(c: Block): void {
  const { B, n, off, processors, P, yld, nodeAsked } = c;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    if (nodeAsked[i] === 0) continue;
    const o = i * B;
    const misses = c.kernels.shortInput(off.treqIn + o, off.inputLeft + o, off.avail + o, off.shippedOut + o, off.scratch + o, yld[i], n);
    // With no lane short, the pass-on would ask 0 everywhere: the sources would serve and ship nothing.
    if (misses) tierSplit(c, i, true);
  }
}

/**
 * Node i ships in a later tier, per lane laneScratch[b] (its serve loop's shipped / asked, 0 without a
 * request) of each tier request over its customer links. What arrives within the period joins the input
 * now (a refill: the refills of the period); a refill is tracked as in transit. Links no request went over
 * are skipped.
 */
function shipTier(c: Block, i: number, t: number, refill: boolean): void {
  const { B, n, H, off, sellerStart, sellerLinks, linkTo, linkTransit, linkDelayable, linkAsked, addTransit, treq, arrivals, refillArrivals, refillInTransit, refillNow, inputLeft, ledger, trace, flowOn, tierCarried, laneScratch: ratio } = c;
  const end = LED_IN_TRANSIT_END * B;
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
    const l = sellerLinks[j];
    if (linkAsked[l] === 0) continue;
    const lo = l * B;
    const to = linkTo[l] * B;
    const k = linkTransit[l];
    const now = refill ? refillNow : inputLeft;
    if (linkDelayable[l] === 0) {
      // Every lane's shipment over this link lands in the same place.
      // Amounts are >= 0 (requests and ratios are), and adding 0 changes nothing: no test per lane.
      if (k === 0) c.kernels.shipLate(off.treq + lo, off.laneScratch, (refill ? off.refillNow : off.inputLeft) + to, -1, n);
      else {
        const at = fixedLanding(c, l, t);
        const into = at < 0 ? off.ledger + end : (refill ? off.refillArrivals : off.arrivals) + at;
        c.kernels.shipLate(off.treq + lo, off.laneScratch, into, refill ? off.refillInTransit + to : -1, n);
      }
      if (trace) for (let b = 0; b < n; b++) if (treq[lo + b] * ratio[b] > 0) trace.linkCarried[l * H + t] += treq[lo + b] * ratio[b];
      if (flowOn) for (let b = 0; b < n; b++) if (treq[lo + b] * ratio[b] > 0) tierCarried[lo + b] += treq[lo + b] * ratio[b];
      continue;
    }
    for (let b = 0; b < n; b++) {
      const amount = treq[lo + b] * ratio[b];
      if (!(amount > 0)) continue;
      if (trace) trace.linkCarried[l * H + t] += amount;
      if (flowOn) tierCarried[lo + b] += amount;
      if (k + addTransit[lo + b] === 0) {
        now[to + b] += amount;
        continue;
      }
      if (refill) refillInTransit[to + b] += amount;
      const at = landingIndex(c, l, b, t);
      if (at < 0) ledger[end + b] += amount;
      else if (refill) refillArrivals[at] += amount;
      else arrivals[at] += amount;
    }
  }
}

/** Mines serve the tier's requests pro rata from unused capacity. */
export function minesServe(c: Block, t: number, refill: boolean): void {
  const { B, n, off, mines, nodeAsked } = c;
  const ratio = off.laneScratch;
  const extracted = off.ledger + LED_EXTRACTED * B;
  for (let q = 0; q < mines.length; q++) {
    const i = mines[q];
    if (nodeAsked[i] === 0) continue;
    const o = i * B;
    const any = c.kernels.mineServe(off.treqIn + o, off.avail + o, off.shippedOut + o, off.shippedTotal + o, off.scratch + o, ratio, extracted, n);
    if (any) shipTier(c, i, t, refill);
  }
}

/** Processing nodes serve the tier's requests from unused capacity and unused input. */
export function processorsServe(c: Block, t: number, refill: boolean): void {
  const { B, n, off, processors, P, yld, nodeAsked } = c;
  const ratio = off.laneScratch;
  const loss = off.ledger + LED_YIELD_LOSS * B;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    if (nodeAsked[i] === 0) continue;
    const o = i * B;
    const any = c.kernels.processorServe(off.treqIn + o, off.inputLeft + o, off.avail + o, off.shippedOut + o, off.shippedTotal + o, off.scratch + o, ratio, loss, yld[i], n);
    if (any) shipTier(c, i, t, refill);
  }
}

/** A processing node turns scratch[i, b] more units of output out of its unused input, in a later tier. */
export function processExtra(c: Block, i: number, b: number): void {
  const { B, yld, inputLeft, shippedOut, shippedTotal, scratch, ledger } = c;
  const o = i * B + b;
  const x = scratch[o];
  const y = yld[i];
  // x <= inputLeft x y, but x / y can exceed inputLeft by an ulp: no account may go below 0
  inputLeft[o] = Math.max(0, inputLeft[o] - x / y);
  ledger[LED_YIELD_LOSS * B + b] += x / y - x;
  shippedOut[o] += x;
  shippedTotal[o] += x;
}
