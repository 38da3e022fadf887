/** From an optimisation's result to what the frontier chart draws, and to the chart's CSV (same rows as the SVG). */
import type { OptimiseResult } from '../analysis/optimise-result.ts';
import { statisticText } from '../analysis/target-text.ts';
import type { FrontierData } from '../charts/frontier.ts';

/** The chart's data: every candidate, the one found, and the baseline and the scenario's strategies. */
export function frontierData(result: OptimiseResult): FrontierData {
  return {
    currency: result.currency,
    statistic: statisticText(result.target, result.unit),
    bound: result.target.atMost,
    probability: result.target.statistic === 'probAbove',
    candidates: result.candidates.map((c) => ({ label: c.label, cost: c.cost.mean, value: c.target.value, ci95: c.target.ci95, onFrontier: c.onFrontier, trials: c.trials })),
    found: { index: result.found.candidate, meetsTarget: result.found.meetsTarget },
    references: result.references.map((r) => ({ id: r.id, label: r.name, cost: r.cost.mean, value: r.target.value, ci95: r.target.ci95 })),
  };
}

const FRONTIER_HEADER = 'kind,label,trials,cost_mean,cost_lo,cost_hi,statistic,statistic_lo,statistic_hi,on_frontier,status';

const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const n = (x: number): string => (Number.isFinite(x) ? String(x) : '');

/** The chart's points as CSV: one row per candidate (the one found marked "found"), then the references. */
export function frontierCsv(result: OptimiseResult): string {
  const variables = result.variables.map((v) => quote(`size_${v.id}`));
  const lines = [[FRONTIER_HEADER, ...variables].join(',')];
  result.candidates.forEach((c, i) => {
    const kind = i === result.found.candidate ? 'found' : 'candidate';
    lines.push([kind, quote(c.label), c.trials, n(c.cost.mean), n(c.cost.ci95[0]), n(c.cost.ci95[1]), n(c.target.value), n(c.target.ci95[0]), n(c.target.ci95[1]), c.onFrontier, c.status, ...c.sizes].join(','));
  });
  for (const r of result.references) {
    lines.push(['strategy', quote(r.name), result.trials, n(r.cost.mean), n(r.cost.ci95[0]), n(r.cost.ci95[1]), n(r.target.value), n(r.target.ci95[0]), n(r.target.ci95[1]), '', '', ...result.variables.map(() => '')].join(','));
  }
  return `${lines.join('\n')}\n`;
}
