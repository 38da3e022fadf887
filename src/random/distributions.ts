/**
 * Distributions of model.md section 3, compiled once to plain data and sampled from an injected Rng.
 * Each sampler is a fixed function of the uniforms it takes, so the same stream gives the same value.
 */
import type { Distribution } from '../model/schema.ts';
import type { Rng } from './rng.ts';
import { cos, exp, log, pow } from './portable-math.ts';

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

/** True when the distribution takes no draw. */
export const isFixed = (d: CompiledDist): boolean => d.kind === DistKind.Fixed;

/** Mean of a compiled distribution (for plans and tests). */
export function distMean(d: CompiledDist): number {
  const p = d.p;
  switch (d.kind) {
    case DistKind.Fixed: return p[0];
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

/** Draws one value. Fixed: no uniform; uniform, triangular, exponential, bernoulli, discrete: one; normal and lognormal: two (Box-Muller); PERT: Marsaglia-Tsang gammas, a variable but deterministic number. */
export function sample(d: CompiledDist, rng: Rng): number {
  const p = d.p;
  switch (d.kind) {
    case DistKind.Fixed: return p[0];
    case DistKind.Uniform: return p[0] + (p[1] - p[0]) * rng();
    case DistKind.Triangular: return triangular(rng(), p[0], p[1], p[2]);
    case DistKind.Pert: {
      const x = gamma(rng, p[2]);
      const y = gamma(rng, p[3]);
      return p[0] + (p[1] - p[0]) * (x / (x + y));
    }
    case DistKind.Normal: return p[0] + p[1] * standardNormal(rng);
    case DistKind.Lognormal: return exp(p[0] + p[1] * standardNormal(rng));
    case DistKind.Exponential: return -p[0] * log(1 - rng());
    case DistKind.Bernoulli: return rng() < p[0] ? 1 : 0;
    case DistKind.Discrete: {
      const u = rng() * p[0];
      const cum = d.cumulative!;
      for (let i = 0; i < cum.length; i++) if (u < cum[i]) return d.values![i];
      return d.values![cum.length - 1];
    }
  }
}

/** Inverse CDF of the triangular distribution. */
export function triangular(u: number, a: number, m: number, c: number): number {
  const f = (m - a) / (c - a);
  return u < f ? a + Math.sqrt(u * (c - a) * (m - a)) : c - Math.sqrt((1 - u) * (c - a) * (c - m));
}

/** Box-Muller, cosine branch only, so every normal takes exactly two uniforms. */
export function standardNormal(rng: Rng): number {
  const u1 = rng();
  const u2 = rng();
  return Math.sqrt(-2 * log(1 - u1)) * cos(2 * Math.PI * u2);
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 boosted by u^(1/shape). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}

/** Poisson(lambda) by sequential inverse CDF: exactly one uniform per draw. */
export function poisson(rng: Rng, lambda: number): number {
  const u = rng();
  if (lambda <= 0) return 0;
  let p = exp(-lambda);
  let f = p;
  let k = 0;
  while (u > f && k < 10_000) {
    k++;
    p *= lambda / k;
    f += p;
    if (p === 0) break;
  }
  return k;
}
