/**
 * Step 4: flows go downstream, mines first. A mine ships min(requests, c_n(t)); a processing node uses
 * min(input, c_n(t) / yield, requests / yield) of what arrived, its inventory and its recycled input; a
 * short source serves pro rata; a stockpile at the node then covers its customers' unmet requests.
 */
import { LED_EXTRACTED, LED_YIELD_LOSS, type Block } from '../block.ts';
import { coverFromStock, shipTier1 } from '../ship.ts';

/** Mines and projects, then processing nodes, ship their tier-1 requests in period t. */
export function flowDownstream(c: Block, t: number): void {
  const { B, n, heap: h, off, mines, processors, P, stockMax, recycles, invMax, yld, R } = c;
  const slot = c.slot;
  const ratio = off.laneScratch;
  const extracted = off.ledger + LED_EXTRACTED * B;
  const loss = off.ledger + LED_YIELD_LOSS * B;
  for (let q = 0; q < mines.length; q++) {
    const i = mines[q];
    const o = i * B;
    const rq = off.reqIn + o;
    const av = off.avail + o;
    const so = off.shippedOut + o;
    const st = off.shippedTotal + o;
    for (let b = 0; b < n; b++) {
      const total = h[rq + b];
      const x = Math.min(total, h[av + b]);
      h[so + b] = x;
      if (x > 0) {
        // x / x is exactly 1: a mine that serves its requests in full skips the division.
        h[ratio + b] = x === total ? 1 : x / total;
        h[st + b] += x;
        h[extracted + b] += x;
      } else h[ratio + b] = 0;
    }
    shipTier1(c, i, t);
    if (stockMax[i] > 0) for (let b = 0; b < n; b++) coverFromStock(c, i, b, t);
  }
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    const o = i * B;
    const ar = off.arrivals + (i * R + slot) * B;
    const inv = off.inventory + o;
    const rc = off.recycled + o;
    const rq = off.reqIn + o;
    const av = off.avail + o;
    const so = off.shippedOut + o;
    const st = off.shippedTotal + o;
    const il = off.inputLeft + o;
    const y = yld[i];
    // Without an inventory or recycling both are 0 in every lane (and x + 0 = x): the arrivals alone.
    const plain = invMax[i] === 0 && recycles[i] === 0;
    for (let b = 0; b < n; b++) {
      const input = plain ? h[ar + b] : h[ar + b] + h[inv + b] + h[rc + b];
      const used = Math.min(input, h[av + b] / y, h[rq + b] / y);
      const output = used * y;
      h[loss + b] += used - output;
      h[il + b] = input - used;
      h[so + b] = output;
      h[ratio + b] = output > 0 ? output / h[rq + b] : 0;
      if (output > 0) h[st + b] += output;
    }
    shipTier1(c, i, t);
    if (stockMax[i] > 0) for (let b = 0; b < n; b++) coverFromStock(c, i, b, t);
  }
}
