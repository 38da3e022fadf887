/** The charts of the app, the report and the command line, by name. */
import type { ChartName, ChartOptions } from './types.ts';
import type { ChainStage, ChartDataMap } from './data-types.ts';
import { valueChainChart, VALUE_CHAIN_TITLE } from './value-chain.ts';
import { worldMapChart, WORLD_MAP_TITLE } from './world-map.ts';
import { fulfilmentChart, FULFILMENT_TITLE } from './fulfilment.ts';
import { shortfallChart, SHORTFALL_TITLE } from './shortfall.ts';
import { comparisonChart, COMPARISON_TITLE } from './comparison.ts';
import { attributionChart, ATTRIBUTION_TITLE } from './attribution.ts';
import { replayChart, REPLAY_TITLE } from './replay-comparison.ts';

export type { ChartName, ChartOptions } from './types.ts';
export type * from './data-types.ts';
export { valueChainChart, type ValueChainOptions } from './value-chain.ts';
export { worldMapChart, type WorldMapOptions } from './world-map.ts';
export { fulfilmentChart, type FulfilmentOptions } from './fulfilment.ts';
export { shortfallChart, type ShortfallOptions } from './shortfall.ts';
export { comparisonChart, type ComparisonOptions } from './comparison.ts';
export { attributionChart, type AttributionOptions } from './attribution.ts';
export { replayChart, type ReplayComparisonOptions } from './replay-comparison.ts';
export { serializeSvg } from './serialize.ts';
export { countryColour, strategyColour, strategyDash, strategySymbol, OKABE_ITO } from './palette.ts';

/** Options any chart accepts: the common ones plus each chart's choice of strategies (ignored where it does not apply). */
export interface AnyChartOptions extends ChartOptions {
  /** fulfilment and shortfall: the strategy ids to draw (default all) */
  strategies?: string[];
  /** attribution: the strategy id to draw (default the baseline) */
  strategy?: string;
  /** world map: the stage whose capacity shades the countries (default the most concentrated) */
  stage?: ChainStage;
}

/** A chart function for the data of chart K. */
export type ChartFunction<K extends ChartName> = (data: ChartDataMap[K], options?: AnyChartOptions) => SVGSVGElement;

/** Every chart by name. */
export const CHARTS: { [K in ChartName]: ChartFunction<K> } = {
  valueChain: valueChainChart,
  worldMap: worldMapChart,
  fulfilment: fulfilmentChart,
  shortfall: shortfallChart,
  comparison: comparisonChart,
  attribution: attributionChart,
  replay: replayChart,
};

/** The default title of every chart (tabs, file names, report headings). */
export const CHART_TITLES: Record<ChartName, string> = {
  valueChain: VALUE_CHAIN_TITLE,
  worldMap: WORLD_MAP_TITLE,
  fulfilment: FULFILMENT_TITLE,
  shortfall: SHORTFALL_TITLE,
  comparison: COMPARISON_TITLE,
  attribution: ATTRIBUTION_TITLE,
  replay: REPLAY_TITLE,
};

/** The chart names in the order the app and the report show them. */
export const CHART_NAMES: ChartName[] = ['valueChain', 'worldMap', 'fulfilment', 'shortfall', 'comparison', 'attribution', 'replay'];

/**
 * The charts a run draws: every chart, but the replay chart only for a scenario with observed series (the
 * historical replays); the app hides its panel and the report and --out leave it out for the others.
 */
export function drawnChartNames(data: Pick<ChartDataMap, 'replay'>): ChartName[] {
  return CHART_NAMES.filter((name) => name !== 'replay' || data.replay.panels.length > 0);
}

/** Renders chart `name` from the data of every chart (what chartData returns). */
export function renderChart<K extends ChartName>(name: K, data: Pick<ChartDataMap, K>, options: AnyChartOptions = {}): SVGSVGElement {
  const chart: ChartFunction<K> = CHARTS[name];
  return chart(data[name], options);
}

// The stress test's and the sensitivity analysis's charts: drawn from their results (src/report/analysis-chart-data.ts).
export type * from './analysis-data-types.ts';
export type { AnalysisChartName } from './types.ts';
export { exposureChart, EXPOSURE_TITLE, type ExposureOptions } from './exposure.ts';
export { survivalChart, SURVIVAL_TITLE, type SurvivalOptions } from './survival.ts';
export { tornadoChart, TORNADO_TITLE, type TornadoOptions } from './tornado.ts';
