// Step 3's lane loops (src/engine/period/requests.ts).
import { addTo, get2, set2, pick } from './lanes';

/** A buyer's request base: min(need, c_n(t)) / yield. */
export function requestBase(nd: i32, av: i32, base: i32, y: f64, n: i32): void {
  const vy = f64x2.splat(y);
  for (let b = 0; b < n; b += 2) set2(base + b, f64x2.div(f64x2.min(get2(nd + b), get2(av + b)), vy));
}

/**
 * The request over one link: x = base x g (- recycled, mode 0); the ask w = share' x x where x > 0 (kept
 * in wa unless mode 2), the request w x a_l (mode 2: w, a_l being 1), added to the source's.
 */
export function requestLink(base: i32, rc: i32, ns: i32, al: i32, wa: i32, rq: i32, ri: i32, g: f64, mode: i32, n: i32): void {
  const zero = f64x2.splat(0);
  const vg = f64x2.splat(g);
  for (let b = 0; b < n; b += 2) {
    let x = f64x2.mul(get2(base + b), vg);
    if (mode == 0) x = f64x2.sub(x, get2(rc + b));
    const w = pick(f64x2.gt(x, zero), f64x2.mul(get2(ns + b), x), zero);
    let r = w;
    if (mode != 2) {
      set2(wa + b, w);
      r = f64x2.mul(w, get2(al + b));
    }
    set2(rq + b, r);
    addTo(ri + b, r);
  }
}
