/** The optimiser's target in words, for tables, charts and reports: "mean shortfall of EU makers (% of their demand) <= 2". */
import type { OptimiseTarget } from '../model/schema.ts';

const STATISTIC: Record<OptimiseTarget['statistic'], string> = {
  mean: 'mean',
  p95: 'P95 of the',
  cvar95: 'CVaR 95% of the',
  probAbove: 'probability of a',
};

/** Whose shortfall: "the chain" or "EU makers". */
export const targetSubject = (target: OptimiseTarget): string => (target.of === undefined || target.of === 'chain' ? 'the chain' : `${target.of.country} makers`);

/** The unit of the measure and so of the bound (except for probAbove, a probability). */
export function measureUnit(target: OptimiseTarget, unit: string): string {
  const pct = (target.measure ?? 'shortfallPct') === 'shortfallPct';
  return pct ? `% of ${target.of === undefined || target.of === 'chain' ? 'demand' : 'their demand'}` : unit;
}

/** The unit of the statistic: a probability (as %) for probAbove, else the measure's. */
export const statisticUnit = (target: OptimiseTarget, unit: string): string => (target.statistic === 'probAbove' ? 'probability' : measureUnit(target, unit));

/** The statistic without the bound: "mean shortfall of EU makers (% of their demand)". */
export function statisticText(target: OptimiseTarget, unit: string): string {
  const what = `shortfall of ${targetSubject(target)}`;
  if (target.statistic === 'probAbove') {
    const pct = (target.measure ?? 'shortfallPct') === 'shortfallPct';
    return `P(${what} > ${target.above ?? 0}${pct ? '%' : ` ${unit}`})`;
  }
  return `${STATISTIC[target.statistic]} ${what} (${measureUnit(target, unit)})`;
}

/** The whole target: "mean shortfall of EU makers (% of their demand) <= 2". */
export const targetText = (target: OptimiseTarget, unit: string): string => `${statisticText(target, unit)} ≤ ${target.atMost}`;
