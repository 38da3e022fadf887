/** The readable summary of an optimisation the command line prints without --json. */
import type { OptimiseResult } from '../analysis/optimise-result.ts';
import { millions, moneyTotal, totalUnit } from '../charts/money.ts';
import { leverText } from '../export/scenario-text.ts';

const fixed = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** The strategy found, how it was searched, the frontier and the scenario's own strategies, as lines of text. */
export function formatOptimise(result: OptimiseResult): string {
  const show = (v: number) => (result.target.statistic === 'probAbove' ? `${fixed(100 * v, 1)}%` : fixed(v));
  const interval = (e: { value: number; ci95: [number, number] }) => `${show(e.value)} [${show(e.ci95[0])}, ${show(e.ci95[1])}]`;
  const money = (c: { mean: number; ci95: [number, number] }) => `${millions(c.mean)} [${millions(c.ci95[0])}, ${millions(c.ci95[1])}]`;
  const found = result.candidates[result.found.candidate];
  const lines = [
    `optimisation of ${result.scenario.id} (hash ${result.scenario.hash.slice(0, 12)}), seed ${result.seed}, ${result.trials} trials, ${result.seconds.toFixed(1)} s`,
    `target: ${result.target.text}`,
    '',
    result.found.meetsTarget ? `cheapest found to meet it: ${found.label}` : `no candidate meets it; the closest (cheapest of the best): ${found.label}`,
    `  statistic ${interval(found.target)}; met with 95% confidence: ${result.found.confirmed ? 'yes' : 'no'}`,
    `  expected total cost ${moneyTotal(found.cost.mean, result.currency)} [${millions(found.cost.ci95[0])}, ${millions(found.cost.ci95[1])}]; capex ${moneyTotal(found.capex, result.currency)}, opex ${moneyTotal(found.opexPerYear, result.currency)} a year`,
    `  strategy "${result.found.strategy.id}": ${result.found.strategy.levers.map((l) => leverText(l, result.unit, result.currency)).join('; ')}`,
  ];
  if (result.saferCandidate !== null) {
    const safer = result.candidates[result.saferCandidate];
    lines.push(`  the cheapest that meets it with 95% confidence: ${safer.label}, ${moneyTotal(safer.cost.mean, result.currency)}`);
  }
  lines.push('', `search: ${result.method.rungs.map((r) => `${r.candidates} candidates on ${r.trials} trials`).join(', then ')} (${result.method.design}, common random numbers)`, '');
  const frontier = result.candidates.filter((c) => c.onFrontier).sort((a, b) => a.cost.mean - b.cost.mean);
  const rows = [
    ['frontier candidate', 'trials', `cost (${totalUnit(result.currency)}) [95% interval]`, 'statistic [95% interval]', 'target'],
    ...frontier.map((c) => [c.label, String(c.trials), money(c.cost), interval(c.target), c.status.replace('-', ' ')]),
    ['', '', '', '', ''],
    ['strategy of the scenario', 'trials', `cost (${totalUnit(result.currency)}) [95% interval]`, 'statistic [95% interval]', ''],
    ...result.references.map((r) => [r.id, String(result.trials), money(r.cost), interval(r.target), '']),
  ];
  lines.push(renderRows(rows), '');
  return `${lines.join('\n')}\n`;
}

function renderRows(rows: string[][]): string {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ').trimEnd()).join('\n');
}
