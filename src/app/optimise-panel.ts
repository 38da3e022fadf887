/**
 * The optimiser in the app (issue 13): the scenario's optimise section run on a pool of Web Workers of its
 * own (the scenario's run keeps its pool), with progress, Cancel, and the frontier drawn live as the
 * candidates come in; then the strategy found with its intervals, a button that adds it to the scenario,
 * and the frontier's downloads (SVG, PNG, CSV, the whole result as JSON), the same files as the command
 * line's for the same scenario, trials and seed.
 */
import './optimise-panel.css';
import { uniqueStrategy } from '../analysis/add-strategy.ts';
import type { OptimiseCandidate, OptimiseResult } from '../analysis/optimise-result.ts';
import { optimiseOnPool, type OptimiseProgress } from '../analysis/optimise-run.ts';
import { statisticText, targetText } from '../analysis/target-text.ts';
import { frontierChart, type FrontierData } from '../charts/frontier.ts';
import { millions, moneyTotal } from '../charts/money.ts';
import { downloadBlob } from '../export/download.ts';
import { downloadName } from '../export/file-names.ts';
import { frontierSvg, optimiseJson } from '../export/optimise-files.ts';
import { svgToPngBlob } from '../export/png-browser.ts';
import { leverText } from '../export/scenario-text.ts';
import type { Scenario, Strategy } from '../model/schema.ts';
import { frontierCsv, frontierData } from '../report/frontier-data.ts';
import { csvTable } from './data-table.ts';
import { el, replaceChildren } from './dom.ts';
import { count, duration } from './format.ts';
import type { PoolKeeper } from './pool-keeper.ts';

declare global {
  interface Window {
    /** the last optimisation shown (development builds, for the end-to-end tests) */
    __lastOptimise?: OptimiseResult;
  }
}

export interface OptimisePanel {
  element: HTMLElement;
  /** the editor's scenario when it is valid, else null: what the next optimisation runs */
  setScenario(scenario: Scenario | null): void;
}

export interface OptimisePanelOptions {
  /** the optimiser's own pool (not the run's: both may work at once) */
  pools: PoolKeeper;
  /** adds a strategy to the scenario being edited */
  onAddStrategy(strategy: Strategy): void;
}

const REDRAW_MS = 300;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Creates the panel; it stays hidden while the scenario has no optimise section. */
export function createOptimisePanel(options: OptimisePanelOptions): OptimisePanel {
  const target = el('p', { class: 'optimise-target' });
  const trials = el('input', { type: 'number', id: 'optimise-trials', min: 1, max: 1_000_000, step: 1, class: 'optimise-trials' });
  const start = el('button', { type: 'button', class: 'primary', id: 'optimise-button' }, 'Find the cheapest strategy');
  const cancel = el('button', { type: 'button', class: 'danger', hidden: true }, 'Cancel');
  const bar = el('progress', { max: 1, value: 0, 'aria-label': 'Optimisation progress', hidden: true });
  const status = el('p', { class: 'optimise-status', 'aria-live': 'polite' });
  const chart = el('div', { class: 'optimise-chart', 'data-optimise-chart': '' });
  const answer = el('div', { class: 'optimise-answer' });
  const element = el(
    'section',
    { class: 'panel optimise', id: 'optimise-panel', 'aria-labelledby': 'optimise-heading', hidden: true },
    el('h2', { id: 'optimise-heading' }, 'The cheapest strategy that meets a target'),
    target,
    el('div', { class: 'optimise-controls' }, el('label', { for: 'optimise-trials' }, 'Trials '), trials, start, cancel),
    bar,
    status,
    chart,
    answer,
  );
  let scenario: Scenario | null = null;
  let controller: AbortController | null = null;
  let shown: OptimiseResult | null = null;

  const draw = (data: FrontierData) => {
    const width = Math.round(Math.min(1100, Math.max(560, chart.clientWidth || 720)));
    replaceChildren(chart, frontierChart(data, { document, width }));
  };

  const liveData = (candidates: OptimiseCandidate[], s: Scenario): FrontierData => ({
    currency: s.currency ?? 'USD',
    statistic: statisticText(s.optimise!.target, s.unit),
    bound: s.optimise!.target.atMost,
    probability: s.optimise!.target.statistic === 'probAbove',
    candidates: candidates.map((c) => ({ label: c.label, cost: c.cost.mean, value: c.target.value, ci95: c.target.ci95, onFrontier: c.onFrontier, trials: c.trials })),
    found: null,
    references: [],
  });

  const progressText = (p: OptimiseProgress): string =>
    p.phase === 'search'
      ? `Rung ${p.rung + 1} of ${p.rungs}: ${count(Math.floor(p.done))} of ${count(p.total)} candidates on ${count(p.trials)} trials`
      : `Confirming the strategy found beside the scenario's strategies on ${count(p.trials)} trials: ${Math.round(100 * p.done)}%`;

  const run = async () => {
    if (!scenario?.optimise || controller) return;
    const s = scenario;
    const n = Number(trials.value);
    if (!(Number.isInteger(n) && n >= 1)) {
      status.textContent = `Trials must be a whole number of at least 1, got "${trials.value}".`;
      return;
    }
    controller = new AbortController();
    const signal = controller.signal;
    const pool = options.pools.acquire();
    const started = performance.now();
    let lastDraw = 0;
    let pending: OptimiseCandidate[] | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      lastDraw = performance.now();
      if (pending && !signal.aborted) draw(liveData(pending, s));
    };
    replaceChildren(answer);
    replaceChildren(chart);
    start.disabled = true;
    cancel.hidden = false;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = 'Starting…';
    element.dataset.optimiseState = 'running';
    try {
      const running = optimiseOnPool(s, pool.workers, {
        trials: n,
        signal,
        onProgress: (p) => {
          if (signal.aborted) return;
          // Later rungs have fewer candidates on more trials: about equal work each, so a rung is a share of the bar.
          bar.value = p.phase === 'search' ? (0.9 * (p.rung + p.done / Math.max(1, p.total))) / p.rungs : 0.9 + 0.1 * p.done;
          status.textContent = progressText(p);
        },
        onCandidates: (candidates) => {
          pending = candidates;
          if (timer === undefined) timer = setTimeout(flush, Math.max(0, lastDraw + REDRAW_MS - performance.now()));
        },
      });
      running.catch(() => {});
      const result = await Promise.race([running, pool.failed]);
      clearTimeout(timer);
      show(result, (performance.now() - started) / 1000);
    } catch (error) {
      clearTimeout(timer);
      options.pools.discard(pool);
      element.dataset.optimiseState = signal.aborted ? 'cancelled' : 'failed';
      status.textContent = signal.aborted
        ? 'Cancelled. The candidates evaluated so far stay on the chart; nothing was chosen.'
        : `The optimisation stopped: ${error instanceof Error ? error.message : String(error)}. Try again to start with fresh workers.`;
    } finally {
      controller = null;
      start.disabled = !scenario?.optimise;
      cancel.hidden = true;
      bar.hidden = true;
    }
  };

  const show = (result: OptimiseResult, seconds: number) => {
    shown = result;
    if (import.meta.env.DEV) window.__lastOptimise = result;
    element.dataset.optimiseState = 'complete';
    status.textContent = `Done: ${count(result.candidates.length)} candidates in ${duration(seconds)}.`;
    draw(frontierData(result));
    replaceChildren(answer, ...answerElements(result));
  };

  const answerElements = (result: OptimiseResult): HTMLElement[] => {
    const found = result.candidates[result.found.candidate];
    const fmt = (v: number) => (result.target.statistic === 'probAbove' ? `${(100 * v).toFixed(1)}%` : v.toFixed(2));
    const verdict = result.found.meetsTarget
      ? result.found.confirmed
        ? 'It meets the target with 95% confidence.'
        : 'Its estimate meets the target, but not with 95% confidence.'
      : 'No candidate meets the target: this is the cheapest of those that come closest.';
    const add = el('button', { type: 'button', class: 'secondary', id: 'optimise-add' }, result.found.meetsTarget ? 'Add this strategy to the scenario' : 'Add the closest strategy to the scenario');
    add.addEventListener('click', () => {
      if (!scenario) return;
      const strategy = uniqueStrategy(scenario, result.found.strategy);
      options.onAddStrategy(strategy);
      add.disabled = true;
      add.textContent = `Added as "${strategy.id}"`;
    });
    const table = el('details', { class: 'chart-table' }, el('summary', {}, 'Data table'),
      el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'The frontier: data table' }, csvTable(frontierCsv(result), 'Every candidate evaluated and the scenario\'s strategies, as in the CSV download')));
    return [
      el('p', { class: 'optimise-found', 'data-meets-target': String(result.found.meetsTarget) },
        el('strong', {}, result.found.meetsTarget ? 'Found: ' : 'Closest: '), found.label, '. ',
        `${capitalise(statisticText(result.target, result.unit))} ${fmt(found.target.value)} [${fmt(found.target.ci95[0])}, ${fmt(found.target.ci95[1])}]; `,
        `expected total cost ${moneyTotal(found.cost.mean, result.currency)} [${millions(found.cost.ci95[0])}, ${millions(found.cost.ci95[1])}], of which capex ${moneyTotal(found.capex, result.currency)} and opex ${moneyTotal(found.opexPerYear, result.currency)} a year. `,
        verdict),
      el('ul', { class: 'optimise-levers' }, ...result.found.strategy.levers.map((l) => el('li', {}, leverText(l, result.unit, result.currency)))),
      el('p', { class: 'muted' }, `Search: ${result.method.rungs.map((r) => `${count(r.candidates)} candidates on ${count(r.trials)} trials`).join(', then ')}, every one on the same trials (seed ${result.seed}). The same from the command line: npm run simulate -- ${result.scenario.id}.json --optimise --trials ${result.trials} --seed ${result.seed}`),
      el('div', { class: 'button-row' }, add),
      table,
      downloads(),
    ];
  };

  const downloads = (): HTMLElement => {
    const menu = el('div', { class: 'chart-export-menu', role: 'group', 'aria-label': 'Download the frontier' });
    const item = (label: string, make: (r: OptimiseResult) => Promise<{ blob: Blob; name: string }>) => {
      const button = el('button', { type: 'button' }, label);
      button.addEventListener('click', async () => {
        if (!shown) return;
        const { blob, name } = await make(shown);
        downloadBlob(blob, name, document);
      });
      return button;
    };
    const svg = (r: OptimiseResult) => frontierSvg(r, document);
    menu.append(
      item('SVG', async (r) => ({ blob: new Blob([svg(r)], { type: 'image/svg+xml;charset=utf-8' }), name: downloadName(r, 'frontier', 'svg') })),
      item('PNG 2x', async (r) => ({ blob: await svgToPngBlob(svg(r), 2, { document }), name: downloadName(r, 'frontier', 'png', '@2x') })),
      item('CSV', async (r) => ({ blob: new Blob([frontierCsv(r)], { type: 'text/csv;charset=utf-8' }), name: downloadName(r, 'frontier', 'csv') })),
      item('JSON', async (r) => ({ blob: new Blob([optimiseJson(r, 2)], { type: 'application/json' }), name: downloadName(r, 'optimise', 'json') })),
    );
    return menu;
  };

  start.addEventListener('click', () => void run());
  cancel.addEventListener('click', () => {
    if (!controller) return;
    controller.abort(new Error('the optimisation was cancelled'));
    // Terminating the workers now, not after their chunk, is what makes Cancel immediate.
    options.pools.discard();
  });

  return {
    element,
    setScenario(next) {
      const before = scenario;
      scenario = next;
      const optimise = next?.optimise;
      element.hidden = !optimise && !shown;
      start.disabled = !optimise || controller !== null;
      if (!optimise) {
        target.textContent = next ? 'This scenario has no optimise section: add one (a target and the variables to size) in the JSON view.' : 'The scenario has problems: fix them to optimise it.';
        return;
      }
      target.textContent = `Target: ${targetText(optimise.target, next.unit)}, over ${optimise.variables.map((v) => `${v.name ?? v.id}`).join(' and ')}.`;
      const defaultTrials = String(optimise.search?.trials ?? next.trials ?? 1000);
      if (!trials.value || before?.id !== next.id) trials.value = defaultTrials;
    },
  };
}
