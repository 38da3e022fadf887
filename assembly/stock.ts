// Step 7's lane loops (src/engine/period/stock.ts).
import { addTo, addWhere, get2, set2, pick } from './lanes';

/** keepStock: unused input (and a maker's refills) to the inventory up to max, refills beyond it to the stockpile, the rest is excess. */
export function keepStock(inv: i32, rn: i32, il: i32, sk: i32, excess: i32, max: f64, stockMax: f64, toStockpile: bool, n: i32): void {
  const zero = f64x2.splat(0);
  if (max == 0 && (!toStockpile || stockMax == 0)) {
    for (let b = 0; b < n; b += 2) {
      set2(inv + b, zero);
      addTo(excess + b, f64x2.add(get2(il + b), get2(rn + b)));
    }
    return;
  }
  const vmax = f64x2.splat(max);
  const smax = f64x2.splat(stockMax);
  for (let b = 0; b < n; b += 2) {
    const r = get2(rn + b);
    const total = f64x2.add(get2(il + b), r);
    const keep = f64x2.min(vmax, total);
    set2(inv + b, keep);
    let over = f64x2.sub(total, keep);
    if (toStockpile) {
      const m = v128.and(f64x2.gt(over, zero), f64x2.gt(r, zero));
      if (v128.any_true(m)) {
        const x = f64x2.min(f64x2.min(over, r), f64x2.max(zero, f64x2.sub(smax, get2(sk + b))));
        addWhere(sk + b, m, x);
        over = pick(m, f64x2.sub(over, x), over);
      }
    }
    addTo(excess + b, over);
  }
}

/**
 * closePeriod's loop over one maker's lanes: delivered to the shipped total, the shortfall (after
 * substitution once it has lasted more than subDelay periods) to the lane's and the maker's totals, demand
 * and delivered to the period's; the shortfall also to shortOut unless it is -1 (the trace's row).
 */
export function closeMaker(dm: i32, dl: i32, st: i32, ms: i32, md: i32, sc: i32, ts: i32, tsh: i32, pd: i32, pdl: i32, fraction: f64, subDelay: f64, shortOut: i32, n: i32): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const tiny = f64x2.splat(1e-9);
  const frac = f64x2.splat(fraction);
  const delay = f64x2.splat(subDelay);
  for (let b = 0; b < n; b += 2) {
    const d = get2(dm + b);
    const del = get2(dl + b);
    addTo(st + b, del);
    let short = f64x2.sub(d, del);
    short = pick(f64x2.lt(short, f64x2.mul(tiny, d)), zero, short);
    if (fraction > 0) {
      const count = pick(f64x2.gt(short, zero), f64x2.add(get2(sc + b), one), zero);
      set2(sc + b, count);
      const m = f64x2.gt(count, delay);
      if (v128.any_true(m)) {
        const sub = f64x2.min(short, f64x2.mul(frac, d));
        addWhere(ts + b, m, sub);
        let left = f64x2.sub(short, sub);
        left = pick(f64x2.lt(left, f64x2.mul(tiny, d)), zero, left);
        short = pick(m, left, short);
      }
    }
    addTo(tsh + b, short);
    addTo(ms + b, short);
    addTo(md + b, d);
    addTo(pd + b, d);
    addTo(pdl + b, del);
    if (shortOut >= 0) set2(shortOut + b, short);
  }
}
