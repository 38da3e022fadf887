/**
 * Step 7 and the period's accounts: what a node received and did not use goes to its inventory up to max
 * (refills beyond it, at a maker, to its stockpile), the rest is excess; each maker's shortfall after
 * substitution; chain fulfilment; holding cost; and the trace of lane 0 when one is kept.
 */
import { LED_DELIVERED, LED_EXCESS, type Block } from '../block.ts';
import { recordFlows } from './flow-record.ts';

/** Closes period t in every lane. */
export function closePeriod(c: Block, t: number): void {
  const { B, n, H, M, P, N, makers, processors, subFraction, subDelay, subCount, periodDemand, periodDelivered, hasStockpile, stock, stockHolding, holding, deliveredHistory, ledger, totalDemand, fulfilment, worst, trace } = c;
  const series = c.makerSeries;
  for (let q = 0; q < P; q++) keepStock(c, processors[q], false);
  periodDemand.fill(0);
  periodDelivered.fill(0);
  const { heap: h, off } = c;
  const ts = off.totalSubstituted;
  const tsh = off.totalShortfall;
  const pd = off.periodDemand;
  const pdl = off.periodDelivered;
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    keepStock(c, i, true);
    const o = i * B;
    const ko = k * B;
    const dm = off.demand + ko;
    const dl = off.delivered + ko;
    const st = off.shippedTotal + o;
    const ms = off.makerShortfallTotal + ko;
    const md = off.makerDemandTotal + ko;
    const fraction = subFraction[k];
    for (let b = 0; b < n; b++) {
      const d = h[dm + b];
      const del = h[dl + b];
      h[st + b] += del;
      let short = d - del;
      if (short < 1e-9 * d) short = 0;
      if (fraction > 0) {
        subCount[ko + b] = short > 0 ? subCount[ko + b] + 1 : 0;
        if (subCount[ko + b] > subDelay[k]) {
          const sub = Math.min(short, fraction * d);
          h[ts + b] += sub;
          short -= sub;
          if (short < 1e-9 * d) short = 0;
        }
      }
      h[tsh + b] += short;
      h[ms + b] += short;
      h[md + b] += d;
      h[pd + b] += d;
      h[pdl + b] += del;
      if (series) {
        c.makerDemandSeries[(b * M + k) * H + t] = d;
        c.makerDeliveredSeries[(b * M + k) * H + t] = del;
      }
      if (trace) {
        trace.makerDemand[k * H + t] = d;
        trace.makerDelivered[k * H + t] = del;
        trace.makerShortfall[k * H + t] = short;
      }
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
  const { B, n, heap: h, off, invMax, stockMax } = c;
  const o = i * B;
  const inv = off.inventory + o;
  const rn = off.refillNow + o;
  const il = off.inputLeft + o;
  const sk = off.stock + o;
  const max = invMax[i];
  const excess = off.ledger + LED_EXCESS * B;
  if (max === 0 && (!toStockpile || stockMax[i] === 0)) {
    // No inventory (and no stockpile to take refills): min(0, total) = 0 (total >= 0), and all of it is excess.
    for (let b = 0; b < n; b++) {
      h[inv + b] = 0;
      h[excess + b] += h[il + b] + h[rn + b];
    }
    return;
  }
  for (let b = 0; b < n; b++) {
    const total = h[il + b] + h[rn + b];
    const keep = Math.min(max, total);
    h[inv + b] = keep;
    let over = total - keep;
    if (toStockpile && over > 0 && h[rn + b] > 0) {
      const x = Math.min(over, h[rn + b], Math.max(0, stockMax[i] - h[sk + b]));
      h[sk + b] += x;
      over -= x;
    }
    h[excess + b] += over;
  }
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
