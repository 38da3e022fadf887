/**
 * What each chart draws: plain numbers and strings, no engine types, so a chart can be fed from a
 * RunResult (src/report/chart-data.ts), a saved JSON file or a hand-written test case.
 * Strategies are listed in the run's order, the baseline first; a strategy's position in the list
 * is its colour, dash and symbol index (palette.ts), whichever subset a chart draws.
 */

/** A strategy as the charts name it. */
export interface StrategyLabel {
  id: string;
  name: string;
}

// ---- value chain ----------------------------------------------------------------------------

/** The three columns of the value chain; exploration projects stand in the extraction column. */
export type ChainStage = 'extraction' | 'processing' | 'manufacturing';

export interface ValueChainNode {
  id: string;
  name: string;
  /** the node's own stage; 'exploration' projects are drawn in the extraction column */
  stage: ChainStage | 'exploration';
  /** ISO 3166 alpha-2; XX for rest of world */
  country: string;
  /** units per year */
  capacity: number;
}

export interface ValueChainLink {
  source: string;
  target: string;
  /** units per year shipped in an undisrupted, noise-free first year */
  value: number;
}

/** Concentration of one column's capacity by country. */
export interface StageConcentration {
  stage: ChainStage;
  /** Herfindahl-Hirschman index of capacity by country, 0-10000 */
  hhi: number;
  topCountry: string;
  /** fraction 0..1 */
  topShare: number;
}

/** One bar of the dependence panel: a maker group's largest foreign supplier at one stage. */
export interface DependenceBar {
  /** 'all' for all makers, else the makers' country code */
  group: string;
  stage: ChainStage;
  /** the country with the largest share other than the group's own (any country for 'all') */
  country: string;
  /** fraction 0..1 of the group's supply at that stage */
  share: number;
}

export interface ValueChainData {
  /** material unit, e.g. "t Ga" */
  unit: string;
  nodes: ValueChainNode[];
  links: ValueChainLink[];
  stages: StageConcentration[];
  dependence: DependenceBar[];
  /** the dependence benchmark as a fraction (0.65: EU Critical Raw Materials Act) */
  benchmark: number;
}

// ---- fulfilment ------------------------------------------------------------------------------

/** Chain fulfilment quantiles of one period, in percent (0-100). */
export interface FulfilmentPoint {
  /** months from the start of the run to the start of the period */
  month: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface FulfilmentSeries extends StrategyLabel {
  points: FulfilmentPoint[];
}

/** A scripted disruption's window, from its fixed or mean start for its mean duration. */
export interface DisruptionWindow {
  id: string;
  name: string;
  startMonth: number;
  endMonth: number;
}

export interface FulfilmentData {
  /** the run's horizon in months (the x axis ends here) */
  horizonMonths: number;
  /** months per period (1 for monthly, 12/52 for weekly periods): each point holds until the next */
  periodMonths: number;
  strategies: FulfilmentSeries[];
  windows: DisruptionWindow[];
}

// ---- shortfall -------------------------------------------------------------------------------

export interface ShortfallSeries extends StrategyLabel {
  /** trials per bin, over ShortfallData.edges */
  counts: number[];
  /** units */
  p50: number;
  p95: number;
  cvar95: number;
  mean: number;
}

export interface ShortfallData {
  unit: string;
  trials: number;
  /** bin edges in units, ascending: counts.length + 1 values shared by every strategy */
  edges: number[];
  strategies: ShortfallSeries[];
}

// ---- comparison ------------------------------------------------------------------------------

export interface ComparisonPoint extends StrategyLabel {
  baseline: boolean;
  /** mean cost per trial over the horizon, in the scenario's currency */
  meanCost: number;
  /** mean total shortfall per trial, units */
  meanShortfall: number;
  /** paired difference in shortfall, strategy minus baseline (units; negative is better); null for the baseline */
  difference: { mean: number; lo: number; hi: number } | null;
  /** baseline mean shortfall minus this strategy's (units; 0 for the baseline) */
  avoided: number;
  /** no other strategy, baseline included, has mean cost and mean shortfall both no higher and one lower */
  onFrontier: boolean;
}

export interface ComparisonData {
  unit: string;
  currency: string;
  strategies: ComparisonPoint[];
}

// ---- attribution -----------------------------------------------------------------------------

export type AttributionKind = 'disruption' | 'structural' | 'interaction';

export interface AttributionPart {
  /** the disruption's id, or 'structural' / 'interaction' */
  id: string;
  name: string;
  kind: AttributionKind;
  /** mean shortfall per trial attributed to this part, units (the interaction may be negative) */
  value: number;
}

export interface AttributionSeries extends StrategyLabel {
  /** how many trials the attribution used */
  trials: number;
  /** the parts, in the scenario's order: disruptions, then structural, then interaction */
  parts: AttributionPart[];
}

export interface AttributionData {
  unit: string;
  strategies: AttributionSeries[];
}

// ---- world map -------------------------------------------------------------------------------

/** One country's capacity at one stage (units per year). */
export interface MapCapacity {
  /** ISO 3166 alpha-2; XX for rest of world, EU for the European Union as one maker */
  country: string;
  capacity: number;
}

/** The capacity by country at one stage of the chain. */
export interface MapStage {
  stage: ChainStage;
  countries: MapCapacity[];
}

/**
 * A flow of material from one country to another, units per year. Plain country pairs, so that any
 * source of flows (the first-year network today, per-period flow series later) can feed the map; a
 * pair may come more than once, e.g. by two routes. `from === to` is a domestic flow (no arc).
 */
export interface CountryFlow {
  from: string;
  to: string;
  value: number;
  /** the shipping route's id when the flow goes by a named route */
  route?: string;
  /** the stage the material leaves (extraction: ore or concentrate; processing: refined material) */
  stage?: ChainStage;
}

/** What one disruption hits, as the map can show it: countries (outlined) and routes (their chokepoints outlined). */
export interface MapTarget {
  /** the disruption's id and name */
  id: string;
  name: string;
  countries: string[];
  routes: string[];
  /** 'supply' for outages, export limits and routes; 'demand' for a demand shock at the makers */
  kind: 'supply' | 'demand';
}

export interface WorldMapData {
  unit: string;
  stages: MapStage[];
  flows: CountryFlow[];
  /** what the flows are, for the reading: "first-year flows of the undisrupted baseline" */
  flowsAre: string;
  /** the scenario's named routes */
  routes: { id: string; name: string }[];
  targets: MapTarget[];
}

// ---- model against what was reported (historical replays) ---------------------------------------

/** The model's flow in one period relative to its planned flow, in percent (null where nothing was planned). */
export interface ReplayModelPoint {
  /** months from month 0 to the start of the period */
  month: number;
  mean: number | null;
  p5: number | null;
  p95: number | null;
}

/** A reference as a hover names it. */
export interface ReplaySource {
  id: string;
  title: string;
  url: string;
}

/** One reported point: a month or a span of months, in the series' unit and as % of the series' normal. */
export interface ReplayObservedPoint {
  /** as reported: "2023-08", "2023-Q4", "2022", "2020-03/2020-12" */
  period: string;
  /** first and last month covered, in months from month 0 (negative before it), inclusive */
  fromMonth: number;
  toMonth: number;
  /** in the series' unit */
  value: number;
  /** value / normal x 100; null when the series names no normal (the point is then not drawn) */
  pct: number | null;
  /** the point taken as the series' normal (100% by definition) */
  normal: boolean;
  source: ReplaySource | null;
  note: string | null;
}

/** A comparison written down before the first run, with its outcome on this run. */
export interface ReplayComparisonMark {
  id: string;
  kind: 'timing' | 'size' | 'direction';
  verdict: 'pass' | 'miss' | 'not-run';
  /** one line: the model's and the reported value and the tolerance, as the chart prints them */
  text: string;
  /** what the model did, in a sentence (the hover) */
  reason: string;
}

/** One panel: an observed series against the model's flow series it is compared with. */
export interface ReplayPanel {
  /** the observed series' id, with the strategy and counting when the series is compared on several */
  id: string;
  /** what the series measures, in words */
  title: string;
  /** the series' unit ("t/month") */
  unit: string;
  /** the model's flow in words: "processing CN → any other country, counted when shipped" */
  flowLabel: string;
  /** the strategy whose trials are drawn, and its position in the run (colour and dash) */
  strategy: StrategyLabel & { index: number };
  /** the normal the reported points are divided by, or null */
  normal: { period: string; value: number } | null;
  /** empty when the run has no such flow series */
  model: ReplayModelPoint[];
  observed: ReplayObservedPoint[];
  comparisons: ReplayComparisonMark[];
}

export interface ReplayData {
  /** the calendar month of month 0, "YYYY-MM" */
  monthZero: string;
  /** months per period (1: the replays are monthly) */
  periodMonths: number;
  horizonMonths: number;
  /** the scripted events */
  windows: DisruptionWindow[];
  /** one per observed series (and strategy and counting it is compared on); empty for a scenario without observed series */
  panels: ReplayPanel[];
}

/** The data of every chart, by chart name (the shape chartData returns). */
export interface ChartDataMap {
  valueChain: ValueChainData;
  worldMap: WorldMapData;
  fulfilment: FulfilmentData;
  shortfall: ShortfallData;
  comparison: ComparisonData;
  attribution: AttributionData;
  replay: ReplayData;
}
