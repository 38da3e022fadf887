/** The stress test's tables in the app: each strategy on the top cuts, and each maker country's worst cut. */
import type { StressDuration, StressResult } from '../analysis/stress-result.ts';
import { cutNames, strategyMatrix, type StrategyCutRow } from '../report/analysis-chart-data.ts';
import { el } from './dom.ts';
import { fixed, probability, withInterval } from './format.ts';

// A value that rounds to zero at the shown precision is shown as 0, not -0.0.
const near0 = (x: number, digits: number) => (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x);
const range = (mean: number, ci: [number, number], digits: number) => withInterval(near0(mean, digits), [near0(ci[0], digits), near0(ci[1], digits)], digits);
const th = (text: string, numeric = false) => el('th', { scope: 'col', class: numeric ? 'num' : undefined }, text);
const td = (text: string, numeric = false) => el('td', { class: numeric ? 'num' : undefined }, text);

/** Each strategy's extra shortfall for the baseline's top cuts, paired with the baseline's: one row per distinct cut. */
export function strategiesTable(result: StressResult, d: StressDuration): HTMLElement {
  if (d.strategies.length === 0) return el('p', { class: 'notice' }, 'No strategy was compared on the top cuts.');
  const { strategies, rows } = strategyMatrix(result, d.months);
  const u = result.unit;
  const cell = (c: StrategyCutRow['cells'][number]) => c === null ? td('–', true) : el('td', { class: 'num' },
    range(c.mean, c.ci95, 1),
    el('span', { class: 'ci' }, `change ${range(c.change, c.changeCi95, 1)}${c.lowered === null ? '' : `, ${probability(near0(c.lowered, 3))} lowered`}`));
  return el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Strategies on the top cuts' }, el(
    'table',
    { class: 'metrics-table', 'data-stress-table': 'strategies' },
    el('caption', {}, `How much each strategy lowers the exposure to the top cuts of ${d.months} months: extra shortfall per trial (${u}) with its 95% interval, and its change from the baseline's, paired trial by trial`),
    el('thead', {}, el('tr', {}, th('Cut'), th(`Baseline (${u})`, true), ...strategies.map((s) => th(s.name, true)))),
    el('tbody', {}, ...rows.map((r) => el('tr', { 'data-target': r.id }, el('th', { scope: 'row' }, r.name), td(fixed(r.baseline, 1), true), ...r.cells.map(cell)))),
  ));
}

/** Per maker country, the cut that costs its makers most, overall and upstream of them. */
export function countriesTable(result: StressResult, d: StressDuration): HTMLElement {
  const names = cutNames(result, d.months);
  const cell = (id: string | null, c: StressDuration['countries'][number]) => {
    const t = c.targets.find((x) => x.id === id);
    return [td(t ? names.get(t.id) ?? t.id : 'none'), td(t ? range(t.pct.mean, t.pct.ci95, 2) : '–', true)];
  };
  return el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Worst cut by maker country' }, el(
    'table',
    { class: 'metrics-table', 'data-stress-table': 'countries' },
    el('caption', {}, `Which cut of ${d.months} months hurts each country's makers most (extra shortfall in % of their demand, with its 95% interval)`),
    el('thead', {}, el('tr', {}, th('Makers in'), th('Worst cut'), th('% of demand', true), th('Worst cut upstream'), th('% of demand', true))),
    el('tbody', {}, ...d.countries.map((c) => el('tr', { 'data-country': c.country }, el('th', { scope: 'row' }, c.country), ...cell(c.worst, c), ...cell(c.worstUpstream, c)))),
  ));
}
