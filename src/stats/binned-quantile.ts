/** Quantiles from integer bin counts, as model.md section 5 defines the fulfilment bands. */

/** The smallest bin b whose running count reaches max(1, ceil(q n)) (NaN if the counts never reach it). */
export function binnedQuantile(counts: ArrayLike<number>, n: number, q: number): number {
  const target = Math.max(1, Math.ceil(q * n));
  let count = 0;
  for (let b = 0; b < counts.length; b++) {
    count += counts[b];
    if (count >= target) return b;
  }
  return NaN;
}
