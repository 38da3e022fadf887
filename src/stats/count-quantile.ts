/**
 * Statistics of whole-number values kept as counts (counts[v] = trials with value v): the same quantile
 * as quantileSorted of the values listed in order (model.md section 5: position (n - 1) q, interpolated),
 * without listing them, so partial results can keep counts and still merge exactly.
 */

/** The value at position i (0-based) of the values the counts stand for, in ascending order. */
function valueAt(counts: ArrayLike<number>, i: number): number {
  let seen = 0;
  for (let v = 0; v < counts.length; v++) {
    seen += counts[v];
    if (i < seen) return v;
  }
  return counts.length - 1;
}

/** Quantile q (0..1) of the values counted; NaN when there are none. */
export function countQuantile(counts: ArrayLike<number>, q: number): number {
  let n = 0;
  for (let v = 0; v < counts.length; v++) n += counts[v];
  if (n === 0) return NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const frac = pos - lo;
  const a = valueAt(counts, lo);
  if (frac === 0 || lo + 1 >= n) return a;
  return a + frac * (valueAt(counts, lo + 1) - a);
}

/** Mean of the values counted (exact: a sum of whole numbers); NaN when there are none. */
export function countMean(counts: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let v = 0; v < counts.length; v++) {
    n += counts[v];
    sum += v * counts[v];
  }
  return n === 0 ? NaN : sum / n;
}
