// Step 2's noise quantiles (src/random/normal-quantile.ts, distributions.ts), over a row of the heap.
import { exp, exp2, ln } from './math';

/** (((c0 r + c1) r + c2) ... ) r + c7, nested as normal-quantile.ts nests its polynomials. */
@inline function poly7(r: f64, c0: f64, c1: f64, c2: f64, c3: f64, c4: f64, c5: f64, c6: f64, c7: f64): f64 {
  return ((((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) * r + c6) * r + c7;
}

/** poly7 in two lanes. */
@inline function poly7x2(r: v128, c0: f64, c1: f64, c2: f64, c3: f64, c4: f64, c5: f64, c6: f64, c7: f64): v128 {
  let v = f64x2.splat(c0);
  v = f64x2.add(f64x2.mul(v, r), f64x2.splat(c1));
  v = f64x2.add(f64x2.mul(v, r), f64x2.splat(c2));
  v = f64x2.add(f64x2.mul(v, r), f64x2.splat(c3));
  v = f64x2.add(f64x2.mul(v, r), f64x2.splat(c4));
  v = f64x2.add(f64x2.mul(v, r), f64x2.splat(c5));
  v = f64x2.add(f64x2.mul(v, r), f64x2.splat(c6));
  return f64x2.add(f64x2.mul(v, r), f64x2.splat(c7));
}

/** The central branch of the normal quantile (|p - 1/2| <= 0.425) in two lanes. */
@inline function centralQuantile2(p: v128): v128 {
  const q = f64x2.sub(p, f64x2.splat(0.5));
  const r = f64x2.sub(f64x2.splat(0.180625), f64x2.mul(q, q));
  const num = poly7x2(r, 2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457, 13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608);
  const den = poly7x2(r, 5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867, 5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1);
  return f64x2.div(f64x2.mul(q, num), den);
}

/** z with P(Z <= z) = p for a standard normal Z (Wichura's AS 241, as normal-quantile.ts computes it). */
export function normalQuantile(p: f64): f64 {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return f64x2.extract_lane(centralQuantile2(f64x2.splat(p)), 0);
  let r = q < 0 ? p : 1 - p;
  if (r <= 0) return q < 0 ? -Infinity : Infinity;
  r = Math.sqrt(-ln(r));
  let z: f64;
  if (r <= 5) {
    r -= 1.6;
    z = poly7(r, 7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258, 3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734) /
      poly7(r, 1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1);
  } else {
    r -= 5;
    z = poly7(r, 2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772) /
      poly7(r, 2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4, 0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1);
  }
  return q < 0 ? -z : z;
}

/** Each of n uniforms at `at` to mu + sigma x z, or, when lognormal, to exp(mu + sigma x z); two lanes at a time. */
export function normalQuantiles(at: i32, mu: f64, sigma: f64, lognormal: bool, n: i32): void {
  const vmu = f64x2.splat(mu);
  const vsigma = f64x2.splat(sigma);
  for (let b = 0; b < n; b += 2) {
    const ptr = <usize>(at + b) << 3;
    const p = v128.load(ptr);
    let z: v128;
    if (i64x2.all_true(f64x2.le(f64x2.abs(f64x2.sub(p, f64x2.splat(0.5))), f64x2.splat(0.425)))) z = centralQuantile2(p);
    else z = f64x2.replace_lane(f64x2.splat(normalQuantile(f64x2.extract_lane(p, 0))), 1, normalQuantile(f64x2.extract_lane(p, 1)));
    const x = f64x2.add(vmu, f64x2.mul(vsigma, z));
    v128.store(ptr, lognormal ? exp2(x) : x);
  }
}

const INTERVALS = 512;

/**
 * Beta-PERT noise, as beta-quantile-table.ts computes it: each of n uniforms at `at` to lo + (hi - lo) x Q(u),
 * Q read from the table at `table` (lower half's q and d, then the upper half's, INTERVALS + 1 numbers
 * each) at w = exp(log(u) / alpha) (or the mirror's at 1 - u), by cubic Hermite interpolation. A lane in
 * an end interval, where the table gives way to stdlib's quantile, keeps its u and is flagged 1 in
 * `flags` (0 elsewhere); the result says whether any lane was.
 */
export function pertQuantiles(at: i32, table: i32, invAlpha: f64, invBeta: f64, stepLower: f64, stepUpper: f64, lo: f64, hi: f64, flags: i32, n: i32): bool {
  let any = false;
  const span = hi - lo;
  for (let b = 0; b < n; b++) {
    const ptr = <usize>(at + b) << 3;
    const u = load<f64>(ptr);
    const upper = !(u <= 0.5);
    const w = upper ? exp(ln(1 - u) * invBeta) : exp(ln(u) * invAlpha);
    const h = upper ? stepUpper : stepLower;
    const x = w / h;
    const jf = Math.min(<f64>(INTERVALS - 1), Math.floor(x));
    if (jf == 0) {
      store<f64>(<usize>(flags + b) << 3, 1);
      any = true;
      continue;
    }
    store<f64>(<usize>(flags + b) << 3, 0);
    const j = <i32>jf;
    const q = table + (upper ? 2 * (INTERVALS + 1) : 0) + j;
    const d = q + INTERVALS + 1;
    const t = x - jf;
    const q0 = load<f64>(<usize>q << 3);
    const q1 = load<f64>(<usize>(q + 1) << 3);
    const d0 = load<f64>(<usize>d << 3) * h;
    const d1 = load<f64>(<usize>(d + 1) << 3) * h;
    const t2 = t * t;
    const t3 = t2 * t;
    const v = (2 * t3 - 3 * t2 + 1) * q0 + (t3 - 2 * t2 + t) * d0 + (-2 * t3 + 3 * t2) * q1 + (t3 - t2) * d1;
    store<f64>(ptr, lo + span * (upper ? 1 - v : v));
  }
  return any;
}
