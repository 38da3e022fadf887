/**
 * The "Stress test" panel (issue 12): cut every node, country at each stage and route, one at a time, for
 * the chosen durations over the scenario's trials; then the ranked exposure chart, each strategy on the top
 * cuts, the maker countries' view and each maker's time to survive, every chart downloadable. Progress and
 * Cancel as for a run; the analysis runs on workers of its own.
 */
import type { Scenario } from '../model/schema.ts';
import type { StressResult } from '../analysis/stress-result.ts';
import { DEFAULT_STRESS_MONTHS, DEFAULT_STRESS_TOP, stressMonthsProblem } from '../analysis/stress-plan.ts';
import { runStressTest, type StressProgress } from '../analysis/stress-run.ts';
import { survivalMakers, survivalStrategies, stressDuration } from '../report/analysis-chart-data.ts';
import { poolExecutor, stressWorker } from '../../workers/analysis-workers.ts';
import type { AnalysisChart } from '../export/analysis-files.ts';
import { createAnalysisFigure } from './analysis-figure.ts';
import { finishLine, markStale, startAnalysis, type AnalysisHandle } from './analysis-session.ts';
import { el, replaceChildren } from './dom.ts';
import { count, duration } from './format.ts';
import { createPoolKeeper } from './pool-keeper.ts';
import { createProgress } from './progress.ts';
import { countriesTable, strategiesTable } from './stress-tables.ts';

export interface StressPanel {
  element: HTMLElement;
  /** the last complete stress test, or null */
  result(): StressResult | null;
  /** says whether the result shown is for the scenario of `hash` (the results on screen) */
  noteScenario(hash: string | null): void;
}

const PHASES: Record<StressProgress['phase'], string> = {
  targets: 'Cutting every target under the baseline',
  strategies: 'Cutting the top targets under each strategy',
};

/** Creates the panel; `scenario` gives the editor's scenario when it is valid (null otherwise). */
export function createStressPanel(scenario: () => Scenario | null): StressPanel {
  const pools = createPoolKeeper();
  let shown: StressResult | null = null;
  let running: AnalysisHandle<StressResult> | null = null;
  let captionText = '';

  const months = el('input', { type: 'text', id: 'stress-months', value: DEFAULT_STRESS_MONTHS.join(', '), inputmode: 'numeric', 'aria-describedby': 'stress-months-hint' });
  const trials = el('input', { type: 'number', id: 'stress-trials', min: 1, max: 1_000_000, step: 1, placeholder: 'the scenario\'s' });
  const strategies = el('input', { type: 'checkbox', id: 'stress-strategies', checked: true });
  const run = el('button', { type: 'button', class: 'primary', id: 'stress-run' }, 'Run the stress test');
  const note = el('p', { class: 'run-note', 'aria-live': 'polite' });
  const phase = el('p', { class: 'analysis-phase', 'aria-live': 'polite' });
  const progress = createProgress(() => running?.cancel());
  progress.element.classList.add('analysis-progress');
  progress.element.setAttribute('aria-label', 'Stress test progress');
  progress.element.querySelector('progress')!.setAttribute('aria-label', 'Stress test: trials simulated');

  const durationPick = el('select', { 'aria-label': 'Duration of the cut', id: 'stress-duration' });
  const makerPick = el('select', { 'aria-label': 'Maker', id: 'stress-maker' });
  const strategyPick = el('select', { 'aria-label': 'Strategy', id: 'stress-strategy' });
  const months0 = () => Number(durationPick.value) || shown?.durations[0].months || 0;
  const context = (chart: () => AnalysisChart) => () => (shown ? { chart: chart(), analyses: { stress: shown }, scenario: shown.scenario, seed: shown.seed } : null);
  const exposure = createAnalysisFigure('exposure', 'Where the chain breaks first', [], context(() => ({ name: 'exposure', months: months0() })));
  const survival = createAnalysisFigure('survival', 'Time to survive a cut, maker by maker',
    [el('label', {}, 'Maker ', makerPick), el('label', {}, 'Strategy ', strategyPick)],
    context(() => ({ name: 'survival', months: months0(), maker: makerPick.value, strategy: strategyPick.value || 'baseline' })));
  const tables = el('div', { class: 'analysis-tables' });
  const caption = el('p', { class: 'results-caption', id: 'stress-caption' });
  const results = el('div', { class: 'analysis-results', hidden: true },
    el('div', { class: 'chart-control' }, el('label', { for: 'stress-duration' }, 'Cut lasting '), durationPick), exposure.element, tables, survival.element);

  const options = (select: HTMLSelectElement, items: { id: string; name: string }[]) => {
    const chosen = select.value;
    replaceChildren(select, ...items.map((i) => el('option', { value: i.id }, i.name)));
    select.value = items.some((i) => i.id === chosen) ? chosen : items[0]?.id ?? '';
  };
  const drawSurvival = () => {
    if (!shown) return;
    options(makerPick, survivalMakers(shown, months0(), strategyPick.value || 'baseline').map((m) => ({ id: m.id, name: `${m.name} (${m.country})` })));
    survival.draw();
  };
  const drawDuration = () => {
    if (!shown) return;
    const d = stressDuration(shown, months0());
    options(strategyPick, survivalStrategies(shown, d.months));
    exposure.draw();
    replaceChildren(tables, strategiesTable(shown, d), countriesTable(shown, d));
    drawSurvival();
  };
  durationPick.addEventListener('change', drawDuration);
  strategyPick.addEventListener('change', drawSurvival);
  makerPick.addEventListener('change', () => survival.draw());

  const show = (result: StressResult, seconds: number) => {
    shown = result;
    // for the end-to-end tests, which compare it with the same analysis run in Node (development only)
    if (import.meta.env.DEV) (window as unknown as Record<string, unknown>).__lastStress = result;
    results.hidden = false;
    options(durationPick, result.durations.map((d) => ({ id: String(d.months), name: `${d.months} months` })));
    captionText = `Stress test of ${result.scenario.id}: ${count(result.trials)} trials, seed ${result.seed}, every target cut for ${result.durations.map((d) => d.months).join(', ')} months (${duration(seconds)}).`;
    caption.textContent = captionText;
    caption.classList.remove('partial');
    drawDuration();
  };

  const start = () => {
    const s = scenario();
    if (!s) return void (note.textContent = 'The scenario has problems: fix them in the editor first.');
    const chosen = months.value.split(/[\s,;]+/).filter(Boolean).map(Number);
    const problem = stressMonthsProblem(chosen, s);
    if (problem) return void (note.textContent = `Cut durations: ${problem}.`);
    const n = trials.value === '' ? undefined : Number(trials.value);
    if (n !== undefined && !(Number.isInteger(n) && n >= 1)) return void (note.textContent = 'Trials: a whole number from 1.');
    note.textContent = '';
    running?.cancel();
    const total = n ?? s.trials ?? 1000;
    const started = performance.now();
    progress.start(total);
    run.disabled = true;
    const handle = startAnalysis(pools, (apis, pool) => runStressTest(s, {
      trials: n, months: chosen, top: DEFAULT_STRESS_TOP, strategies: strategies.checked ? undefined : [],
      onProgress: ({ phase: p, trialsDone, trials: all }) => {
        if (running !== handle) return;
        phase.textContent = `${PHASES[p]}…`;
        progress.update(trialsDone, all);
      },
    }, poolExecutor(apis.map((api) => stressWorker(api)), pool)));
    running = handle;
    element.dataset.state = 'running';
    void handle.outcome.then((outcome) => {
      if (running !== handle) return;
      running = null;
      run.disabled = false;
      phase.textContent = '';
      element.dataset.state = outcome.status;
      const seconds = (performance.now() - started) / 1000;
      if (outcome.status === 'complete') show(outcome.result, seconds);
      progress.finish(finishLine(outcome, `Done: ${count(total)} trials in ${duration(seconds)}.`, shown ? 'stress test' : null));
    });
  };
  run.addEventListener('click', start);

  const element = el(
    'section',
    { class: 'panel analysis-panel', id: 'stress-panel', 'aria-labelledby': 'stress-heading', 'data-state': 'idle' },
    el('h2', { id: 'stress-heading' }, 'Stress test'),
    el('p', { class: 'field-hint' }, 'Cuts every node, every country at each stage and every shipping route at severity 1, one at a time, from a start drawn per trial, over the same trials and draws as the run: which cut costs most (the Risk Exposure Index, 1 for the worst), and how long each maker survives it against the cut\'s duration.'),
    el('div', { class: 'analysis-controls' },
      el('label', { for: 'stress-months' }, 'Cut durations (months)'), months,
      el('span', { class: 'field-hint', id: 'stress-months-hint' }, 'Whole months, separated by commas.'),
      el('label', { for: 'stress-trials' }, 'Trials'), trials,
      el('div', { class: 'switch-row' }, el('label', { for: 'stress-strategies' }, strategies, ` Compare the strategies on the top ${DEFAULT_STRESS_TOP} cuts`)),
      el('div', { class: 'button-row' }, run), note),
    phase,
    progress.element,
    caption,
    results,
  );
  return {
    element,
    result: () => shown,
    noteScenario(hash) {
      if (!shown) return;
      markStale(caption, captionText, hash !== null && hash !== shown.scenario.hash, 'the stress test');
    },
  };
}
