/** The report's table of a replay's comparisons: each with the model's value, what was reported, the tolerance and the verdict. */
import { evaluateComparisons } from '../analysis/replay-comparisons.ts';
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { code, escapeHtml, table } from './html.ts';

/** The section, or '' for a scenario without comparisons. */
export function comparisonsSection(result: RunResult, scenario: Scenario): string {
  if ((scenario.comparisons ?? []).length === 0 || !scenario.monthZero) return '';
  const outcomes = evaluateComparisons(scenario, result);
  const value = (v: string | number | null) => (v === null ? 'none' : typeof v === 'number' ? v.toFixed(3) : v);
  const passed = outcomes.filter((o) => o.verdict === 'pass').length;
  const run = outcomes.filter((o) => o.verdict !== 'not-run').length;
  return `<section id="comparisons">
<h2>Model against what was reported</h2>
<p class="note">${escapeHtml(`${passed} of ${run} comparisons within tolerance.`)} Each comparison was written down, with its tolerance, before the model was first run on it; sizes are the flow as a fraction of its planned flow (the reported ones of the series' normal), timings months. The chart below draws the series.</p>
${table({
  caption: 'Comparisons with the reported series',
  head: ['Comparison', 'Kind', 'Strategy', 'Model', 'Reported', 'Tolerance', 'Verdict', 'What the model did'],
  rowHeaders: true,
  rows: outcomes.map((o) => [code(o.id), o.kind, o.strategy, value(o.model), String(o.observed), o.tolerance, o.verdict === 'not-run' ? 'not run' : o.verdict, o.reason]),
})}
</section>`;
}
