/**
 * Distributions of model.md section 3, compiled once to plain data and sampled from an injected Rng.
 * Each sampler is a fixed function of the uniforms it takes, so the same stream gives the same value.
 */
import type { Distribution } from '../model/schema.ts';
import type { Rng } from './rng.ts';
import { betaQuantileFast, betaQuantilesInPlace } from './beta-quantile-table.ts';
import { exp, log } from './portable-math.ts';
import { normalQuantile, normalQuantilesInPlace } from './normal-quantile.ts';
import { aleaNext } from './alea.ts';

export const enum DistKind {
  Fixed = 0,
  Uniform = 1,
  Triangular = 2,
  Pert = 3,
  Normal = 4,
  Lognormal = 5,
  Exponential = 6,
  Bernoulli = 7,
  Discrete = 8,
  /** a value set by an analysis (sensitivity): takes the uniform its distribution would, returns the value */
  Pinned = 9,
}

/** A distribution as plain, cloneable data: kind, parameters and (discrete) values with cumulative weights. */
export interface CompiledDist {
  kind: DistKind;
  p: number[];
  values?: number[];
  cumulative?: number[];
}

// z of the 95th percentile of the standard normal, to turn a person's 90% interval into sigma.
const Z95 = 1.6448536269514722;

/** Compiles a scenario distribution (or a bare number) into sampler data. */
export function compileDist(d: Distribution): CompiledDist {
  if (typeof d === 'number') return { kind: DistKind.Fixed, p: [d] };
  if ('fixed' in d) return { kind: DistKind.Fixed, p: [d.fixed] };
  if ('uniform' in d) return d.uniform[0] === d.uniform[1] ? fixed(d.uniform[0]) : { kind: DistKind.Uniform, p: [...d.uniform] };
  if ('triangular' in d) {
    const [a, , c] = d.triangular;
    return a === c ? fixed(a) : { kind: DistKind.Triangular, p: [...d.triangular] };
  }
  if ('pert' in d) {
    const [a, m, c] = d.pert;
    if (a === c) return fixed(a);
    // beta-PERT with lambda 4
    return { kind: DistKind.Pert, p: [a, c, 1 + (4 * (m - a)) / (c - a), 1 + (4 * (c - m)) / (c - a)] };
  }
  if ('normal' in d) return d.normal[1] === 0 ? fixed(d.normal[0]) : { kind: DistKind.Normal, p: [...d.normal] };
  if ('lognormal' in d) {
    const lo = log(d.lognormal.p5);
    const hi = log(d.lognormal.p95);
    return { kind: DistKind.Lognormal, p: [(lo + hi) / 2, (hi - lo) / (2 * Z95)] };
  }
  if ('exponential' in d) return { kind: DistKind.Exponential, p: [d.exponential] };
  if ('bernoulli' in d) return { kind: DistKind.Bernoulli, p: [d.bernoulli] };
  const values = d.discrete.map(([v]) => v);
  let sum = 0;
  const cumulative = d.discrete.map(([, w]) => (sum += w));
  return { kind: DistKind.Discrete, p: [sum], values, cumulative };
}

const fixed = (x: number): CompiledDist => ({ kind: DistKind.Fixed, p: [x] });

/**
 * The distribution pinned at `value` for a sensitivity run: a draw still takes the uniforms the original
 * takes (one, or none for a fixed number), so no other draw of the trial moves; it returns `value`.
 */
export function pinDist(d: CompiledDist, value: number): CompiledDist {
  return d.kind === DistKind.Fixed ? fixed(value) : { kind: DistKind.Pinned, p: [value] };
}

/** True when the distribution takes no draw. */
export const isFixed = (d: CompiledDist): boolean => d.kind === DistKind.Fixed;

/** Mean of a compiled distribution (for plans and tests). */
export function distMean(d: CompiledDist): number {
  const p = d.p;
  switch (d.kind) {
    case DistKind.Fixed: return p[0];
    case DistKind.Pinned: return p[0];
    case DistKind.Uniform: return (p[0] + p[1]) / 2;
    case DistKind.Triangular: return (p[0] + p[1] + p[2]) / 3;
    case DistKind.Pert: return p[0] + ((p[1] - p[0]) * p[2]) / (p[2] + p[3]);
    case DistKind.Normal: return p[0];
    case DistKind.Lognormal: return exp(p[0] + (p[1] * p[1]) / 2);
    case DistKind.Exponential: return p[0];
    case DistKind.Bernoulli: return p[0];
    case DistKind.Discrete: {
      let m = 0, prev = 0;
      d.values!.forEach((v, i) => { m += (v * (d.cumulative![i] - prev)) / p[0]; prev = d.cumulative![i]; });
      return m;
    }
  }
}

/** True when draws of the distribution take a uniform (every kind but fixed takes exactly one). */
export const takesUniform = (d: CompiledDist): boolean => d.kind !== DistKind.Fixed;

/**
 * The value a draw gives for the uniform u in [0, 1): the inverse CDF, so that every kind takes exactly one
 * uniform whatever its parameters (model.md section 3); fixed ignores u. Normal and lognormal through the
 * normal quantile (AS 241), beta-PERT through stdlib's beta quantile.
 */
export function quantile(d: CompiledDist, u: number): number {
  const p = d.p;
  switch (d.kind) {
    case DistKind.Fixed: return p[0];
    case DistKind.Pinned: return p[0];
    case DistKind.Uniform: return p[0] + (p[1] - p[0]) * u;
    case DistKind.Triangular: return triangular(u, p[0], p[1], p[2]);
    case DistKind.Pert: return p[0] + (p[1] - p[0]) * betaQuantileFast(u, p[2], p[3]);
    case DistKind.Normal: return p[0] + p[1] * normalQuantile(u);
    case DistKind.Lognormal: return exp(p[0] + p[1] * normalQuantile(u));
    case DistKind.Exponential: return -p[0] * log(1 - u);
    case DistKind.Bernoulli: return u < p[0] ? 1 : 0;
    case DistKind.Discrete: {
      const x = u * p[0];
      const cum = d.cumulative!;
      for (let i = 0; i < cum.length; i++) if (x < cum[i]) return d.values![i];
      return d.values![cum.length - 1];
    }
  }
}

/**
 * Turns uniforms values[0..n) into draws of the distribution, in place: the same function of each uniform
 * as quantile(), a loop per kind, so the block loop neither calls a sampler per draw nor boxes its result.
 */
export function quantilesInPlace(d: CompiledDist, values: Float64Array, n: number): void {
  const p = d.p;
  switch (d.kind) {
    case DistKind.Fixed:
      values.fill(p[0], 0, n);
      return;
    case DistKind.Uniform:
      for (let i = 0; i < n; i++) values[i] = p[0] + (p[1] - p[0]) * values[i];
      return;
    case DistKind.Triangular: {
      const a = p[0];
      const m = p[1];
      const c = p[2];
      const f = (m - a) / (c - a);
      for (let i = 0; i < n; i++) {
        const u = values[i];
        values[i] = u < f ? a + Math.sqrt(u * (c - a) * (m - a)) : c - Math.sqrt((1 - u) * (c - a) * (c - m));
      }
      return;
    }
    case DistKind.Normal:
      normalQuantilesInPlace(values, n);
      for (let i = 0; i < n; i++) values[i] = p[0] + p[1] * values[i];
      return;
    case DistKind.Lognormal:
      normalQuantilesInPlace(values, n);
      for (let i = 0; i < n; i++) values[i] = exp(p[0] + p[1] * values[i]);
      return;
    case DistKind.Pert:
      betaQuantilesInPlace(values, n, p[2], p[3], p[0], p[1]);
      return;
    default:
      for (let i = 0; i < n; i++) values[i] = quantile(d, values[i]);
  }
}

/** Draws one value from the alea stream at `offset` of `state` (no uniform for fixed, else one). */
export function drawFromStream(d: CompiledDist, state: Float64Array, offset: number): number {
  return d.kind === DistKind.Fixed ? d.p[0] : quantile(d, aleaNext(state, offset));
}

/** Draws one value from the stream: no uniform for fixed, exactly one for every other kind. */
export function sample(d: CompiledDist, rng: Rng): number {
  return d.kind === DistKind.Fixed ? d.p[0] : quantile(d, rng());
}

/** Inverse CDF of the triangular distribution. */
export function triangular(u: number, a: number, m: number, c: number): number {
  const f = (m - a) / (c - a);
  return u < f ? a + Math.sqrt(u * (c - a) * (m - a)) : c - Math.sqrt((1 - u) * (c - a) * (c - m));
}

/** The Poisson count for the uniform u by sequential inverse CDF (one uniform a draw); expMinusLambda = exp(-lambda). */
export function poissonCount(u: number, lambda: number, expMinusLambda: number): number {
  if (lambda <= 0) return 0;
  let p = expMinusLambda;
  let f = p;
  let k = 0;
  // Validation keeps lambda <= 100 a period, so exp(-lambda) never underflows and the sum reaches u.
  while (u > f && k < 10_000) {
    k++;
    p *= lambda / k;
    f += p;
    if (p === 0) break;
  }
  return k;
}

/** Poisson(lambda) from the stream: exactly one uniform per draw. */
export function poisson(rng: Rng, lambda: number): number {
  return poissonCount(rng(), lambda, exp(-lambda));
}
