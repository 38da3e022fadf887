/**
 * The beta quantile a beta-PERT draw needs, at a speed the trial loop can afford: stdlib's beta quantile
 * costs about 7 microseconds a call, and real scenarios draw several PERT durations and severities a trial,
 * so that it took half the time of a run. For each (alpha, beta) a table of stdlib's own quantiles is made
 * once per process, on first use (a pure function of the parameters, so a draw never depends on when or
 * where the table was made), and a draw interpolates it with cubic Hermite pieces whose slopes come from
 * the beta density. The table runs over w = u^(1/alpha) below u = 1/2 and z = (1 - u)^(1/beta) above, in
 * which the quantile is smooth up to the ends (in u it has a root-like end), so the interpolation agrees
 * with stdlib's quantile to about 1e-12 (a test holds it to 1e-11 everywhere); the first interval at each
 * end, where the slope has no closed form at the end point, calls stdlib directly.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import betaFunction from '@stdlib/math-base-special-beta';
import { exp, log, pow } from './portable-math.ts';

/** Intervals per half of the table. */
const INTERVALS = 512;

interface Half {
  /** the grid step in w (or z) */
  step: number;
  /** quantiles at the grid points 0..INTERVALS, and their slopes dQ/dw (dQ/dz) */
  q: Float64Array;
  d: Float64Array;
}

interface Table {
  alpha: number;
  beta: number;
  /** 1 / alpha and 1 / beta, the powers a draw takes */
  invAlpha: number;
  invBeta: number;
  lower: Half;
  upper: Half;
}

// Tables by alpha, then a short list to scan for beta: a Map with number keys, as a key built from two
// doubles' strings cost more than the draw itself (gallium draws event durations and sizes this way).
const tables = new Map<number, Table[]>();

/** The beta(alpha, beta) quantile of u in [0, 1]: stdlib's, through the table (alpha, beta >= 1, as beta-PERT's are). */
export function betaQuantileFast(u: number, alpha: number, beta: number): number {
  return quantileFrom(tableOf(alpha, beta), u);
}

/** Numbers writeBetaTable writes: the lower half's q and d, then the upper half's. */
export const BETA_TABLE_NUMBERS = 4 * (INTERVALS + 1);

/** Writes the beta(alpha, beta) table into `into` as the engine's kernels read it (assembly/quantiles.ts, pertQuantiles); gives its steps, 1 / alpha and 1 / beta. */
export function writeBetaTable(alpha: number, beta: number, into: Float64Array): { stepLower: number; stepUpper: number; invAlpha: number; invBeta: number } {
  const table = tableOf(alpha, beta);
  [table.lower.q, table.lower.d, table.upper.q, table.upper.d].forEach((a, k) => into.set(a, k * (INTERVALS + 1)));
  return { stepLower: table.lower.step, stepUpper: table.upper.step, invAlpha: table.invAlpha, invBeta: table.invBeta };
}

/** lo + (hi - lo) x the beta(alpha, beta) quantile of each of values[0..n), in place: betaQuantileFast's numbers, the table found once. */
export function betaQuantilesInPlace(values: Float64Array, n: number, alpha: number, beta: number, lo: number, hi: number): void {
  const table = tableOf(alpha, beta);
  for (let i = 0; i < n; i++) values[i] = lo + (hi - lo) * quantileFrom(table, values[i]);
}

function tableOf(alpha: number, beta: number): Table {
  let list = tables.get(alpha);
  if (list === undefined) tables.set(alpha, (list = []));
  for (let i = 0; i < list.length; i++) if (list[i].beta === beta) return list[i];
  const table = makeTable(alpha, beta);
  list.push(table);
  return table;
}

// w = u^(1 / alpha) as exp(log(u) / alpha): half the cost of stdlib's pow, which rounds correctly where
// the table needs no such care (a w a few ulps off reads the table's Q at a u a few ulps off). log(0) is
// -Infinity and exp of it 0, so u = 0 still lands in the end interval.
function quantileFrom(table: Table, u: number): number {
  const { alpha, beta } = table;
  if (u <= 0.5) return interpolate(table.lower, exp(log(u) * table.invAlpha), u, alpha, beta);
  // 1 - u is exact for u in [1/2, 1] (Sterbenz).
  return 1 - interpolate(table.upper, exp(log(1 - u) * table.invBeta), 1 - u, beta, alpha);
}

/** Q at w (lower half), or for the upper half the mirror beta(b, a)'s Q at z, from the half's table. */
function interpolate(half: Half, w: number, u: number, a: number, b: number): number {
  const x = w / half.step;
  const j = Math.min(INTERVALS - 1, Math.floor(x));
  // The end interval: stdlib's quantile itself (for the upper half u is 1 - u and (a, b) the mirror's).
  if (j === 0) return betaQuantile(u, a, b);
  const t = x - j;
  const h = half.step;
  const q0 = half.q[j];
  const q1 = half.q[j + 1];
  const d0 = half.d[j] * h;
  const d1 = half.d[j + 1] * h;
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * q0 + (t3 - 2 * t2 + t) * d0 + (-2 * t3 + 3 * t2) * q1 + (t3 - t2) * d1;
}

function makeTable(alpha: number, beta: number): Table {
  return { alpha, beta, invAlpha: 1 / alpha, invBeta: 1 / beta, lower: makeHalf(alpha, beta), upper: makeHalf(beta, alpha) };
}

/**
 * The lower half of beta(a, b): Q(w^a) for w on a grid up to (1/2)^(1/a), with dQ/dw = a w^(a-1) / pdf(Q)
 * = a B(a, b) (w / Q)^(a-1) / (1 - Q)^(b-1). The upper half of beta(a, b) is the lower half of beta(b, a).
 */
function makeHalf(a: number, b: number): Half {
  const end = pow(0.5, 1 / a);
  const step = end / INTERVALS;
  const q = new Float64Array(INTERVALS + 1);
  const d = new Float64Array(INTERVALS + 1);
  const B = betaFunction(a, b);
  for (let j = 1; j <= INTERVALS; j++) {
    const w = j === INTERVALS ? end : j * step;
    const x = betaQuantile(pow(w, a), a, b);
    q[j] = x;
    d[j] = (a * B * pow(w / x, a - 1)) / pow(1 - x, b - 1);
  }
  return { step, q, d };
}
