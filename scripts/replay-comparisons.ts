/**
 * Runs every historical replay (scenarios/replays/*.json) and prints each comparison's model value,
 * observed value, tolerance and verdict as the markdown rows docs/replays.md records under its tables
 * (npx tsx scripts/replay-comparisons.ts [--trials N]). Seeds are the files' own. It also prints the
 * spread of each compared series (P5 and P95 over the trials), which says how much Monte Carlo error
 * the means carry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { comparedStrategy, evaluateComparisons, findFlow, type ComparisonOutcome } from '../src/analysis/replay-comparisons.ts';
import { runScenario } from '../src/engine/run-scenario.ts';
import { monthAt } from '../src/model/calendar.ts';
import { formatIssues, validateScenario } from '../src/model/validate.ts';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const i = process.argv.indexOf('--trials');
const trials = i >= 0 ? Number(process.argv[i + 1]) : 1000;

/** A model value as the docs print it: months and directions as they are, numbers to three decimals. */
const valueText = (v: ComparisonOutcome['model']): string => (v === null ? 'none' : typeof v === 'number' ? v.toFixed(3) : v);

const cell = (s: string) => s.replace(/\|/g, '\\|');
for (const file of readdirSync(root('scenarios/replays')).filter((f) => f.endsWith('.json')).sort()) {
  const v = validateScenario(JSON.parse(readFileSync(root(`scenarios/replays/${file}`), 'utf8')));
  if (!v.ok) throw new Error(`scenarios/replays/${file}:\n${formatIssues(v.issues)}`);
  const s = v.scenario;
  const r = runScenario(s, { trials, attribution: false });
  console.log(`\n## ${file}: ${r.trials} trials, seed ${r.seed}, scenario hash ${r.scenario.hash.slice(0, 12)}\n`);
  console.log('| comparison | model | observed | tolerance | verdict | what the model did |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const outcomes = evaluateComparisons(s, r);
  for (const o of outcomes) console.log(`| ${o.id} | ${valueText(o.model)} | ${o.observed} | ${o.tolerance} | ${o.verdict} | ${cell(o.reason)} |`);
  console.log('\nseries (month: mean [P5, P95] of r):');
  for (const c of s.comparisons ?? []) {
    const f = findFlow(comparedStrategy(r, c)?.flows ?? [], c.flow, c.counted ?? 'shipped');
    if (!f) continue;
    const spread = f.mean.map((_, t) => (f.p95[t] ?? 0) - (f.p5[t] ?? 0));
    console.log(`  ${c.id} (${c.strategy ?? 'baseline'}, ${c.flow.stage} ${c.flow.from}->${c.flow.to}, ${c.counted ?? 'shipped'}), widest P5-P95 ${Math.max(...spread).toFixed(2)}:`);
    console.log(`    ${f.mean.map((m, t) => `${monthAt(s.monthZero!, t)}: ${m === null ? '-' : m.toFixed(2)}${spread[t] > 0 ? ` [${f.p5[t]}, ${f.p95[t]}]` : ''}`).join('  ')}`);
  }
}
