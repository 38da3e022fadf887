// Step 1's lane loops that are not events (src/engine/period/online.ts) and step 2's (demand.ts).
import { addTo, get2, intAtMost2, set2, pick } from './lanes';

/** c_n(t) = capacity x a_n(t) x online. */
export function availability(av: i32, an: i32, on: i32, capacity: f64, n: i32): void {
  const cap = f64x2.splat(capacity);
  for (let b = 0; b < n; b += 2) set2(av + b, f64x2.mul(f64x2.mul(cap, get2(an + b)), get2(on + b)));
}

/** Adds share x online of one link of a mix to the sum row. */
export function shareSum(sh: i32, on: i32, sum: i32, n: i32): void {
  for (let b = 0; b < n; b += 2) addTo(sum + b, f64x2.mul(get2(sh + b), get2(on + b)));
}

/** share' = share x online / sum where the sum is above 0, else 0. */
export function shareNorm(sh: i32, on: i32, sum: i32, ns: i32, n: i32): void {
  const zero = f64x2.splat(0);
  for (let b = 0; b < n; b += 2) {
    const s = get2(sum + b);
    set2(ns + b, pick(f64x2.gt(s, zero), f64x2.div(f64x2.mul(get2(sh + b), get2(on + b)), s), zero));
  }
}

/** Sets n lanes of a row to value. */
export function fillRow(at: i32, value: f64, n: i32): void {
  const v = f64x2.splat(value);
  for (let b = 0; b < n; b += 2) set2(at + b, v);
}

/** A maker's demand: planned x max(0, noise) x multiplier where it is online by t (onlineAt, Int32 elements), else 0. */
export function demandRow(dm: i32, noise: i32, mult: i32, onlineAt: i32, planned: f64, t: i32, n: i32): void {
  const zero = f64x2.splat(0);
  const p = f64x2.splat(planned);
  for (let b = 0; b < n; b += 2) {
    const x = f64x2.max(zero, get2(noise + b));
    set2(dm + b, pick(intAtMost2(onlineAt + b, t), f64x2.mul(f64x2.mul(p, x), get2(mult + b)), zero));
  }
}
