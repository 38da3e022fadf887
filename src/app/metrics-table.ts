/**
 * The run's numbers as the command line prints them: per strategy the shortfall and its spread, then
 * each strategy against the baseline trial by trial, then each maker's own shortfall. Every number cell
 * keeps the exact value in data-value, with its metric and strategy, for tests and for copying.
 */
import type { RunResult, StrategyResult } from '../engine/result.ts';
import { el, replaceChildren } from './dom.ts';
import { millions, moneyTotal, perUnitNumber, perUnitUnit, totalUnit } from '../charts/money.ts';
import { fixed, probability, withInterval } from './format.ts';

interface Column {
  title: string;
  /** what the number is, in the cell's data-metric */
  metric: string;
  value: (s: StrategyResult) => number | null;
  text: (s: StrategyResult) => string;
  help?: string;
}

export interface MetricsTable {
  element: HTMLElement;
  show(result: RunResult | null): void;
}

/** Creates the (empty) metrics panel. */
export function createMetricsTable(): MetricsTable {
  // Not an empty box before the first results: the panel says why it has no tables.
  const element = el('section', { class: 'panel metrics', 'aria-label': 'Metrics' }, el('p', { class: 'notice' }, 'No results yet.'));
  return {
    element,
    show(result) {
      if (!result) return replaceChildren(element, el('p', { class: 'notice' }, 'No results yet.'));
      const others = result.strategies.slice(1);
      replaceChildren(
        element,
        el('h2', {}, 'Shortfall by strategy'),
        table(result.strategies, shortfallColumns(), 'metrics-shortfall'),
        others.length > 0 && el('h2', {}, 'Each strategy against the baseline, trial by trial'),
        others.length > 0 && table(others, comparisonColumns(result.unit, result.currency), 'metrics-comparison'),
        others.length > 0 && el('p', { class: 'table-note' }, `Negative changes are shortfall avoided. Costs are per trial over the whole horizon, undiscounted; baseline mean cost ${moneyTotal(result.strategies[0].metrics.cost.mean, result.currency)}.`),
        el('h2', {}, "Each maker's own shortfall (% of its demand, 95% interval)"),
        makerTable(result),
      );
    },
  };
}

function shortfallColumns(): Column[] {
  return [
    {
      title: 'Mean shortfall, % of demand [95% interval]',
      metric: 'shortfallPct.mean',
      value: (s) => s.metrics.shortfallPct.mean,
      text: (s) => withInterval(s.metrics.shortfallPct.mean, s.metrics.shortfallPct.ci95, 2),
    },
    { title: 'P95 %', metric: 'shortfallPct.p95', value: (s) => s.metrics.shortfallPct.p95, text: (s) => fixed(s.metrics.shortfallPct.p95, 2), help: '1 trial in 20 is worse than this' },
    { title: 'CVaR 95 %', metric: 'shortfallPct.cvar95', value: (s) => s.metrics.shortfallPct.cvar95, text: (s) => fixed(s.metrics.shortfallPct.cvar95, 2), help: 'the mean of the worst 5% of trials' },
    { title: 'P(any shortfall)', metric: 'probShortfall', value: (s) => s.metrics.probShortfall, text: (s) => probability(s.metrics.probShortfall) },
    { title: 'Median time to recover (months)', metric: 'ttr.p50', value: (s) => s.metrics.ttr.p50, text: (s) => fixed(s.metrics.ttr.p50, 1) },
  ];
}

function comparisonColumns(unit: string, currency: string): Column[] {
  const vs = (s: StrategyResult) => s.vsBaseline!;
  return [
    { title: `Change in shortfall (${unit}) [95% interval]`, metric: 'vsBaseline.shortfall.mean', value: (s) => vs(s).shortfall.mean, text: (s) => withInterval(vs(s).shortfall.mean, vs(s).shortfall.ci95, 1) },
    { title: 'Change (points of %) [95% interval]', metric: 'vsBaseline.shortfallPct.mean', value: (s) => vs(s).shortfallPct.mean, text: (s) => withInterval(vs(s).shortfallPct.mean, vs(s).shortfallPct.ci95, 2) },
    { title: 'P(better)', metric: 'vsBaseline.probBetter', value: (s) => vs(s).probBetter, text: (s) => probability(vs(s).probBetter), help: 'share of trials in which the strategy has less shortfall than the baseline' },
    { title: `Mean cost (${totalUnit(currency)})`, metric: 'cost.mean', value: (s) => s.metrics.cost.mean, text: (s) => millions(s.metrics.cost.mean), help: 'per trial over the whole horizon, undiscounted, in millions' },
    {
      title: `Cost per ${unit} avoided (${perUnitUnit(currency, unit)})`,
      metric: 'vsBaseline.costPerUnitAvoided',
      value: (s) => vs(s).costPerUnitAvoided,
      text: (s) => perUnitNumber(vs(s).costPerUnitAvoided),
      help: "the extra mean cost over the baseline's, per unit of shortfall avoided",
    },
    { title: 'On the frontier', metric: 'vsBaseline.onFrontier', value: (s) => Number(vs(s).onFrontier), text: (s) => (vs(s).onFrontier ? 'yes' : 'no'), help: 'no other strategy is both cheaper and more resilient' },
  ];
}

function table(strategies: StrategyResult[], columns: Column[], id: string): HTMLElement {
  return el(
    'div',
    // Focusable, so a keyboard can scroll a table wider than the page (axe: scrollable-region-focusable).
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': id === 'metrics-comparison' ? 'Paired comparison table' : 'Strategies table' },
    el(
      'table',
      { class: 'metrics-table', id },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Strategy'), ...columns.map((c) => el('th', { scope: 'col', title: c.help }, c.title)))),
      el(
        'tbody',
        {},
        ...strategies.map((s) =>
          el(
            'tr',
            { 'data-strategy': s.id },
            el('th', { scope: 'row', title: s.id }, s.name),
            ...columns.map((c) => el('td', { 'data-metric': c.metric, 'data-strategy': s.id, 'data-value': String(c.value(s)) }, c.text(s))),
          ),
        ),
      ),
    ),
  );
}

function makerTable(result: RunResult): HTMLElement {
  const makers = Object.entries(result.strategies[0].metrics.byMaker);
  return el(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': "Each maker's own shortfall table" },
    el(
      'table',
      { class: 'metrics-table', id: 'metrics-makers' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Maker'), ...result.strategies.map((s) => el('th', { scope: 'col', title: s.id }, s.name)))),
      el(
        'tbody',
        {},
        ...makers.map(([id, m]) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row', title: id }, `${m.name} (${m.country})`),
            ...result.strategies.map((s) => {
              const mm = s.metrics.byMaker[id];
              return el('td', { 'data-metric': `byMaker.${id}.shortfallPct.mean`, 'data-strategy': s.id, 'data-value': String(mm?.shortfallPct.mean ?? null) }, mm ? withInterval(mm.shortfallPct.mean, mm.shortfallPct.ci95, 2) : '–');
            }),
          ),
        ),
      ),
    ),
  );
}
