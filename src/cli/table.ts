/** The readable summary the command line prints without --json: a header line and one row per strategy. */
import type { RunResult, StrategyResult } from '../engine/result.ts';

interface Column {
  title: string;
  cell: (s: StrategyResult) => string;
}

/** A number with `digits` decimals; '-' for a statistic that does not exist (null, NaN). */
const fixed = (digits: number) => (x: number | null) => (x === null || !Number.isFinite(x) ? '-' : x.toFixed(digits));
const pct = fixed(2);

/** The summary of a run as lines of text (ends with a newline). */
export function formatTable(result: RunResult): string {
  const columns = tableColumns(result.unit);
  const rows = [columns.map((c) => c.title), ...result.strategies.map((s) => columns.map((c) => c.cell(s)))];
  const widths = columns.map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  // Names read best left-aligned, numbers right-aligned so their decimal points line up.
  const line = (r: string[]) => r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [headerLine(result), '', line(rows[0]), rule, ...rows.slice(1).map(line), ''].join('\n');
}

/** Scenario id, trials, seed, hash prefix and unit: enough to tell two runs apart. */
export function headerLine(result: RunResult): string {
  return `${result.scenario.id}: ${result.trials} trials, seed ${result.seed}, hash ${result.scenario.hash.slice(0, 12)}, unit ${result.unit}`;
}

function tableColumns(unit: string): Column[] {
  return [
    { title: 'strategy', cell: (s) => s.id },
    { title: `mean shortfall (${unit})`, cell: (s) => fixed(1)(s.metrics.shortfall.mean) },
    {
      title: 'mean shortfall % [95% interval]',
      cell: (s) => `${pct(s.metrics.shortfallPct.mean)} [${pct(s.metrics.shortfallPct.ci95[0])}, ${pct(s.metrics.shortfallPct.ci95[1])}]`,
    },
    { title: 'P95 %', cell: (s) => pct(s.metrics.shortfallPct.p95) },
    { title: 'CVaR95 %', cell: (s) => pct(s.metrics.shortfallPct.cvar95) },
    { title: 'P(any shortfall)', cell: (s) => fixed(3)(s.metrics.probShortfall) },
    { title: 'median TTR (months)', cell: (s) => fixed(1)(s.metrics.ttr.p50) },
  ];
}
