/** The stress test's result object (issue 12; documented in docs/model.md, "Stress test"). Months, units and shares as named. */
import type { Summary } from '../engine/result.ts';
import type { StressTargetKind } from './stress-targets.ts';

export interface StressResult {
  kind: 'stress';
  scenario: { id: string; hash: string };
  trials: number;
  seed: number | string;
  unit: string;
  periodsPerYear: number;
  horizonMonths: number;
  targets: StressTargetInfo[];
  /** one per cut duration, in the order asked */
  durations: StressDuration[];
}

export interface StressTargetInfo {
  id: string;
  kind: StressTargetKind;
  name: string;
  country?: string;
  stage?: string;
  /** what the cut hits: node ids, or links as "from>to" */
  hits: string[];
}

export interface StressDuration {
  months: number;
  periods: number;
  /** the baseline's mean total shortfall and total demand per trial, units (for scale) */
  baseline: { shortfall: number; demand: number };
  /** every target, the most exposing first (ties in id order) */
  ranking: TargetExposure[];
  /** per strategy besides the baseline: how it changes the exposure to the baseline's top targets */
  strategies: StrategyExposure[];
  /** per maker country: every target by the extra shortfall it causes that country's makers, the worst first */
  countries: CountryExposure[];
}

export interface TargetExposure {
  id: string;
  name: string;
  kind: StressTargetKind;
  /** 1 for the most exposing */
  rank: number;
  /** the extra shortfall per trial (cut minus baseline, same trial), units */
  extra: Summary;
  /** 100 x mean extra / mean total demand */
  extraPctOfDemand: number;
  /** Monte Carlo Risk Exposure Index: mean extra / the largest mean extra (1 for the worst; 0 if no cut adds any) */
  rei: number;
  reiCi95: [number, number];
  /** share of trials in which the cut made some maker short */
  probSomeMakerShort: number;
  /** other targets whose cut hits exactly the same nodes or links (their figures are these) */
  sameCutAs: string[];
  /** the makers that depend on what the cut hits */
  makers: MakerUnderCut[];
}

export interface MakerUnderCut {
  id: string;
  name: string;
  country: string;
  /** mean extra shortfall, units, and % of the maker's own demand with its 95% interval */
  extra: number;
  extraPct: { mean: number; ci95: [number, number] };
  /** share of trials in which the cut made this maker short */
  probShort: number;
  /** time to survive the cut (ttsUnderCut), months */
  tts: TtsDistribution;
}

export interface TtsDistribution {
  mean: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  /** P(ttsUnderCut < D): the maker's fulfilment fell below 95% of its baseline before the cut ended */
  probBelowCut: number;
  /** trials by time to survive in periods 0..D (the last: never fell while the cut lasted) */
  counts: number[];
}

export interface StrategyExposure {
  id: string;
  name: string;
  targets: {
    id: string;
    /** the baseline's mean extra shortfall for this cut, units */
    baseline: number;
    /** the mean extra shortfall for this cut under the strategy (its own trial without the cut subtracted) */
    strategy: { mean: number; ci95: [number, number] };
    /** strategy minus baseline, trial by trial: negative when the strategy lowers the exposure */
    change: { mean: number; ci95: [number, number] };
    /** the share of the baseline's exposure the strategy removes (null when the baseline has none) */
    lowered: number | null;
    /** the makers that depend on the cut, under the strategy (its stockpiles and new sources in their time to survive) */
    makers: MakerUnderCut[];
  }[];
}

export interface CountryExposure {
  country: string;
  makers: string[];
  /** the country's makers' mean demand per trial, units */
  demand: number;
  /** the target that costs the country's makers the largest share of their demand (null when none costs any) */
  worst: string | null;
  /** the same among targets upstream of the makers (not at the manufacturing stage): where their supply breaks first */
  worstUpstream: string | null;
  targets: { id: string; units: number; pct: { mean: number; ci95: [number, number] } }[];
}
