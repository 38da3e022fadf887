/** Paired comparison of a strategy with the baseline over common random numbers (model.md section 5). */
import type { PairedComparison } from '../engine/result.ts';
import { meanWithCi } from './summary.ts';

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
  const diff = new Float64Array(n);
  const diffPct = new Float64Array(n);
  let better = 0;
  let tie = 0;
  for (let i = 0; i < n; i++) {
    const d = args.stratShortfall[i] - args.baseShortfall[i];
    diff[i] = d;
    diffPct[i] = args.stratShortfallPct[i] - args.baseShortfallPct[i];
    const tol = TIE * args.demand[i];
    if (d < -tol) better++;
    else if (d <= tol) tie++;
  }
  const units = meanWithCi(diff);
  const pct = meanWithCi(diffPct);
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
