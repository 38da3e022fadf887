/**
 * The data behind each chart as CSV: one row per drawn mark (a link, a period of a band, a bin, a
 * strategy, an attribution part), units in the column names, numbers at full precision so that
 * they read back exactly. Given the chart's options, the rows are those of the strategies drawn.
 */
import type { ChartName } from '../charts/types.ts';
import type { ChartDataMap, ComparisonData, FulfilmentData, ShortfallData, ValueChainData, AttributionData, WorldMapData, ReplayData } from '../charts/data-types.ts';
import { monthAt } from '../model/calendar.ts';
import { countryShares, drawnFlows, pickStage } from '../charts/world-map-data.ts';
import { countryName } from '../charts/country-names.ts';
import type { AnyChartOptions } from '../charts/index.ts';
import { drawnNetwork } from '../charts/value-chain.ts';
import { cumulativePct } from '../charts/shortfall.ts';
import { attributionSeries, sortedParts } from '../charts/attribution.ts';
import { selectStrategies } from '../charts/select.ts';

export type Cell = string | number | boolean | null;

/** CSV of exactly what chart `name` draws from `data` with these options (strategy choice). */
export function chartCsv<K extends ChartName>(name: K, data: ChartDataMap[K], options: AnyChartOptions = {}): string {
  const tables: { [N in ChartName]: (d: ChartDataMap[N], o: AnyChartOptions) => Cell[][] } = {
    valueChain: valueChainRows,
    worldMap: worldMapRows,
    fulfilment: fulfilmentRows,
    shortfall: shortfallRows,
    comparison: comparisonRows,
    attribution: attributionRows,
    replay: replayRows,
  };
  const rows: (d: ChartDataMap[K], o: AnyChartOptions) => Cell[][] = tables[name];
  return toCsv(rows(data, options));
}

/** A unit or currency as a column-name suffix: "t Ga" -> "t_ga", "USD" -> "usd". */
export function unitSuffix(unit: string): string {
  return unit.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'units';
}

function valueChainRows(data: ValueChainData): Cell[][] {
  const u = unitSuffix(data.unit);
  const { nodes, links } = drawnNetwork(data);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const header = ['source_id', 'source', 'source_country', 'source_stage', 'target_id', 'target', 'target_country', 'target_stage', `flow_${u}_per_year`];
  return [
    header,
    ...links.map((l) => {
      const s = byId.get(l.source)!;
      const t = byId.get(l.target)!;
      return [s.id, s.name, s.country, s.stage, t.id, t.name, t.country, t.stage, l.value];
    }),
  ];
}

/**
 * The map: a row per shaded country (its share of the stage drawn) and a row per arc (a flow between
 * two countries), with the disruptions that hit each country or route.
 */
function worldMapRows(data: WorldMapData, options: AnyChartOptions): Cell[][] {
  const u = unitSuffix(data.unit);
  const stage = pickStage(data, options.stage);
  const hits = (country: string | null, route: string | null) =>
    data.targets.filter((t) => (country !== null && t.countries.includes(country)) || (route !== null && t.routes.includes(route))).map((t) => t.id).join(' ');
  const header = ['kind', 'stage', 'country', 'country_name', `capacity_${u}_per_year`, 'share', 'from', 'to', 'route', `flow_${u}_per_year`, 'disruptions'];
  const countries = countryShares(data, stage).map((c): Cell[] => ['country', stage, c.country, countryName(c.country), c.capacity, c.share, null, null, null, null, hits(c.country, null)]);
  const flows = drawnFlows(data).map((f): Cell[] => ['flow', f.stage ?? null, null, null, null, null, f.from, f.to, f.route ?? null, f.value, hits(null, f.route ?? null)]);
  return [header, ...countries, ...flows];
}

function fulfilmentRows(data: FulfilmentData, options: AnyChartOptions): Cell[][] {
  const header = ['strategy_id', 'strategy', 'month', ...['p5', 'p25', 'p50', 'p75', 'p95'].map((q) => `${q}_fulfilment_pct`)];
  const rows = selectStrategies(data.strategies, options.strategies).flatMap(({ item }) =>
    item.points.map((p): Cell[] => [item.id, item.name, p.month, p.p5, p.p25, p.p50, p.p75, p.p95]),
  );
  return [header, ...rows];
}

function shortfallRows(data: ShortfallData, options: AnyChartOptions): Cell[][] {
  const u = unitSuffix(data.unit);
  const header = ['strategy_id', 'strategy', `bin_from_${u}`, `bin_to_${u}`, 'trials', 'cumulative_pct', `p50_${u}`, `p95_${u}`, `cvar95_${u}`];
  const rows = selectStrategies(data.strategies, options.strategies).flatMap(({ item }) => {
    const cdf = cumulativePct(item.counts);
    return item.counts.map((count, k): Cell[] => [
      item.id, item.name, data.edges[k], data.edges[k + 1], count, cdf[k + 1], item.p50, item.p95, item.cvar95,
    ]);
  });
  return [header, ...rows];
}

function comparisonRows(data: ComparisonData): Cell[][] {
  const u = unitSuffix(data.unit);
  const header = [
    'strategy_id', 'strategy', 'baseline', `mean_cost_${unitSuffix(data.currency)}`, `mean_shortfall_${u}`,
    `difference_${u}`, `difference_ci95_lo_${u}`, `difference_ci95_hi_${u}`, `shortfall_avoided_${u}`, 'on_frontier',
  ];
  const rows = data.strategies.map((s): Cell[] => [
    s.id, s.name, s.baseline, s.meanCost, s.meanShortfall,
    s.difference?.mean ?? null, s.difference?.lo ?? null, s.difference?.hi ?? null, s.avoided, s.onFrontier,
  ]);
  return [header, ...rows];
}

function attributionRows(data: AttributionData, options: AnyChartOptions): Cell[][] {
  const header = ['strategy_id', 'strategy', 'part_id', 'part', 'kind', `mean_shortfall_${unitSuffix(data.unit)}`];
  const series = attributionSeries(data, options.strategy);
  if (!series || series.trials === 0) return [header];
  return [header, ...sortedParts(series).map((p): Cell[] => [series.id, series.name, p.id, p.name, p.kind, p.value])];
}

/**
 * The replay chart: per panel a row per period of the model (mean, P5, P95 in % of planned), a row per
 * reported point (its value, % of the series' normal, its reference) and a row per comparison (verdict).
 */
function replayRows(data: ReplayData): Cell[][] {
  const header = [
    'kind', 'panel', 'strategy_id', 'model_flow', 'month', 'calendar_month', 'reported_period', 'model_mean_pct', 'model_p5_pct', 'model_p95_pct',
    'reported_value', 'reported_unit', 'reported_pct_of_normal', 'is_normal', 'reference', 'comparison', 'verdict', 'detail',
  ];
  const calendar = (month: number) => (Number.isInteger(month) ? monthAt(data.monthZero, month) : null);
  const rows = data.panels.flatMap((p) => [
    ...p.model.map((m): Cell[] => ['model', p.id, p.strategy.id, p.flowLabel, m.month, calendar(m.month), null, m.mean, m.p5, m.p95, null, null, null, null, null, null, null, null]),
    ...p.observed.map((o): Cell[] => [
      'reported', p.id, null, null, o.fromMonth, calendar(o.fromMonth), o.period, null, null, null, o.value, p.unit, o.pct, o.normal, o.source?.id ?? null, null, null, o.note,
    ]),
    ...p.comparisons.map((c): Cell[] => ['comparison', p.id, p.strategy.id, p.flowLabel, null, null, null, null, null, null, null, null, null, null, null, c.id, c.verdict, c.reason]),
  ]);
  return [header, ...rows];
}

/** RFC 4180 text: quoted where needed, empty for null, one row a line. */
/** Rows as CSV text: numbers at full precision, text quoted where needed and never read as a formula. */
export function toCsv(rows: Cell[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // A name from a scenario file that starts like a formula would run as one in a spreadsheet.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
