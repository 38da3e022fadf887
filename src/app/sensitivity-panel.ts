/**
 * The "Sensitivity" panel (issue 12): every drawn input at its P10 and P90 and every plain number 20% down
 * and up, one at a time over the same trials and draws, for the baseline and a chosen strategy; then a
 * tornado per strategy (downloadable) and the table of every input. Progress and Cancel as for a run; the
 * analysis runs on workers of its own.
 */
import type { Scenario } from '../model/schema.ts';
import type { SensitivityResult } from '../analysis/sensitivity-result.ts';
import { runSensitivity } from '../analysis/sensitivity-run.ts';
import { poolExecutor, sensitivityWorker } from '../../workers/analysis-workers.ts';
import { createAnalysisFigure } from './analysis-figure.ts';
import { finishLine, markStale, startAnalysis, type AnalysisHandle } from './analysis-session.ts';
import { el, replaceChildren } from './dom.ts';
import { count, duration, fixed, withInterval } from './format.ts';
import { createPoolKeeper } from './pool-keeper.ts';
import { createProgress } from './progress.ts';

export interface SensitivityPanel {
  element: HTMLElement;
  result(): SensitivityResult | null;
  noteScenario(hash: string | null): void;
}

/** Trials the panel proposes: paired differences on common random numbers settle well before the run's count. */
const DEFAULT_TRIALS = 1000;

/** Creates the panel; `scenario` gives the editor's scenario when it is valid (null otherwise). */
export function createSensitivityPanel(scenario: () => Scenario | null): SensitivityPanel {
  const pools = createPoolKeeper();
  let shown: SensitivityResult | null = null;
  let running: AnalysisHandle<SensitivityResult> | null = null;
  let captionText = '';

  const strategy = el('select', { id: 'sensitivity-strategy' });
  const trials = el('input', { type: 'number', id: 'sensitivity-trials', min: 1, max: 1_000_000, step: 1, placeholder: String(DEFAULT_TRIALS), 'aria-describedby': 'sensitivity-trials-hint' });
  const run = el('button', { type: 'button', class: 'primary', id: 'sensitivity-run' }, 'Run the sensitivity analysis');
  const note = el('p', { class: 'run-note', 'aria-live': 'polite' });
  const progress = createProgress(() => running?.cancel());
  progress.element.classList.add('analysis-progress');
  progress.element.setAttribute('aria-label', 'Sensitivity progress');
  progress.element.querySelector('progress')!.setAttribute('aria-label', 'Sensitivity: trials simulated');
  const caption = el('p', { class: 'results-caption', id: 'sensitivity-caption' });
  const tornadoPick = el('select', { 'aria-label': 'Strategy of the tornado', id: 'sensitivity-tornado' });
  const figure = createAnalysisFigure('tornado', 'Which assumption matters most', [el('label', {}, 'Strategy ', tornadoPick)],
    () => (shown ? { chart: { name: 'tornado', strategy: tornadoPick.value || 'baseline' }, analyses: { sensitivity: shown }, scenario: shown.scenario, seed: shown.seed } : null));
  const table = el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Every input' });
  const results = el('div', { class: 'analysis-results', hidden: true }, figure.element, el('details', { class: 'analysis-data-table', 'data-analysis-table': 'inputs' }, el('summary', {}, 'Every input, ranked'), table));
  tornadoPick.addEventListener('change', () => {
    figure.draw();
    drawTable();
  });

  const strategies = () => {
    const s = scenario();
    const chosen = strategy.value;
    const items = [{ id: 'baseline', name: 'none (the baseline alone)' }, ...(s?.strategies ?? []).map((x) => ({ id: x.id, name: x.name ?? x.id }))];
    replaceChildren(strategy, ...items.map((i) => el('option', { value: i.id }, i.name)));
    strategy.value = items.some((i) => i.id === chosen) ? chosen : items[1]?.id ?? 'baseline';
  };
  strategy.addEventListener('focus', strategies);

  const drawTable = () => {
    const s = shown?.strategies.find((x) => x.id === tornadoPick.value) ?? shown?.strategies[0];
    if (!shown || !s) return replaceChildren(table);
    const u = shown.unit;
    const th = (t: string, num = false) => el('th', { scope: 'col', class: num ? 'num' : undefined }, t);
    const td = (t: string, num = false) => el('td', { class: num ? 'num' : undefined }, t);
    replaceChildren(table, el('table', { class: 'metrics-table', 'data-sensitivity-table': s.id },
      el('caption', {}, `${s.name}: every input, the largest swing of mean shortfall first; ${fixed(s.base.mean, 1)} ${u} per trial as the scenario is`),
      el('thead', {}, el('tr', {}, th('Rank', true), th('Input'), th('Low → high'), th(`Mean at low / high (${u})`, true), th(`Swing (${u}) [95% interval]`, true), th(`P95 swing (${u}) [95% interval]`, true))),
      el('tbody', {}, ...s.inputs.map((i) => el('tr', { 'data-input': i.id }, td(String(i.rank), true), el('th', { scope: 'row' }, i.name),
        td(`${Number(i.low.toPrecision(4))} → ${Number(i.high.toPrecision(4))} ${i.unit} (${i.setting === 'p10-p90' ? 'P10, P90' : i.setting === 'pct20' ? '−20%, +20%' : 'a step'})`),
        td(`${fixed(i.atLow.mean, 1)} / ${fixed(i.atHigh.mean, 1)}`, true), td(withInterval(i.swing.mean, i.swing.ci95, 1), true), td(withInterval(i.p95Swing.value, i.p95Swing.ci95, 1), true))))));
  };

  const show = (result: SensitivityResult, seconds: number) => {
    shown = result;
    // for the end-to-end tests, which compare it with the same analysis run in Node (development only)
    if (import.meta.env.DEV) (window as unknown as Record<string, unknown>).__lastSensitivity = result;
    results.hidden = false;
    replaceChildren(tornadoPick, ...result.strategies.map((s) => el('option', { value: s.id }, s.name)));
    tornadoPick.value = result.strategies[result.strategies.length - 1].id;
    captionText = `Sensitivity of ${result.scenario.id}: ${count(result.trials)} trials, seed ${result.seed}, ${result.strategies.map((s) => `${s.inputs.length} inputs of ${s.name}`).join(' and ')} (${duration(seconds)}).`;
    caption.textContent = captionText;
    caption.classList.remove('partial');
    figure.draw();
    drawTable();
  };

  const start = () => {
    const s = scenario();
    if (!s) return void (note.textContent = 'The scenario has problems: fix them in the editor first.');
    strategies();
    const n = trials.value === '' ? Math.min(DEFAULT_TRIALS, s.trials ?? 1000) : Number(trials.value);
    if (!(Number.isInteger(n) && n >= 1)) return void (note.textContent = 'Trials: a whole number from 1.');
    note.textContent = '';
    running?.cancel();
    const started = performance.now();
    progress.start(n);
    run.disabled = true;
    const handle = startAnalysis(pools, (apis, pool) => runSensitivity(s, {
      trials: n, strategy: strategy.value === 'baseline' ? null : strategy.value,
      onProgress: (done, total) => {
        if (running === handle) progress.update(done, total);
      },
    }, poolExecutor(apis.map((api) => sensitivityWorker(api)), pool)));
    running = handle;
    element.dataset.state = 'running';
    void handle.outcome.then((outcome) => {
      if (running !== handle) return;
      running = null;
      run.disabled = false;
      element.dataset.state = outcome.status;
      const seconds = (performance.now() - started) / 1000;
      if (outcome.status === 'complete') show(outcome.result, seconds);
      progress.finish(finishLine(outcome, `Done: ${count(n)} trials of every setting in ${duration(seconds)}.`, shown ? 'analysis' : null));
    });
  };
  run.addEventListener('click', start);

  const element = el(
    'section',
    { class: 'panel analysis-panel', id: 'sensitivity-panel', 'aria-labelledby': 'sensitivity-heading', 'data-state': 'idle' },
    el('h2', { id: 'sensitivity-heading' }, 'Sensitivity'),
    el('p', { class: 'field-hint' }, 'Sets each drawn input to its own P10 and P90 (its draws still taken, so nothing else moves) and moves each plain number 20% down and up (a zero by a small step), one at a time over the same trials and draws: which assumption moves the mean shortfall most, with 95% intervals.'),
    el('div', { class: 'analysis-controls' },
      el('label', { for: 'sensitivity-strategy' }, 'Strategy besides the baseline'), strategy,
      el('label', { for: 'sensitivity-trials' }, 'Trials'), trials,
      el('span', { class: 'field-hint', id: 'sensitivity-trials-hint' }, `Default ${count(DEFAULT_TRIALS)} (or the scenario's, if fewer): differences on the same draws settle quickly.`),
      el('div', { class: 'button-row' }, run), note),
    progress.element,
    caption,
    results,
  );
  strategies();
  return {
    element,
    result: () => shown,
    noteScenario(hash) {
      strategies();
      if (!shown) return;
      markStale(caption, captionText, hash !== null && hash !== shown.scenario.hash, 'the analysis');
    },
  };
}
