// Step 5's lane loops (src/engine/period/delivery.ts).
import { get2, set2, pick } from './lanes';

/** A maker's tier-1 delivery: from arrivals and inventory, then stockpile, in all at most min(d_n, c_n). */
export function deliverMaker(ar: i32, inv: i32, dm: i32, av: i32, il: i32, sk: i32, dl: i32, so: i32, n: i32): void {
  const zero = f64x2.splat(0);
  for (let b = 0; b < n; b += 2) {
    const input = f64x2.add(get2(ar + b), get2(inv + b));
    const limit = f64x2.min(get2(dm + b), get2(av + b));
    let d = f64x2.min(input, limit);
    set2(il + b, f64x2.sub(input, d));
    const s = get2(sk + b);
    const m = v128.and(f64x2.lt(d, limit), f64x2.gt(s, zero));
    if (v128.any_true(m)) {
      const fromStock = f64x2.min(s, f64x2.sub(limit, d));
      set2(sk + b, pick(m, f64x2.sub(s, fromStock), s));
      d = pick(m, f64x2.add(d, fromStock), d);
    }
    set2(dl + b, d);
    set2(so + b, d);
  }
}

/** A maker delivers more from fr, within what is still unmet: in every lane, or (only >= 0) in the lanes the row `only` marks with a value other than 0. */
export function deliverMore(fr: i32, av: i32, so: i32, dm: i32, dl: i32, only: i32, n: i32): void {
  const zero = f64x2.splat(0);
  for (let b = 0; b < n; b += 2) {
    const f = get2(fr + b);
    const d = get2(dl + b);
    const extra = f64x2.min(f, f64x2.sub(f64x2.min(get2(dm + b), get2(av + b)), d));
    let m = f64x2.gt(extra, zero);
    if (only >= 0) m = v128.and(m, f64x2.ne(get2(only + b), zero));
    if (!v128.any_true(m)) continue;
    const next = pick(m, f64x2.add(d, extra), d);
    set2(dl + b, next);
    set2(fr + b, pick(m, f64x2.max(zero, f64x2.sub(f, extra)), f));
    set2(so + b, pick(m, next, get2(so + b)));
  }
}
