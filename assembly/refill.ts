// Tier 3's lane loops (src/engine/period/refill-tier.ts).
import { get2, keepAboveEps, set2, pick } from './lanes';

/** receiveRefills for one node: what arrives goes to the inventory up to max, then (a maker's) to the stockpile, the rest to the period's input. */
export function receiveRefills(ra: i32, ar: i32, rt: i32, inv: i32, sk: i32, max: f64, stockMax: f64, stockpile: bool, n: i32): void {
  const zero = f64x2.splat(0);
  const vmax = f64x2.splat(max);
  const smax = f64x2.splat(stockMax);
  for (let b = 0; b < n; b += 2) {
    const r = get2(ra + b);
    // A lane where nothing arrives is left alone, as the loop it replaces skips it.
    const m = f64x2.ne(r, zero);
    if (!v128.any_true(m)) continue;
    const t = get2(rt + b);
    set2(rt + b, pick(m, f64x2.max(zero, f64x2.sub(t, r)), t));
    const i = get2(inv + b);
    const toInventory = f64x2.min(r, f64x2.max(zero, f64x2.sub(vmax, i)));
    set2(inv + b, pick(m, f64x2.add(i, toInventory), i));
    const a = get2(ar + b);
    if (stockpile) {
      const s = get2(sk + b);
      const toStock = f64x2.min(f64x2.sub(r, toInventory), f64x2.max(zero, f64x2.sub(smax, s)));
      set2(sk + b, pick(m, f64x2.add(s, toStock), s));
      set2(ar + b, pick(m, f64x2.add(a, f64x2.sub(f64x2.sub(r, toInventory), toStock)), a));
    } else set2(ar + b, pick(m, f64x2.add(a, f64x2.sub(f64x2.sub(r, toInventory), zero)), a));
  }
}

/** A maker's refill need to sc: its inventory's gap after what it has and what is in transit, and its stockpile's (at most stockRefill); 1 if a lane asks. */
export function makerRefillNeed(il: i32, rn: i32, rt: i32, sk: i32, sc: i32, max: f64, stockMax: f64, stockRefill: f64, refillsStock: bool, n: i32): bool {
  const zero = f64x2.splat(0);
  const vmax = f64x2.splat(max);
  const smax = f64x2.splat(stockMax);
  const sref = f64x2.splat(stockRefill);
  let asks = false;
  for (let b = 0; b < n; b += 2) {
    const have = f64x2.add(get2(il + b), get2(rn + b));
    const transit = get2(rt + b);
    let need = f64x2.max(zero, f64x2.sub(f64x2.sub(vmax, have), transit));
    if (refillsStock) {
      const spilled = f64x2.max(zero, f64x2.sub(f64x2.add(have, transit), vmax));
      need = f64x2.add(need, f64x2.min(sref, f64x2.max(zero, f64x2.sub(f64x2.sub(smax, get2(sk + b)), spilled))));
    }
    if (keepAboveEps(sc + b, need, b, n)) asks = true;
  }
  return asks;
}

/** A processing node's refill need to sc: its inventory's gap after what it has and what is in transit; 1 if a lane asks. */
export function processorRefillNeed(il: i32, rn: i32, rt: i32, sc: i32, max: f64, n: i32): bool {
  const vmax = f64x2.splat(max);
  let asks = false;
  for (let b = 0; b < n; b += 2) {
    const need = f64x2.sub(f64x2.sub(f64x2.sub(vmax, get2(il + b)), get2(rn + b)), get2(rt + b));
    if (keepAboveEps(sc + b, need, b, n)) asks = true;
  }
  return asks;
}
