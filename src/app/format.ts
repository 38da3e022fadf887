/** Number formats of the metrics table: the command line's precision, with thousands separators; '–' where a statistic does not exist. */

const DASH = '–';

/** A number with `digits` decimals, or a dash for null and NaN. */
export function fixed(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A mean with its 95% interval: "1.16 [1.01, 1.31]". */
export function withInterval(mean: number, ci: [number, number], digits: number): string {
  return `${fixed(mean, digits)} [${fixed(ci[0], digits)}, ${fixed(ci[1], digits)}]`;
}

/** A probability as a percentage: 0.285 → "28.5%". */
export function probability(p: number): string {
  return Number.isFinite(p) ? `${fixed(100 * p, 1)}%` : DASH;
}

/** A whole count with separators: 12000 → "12,000". */
export function count(n: number): string {
  return fixed(n, 0);
}

/** A duration in seconds, said plainly: "8 s", "2 min 5 s". */
/** A run's time to 0.1 s (seconds under a minute), else as duration() says it. */
export function runTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return DASH;
  return seconds < 59.95 ? `${Math.max(0, seconds).toFixed(1)} s` : duration(seconds);
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return DASH;
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
