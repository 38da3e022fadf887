/**
 * The trials of a block, side by side: model.md section 2 step by step for every lane, then each lane's
 * outcomes (cost, time to recover, closing stock). The steps live in period/*.ts, one a file.
 */
import { timeToRecover } from '../stats/time-to-recover.ts';
import { LED_CLOSING, type Block } from './block.ts';
import { deliver } from './period/delivery.ts';
import { drawDemand } from './period/demand.ts';
import { applyEvents, drawEvents } from './period/events.ts';
import { flexTier } from './period/flex-tier.ts';
import { flowDownstream } from './period/flows.ts';
import { normaliseShares, setAvailability, setOnline, switchDiversify } from './period/online.ts';
import { receiveRefills, refillTier } from './period/refill-tier.ts';
import { clearTierRequests } from './ship.ts';
import { recycle, requestTier1 } from './period/requests.ts';
import { closePeriod } from './period/stock.ts';
import { startLanes, steadyStart } from './trial-start.ts';

/** Simulates lanes 0 .. c.n - 1 of the block over the whole horizon (set the lanes first: setLane). */
export function simulateBlock(c: Block): void {
  const { H, hasRefill, hasFlex, hasRecycling } = c;
  if (c.trace) c.trace.linkCarried.fill(0);
  // Flows are followed only where something keeps them: attribution's and analyses' re-simulations skip them.
  c.flowOn = c.flowPlan !== null && (c.flowBins !== null || c.flowCapture !== null);
  clearTierRequests(c, true);
  startLanes(c);
  steadyStart(c);
  for (let t = 0; t < H; t++) {
    c.slot = t % c.R;
    // 1. Events, online status and ramps, levers that switch now.
    drawEvents(c, t);
    applyEvents(c, t);
    setOnline(c, t);
    setAvailability(c);
    if (t > 0) switchDiversify(c, t, false);
    normaliseShares(c);
    if (hasRefill) {
      receiveRefills(c, t);
      clearRefillsNow(c);
    }
    // 2. Demand; 3. requests upstream; 4. flows downstream; 5. makers deliver.
    drawDemand(c, t);
    if (hasRecycling) recycle(c, t);
    requestTier1(c, t);
    flowDownstream(c, t);
    deliver(c, t);
    // 6. Tier 2: flexibility's re-asks; tier 3: refills. 7. Stock and the period's accounts.
    if (hasFlex) flexTier(c, t);
    if (hasRefill) refillTier(c, t);
    closePeriod(c, t);
    clearSlot(c, t);
  }
  closeLanes(c);
}

/**
 * Lane b simulates trial `trial`; quiet (no events, no noise), a link cut from period 0, masked disruptions
 * (file indices) and a stress cut (index into the model's stressCuts) as given.
 */
export function setLane(c: Block, b: number, trial: number, options: { quiet?: boolean; cutLink?: number; mask?: ArrayLike<number> | null; stress?: number } = {}): void {
  const K = c.disruptionCount;
  c.laneTrial[b] = trial;
  c.laneStress[b] = options.stress ?? -1;
  c.laneQuiet[b] = options.quiet ? 1 : 0;
  c.laneCut[b] = options.cutLink ?? -1;
  if (c.laneCut[b] >= 0) c.linkCuttable[c.laneCut[b]] = 1;
  c.laneMask.fill(0, b * K, (b + 1) * K);
  if (options.mask) for (let k = 0; k < K; k++) c.laneMask[b * K + k] = options.mask[k] ? 1 : 0;
}

/** Empties the arrival ring's slot of period t, for period t + R. */
function clearSlot(c: Block, t: number): void {
  const { B, N, R, arrivals, refillArrivals, refillReceivers } = c;
  void t;
  const slot = c.slot;
  for (let i = 0; i < N; i++) arrivals.fill(0, (i * R + slot) * B, (i * R + slot + 1) * B);
  for (let q = 0; q < refillReceivers.length; q++) {
    const o = (refillReceivers[q] * R + slot) * B;
    refillArrivals.fill(0, o, o + B);
  }
}

/** The period's in-period refills start at 0 (only nodes that can receive refills ever hold any). */
function clearRefillsNow(c: Block): void {
  const { B, refillNow, refillReceivers } = c;
  for (let q = 0; q < refillReceivers.length; q++) refillNow.fill(0, refillReceivers[q] * B, (refillReceivers[q] + 1) * B);
}

/** Each lane's closing stock, cost and time to recover. */
function closeLanes(c: Block): void {
  const { B, n, N, H, inventory, stock, shippedTotal, unitCost, capex, opexTotal, holding, ledger, cost, ttrMonths, ttrStatus, fulfilment, events, periodsPerYear } = c;
  for (let b = 0; b < n; b++) {
    let closing = 0;
    for (let i = 0; i < N; i++) closing += inventory[i * B + b] + stock[i * B + b];
    ledger[LED_CLOSING * B + b] = closing;
    let supplyCost = 0;
    for (let i = 0; i < N; i++) supplyCost += shippedTotal[i * B + b] * unitCost[i];
    cost[b] = capex + opexTotal + holding[b] + supplyCost;
    const ttr = timeToRecover(fulfilment.subarray(b * H, (b + 1) * H), events[b].start.subarray(0, events[b].count), periodsPerYear);
    ttrStatus[b] = ttr.status;
    ttrMonths[b] = ttr.months;
  }
}
