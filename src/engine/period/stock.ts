/**
 * Step 7 and the period's accounts: what a node received and did not use goes to its inventory up to max
 * (refills beyond it, at a maker, to its stockpile), the rest is excess; each maker's shortfall after
 * substitution; chain fulfilment; holding cost; and the trace of lane 0 when one is kept.
 */
import { LED_DELIVERED, LED_EXCESS, type Block } from '../block.ts';
import { recordFlows } from './flow-record.ts';

/** Closes period t in every lane. */
export function closePeriod(c: Block, t: number): void {
  const { B, n, H, M, P, N, makers, processors, subFraction, subDelay, periodDemand, periodDelivered, hasStockpile, stock, stockHolding, holding, deliveredHistory, ledger, totalDemand, fulfilment, worst, trace, heap: h, off, kernels, laneScratch } = c;
  const series = c.makerSeries;
  for (let q = 0; q < P; q++) keepStock(c, processors[q], false);
  periodDemand.fill(0);
  periodDelivered.fill(0);
  // The trace's shortfall comes back through the lane scratch row (the trace's block has one lane).
  const shortOut = trace ? off.laneScratch : -1;
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    keepStock(c, i, true);
    const o = i * B;
    const ko = k * B;
    kernels.closeMaker(off.demand + ko, off.delivered + ko, off.shippedTotal + o, off.makerShortfallTotal + ko, off.makerDemandTotal + ko, off.subCount + ko, off.totalSubstituted, off.totalShortfall, off.periodDemand, off.periodDelivered, subFraction[k], subDelay[k], shortOut, n);
    if (series) {
      for (let b = 0; b < n; b++) {
        c.makerDemandSeries[(b * M + k) * H + t] = h[off.demand + ko + b];
        c.makerDeliveredSeries[(b * M + k) * H + t] = h[off.delivered + ko + b];
      }
    }
    if (trace) {
      trace.makerDemand[k * H + t] = h[off.demand + ko];
      trace.makerDelivered[k * H + t] = h[off.delivered + ko];
      trace.makerShortfall[k * H + t] = laneScratch[0];
    }
  }
  if (hasStockpile) {
    for (let i = 0; i < N; i++) {
      const rate = stockHolding[i];
      const o = i * B;
      for (let b = 0; b < n; b++) holding[b] += stock[o + b] * rate;
    }
  }
  for (let b = 0; b < n; b++) {
    const pd = periodDemand[b];
    const del = periodDelivered[b];
    deliveredHistory[b * H + t] = del;
    ledger[LED_DELIVERED * B + b] += del;
    totalDemand[b] += pd;
    const f = pd > 0 ? del / pd : 1;
    fulfilment[b * H + t] = f;
    if (f < worst[b]) worst[b] = f;
  }
  if (c.flowOn) recordFlows(c, t);
  if (trace) writeTrace(c, t);
}

/** Unused input (and, at a maker, the period's refills) to the inventory up to max, refills beyond it to the stockpile, the rest is excess. */
function keepStock(c: Block, i: number, toStockpile: boolean): void {
  const { B, n, off, invMax, stockMax } = c;
  const o = i * B;
  c.kernels.keepStock(off.inventory + o, off.refillNow + o, off.inputLeft + o, off.stock + o, off.ledger + LED_EXCESS * B, invMax[i], stockMax[i], toStockpile, n);
}

/** Lane 0's period t into the trace (blocks with a trace have one lane). */
function writeTrace(c: Block, t: number): void {
  const { B, H, N, L, trace, shippedOut, avail, stock, inventory, shippedLink, want, aLink } = c;
  const tr = trace!;
  for (let i = 0; i < N; i++) {
    tr.shipped[i * H + t] = shippedOut[i * B];
    tr.capacity[i * H + t] = avail[i * B];
    tr.stock[i * H + t] = stock[i * B];
    tr.inventory[i * H + t] = inventory[i * B];
  }
  for (let l = 0; l < L; l++) {
    tr.linkShipped[l * H + t] = shippedLink[l * B];
    tr.linkCarried[l * H + t] += shippedLink[l * B];
    tr.linkAsk[l * H + t] = want[l * B];
    tr.linkAvailability[l * H + t] = aLink[l * B];
  }
}
