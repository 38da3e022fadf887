/** Fulfilment bands from per-period bin counts (model.md section 5). */
import type { Band } from '../engine/result.ts';

/** Bins per period: b = 0 .. 1000. */
export const BINS = 1001;

const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Bin of a chain fulfilment f: min(1000, floor(1000 f)), with negatives (and NaN) in bin 0. */
export function fulfilmentBin(f: number): number {
  if (!(f > 0)) return 0;
  return Math.min(1000, Math.floor(1000 * f));
}

/**
 * One [p5, p25, p50, p75, p95] per period from periods x 1001 counts (row t at offset t x 1001):
 * P_q = b / 1000 for the smallest b whose running count reaches max(1, ceil(q n)), n = trials.
 * A quantile whose count is never reached (a row holding fewer than n counts, or n = 0) is NaN.
 */
export function bandsFromBins(bins: Int32Array, periods: number, trials: number): Band[] {
  if (bins.length < periods * BINS) {
    throw new RangeError(`bandsFromBins: ${bins.length} counts for ${periods} periods (need ${periods * BINS})`);
  }
  const targets = BAND_QUANTILES.map((q) => Math.max(1, Math.ceil(q * trials)));
  const bands: Band[] = [];
  for (let t = 0; t < periods; t++) {
    const row = t * BINS;
    const band: Band = [NaN, NaN, NaN, NaN, NaN];
    let k = 0;
    let count = 0;
    for (let b = 0; b < BINS && k < targets.length; b++) {
      count += bins[row + b];
      // One bin can reach several quantiles' targets at once.
      while (k < targets.length && count >= targets[k]) band[k++] = b / 1000;
    }
    bands.push(band);
  }
  return bands;
}
