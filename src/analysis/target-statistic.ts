/**
 * The optimiser's target statistic of per-trial values, with a 95% interval, and the paired comparisons
 * the search makes between candidates (docs/model.md, "The optimiser"):
 * - mean: mean +- 1.96 se (model.md section 5);
 * - p95: the quantile of section 5, with the distribution-free interval of order statistics
 *   (ranks n q -+ 1.96 sqrt(n q (1 - q)), rounded outwards);
 * - cvar95: the mean of the largest ceil(0.05 n) values (section 5), +- 1.96 se with the asymptotic
 *   se = sd((X - VaR)+) / (0.05 sqrt(n)) of the Rockafellar-Uryasev form (Hong and Liu 2009);
 * - probAbove: the share of trials above x, with Wilson's score interval.
 */
import type { OptimiseTarget } from '../model/schema.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { cvar95Sorted, meanWithCi } from '../stats/summary.ts';

const Z = 1.96;

export interface Estimate {
  value: number;
  ci95: [number, number];
}

/** The target's statistic of the values (n >= 1) and its 95% interval. */
export function targetEstimate(target: OptimiseTarget, values: ArrayLike<number>): Estimate {
  const n = values.length;
  if (n === 0) return { value: NaN, ci95: [NaN, NaN] };
  if (target.statistic === 'mean') {
    const { mean, ci95 } = meanWithCi(values);
    return { value: mean, ci95 };
  }
  if (target.statistic === 'probAbove') return proportion(countAbove(values, target.above ?? 0), n);
  const sorted = Float64Array.from(values).sort();
  if (target.statistic === 'p95') return quantileWithInterval(sorted, 0.95);
  return cvarWithInterval(sorted);
}

function countAbove(values: ArrayLike<number>, x: number): number {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > x) k++;
  return k;
}

/** A share k / n with Wilson's score interval (it stays inside 0..1 and is not degenerate at 0 or n). */
export function proportion(k: number, n: number): Estimate {
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { value: p, ci95: [Math.max(0, centre - half), Math.min(1, centre + half)] };
}

/** Quantile q of sorted values with the order-statistic interval. */
export function quantileWithInterval(sorted: Float64Array, q: number): Estimate {
  const n = sorted.length;
  const spread = Z * Math.sqrt(n * q * (1 - q));
  const lo = Math.max(1, Math.floor(n * q - spread));
  const hi = Math.min(n, Math.ceil(n * q + spread));
  return { value: quantileSorted(sorted, q), ci95: [sorted[lo - 1], sorted[hi - 1]] };
}

/** CVaR 95% of sorted values with its asymptotic interval. */
export function cvarWithInterval(sorted: Float64Array): Estimate {
  const n = sorted.length;
  const value = cvar95Sorted(sorted);
  const k = Math.ceil(0.05 * n);
  const varLevel = sorted[n - k];
  const excess = Float64Array.from(sorted, (x) => Math.max(0, x - varLevel));
  const se = meanWithCi(excess).sd / (0.05 * Math.sqrt(n));
  return { value, ci95: [value - Z * se, value + Z * se] };
}

/** Mean of a - b over the first n trials with its 95% interval (a paired comparison, model.md section 5). */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Estimate {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = a[i] - b[i];
  const { mean, ci95 } = meanWithCi(d);
  return { value: mean, ci95 };
}
