// Step 4's lane loops (src/engine/period/flows.ts).
import { addTo, addWhere, get2, set2, pick } from './lanes';

/** A mine ships min(requests, c_n(t)); ratio is shipped / requested (1 without a division when served in full, 0 when nothing ships). */
export function mineShip(rq: i32, av: i32, so: i32, st: i32, ratio: i32, extracted: i32, n: i32): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  for (let b = 0; b < n; b += 2) {
    const total = get2(rq + b);
    const x = f64x2.min(total, get2(av + b));
    set2(so + b, x);
    const m = f64x2.gt(x, zero);
    set2(ratio + b, pick(m, pick(f64x2.eq(x, total), one, f64x2.div(x, total)), zero));
    addWhere(st + b, m, x);
    addWhere(extracted + b, m, x);
  }
}

/** A processing node uses min(input, c_n(t) / yield, requests / yield) of its input (arrivals alone when plain) and ships used x yield. */
export function processorShip(ar: i32, inv: i32, rc: i32, rq: i32, av: i32, so: i32, st: i32, il: i32, ratio: i32, loss: i32, y: f64, plain: bool, n: i32): void {
  const zero = f64x2.splat(0);
  const vy = f64x2.splat(y);
  for (let b = 0; b < n; b += 2) {
    const a = get2(ar + b);
    const input = plain ? a : f64x2.add(f64x2.add(a, get2(inv + b)), get2(rc + b));
    const r = get2(rq + b);
    const used = f64x2.min(f64x2.min(input, f64x2.div(get2(av + b), vy)), f64x2.div(r, vy));
    const output = f64x2.mul(used, vy);
    addTo(loss + b, f64x2.sub(used, output));
    set2(il + b, f64x2.sub(input, used));
    set2(so + b, output);
    const m = f64x2.gt(output, zero);
    set2(ratio + b, pick(m, f64x2.div(output, r), zero));
    addWhere(st + b, m, output);
  }
}
