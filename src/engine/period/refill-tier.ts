/**
 * Tier 3 (model.md section 2, step 6): refills. Makers' inventories (and stockpiles, up to refillPerMonth)
 * ask their sources, which may pass the request on over transit-0 links; what arrives in the period is
 * delivered first, within what is still unmet. Then processing nodes' inventories ask the mines, then
 * stockpiles at mines and processing nodes refill from their own unused output. Refills that arrive in a
 * later period go to the inventory first, then, at a maker, to its stockpile.
 */
import { LED_EXTRACTED, LED_YIELD_LOSS, type Block } from '../block.ts';
import { clearTierRequests, minesServe, passOnShortInput, processorsServe, tierSplit } from '../ship.ts';
import { deliverMore } from './delivery.ts';

/** Refills arriving in period t: to the inventory up to its max, then at a maker to the stockpile, the rest to the period's input. */
export function receiveRefills(c: Block, t: number): void {
  const { B, n, R, off, stockMax, invMax, makerPos, refillReceivers } = c;
  const slot = c.slot;
  for (let q = 0; q < refillReceivers.length; q++) {
    const i = refillReceivers[q];
    const o = i * B;
    const ao = (i * R + slot) * B;
    // Only a maker's stockpile takes refills beyond the inventory.
    const stockpile = makerPos[i] >= 0 && stockMax[i] > 0;
    c.kernels.receiveRefills(off.refillArrivals + ao, off.arrivals + ao, off.refillInTransit + o, off.inventory + o, off.stock + o, invMax[i], stockMax[i], stockpile, n);
  }
}

/** Tier 3 of period t in every lane. */
export function refillTier(c: Block, t: number): void {
  const { B, n, M, P, off, makers, processors, invMax, stockMax, stockRefill, hasStockpile, kernels } = c;
  clearTierRequests(c);
  let any = false;
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    const o = i * B;
    const refillsStock = stockMax[i] > 0 && stockRefill[i] > 0;
    const asks = kernels.makerRefillNeed(off.inputLeft + o, off.refillNow + o, off.refillInTransit + o, off.stock + o, off.scratch + o, invMax[i], stockMax[i], stockRefill[i], refillsStock, n);
    if (asks) {
      tierSplit(c, i, false);
      any = true;
    }
  }
  if (any) {
    passOnShortInput(c);
    minesServe(c, t, false);
    processorsServe(c, t, true);
    // Refills that arrive in the period are delivered first, within what is still unmet, then stored.
    deliverMore(c, 'refillNow', false);
  }
  clearTierRequests(c);
  let anyProcessor = false;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    if (!(invMax[i] > 0)) continue;
    const o = i * B;
    const asks = kernels.processorRefillNeed(off.inputLeft + o, off.refillNow + o, off.refillInTransit + o, off.scratch + o, invMax[i], n);
    if (asks) {
      tierSplit(c, i, false);
      anyProcessor = true;
    }
  }
  if (anyProcessor) minesServe(c, t, true);
  if (hasStockpile) refillStockpiles(c);
}

/** Stockpiles at mines and processing nodes refill, at most refillPerMonth, from the node's own unused output. */
function refillStockpiles(c: Block): void {
  const { B, n, mines, processors, P, yld, stockMax, stockRefill, stock, avail, shippedOut, inputLeft, ledger } = c;
  for (let q = 0; q < mines.length; q++) {
    const i = mines[q];
    if (!(stockMax[i] > 0 && stockRefill[i] > 0)) continue;
    const o = i * B;
    for (let b = 0; b < n; b++) {
      const x = Math.min(stockRefill[i], stockMax[i] - stock[o + b], Math.max(0, avail[o + b] - shippedOut[o + b]));
      if (!(x > 0)) continue;
      stock[o + b] += x;
      shippedOut[o + b] += x;
      ledger[LED_EXTRACTED * B + b] += x;
    }
  }
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    if (!(stockMax[i] > 0 && stockRefill[i] > 0)) continue;
    const o = i * B;
    const y = yld[i];
    for (let b = 0; b < n; b++) {
      const x = Math.min(stockRefill[i], stockMax[i] - stock[o + b], Math.max(0, avail[o + b] - shippedOut[o + b]), inputLeft[o + b] * y);
      if (!(x > 0)) continue;
      stock[o + b] += x;
      shippedOut[o + b] += x;
      inputLeft[o + b] = Math.max(0, inputLeft[o + b] - x / y);
      ledger[LED_YIELD_LOSS * B + b] += x / y - x;
    }
  }
}
