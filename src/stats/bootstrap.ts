/**
 * A paired bootstrap interval for the difference of two quantiles of per-trial values on common random
 * numbers (trial i of a and of b share their draws, so trials are resampled as pairs): Efron's percentile
 * interval, from resamples drawn with an injected generator, so the same seed gives the same interval.
 */
import { quantileSorted } from './quantile.ts';

/** The 95% percentile interval of quantile_q(b) - quantile_q(a) over `resamples` paired resamples. */
export function pairedQuantileDifferenceCi(a: ArrayLike<number>, b: ArrayLike<number>, q: number, resamples: number, uniform: () => number): [number, number] {
  const n = a.length;
  if (n !== b.length) throw new RangeError(`pairedQuantileDifferenceCi: ${n} and ${b.length} trials`);
  if (n === 0 || resamples < 1) return [NaN, NaN];
  const xa = new Float64Array(n);
  const xb = new Float64Array(n);
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const j = Math.min(n - 1, Math.floor(uniform() * n));
      xa[i] = a[j];
      xb[i] = b[j];
    }
    diffs[r] = selectQuantile(xb, q) - selectQuantile(xa, q);
  }
  diffs.sort();
  return [quantileSorted(diffs, 0.025), quantileSorted(diffs, 0.975)];
}

/**
 * quantileSorted(sorted copy of values, q) without sorting: the two order statistics around position
 * (n - 1) q by quickselect (values are reordered in place).
 */
export function selectQuantile(values: Float64Array, q: number): number {
  const n = values.length;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const a = select(values, lo);
  const frac = pos - lo;
  if (frac === 0 || lo + 1 >= n) return a;
  // After select, everything right of lo is >= values[lo]: the next order statistic is their minimum.
  let b = Infinity;
  for (let i = lo + 1; i < n; i++) if (values[i] < b) b = values[i];
  return a + frac * (b - a);
}

/** Hoare's quickselect (median-of-three pivot): puts the k-th smallest value at k and returns it. */
function select(v: Float64Array, k: number): number {
  let left = 0;
  let right = v.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    // median of three as the pivot, so sorted or constant input stays linear
    const x = v[left], y = v[mid], z = v[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
    let i = left;
    let j = right;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        const t = v[i];
        v[i] = v[j];
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return v[k];
}
