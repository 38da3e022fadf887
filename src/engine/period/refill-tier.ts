/**
 * Tier 3 (model.md section 2, step 6): refills. Makers' inventories (and stockpiles, up to refillPerMonth)
 * ask their sources, which may pass the request on over transit-0 links; what arrives in the period is
 * delivered first, within what is still unmet. Then processing nodes' inventories ask the mines, then
 * stockpiles at mines and processing nodes refill from their own unused output. Refills that arrive in a
 * later period go to the inventory first, then, at a maker, to its stockpile.
 */
import { EPS, LED_EXTRACTED, LED_YIELD_LOSS, type Block } from '../block.ts';
import { clearTierRequests, minesServe, passOnShortInput, processorsServe, tierSplit } from '../ship.ts';
import { deliverMore } from './delivery.ts';

/** Refills arriving in period t: to the inventory up to its max, then at a maker to the stockpile, the rest to the period's input. */
export function receiveRefills(c: Block, t: number): void {
  const { B, n, R, heap: h, off, stockMax, invMax, makerPos, refillReceivers } = c;
  const slot = c.slot;
  for (let q = 0; q < refillReceivers.length; q++) {
    const i = refillReceivers[q];
    const o = i * B;
    const ao = (i * R + slot) * B;
    const ra = off.refillArrivals + ao;
    const ar = off.arrivals + ao;
    const rt = off.refillInTransit + o;
    const inv = off.inventory + o;
    const sk = off.stock + o;
    const max = invMax[i];
    // Only a maker's stockpile takes refills beyond the inventory.
    const stockpile = makerPos[i] >= 0 && stockMax[i] > 0;
    for (let b = 0; b < n; b++) {
      const r = h[ra + b];
      if (r === 0) continue;
      h[rt + b] = Math.max(0, h[rt + b] - r);
      const toInventory = Math.min(r, Math.max(0, max - h[inv + b]));
      h[inv + b] += toInventory;
      if (stockpile) {
        const toStock = Math.min(r - toInventory, Math.max(0, stockMax[i] - h[sk + b]));
        h[sk + b] += toStock;
        h[ar + b] += r - toInventory - toStock;
      } else h[ar + b] += r - toInventory - 0;
    }
  }
}

/** Tier 3 of period t in every lane. */
export function refillTier(c: Block, t: number): void {
  const { B, n, M, P, heap: h, off, makers, processors, invMax, stockMax, stockRefill, hasStockpile } = c;
  clearTierRequests(c);
  let any = false;
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    const o = i * B;
    const il = off.inputLeft + o;
    const rn = off.refillNow + o;
    const rt = off.refillInTransit + o;
    const sk = off.stock + o;
    const sc = off.scratch + o;
    const max = invMax[i];
    const refillsStock = stockMax[i] > 0 && stockRefill[i] > 0;
    let asks = false;
    for (let b = 0; b < n; b++) {
      const have = h[il + b] + h[rn + b];
      const transit = h[rt + b];
      let need = Math.max(0, max - have - transit);
      if (refillsStock) {
        const spilled = Math.max(0, have + transit - max);
        need += Math.min(stockRefill[i], Math.max(0, stockMax[i] - h[sk + b] - spilled));
      }
      h[sc + b] = need > EPS ? need : 0;
      if (need > EPS) asks = true;
    }
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
    deliverMore(c, 'refillNow', null);
  }
  clearTierRequests(c);
  let anyProcessor = false;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    if (!(invMax[i] > 0)) continue;
    const o = i * B;
    const il = off.inputLeft + o;
    const rn = off.refillNow + o;
    const rt = off.refillInTransit + o;
    const sc = off.scratch + o;
    let asks = false;
    for (let b = 0; b < n; b++) {
      const need = invMax[i] - h[il + b] - h[rn + b] - h[rt + b];
      h[sc + b] = need > EPS ? need : 0;
      if (need > EPS) asks = true;
    }
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
