/** The result object of model.md section 7, and the mergeable partial result a chunk of trials returns. */
import type { ExactSum } from '../stats/exact-sum.ts';

export interface Summary {
  mean: number;
  sd: number;
  se: number;
  ci95: [number, number];
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  cvar95: number;
}

export interface TtrSummary {
  /** trials whose fulfilment dipped (recovered or censored) */
  n: number;
  noDip: number;
  censored: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
}

export type Band = [p5: number, p25: number, p50: number, p75: number, p95: number];

export interface Attribution {
  trials: number;
  structural: number;
  interaction: number;
  byDisruption: Record<string, number>;
}

export interface PairedComparison {
  shortfall: { mean: number; ci95: [number, number] };
  shortfallPct: { mean: number; ci95: [number, number] };
  probBetter: number;
  probTie: number;
  costPerUnitAvoided: number | null;
  onFrontier: boolean;
}

export interface StrategyResult {
  id: string;
  name: string;
  metrics: {
    shortfall: Summary;
    shortfallPct: Summary;
    cost: Summary;
    probShortfall: number;
    worstFulfilment: Summary;
    ttr: TtrSummary;
    tts: Record<string, number>;
    substituted: number;
    /** per maker: mean shortfall (units), mean shortfall % of its own demand with its 95% interval, P(any shortfall) */
    byMaker: Record<string, MakerMetrics>;
  };
  bands: { fulfilment: Band[] };
  /** counts of trials' total shortfall (units) over the run's shared bin edges */
  shortfallHistogram: number[];
  attribution: Attribution;
  /** the material accounts of model.md section 2 (Balance), mean units per trial */
  ledger: Ledger;
  /** per-period flows between countries by stage, relative to the planned flow (when the run asked for them) */
  flows?: FlowSeries[];
  vsBaseline?: PairedComparison;
}

/** A stage's flow from one country to another ("*": any other), counted when shipped or when it arrives, per period. */
export interface FlowSeries {
  stage: 'extraction' | 'processing';
  from: string;
  to: string;
  counted: 'shipped' | 'arrived';
  /** units in the baseline's quiet run (the planned flow) */
  planned: number[];
  /** r = flow / planned over the trials, from bins to the nearest 0.01 (mean, P5, P95 of the binned values); null where planned is 0 */
  mean: (number | null)[];
  p5: (number | null)[];
  p95: (number | null)[];
}

/** The accounts of the balance: inflows (extracted, recycled, opening, inTransitStart) equal the rest. */
export const LEDGER_ACCOUNTS = ['extracted', 'recycled', 'opening', 'inTransitStart', 'delivered', 'closing', 'inTransitEnd', 'yieldLoss', 'excess'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
export type Ledger = Record<LedgerAccount, number>;

export interface MakerMetrics {
  name: string;
  country: string;
  shortfall: number;
  shortfallPct: { mean: number; ci95: [number, number]; p95: number };
  probShortfall: number;
}

export interface StageIndicator {
  hhi: number;
  topCountry: string;
  topShare: number;
}

export interface DependenceCell {
  shares: Record<string, number>;
  over65: string[];
}

export interface RunResult {
  scenario: { id: string; hash: string };
  trials: number;
  seed: number | string;
  periods: number;
  periodsPerYear: number;
  unit: string;
  /** the currency of every cost: the scenario's `currency`, "USD" when it names none */
  currency: string;
  indicators: Record<string, StageIndicator>;
  dependence: Record<string, Record<string, DependenceCell>>;
  strategies: StrategyResult[];
  /** edges of every strategy's shortfallHistogram (units): bins + 1 ascending values */
  shortfallEdges: number[];
  /** the baseline chain with its flows over the first year of an undisrupted, noise-free run (units per year) */
  network: Network;
}

export interface NetworkNode {
  id: string;
  name: string;
  stage: string;
  country: string;
  /** capacity, units per year */
  capacity: number;
}

export interface Network {
  nodes: NetworkNode[];
  links: { source: string; target: string; value: number }[];
}

/** TTR status per trial. */
export const TTR_NO_DIP = 0;
export const TTR_RECOVERED = 1;
export const TTR_CENSORED = 2;

/**
 * Per-trial outcomes of one strategy for trials [from, to): index i holds trial from + i. Only the scalars
 * that exact percentiles need are kept per trial (49 bytes a trial); everything else is integer bins and
 * exact sums (MakerPartial, substituted, ledger), which merge bit for bit whatever the split.
 */
export interface TrialOutcomes {
  shortfall: Float64Array;
  /** 100 x shortfall / demand (0 when demand is 0) */
  shortfallPct: Float64Array;
  demand: Float64Array;
  worstFulfilment: Float64Array;
  cost: Float64Array;
  /** months; NaN when there was no dip */
  ttr: Float64Array;
  ttrStatus: Int8Array;
}

/** Bins of a maker's shortfall % per trial: 0.01 of a percentage point each, bin b = min(10000, floor(100 x pct)). */
export const MAKER_PCT_BINS = 10_001;

/** Each maker's own outcomes over the trials, as exact sums and integer counts (index: maker position). */
export interface MakerPartial {
  /** units short, % of its own demand, and that % squared, summed over trials */
  shortfall: ExactSum[];
  pct: ExactSum[];
  pctSquares: ExactSum[];
  /** trials with any shortfall */
  short: Int32Array;
  /** makers x MAKER_PCT_BINS counts of the trials' shortfall % */
  pctBins: Int32Array;
}

export interface StrategyPartial {
  id: string;
  outcomes: TrialOutcomes;
  /** fulfilment band counts: periods x 1001 bins, bin b = min(1000, floor(1000 f)) */
  bins: Int32Array;
  makers: MakerPartial;
  /** units reported as substituted, summed over the trials */
  substituted: ExactSum;
  /**
   * Attribution's per-trial totals for trials [from, min(to, attributionTrials)):
   * none[i] = S(no disruptions), without[k][i] = S(all but disruption k).
   */
  attribution: { none: Float64Array; without: Float64Array[] };
  /** the ledger's accounts summed over the trials, exactly (so any split merges to the same sums) */
  ledger: Record<LedgerAccount, ExactSum>;
  /** flow series bins (flow-series.ts): (group x periods + t) x FLOW_BINS + bin, groups shipped then arrived; absent unless asked for */
  flowBins?: Int32Array;
  /** time to survive per maker id (months); only in the partial that holds trial 0 */
  tts?: Record<string, number>;
  /**
   * With run.makerSamples only: each trial's shortfall per maker (units), index (trial - from) x makers + k.
   * For streaming per-trial samples out as chunks finish; the merge drops it.
   */
  makerShortfall?: Float64Array;
  /** per trial, each maker's units short and demand; only when the run asks (CompiledRun.makerTrials); not merged */
  makerTrials?: MakerTrials;
}

/** Per-trial maker outcomes, trial-major: index r x makers + k holds maker k of trial from + r. */
export interface MakerTrials {
  shortfall: Float64Array;
  demand: Float64Array;
}

export interface PartialResult {
  from: number;
  to: number;
  strategies: StrategyPartial[];
}
