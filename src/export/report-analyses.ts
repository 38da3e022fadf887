/**
 * The report's sections for the analyses (issue 12): the stress test's ranking with its chart, the
 * strategies' effect on the top cuts, the maker countries' view and the makers' time to survive; the
 * sensitivity analysis's tornado and its table. HTML text, every string escaped.
 */
import type { SensitivityResult, StrategySensitivity } from '../analysis/sensitivity-result.ts';
import type { StressDuration, StressResult } from '../analysis/stress-result.ts';
import { cutNames, distinctCuts, strategyMatrix, survivalMakers } from '../report/analysis-chart-data.ts';
import { analysisChartSvg, type Analyses, type AnalysisChart } from './analysis-files.ts';
import { code, escapeHtml, Html, table, type Cell } from './html.ts';
import { serializeSvg } from '../charts/index.ts';

const REPORT_ROWS = 15;
const TORNADO_ROWS = 20;

function fixed(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  // a value that rounds to zero is written 0, not -0.0
  const text = x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
const interval = (mean: number, ci: [number, number], digits: number): Html =>
  new Html(`${escapeHtml(fixed(mean, digits))} <span class="ci">[${escapeHtml(fixed(ci[0], digits))}, ${escapeHtml(fixed(ci[1], digits))}]</span>`);
const prob = (p: number | null): string => (p === null || !Number.isFinite(p) ? '–' : `${fixed(100 * p, 1)}%`);

function figure(chart: AnalysisChart, analyses: Analyses, document: Document, caption: string): string {
  const svg = serializeSvg(analysisChartSvg(chart, analyses, { document })).replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<figure class="chart" data-analysis-chart="${escapeHtml(chart.name)}">
<figcaption>${escapeHtml(caption)}</figcaption>
${svg}</figure>`;
}

const shellWord = (s: string): string => (/^[A-Za-z0-9._,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The stress test's section. */
export function stressSection(stress: StressResult, document: Document): string {
  const months = stress.durations.map((d) => d.months);
  const command = `npm run simulate -- ${stress.scenario.id}.json --trials ${stress.trials} --seed ${shellWord(String(stress.seed))} --stress --stress-months ${months.join(',')}`;
  const middle = stress.durations[Math.floor((stress.durations.length - 1) / 2)];
  const parts = stress.durations.map((d) => durationPart(stress, d, document));
  const survival = survivalMakers(stress, middle.months).map((m) =>
    figure({ name: 'survival', months: middle.months, maker: m.id }, { stress }, document, `Time to survive a ${middle.months}-month cut: ${m.name}`));
  return `<section id="stress" class="major">
<h2>Stress test: where the chain breaks first</h2>
<p class="note">Every node, every country at each stage and every shipping route was cut at severity 1 for ${escapeHtml(months.join(', '))} months, from a start drawn per trial (the same for every target), over the run's ${escapeHtml(fixed(stress.trials, 0))} trials and their draws: each figure is the cut's difference from the same trial without it. The Risk Exposure Index is a cut's mean extra shortfall over the worst cut's. Reproduce with ${code(command).html}.</p>
${parts.join('\n')}
<h3>Time to survive a ${escapeHtml(middle.months)}-month cut, maker by maker</h3>
<p class="note">How long each maker's fulfilment stays at 95% of the same trial without the cut, against the cut's duration (its time to recover); its stockpiles and inventories count.</p>
${survival.join('\n')}
</section>`;
}

function durationPart(stress: StressResult, d: StressDuration, document: Document): string {
  const unit = stress.unit;
  const names = cutNames(stress, d.months);
  const cuts = distinctCuts(stress, d.months);
  const ranking = table({
    caption: `Cuts of ${d.months} months, the most exposing first (${Math.min(REPORT_ROWS, cuts.length)} of ${cuts.length} distinct cuts; the rest in stress.csv)`,
    head: ['Rank', 'Target (and the same cut)', `Extra shortfall per trial (${unit}) [95% interval]`, `P95 (${unit})`, 'Index', 'P(some maker short)', 'Makers short before the cut ends'],
    numeric: [0, 2, 3, 4, 5],
    rows: cuts.slice(0, REPORT_ROWS).map(({ target: t, also }, i): Cell[] => [
      i + 1,
      new Html(`${escapeHtml(t.name)}${also.length ? ` <span class="note">(also ${escapeHtml(also.join(', '))})</span>` : ''}<br>${code(t.id).html}`),
      interval(t.extra.mean, t.extra.ci95, 1),
      fixed(t.extra.p95, 1),
      fixed(t.rei, 3),
      prob(t.probSomeMakerShort),
      t.makers.filter((m) => m.tts.probBelowCut > 0).map((m) => `${m.id} ${prob(m.tts.probBelowCut)}`).join(', ') || 'none',
    ]),
  });
  const matrix = strategyMatrix(stress, d.months);
  const strategies = d.strategies.length === 0 ? '' : table({
    caption: `Each strategy on the baseline's top cuts of ${d.months} months: extra shortfall per trial (${unit}) [95% interval], and its change from the baseline's, paired trial by trial`,
    head: ['Cut', `Baseline (${unit})`, ...matrix.strategies.map((s) => s.name)],
    numeric: [1, ...matrix.strategies.map((_, j) => j + 2)],
    rowHeaders: true,
    // one short line each, so that five strategies side by side still fit an A4 page
    rows: matrix.rows.map((r): Cell[] => [r.name, fixed(r.baseline, 1), ...r.cells.map((c): Cell => (c === null ? null : new Html(
      `${interval(c.mean, c.ci95, 1).html}<span class="ci">change ${escapeHtml(fixed(c.change, 1))}</span><span class="ci">[${escapeHtml(fixed(c.changeCi95[0], 1))}, ${escapeHtml(fixed(c.changeCi95[1], 1))}]</span>${c.lowered === null ? '' : `<span class="ci">${escapeHtml(prob(c.lowered))} lowered</span>`}`)))]),
  });
  const countries = table({
    caption: `Which cut of ${d.months} months hurts each country's makers most (extra shortfall, % of their demand [95% interval])`,
    head: ['Makers in', 'Worst cut', 'Its cost, % of demand', 'Worst cut upstream of the makers', 'Its cost, % of demand'],
    numeric: [2, 4],
    rows: d.countries.map((c): Cell[] => {
      const worst = c.targets.find((t) => t.id === c.worst);
      const up = c.targets.find((t) => t.id === c.worstUpstream);
      return [c.country, worst ? names.get(worst.id) ?? worst.id : 'none', worst ? interval(worst.pct.mean, worst.pct.ci95, 2) : null,
        up ? names.get(up.id) ?? up.id : 'none', up ? interval(up.pct.mean, up.pct.ci95, 2) : null];
    }),
  });
  return `<h3>A cut of ${escapeHtml(d.months)} months</h3>
${figure({ name: 'exposure', months: d.months }, { stress }, document, `Exposure to a cut of ${d.months} months`)}
${ranking}
${strategies}
${countries}`;
}

/** The sensitivity analysis's section. */
export function sensitivitySection(sensitivity: SensitivityResult, document: Document): string {
  const chosen = sensitivity.strategies.find((s) => s.id !== 'baseline');
  const command = `npm run simulate -- ${sensitivity.scenario.id}.json --trials ${sensitivity.trials} --seed ${shellWord(String(sensitivity.seed))} --sensitivity --sensitivity-strategy ${chosen?.id ?? 'baseline'}`;
  const parts = sensitivity.strategies.map((s) => strategyPart(sensitivity, s, document));
  return `<section id="sensitivity" class="major">
<h2>Sensitivity: which assumption matters most</h2>
<p class="note">Each drawn input was set to its own P10 and P90 (its draws still taken, so no other draw moved), each plain number moved 20% down and up (a zero by a stated step), one at a time, over the same ${escapeHtml(fixed(sensitivity.trials, 0))} trials and draws; changes are paired trial by trial, P95 intervals from ${escapeHtml(sensitivity.resamples)} paired bootstrap resamples. Reproduce with ${code(command).html}.</p>
${parts.join('\n')}
</section>`;
}

function strategyPart(sensitivity: SensitivityResult, s: StrategySensitivity, document: Document): string {
  const unit = sensitivity.unit;
  const rows = table({
    caption: `${s.name}: the ${Math.min(TORNADO_ROWS, s.inputs.length)} inputs that move the mean shortfall most (of ${s.inputs.length}; the rest in sensitivity.csv); ${fixed(s.base.mean, 1)} ${unit} per trial as the scenario is`,
    head: ['Rank', 'Input', 'Low → high', `Mean at low / high (${unit})`, `Swing of the mean (${unit}) [95% interval]`, `Swing of P95 (${unit}) [95% interval]`],
    numeric: [0, 3, 4, 5],
    rows: s.inputs.slice(0, TORNADO_ROWS).map((i): Cell[] => [
      i.rank,
      new Html(`${escapeHtml(i.name)}<br>${code(i.id).html} <span class="note">${escapeHtml(i.kind)}</span>`),
      `${fixed(i.low, 3)} → ${fixed(i.high, 3)} ${i.unit}`,
      `${fixed(i.atLow.mean, 1)} / ${fixed(i.atHigh.mean, 1)}`,
      interval(i.swing.mean, i.swing.ci95, 1),
      interval(i.p95Swing.value, i.p95Swing.ci95, 1),
    ]),
  });
  return `<h3>${escapeHtml(s.name)}</h3>
${figure({ name: 'tornado', strategy: s.id }, { sensitivity }, document, `Tornado: ${s.name}`)}
${rows}`;
}

/** The analyses' sections of a report of `hash`'s run: an analysis of another scenario is left out. */
export function analysisSections(analyses: Analyses | undefined, hash: string, document: Document): string {
  const parts: string[] = [];
  if (analyses?.stress && analyses.stress.scenario.hash === hash) parts.push(stressSection(analyses.stress, document));
  if (analyses?.sensitivity && analyses.sensitivity.scenario.hash === hash) parts.push(sensitivitySection(analyses.sensitivity, document));
  return parts.join('\n');
}
