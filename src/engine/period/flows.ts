/**
 * Step 4: flows go downstream, mines first. A mine ships min(requests, c_n(t)); a processing node uses
 * min(input, c_n(t) / yield, requests / yield) of what arrived, its inventory and its recycled input; a
 * short source serves pro rata; a stockpile at the node then covers its customers' unmet requests.
 */
import { LED_EXTRACTED, LED_YIELD_LOSS, type Block } from '../block.ts';
import { coverFromStock, shipTier1 } from '../ship.ts';

/** Mines and projects, then processing nodes, ship their tier-1 requests in period t. */
export function flowDownstream(c: Block, t: number): void {
  const { B, n, mines, processors, P, reqIn, avail, shippedOut, shippedTotal, stockMax, ledger, arrivals, inventory, recycled, recycles, invMax, inputLeft, yld, R, laneScratch: ratio } = c;
  const slot = c.slot;
  for (let q = 0; q < mines.length; q++) {
    const i = mines[q];
    const o = i * B;
    const extracted = LED_EXTRACTED * B;
    for (let b = 0; b < n; b++) {
      const total = reqIn[o + b];
      const x = Math.min(total, avail[o + b]);
      shippedOut[o + b] = x;
      if (x > 0) {
        // x / x is exactly 1: a mine that serves its requests in full skips the division.
        ratio[b] = x === total ? 1 : x / total;
        shippedTotal[o + b] += x;
        ledger[extracted + b] += x;
      } else ratio[b] = 0;
    }
    shipTier1(c, i, t);
    if (stockMax[i] > 0) for (let b = 0; b < n; b++) coverFromStock(c, i, b, t);
  }
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    const o = i * B;
    const ao = (i * R + slot) * B;
    const y = yld[i];
    // Without an inventory or recycling both are 0 in every lane (and x + 0 = x): the arrivals alone.
    const plain = invMax[i] === 0 && recycles[i] === 0;
    for (let b = 0; b < n; b++) {
      const input = plain ? arrivals[ao + b] : arrivals[ao + b] + inventory[o + b] + recycled[o + b];
      const used = Math.min(input, avail[o + b] / y, reqIn[o + b] / y);
      const output = used * y;
      ledger[LED_YIELD_LOSS * B + b] += used - output;
      inputLeft[o + b] = input - used;
      shippedOut[o + b] = output;
      ratio[b] = output > 0 ? output / reqIn[o + b] : 0;
      if (output > 0) shippedTotal[o + b] += output;
    }
    shipTier1(c, i, t);
    if (stockMax[i] > 0) for (let b = 0; b < n; b++) coverFromStock(c, i, b, t);
  }
}
