/**
 * Summary statistics of per-trial outcomes (model.md section 5).
 *
 * With no values (n = 0) every statistic is NaN, not 0: no trials is not "no shortfall", and
 * NaN serialises to null in JSON, the same convention as the TTR statistics.
 */
import type { Summary } from '../engine/result.ts';
import { quantileSorted } from './quantile.ts';

/** Mean of the values, summed in increasing index order; NaN when empty. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum / n;
}

/** Sample standard deviation about `m` (n - 1 in the denominator; 0 when n = 1, NaN when empty). */
export function sampleSd(values: ArrayLike<number>, m: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (n === 1) return 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/** Mean, sd, se = sd / sqrt(n) and ci95 = mean +- 1.96 se of the values. */
export function meanWithCi(values: ArrayLike<number>): { mean: number; sd: number; se: number; ci95: [number, number] } {
  const m = mean(values);
  const sd = sampleSd(values, m);
  const se = values.length === 0 ? NaN : sd / Math.sqrt(values.length);
  return { mean: m, sd, se, ci95: [m - 1.96 * se, m + 1.96 * se] };
}

/**
 * Mean, sd, se and ci95 from a sum and a sum of squares over n values (exact sums, so any split of the
 * values gives the same figures): sd^2 = (S2 - S^2 / n) / (n - 1), floored at 0 against rounding.
 */
export function meanWithCiFromSums(sum: number, squares: number, n: number): { mean: number; sd: number; se: number; ci95: [number, number] } {
  if (n === 0) return { mean: NaN, sd: NaN, se: NaN, ci95: [NaN, NaN] };
  const m = sum / n;
  const sd = n === 1 ? 0 : Math.sqrt(Math.max(0, (squares - (sum * sum) / n) / (n - 1)));
  const se = sd / Math.sqrt(n);
  return { mean: m, sd, se, ci95: [m - 1.96 * se, m + 1.96 * se] };
}

/** Mean of the largest ceil(0.05 n) of ascending values, summed in ascending order; NaN when empty. */
export function cvar95Sorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const k = Math.ceil(0.05 * n);
  let sum = 0;
  for (let i = n - k; i < n; i++) sum += sorted[i];
  return sum / k;
}

// One buffer for every sorted copy a summary needs, grown to the largest run: summaries of a million
// trials then cost no new eight bytes a trial each (a copy is only read before the next one is made).
let sortBuffer = new Float64Array(0);

/** The values sorted ascending, in a shared buffer that the next call overwrites: read it before calling again. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  if (sortBuffer.length < n) sortBuffer = new Float64Array(n);
  const view = sortBuffer.subarray(0, n);
  view.set(values);
  return view.sort();
}

/** The Summary of section 7 (mean, sd, se, ci95, p5..p95, cvar95) of per-trial values in trial order. */
export function summarise(values: ArrayLike<number>): Summary {
  const { mean: m, sd, se, ci95 } = meanWithCi(values);
  const sorted = sortedCopy(values);
  return {
    mean: m,
    sd,
    se,
    ci95,
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
    cvar95: cvar95Sorted(sorted),
  };
}
