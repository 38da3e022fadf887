// exp and log exactly as the engine's JavaScript computes them (src/random/portable-math.ts: stdlib's ports
// of FreeBSD msun's e_exp.c and e_log.c): the same operations in the same order, so the same bits; a test
// compares them on a million inputs and the edge cases. Only + - * / and bit operations, which IEEE 754 fixes.

const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const TWO54: f64 = 1.80143985094819840000e+16;
const ONE_THIRD: f64 = 0.33333333333333333;
const LOG2_E: f64 = 1.44269504088896338700e+00;
const OVERFLOW: f64 = 7.09782712893383973096e+02;
const UNDERFLOW: f64 = -7.45133219101941108420e+02;
const NEARZERO: f64 = 1.0 / <f64>(1 << 28);

@inline function highWord(x: f64): i32 {
  return <i32>(reinterpret<u64>(x) >> 32);
}

@inline function withHighWord(x: f64, high: i32): f64 {
  return reinterpret<f64>((<u64>(<u32>high) << 32) | (reinterpret<u64>(x) & 0xffffffff));
}

@inline function lnP(x: f64): f64 {
  if (x == 0.0) return 0.3999999999940942;
  return 0.3999999999940942 + (x * (0.22222198432149784 + (x * 0.15313837699209373)));
}

@inline function lnQ(x: f64): f64 {
  if (x == 0.0) return 0.6666666666666735;
  return 0.6666666666666735 + (x * (0.2857142874366239 + (x * (0.1818357216161805 + (x * 0.14798198605116586)))));
}

/** The natural logarithm (stdlib's ln). */
export function ln(x: f64): f64 {
  if (x == 0.0) return -Infinity;
  if (isNaN(x) || x < 0.0) return NaN;
  let hx = highWord(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1.0;
  const dk = <f64>k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0.0) {
      if (k == 0) return 0.0;
      return (dk * LN2_HI) + (dk * LN2_LO);
    }
    const R = f * f * (0.5 - (ONE_THIRD * f));
    if (k == 0) return f - R;
    return (dk * LN2_HI) - ((R - (dk * LN2_LO)) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * lnP(w);
  const t2 = z * lnQ(w);
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - (s * (hfsq + R)));
    return (dk * LN2_HI) - (hfsq - ((s * (hfsq + R)) + (dk * LN2_LO)) - f);
  }
  if (k == 0) return f - (s * (f - R));
  return (dk * LN2_HI) - (((s * (f - R)) - (dk * LN2_LO)) - f);
}

@inline function expP(x: f64): f64 {
  if (x == 0.0) return 0.16666666666666602;
  return 0.16666666666666602 + (x * (-0.0027777777777015593 + (x * (0.00006613756321437934 + (x * (-0.0000016533902205465252 + (x * 4.1381367970572385e-8)))))));
}

/**
 * y x 2^k for exp's y (a normal number near 1), as stdlib's ldexp: 0 below the least subnormal exponent,
 * infinity above the greatest, a subnormal rounded once.
 */
@inline function ldexp(y: f64, k: i32): f64 {
  if (k == 0 || y == 0.0) return y;
  const bits = reinterpret<u64>(y);
  const e = k + (<i32>((bits >> 52) & 0x7ff) - 1023);
  if (e < -1074) return y < 0 ? -0.0 : 0.0;
  if (e > 1023) return y < 0 ? -Infinity : Infinity;
  const clear = bits & 0x800fffffffffffff;
  if (e <= -1023) return 2.220446049250313e-16 * reinterpret<f64>(clear | (<u64>(e + 52 + 1023) << 52));
  return reinterpret<f64>(clear | (<u64>(e + 1023) << 52));
}

/** e^x (stdlib's exp). */
export function exp(x: f64): f64 {
  if (isNaN(x) || x == Infinity) return x;
  if (x == -Infinity) return 0.0;
  if (x > OVERFLOW) return Infinity;
  if (x < UNDERFLOW) return 0.0;
  if (x > -NEARZERO && x < NEARZERO) return 1.0 + x;
  const k = x < 0.0 ? Math.trunc((LOG2_E * x) - 0.5) : Math.trunc((LOG2_E * x) + 0.5);
  const hi = x - (k * LN2_HI);
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - (t * expP(t));
  const y = 1.0 - (lo - ((r * c) / (2.0 - c)) - hi);
  return ldexp(y, <i32>k);
}

/**
 * e^x in two lanes, each lane's bits those of exp: the same steps over f64x2, for x in [-708, 709] where
 * exp's y x 2^k is a normal number (then ldexp only adds k to y's exponent); a pair with a lane outside
 * (or NaN) goes through exp lane by lane.
 */
export function exp2(x: v128): v128 {
  const inRange = v128.and(f64x2.ge(x, f64x2.splat(-708)), f64x2.le(x, f64x2.splat(709)));
  if (!i64x2.all_true(inRange)) {
    return f64x2.replace_lane(f64x2.splat(exp(f64x2.extract_lane(x, 0))), 1, exp(f64x2.extract_lane(x, 1)));
  }
  const a = f64x2.mul(f64x2.splat(LOG2_E), x);
  const half = f64x2.splat(0.5);
  const k = f64x2.trunc(v128.bitselect(f64x2.sub(a, half), f64x2.add(a, half), f64x2.lt(x, f64x2.splat(0))));
  const hi = f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(k, f64x2.splat(LN2_LO));
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  // expP without its t == 0 branch: there t x (...) is 0 and the sum the constant, the same number.
  const p = f64x2.add(f64x2.splat(0.16666666666666602), f64x2.mul(t, f64x2.add(f64x2.splat(-0.0027777777777015593), f64x2.mul(t, f64x2.add(f64x2.splat(0.00006613756321437934), f64x2.mul(t, f64x2.add(f64x2.splat(-0.0000016533902205465252), f64x2.mul(t, f64x2.splat(4.1381367970572385e-8)))))))));
  const c = f64x2.sub(r, f64x2.mul(t, p));
  const y = f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.sub(lo, f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c))), hi));
  const k64 = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k));
  const scaled = i64x2.add(y, i64x2.shl(k64, 52));
  // Within 2^-28 of 0, exp is 1 + x.
  const near = v128.and(f64x2.gt(x, f64x2.splat(-NEARZERO)), f64x2.lt(x, f64x2.splat(NEARZERO)));
  return v128.bitselect(f64x2.add(f64x2.splat(1.0), x), scaled, near);
}

/** exp2 over n values at `at`, in place (pairs; n even): the form a test reads. */
export function expRow(at: i32, n: i32): void {
  for (let b = 0; b < n; b += 2) v128.store(<usize>(at + b) << 3, exp2(v128.load(<usize>(at + b) << 3)));
}
