/** The readable summary the command line prints without --json: a header line and one row per strategy. */
import type { RunResult, StrategyResult } from '../engine/result.ts';
import type { ComparisonOutcome } from '../analysis/replay-comparisons.ts';
import { millions, moneyTotal, perUnitNumber, perUnitUnit, totalUnit } from '../charts/money.ts';

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
  const out = [headerLine(result), '', renderRows(rows), ''];
  if (result.strategies.length > 1) out.push(formatComparison(result));
  out.push(formatByMaker(result));
  out.push(formatTimeToSurvive(result));
  return out.join('\n');
}

/** The paired comparison of each strategy with the baseline (model.md section 5), as a second table. */
export function formatComparison(result: RunResult): string {
  // the command line's dash for a statistic that does not exist is ASCII, like the rest of its table
  const ascii = (text: string) => text.replace('–', '-');
  const { unit, currency } = result;
  const columns: Column[] = [
    { title: 'vs baseline', cell: (s) => s.id },
    {
      title: `change in shortfall (${result.unit}) [95% interval]`,
      cell: (s) => `${fixed(1)(s.vsBaseline!.shortfall.mean)} [${fixed(1)(s.vsBaseline!.shortfall.ci95[0])}, ${fixed(1)(s.vsBaseline!.shortfall.ci95[1])}]`,
    },
    {
      title: 'change (points of %) [95% interval]',
      cell: (s) => `${pct(s.vsBaseline!.shortfallPct.mean)} [${pct(s.vsBaseline!.shortfallPct.ci95[0])}, ${pct(s.vsBaseline!.shortfallPct.ci95[1])}]`,
    },
    { title: 'P(better)', cell: (s) => fixed(3)(s.vsBaseline!.probBetter) },
    { title: 'P(tie)', cell: (s) => fixed(3)(s.vsBaseline!.probTie) },
    { title: `mean cost (${totalUnit(currency)})`, cell: (s) => ascii(millions(s.metrics.cost.mean)) },
    { title: `cost per ${unit} avoided (${perUnitUnit(currency, unit)})`, cell: (s) => ascii(perUnitNumber(s.vsBaseline!.costPerUnitAvoided)) },
    { title: 'on frontier', cell: (s) => (s.vsBaseline!.onFrontier ? 'yes' : 'no') },
    { title: 'substituted', cell: (s) => fixed(1)(s.metrics.substituted) },
  ];
  const strategies = result.strategies.slice(1);
  const rows = [columns.map((c) => c.title), ...strategies.map((s) => columns.map((c) => c.cell(s)))];
  const base = result.strategies[0];
  return [renderRows(rows), '', `baseline mean cost ${ascii(moneyTotal(base.metrics.cost.mean, currency))} per trial over the horizon; negative changes are shortfall avoided.`, ''].join('\n');
}

/** A replay's comparisons with what was reported (docs/replays.md): model value, reported value, tolerance, verdict. */
export function formatReplayComparisons(outcomes: ComparisonOutcome[]): string {
  const value = (v: ComparisonOutcome['model']) => (v === null ? 'none' : typeof v === 'number' ? v.toFixed(3) : v);
  const rows = [
    ['model against what was reported', 'kind', 'strategy', 'model', 'reported', 'tolerance', 'verdict'],
    ...outcomes.map((o) => [o.id, o.kind, o.strategy, value(o.model), String(o.observed), o.tolerance.replace('±', '+/-'), o.verdict]),
  ];
  const passed = outcomes.filter((o) => o.verdict === 'pass').length;
  const run = outcomes.filter((o) => o.verdict !== 'not-run').length;
  return [renderRows(rows), '', `${passed} of ${run} comparisons within tolerance; sizes are flow / planned flow (reported: / the series' normal).`, ''].join('\n');
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

/** Each maker's own mean shortfall (% of its demand, with its 95% interval) under each strategy. */
export function formatByMaker(result: RunResult): string {
  const makers = Object.entries(result.strategies[0].metrics.byMaker);
  const cell = (s: StrategyResult, id: string) => {
    const m = s.metrics.byMaker[id];
    return m ? `${pct(m.shortfallPct.mean)} [${pct(m.shortfallPct.ci95[0])}, ${pct(m.shortfallPct.ci95[1])}]` : '-';
  };
  const rows = [
    ['shortfall % of own demand', ...result.strategies.map((s) => s.id)],
    ...makers.map(([id, m]) => [`${id} (${m.country})`, ...result.strategies.map((s) => cell(s, id))]),
  ];
  return `${renderRows(rows)}\n`;
}

/** Time to survive per maker and strategy: months until fulfilment falls below 95% once its main source is cut. */
export function formatTimeToSurvive(result: RunResult): string {
  const makers = Object.keys(result.strategies[0].metrics.tts);
  const rows = [['time to survive (months)', ...makers], ...result.strategies.map((s) => [s.id, ...makers.map((m) => fixed(1)(s.metrics.tts[m] ?? null))])];
  return `${renderRows(rows)}\n`;
}

/** A title row, a rule and the rows: names left-aligned, numbers right-aligned so their decimal points line up. */
export function renderRows(rows: string[][]): string {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
