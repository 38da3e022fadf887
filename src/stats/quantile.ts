/** Percentiles of sorted values, as model.md section 5 defines them. */

/** Quantile q (0..1) of ascending values: position (n - 1) q, interpolated linearly; NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const frac = pos - lo;
  // At a whole position return the value itself: interpolating would turn an infinite neighbour into NaN.
  if (frac === 0 || lo + 1 >= n) return sorted[lo];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}
