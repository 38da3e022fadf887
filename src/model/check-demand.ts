/**
 * Semantic check: demand that stays computable. Demand expressions follow the allowed grammar and
 * give a finite, non-negative annual demand in every period the engine may evaluate them
 * (-maxTransit .. H + maxTransit, model.md section 1); growth does not overflow there either.
 */
import { compileDemandExpression } from './expression.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { num } from './issue-text.ts';
import { monthsToPeriods, periodsToMonths } from './time.ts';
import type { ValidationIssue } from './validate.ts';

/** Reports demand expressions that are refused or leave the finite, non-negative range, and runaway growth. */
export function checkDemand(index: ScenarioIndex): ValidationIssue[] {
  const ppy = index.periodsPerYear;
  const horizon = monthsToPeriods(index.scenario.horizonMonths, ppy);
  const reach = maxTransitPeriods(index);
  const first = -reach;
  const last = horizon + reach;
  const window = `from month ${months(periodsToMonths(first, ppy))} to month ${months(periodsToMonths(last, ppy))}`;
  const issues: ValidationIssue[] = [];

  for (const { node, path } of index.allNodes) {
    if (node.stage !== 'manufacturing') continue;
    if (node.demandExpression !== undefined) {
      const compiled = compileDemandExpression(node.demandExpression);
      if (!compiled.ok) {
        issues.push({ path: `${path}/demandExpression`, message: compiled.message });
        continue;
      }
      for (let t = first; t <= last; t++) {
        const month = periodsToMonths(t, ppy);
        const value = compiled.evaluate(month);
        if (!(Number.isFinite(value) && value >= 0)) {
          issues.push({
            path: `${path}/demandExpression`,
            message: `annual demand must be a finite number >= 0 in every period ${window}; at month ${months(month)} (period ${t}) it is ${Number.isFinite(value) ? num(value) : String(value)}`,
          });
          break;
        }
      }
      continue;
    }
    const { demand, growth } = node;
    if (demand !== undefined && growth !== undefined) {
      const extremes = [first, last].map((t) => demand * (1 + growth) ** (t / ppy));
      if (!extremes.every(Number.isFinite)) {
        issues.push({ path: `${path}/growth`, message: `this growth makes demand too large to compute within the periods ${window}` });
      }
    }
  }
  return issues;
}

/** Weekly periods fall on fractional months; two decimals locate them well enough for a reader. */
const months = (m: number): string => String(Number(m.toFixed(2)));

/** The longest transit in periods over every link the run may use: mixes, new nodes' mixes and diversify links. */
export function maxTransitPeriods(index: ScenarioIndex): number {
  const ppy = index.periodsPerYear;
  let longest = 0;
  const consider = (months: number | undefined) => {
    longest = Math.max(longest, monthsToPeriods(months ?? 0, ppy));
  };
  for (const { node } of index.allNodes) for (const link of node.sources ?? []) consider(link.transitMonths);
  for (const strategy of index.scenario.strategies ?? []) {
    for (const lever of strategy.levers) if ('diversify' in lever) consider(lever.diversify.transitMonths);
  }
  return longest;
}
