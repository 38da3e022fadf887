/** Paired comparison of a strategy with the baseline over common random numbers (model.md section 5). */
import type { PairedComparison } from '../engine/result.ts';
import { meanWithCi } from './summary.ts';

/** meanWithCi of the values value(0..n-1), given their sum in index order. */
function withCi(sum: number, n: number, value: (i: number) => number): ReturnType<typeof meanWithCi> {
  if (n === 0) return meanWithCi([]);
  const m = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = value(i) - m;
    ss += d * d;
  }
  const sd = n === 1 ? 0 : Math.sqrt(ss / (n - 1));
  const se = sd / Math.sqrt(n);
  return { mean: m, sd, se, ci95: [m - 1.96 * se, m + 1.96 * se] };
}

/** Relative tolerance on a trial's total demand below which a difference counts as a tie. */
const TIE = 1e-9;

/** Per-trial outcomes of the baseline and the strategy, in trial order, and their mean costs. */
export interface PairedInput {
  baseShortfall: ArrayLike<number>;
  stratShortfall: ArrayLike<number>;
  baseShortfallPct: ArrayLike<number>;
  stratShortfallPct: ArrayLike<number>;
  /** per-trial total demand (units) */
  demand: ArrayLike<number>;
  baseCostMean: number;
  stratCostMean: number;
}

/**
 * Mean and ci95 of per-trial differences (strategy - baseline), probBetter, probTie and costPerUnitAvoided.
 * With no trials the means and probabilities are NaN and costPerUnitAvoided is null.
 */
export function pairedComparison(args: PairedInput): Omit<PairedComparison, 'onFrontier'> {
  const n = args.baseShortfall.length;
  for (const a of [args.stratShortfall, args.baseShortfallPct, args.stratShortfallPct, args.demand]) {
    if (a.length !== n) throw new RangeError(`pairedComparison: arrays of ${n} and ${a.length} trials`);
  }
  // Two passes over the differences (mean, then deviations), recomputed rather than stored: the same
  // sums in the same order as meanWithCi of an array, without eight bytes a trial.
  let sum = 0;
  let sumPct = 0;
  let better = 0;
  let tie = 0;
  for (let i = 0; i < n; i++) {
    const d = args.stratShortfall[i] - args.baseShortfall[i];
    sum += d;
    sumPct += args.stratShortfallPct[i] - args.baseShortfallPct[i];
    const tol = TIE * args.demand[i];
    if (d < -tol) better++;
    else if (d <= tol) tie++;
  }
  const units = withCi(sum, n, (i) => args.stratShortfall[i] - args.baseShortfall[i]);
  const pct = withCi(sumPct, n, (i) => args.stratShortfallPct[i] - args.baseShortfallPct[i]);
  const avoided = -units.mean;
  return {
    shortfall: { mean: units.mean, ci95: units.ci95 },
    shortfallPct: { mean: pct.mean, ci95: pct.ci95 },
    probBetter: better / n,
    probTie: tie / n,
    // `!(avoided > 0)` also catches NaN (no trials).
    costPerUnitAvoided: !(avoided > 0) ? null : (args.stratCostMean - args.baseCostMean) / avoided,
  };
}
