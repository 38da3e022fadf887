/** Histograms over shared edges, so that several distributions can be drawn on one axis. */

/** Nice, shared, equal-width edges from 0 (or the minimum, if negative) to the largest value of any series. */
export function histogramEdges(series: ArrayLike<number>[], bins = 30): number[] {
  let lo = 0;
  let hi = 0;
  for (const values of series) {
    for (let i = 0; i < values.length; i++) {
      if (values[i] < lo) lo = values[i];
      if (values[i] > hi) hi = values[i];
    }
  }
  if (!(hi > lo)) return [lo, lo + 1];
  const raw = (hi - lo) / bins;
  // The power of ten at or below raw, by multiplying (Math.log10 and Math.pow may differ between engines).
  let magnitude = 1;
  while (magnitude * 10 <= raw) magnitude *= 10;
  while (magnitude > raw) magnitude /= 10;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((w) => w >= raw) ?? raw;
  const start = Math.floor(lo / step) * step;
  const count = Math.max(1, Math.ceil((hi - start) / step));
  return Array.from({ length: count + 1 }, (_, k) => start + k * step);
}

/** Counts of values per bin [edges[k], edges[k + 1]); the last bin also holds its upper edge. */
export function histogramCounts(values: ArrayLike<number>, edges: number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  const lo = edges[0];
  const step = edges[1] - edges[0];
  for (let i = 0; i < values.length; i++) {
    const k = Math.min(counts.length - 1, Math.max(0, Math.floor((values[i] - lo) / step)));
    counts[k]++;
  }
  return counts;
}
