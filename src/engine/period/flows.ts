/**
 * Step 4: flows go downstream, mines first. A mine ships min(requests, c_n(t)); a processing node uses
 * min(input, c_n(t) / yield, requests / yield) of what arrived, its inventory and its recycled input; a
 * short source serves pro rata; a stockpile at the node then covers its customers' unmet requests.
 */
import { LED_EXTRACTED, LED_YIELD_LOSS, type Block } from '../block.ts';
import { coverFromStock, shipTier1 } from '../ship.ts';

/** Mines and projects, then processing nodes, ship their tier-1 requests in period t. */
export function flowDownstream(c: Block, t: number): void {
  const { B, n, off, mines, processors, P, stockMax, recycles, invMax, yld, R, kernels } = c;
  const slot = c.slot;
  const ratio = off.laneScratch;
  const extracted = off.ledger + LED_EXTRACTED * B;
  const loss = off.ledger + LED_YIELD_LOSS * B;
  for (let q = 0; q < mines.length; q++) {
    const i = mines[q];
    const o = i * B;
    kernels.mineShip(off.reqIn + o, off.avail + o, off.shippedOut + o, off.shippedTotal + o, ratio, extracted, n);
    shipTier1(c, i, t);
    if (stockMax[i] > 0) for (let b = 0; b < n; b++) coverFromStock(c, i, b, t);
  }
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    const o = i * B;
    // Without an inventory or recycling both are 0 in every lane (and x + 0 = x): the arrivals alone.
    const plain = invMax[i] === 0 && recycles[i] === 0;
    kernels.processorShip(off.arrivals + (i * R + slot) * B, off.inventory + o, off.recycled + o, off.reqIn + o, off.avail + o, off.shippedOut + o, off.shippedTotal + o, off.inputLeft + o, ratio, loss, yld[i], plain, n);
    shipTier1(c, i, t);
    if (stockMax[i] > 0) for (let b = 0; b < n; b++) coverFromStock(c, i, b, t);
  }
}
