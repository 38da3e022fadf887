/**
 * Regenerates docs/scenarios.md and docs/scenarios/<id>.md from runs of the shipped scenarios, and
 * docs/scenarios/replays/<id>.md from runs of the historical replays with their comparisons
 * (npx tsx scripts/write-scenario-docs.ts [--trials N] [--seed S]). Numbers come only from the run and
 * the files, so the pages stay true after the engine or a scenario changes; a hand-written reading of
 * the results may be kept in docs/scenarios/notes/<id>.md, which is copied in under "What it shows".
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateComparisons } from '../src/analysis/replay-comparisons.ts';
import { runScenario } from '../src/engine/run-scenario.ts';
import { simulatedStageShares } from '../src/engine/stage-shares.ts';
import type { RunResult, StrategyResult } from '../src/engine/result.ts';
import { durationText, impactText, leverText, num, occurrenceText, targetText } from '../src/export/scenario-text.ts';
import { formatIssues, validateScenario } from '../src/model/validate.ts';
import { STAGES, type Scenario } from '../src/model/schema.ts';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const trials = Number(arg('trials', '2000'));
const seed = arg('seed', '1');

const fixed = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const ci = ([a, b]: [number, number], d = 2) => `[${fixed(a, d)}, ${fixed(b, d)}]`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
const pctShares = (shares: Record<string, number>) =>
  Object.entries(shares)
    .sort((a, b) => b[1] - a[1])
    .map(([c, v]) => `${c} ${fixed(v * 100, 1)}`)
    .join(', ');

/** A replay's comparisons on this run, as docs/replays.md records them, and how many hold. */
function comparisonsSection(s: Scenario, r: RunResult): { text: string; passed: number; total: number } {
  const outcomes = evaluateComparisons(s, r);
  const value = (v: string | number | null) => (v === null ? 'none' : typeof v === 'number' ? fixed(v, 3) : v);
  const rows = outcomes.map((o) => [o.id, o.kind, o.strategy, value(o.model), String(o.observed), o.tolerance, o.verdict, o.reason]);
  const passed = outcomes.filter((o) => o.verdict === 'pass').length;
  const text = `## Model against what was reported

${passed} of ${outcomes.length} comparisons within tolerance on this run. The comparisons, their tolerances and the reading of each miss are in [docs/replays.md](../../replays.md); sizes are the flow as a fraction of its planned flow (the reported ones of the series' normal).

${table(['comparison', 'kind', 'strategy', 'model', 'reported', 'tolerance', 'verdict', 'what the model did'], rows)}
`;
  return { text, passed, total: outcomes.length };
}

/** The page of one scenario: its question, chain, cited shares against the run, events, strategies, results and sources. */
function scenarioPage(file: string, s: Scenario, r: RunResult, comparisons = ''): string {
  const unit = s.unit;
  const currency = s.currency ?? 'USD';
  const simulated = simulatedStageShares(s) as Record<string, Record<string, number>>;
  const flows = new Map<string, number>();
  for (const link of r.network.links) flows.set(link.source, (flows.get(link.source) ?? 0) + link.value);
  const structure = STAGES.flatMap((stage) =>
    s.nodes
      .filter((n) => n.stage === stage)
      .map((n) => [
        stage,
        `${n.name ?? n.id} (\`${n.id}\`)`,
        n.country,
        num(n.capacity),
        n.demand !== undefined ? `demand ${num(n.demand)}${n.growth ? `, +${fixed(n.growth * 100, 0)}%/yr` : ''}` : flows.has(n.id) ? num(flows.get(n.id)!) : '0',
        (n.sources ?? []).map((l) => `${l.from} ${fixed(l.share * 100, 1)}%${l.transitMonths ? ` (${num(l.transitMonths)} mo)` : ''}${l.route ? ` via ${l.route}` : ''}`).join('; ') || '–',
        (n.refs ?? []).join(', '),
      ]),
  );
  const shareRows = STAGES.filter((st) => simulated[st] && Object.keys(simulated[st]).length).map((st) => {
    const cited = s.stageShares?.[st];
    return [st, cited ? `${pctShares(cited.shares)} [${cited.reference}]` : 'not cited', pctShares(simulated[st])];
  });
  const disruptions = (s.disruptions ?? []).map((d) => [`\`${d.id}\``, d.name ?? '', targetText(d.target), occurrenceText(d), impactText(d), durationText(d), (d.refs ?? []).join(', ')]);
  const strategies = (s.strategies ?? []).map((st) => [
    `\`${st.id}\``,
    st.levers.map((l) => leverText(l, unit)).join('; '),
    num(st.cost?.capex ?? 0),
    num(st.cost?.opexPerYear ?? 0),
  ]);
  const results = r.strategies.map((st: StrategyResult) => {
    const m = st.metrics;
    const v = st.vsBaseline;
    return [
      st.id,
      `${fixed(m.shortfallPct.mean)} ${ci(m.shortfallPct.ci95)}`,
      fixed(m.shortfallPct.p95),
      fixed(m.probShortfall, 3),
      v ? `${fixed(v.shortfallPct.mean, 3)} ${ci(v.shortfallPct.ci95, 3)}` : '',
      v ? fixed(v.probBetter, 3) : '',
      v?.costPerUnitAvoided != null ? num(v.costPerUnitAvoided) : v ? '–' : '',
      v ? (v.onFrontier ? 'yes' : 'no') : '',
    ];
  });
  const makers = Object.entries(r.strategies[0].metrics.byMaker).map(([id, mk]) => [
    `${mk.name} (\`${id}\`, ${mk.country})`,
    ...r.strategies.map((st) => {
      const x = st.metrics.byMaker[id];
      return x ? `${fixed(x.shortfallPct.mean, 1)} (P95 ${fixed(x.shortfallPct.p95, 1)})` : '–';
    }),
  ]);
  const notesFile = root(`docs/scenarios/notes/${s.id}.md`);
  const notes = existsSync(notesFile)
    ? readFileSync(notesFile, 'utf8').trim()
    : comparisons
      ? 'What the replay gets right and what it misses, comparison by comparison: [docs/replays.md](../../replays.md).'
      : '_No reading of these results has been written yet (docs/scenarios/notes/' + s.id + '.md)._';
  return `# ${s.name}

<!-- Generated by scripts/write-scenario-docs.ts from ${file} and a run; edit the scenario or docs/scenarios/notes/${s.id}.md, not this page. -->

File: \`scenarios/${file}\`. Unit: ${unit}. Month 0 = ${s.monthZero ?? 'not set'}; ${s.horizonMonths} months of ${s.periodsPerYear ?? 12} periods a year.

${s.description ?? ''}

## Structure

Flows are the first year of an undisrupted, noise-free run (${unit} a year); makers show their month-0 demand.

${table(['stage', 'node', 'country', 'capacity/yr', 'flow or demand', 'sources', 'refs'], structure)}

Stage shares, cited against the first 12 months of the same run (%):

${table(['stage', 'cited', 'simulated'], shareRows)}

## Disruptions

${table(['id', 'name', 'target', 'when', 'impact', 'duration', 'refs'], disruptions)}

## Strategies (costs in ${currency})

${table(['id', 'levers', 'capex', 'opex/yr'], strategies)}

## Results

\`npx tsx scripts/write-scenario-docs.ts --trials ${r.trials} --seed ${r.seed}\`, the same numbers as \`npm run simulate -- scenarios/${file} --trials ${r.trials} --seed ${r.seed}\` (scenario hash \`${r.scenario.hash.slice(0, 12)}\`). Shortfall is demand not met over the whole horizon, % of demand.

${table(['strategy', 'mean shortfall % [95% CI]', 'P95 %', 'P(any shortfall)', 'vs baseline, points [95% CI]', 'P(better)', `cost per ${unit} avoided (${currency})`, 'frontier'], results)}

Each maker's own shortfall, % of its own demand:

${table(['maker', ...r.strategies.map((st) => st.id)], makers)}

${comparisons}## What it shows

${notes}

## Assumptions

${(s.assumptions ?? []).map((a) => `- ${a.text} _${a.reason}_${a.references?.length ? ` [${a.references.join(', ')}]` : ''}`).join('\n')}

## References

${(s.references ?? []).map((ref) => `- **${ref.id}**: ${ref.title}. <${ref.url}>${ref.note ? ` ${ref.note}` : ''}`).join('\n')}
`;
}

/** The overview page: one row per scenario with its headline numbers. */
function overview(rows: { file: string; s: Scenario; r: RunResult }[], replays: { file: string; s: Scenario; r: RunResult; passed: number; total: number }[]): string {
  const line = ({ file, s, r }: { file: string; s: Scenario; r: RunResult }) => {
    const base = r.strategies[0];
    const outside = Object.entries(base.metrics.byMaker).filter(([, m]) => m.country !== 'CN').sort((a, b) => b[1].shortfallPct.mean - a[1].shortfallPct.mean)[0];
    const best = r.strategies.slice(1).sort((a, b) => (a.vsBaseline?.shortfallPct.mean ?? 0) - (b.vsBaseline?.shortfallPct.mean ?? 0))[0];
    return [
      `[${s.id}](scenarios/${s.id}.md) (hash ${r.scenario.hash.slice(0, 12)})`,
      s.monthZero ?? '–',
      `${fixed(base.metrics.shortfallPct.mean)} ${ci(base.metrics.shortfallPct.ci95)}`,
      fixed(base.metrics.shortfallPct.p95),
      fixed(base.metrics.probShortfall, 3),
      outside ? `${outside[1].name}: ${fixed(outside[1].shortfallPct.mean, 1)}` : '–',
      best?.vsBaseline ? `${best.id}, ${fixed(best.vsBaseline.shortfallPct.mean, 2)}` : '–',
      file,
    ];
  };
  return `# The shipped scenarios

<!-- Generated by scripts/write-scenario-docs.ts; re-run it after a change to the engine or a scenario. -->

Seven real critical-mineral scenarios live in \`scenarios/\`, each as the world stood at its month 0
(the first month after its newest source): restrictions in force then are part of the chain's
structure (a capacity set to a quota, a share set to what actually flows), and their lifting,
tightening or lapse is a scripted what-if at its announced date. Every node and disruption names the
references behind it (\`refs\`); every figure no source gives is an assumption that says so
(UNVERIFIED). Each file's cited \`stageShares\` are reproduced within one percentage point by its
undisrupted, noise-free run (\`tests/scenarios/real-scenarios.test.ts\`). Historical replays that test
the model against what happened are in \`scenarios/replays/\` (docs/replays.md).

Figures: \`npx tsx scripts/write-scenario-docs.ts --trials ${trials} --seed ${seed}\` (each page gives
the matching \`npm run simulate\` command).

${table(['scenario', 'month 0', 'chain shortfall % of demand [95% CI]', 'P95 %', 'P(any shortfall)', 'most exposed maker outside China, own shortfall %', 'largest reduction (points)', 'file'], rows.map(line))}

## Historical replays

Each replays an event as it happened, from the chain of that year, and checks the model's flows between
countries against what was reported (docs/replays.md): comparisons within tolerance on this run.

${table(
  ['replay', 'month 0', 'comparisons within tolerance', 'file'],
  replays.map(({ file, s, r, passed, total }) => [`[${s.id}](scenarios/replays/${s.id}.md) (hash ${r.scenario.hash.slice(0, 12)})`, s.monthZero ?? '–', `${passed} of ${total}`, file]),
)}
`;
}

function main(): void {
  const files = readdirSync(root('scenarios')).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').sort();
  const gallium = files.indexOf('gallium.json');
  if (gallium > 0) files.unshift(...files.splice(gallium, 1));
  mkdirSync(root('docs/scenarios'), { recursive: true });
  const rows = files.map((file) => {
    const v = validateScenario(JSON.parse(readFileSync(root(`scenarios/${file}`), 'utf8')));
    if (!v.ok) throw new Error(`scenarios/${file}:\n${formatIssues(v.issues)}`);
    const r = runScenario(v.scenario, { trials, seed, attribution: false });
    writeFileSync(root(`docs/scenarios/${v.scenario.id}.md`), scenarioPage(file, v.scenario, r));
    console.log(`wrote docs/scenarios/${v.scenario.id}.md`);
    return { file, s: v.scenario, r };
  });
  mkdirSync(root('docs/scenarios/replays'), { recursive: true });
  const replays = readdirSync(root('scenarios/replays')).filter((f) => f.endsWith('.json')).sort().map((name) => {
    const file = `replays/${name}`;
    const v = validateScenario(JSON.parse(readFileSync(root(`scenarios/${file}`), 'utf8')));
    if (!v.ok) throw new Error(`scenarios/${file}:\n${formatIssues(v.issues)}`);
    const r = runScenario(v.scenario, { trials, seed, attribution: false });
    const comparisons = comparisonsSection(v.scenario, r);
    writeFileSync(root(`docs/scenarios/replays/${v.scenario.id}.md`), scenarioPage(file, v.scenario, r, comparisons.text));
    console.log(`wrote docs/scenarios/replays/${v.scenario.id}.md`);
    return { file, s: v.scenario, r, passed: comparisons.passed, total: comparisons.total };
  });
  writeFileSync(root('docs/scenarios.md'), overview(rows, replays));
  console.log('wrote docs/scenarios.md');
}

main();
