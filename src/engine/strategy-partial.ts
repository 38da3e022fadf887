/** A strategy's partial result: allocation for a range of trials, and placing one partial into another (the exact merge). */
import { exactMerge, exactSum } from '../stats/exact-sum.ts';
import { BINS } from '../stats/bands.ts';
import { LEDGER_ACCOUNTS, MAKER_PCT_BINS, type StrategyPartial } from './result.ts';

/** Shapes a strategy's partial needs besides its number of trials. */
export interface PartialShape {
  id: string;
  periods: number;
  makers: number;
  disruptions: number;
  /** counts of the flow series' bins (0: no flow series) */
  flowCells: number;
}

/** An empty partial for `trials` trials of which the first `attributed` carry attribution values. */
export function emptyStrategyPartial(shape: PartialShape, trials: number, attributed: number): StrategyPartial {
  const f64 = () => new Float64Array(trials);
  const sums = () => Array.from({ length: shape.makers }, exactSum);
  return {
    id: shape.id,
    outcomes: { shortfall: f64(), shortfallPct: f64(), demand: f64(), worstFulfilment: f64(), cost: f64(), ttr: f64(), ttrStatus: new Int8Array(trials) },
    bins: new Int32Array(shape.periods * BINS),
    makers: { shortfall: sums(), pct: sums(), pctSquares: sums(), short: new Int32Array(shape.makers), pctBins: new Int32Array(shape.makers * MAKER_PCT_BINS) },
    substituted: exactSum(),
    attribution: { none: new Float64Array(attributed), without: Array.from({ length: shape.disruptions }, () => new Float64Array(attributed)) },
    ledger: Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, exactSum()])) as StrategyPartial['ledger'],
    ...(shape.flowCells > 0 ? { flowBins: new Int32Array(shape.flowCells) } : {}),
  };
}

/** The shape of an existing partial (its arrays carry every size but the number of trials). */
export function shapeOf(part: StrategyPartial): PartialShape {
  return { id: part.id, periods: part.bins.length / BINS, makers: part.makers.short.length, disruptions: part.attribution.without.length, flowCells: part.flowBins?.length ?? 0 };
}

/** Adds `part` (trials starting at `offset` of `into`'s range) into `into`: per-trial values placed, counts added, sums merged. */
export function addStrategyPartial(into: StrategyPartial, part: StrategyPartial, offset: number): void {
  if (part.id !== into.id) throw new Error(`partial results list strategies in different orders (${part.id}, ${into.id})`);
  const o = into.outcomes;
  const p = part.outcomes;
  o.shortfall.set(p.shortfall, offset);
  o.shortfallPct.set(p.shortfallPct, offset);
  o.demand.set(p.demand, offset);
  o.worstFulfilment.set(p.worstFulfilment, offset);
  o.cost.set(p.cost, offset);
  o.ttr.set(p.ttr, offset);
  o.ttrStatus.set(p.ttrStatus, offset);
  addCounts(into.bins, part.bins);
  addCounts(into.makers.short, part.makers.short);
  addCounts(into.makers.pctBins, part.makers.pctBins);
  if (into.flowBins && part.flowBins) addCounts(into.flowBins, part.flowBins);
  part.makers.shortfall.forEach((s, k) => exactMerge(into.makers.shortfall[k], s));
  part.makers.pct.forEach((s, k) => exactMerge(into.makers.pct[k], s));
  part.makers.pctSquares.forEach((s, k) => exactMerge(into.makers.pctSquares[k], s));
  exactMerge(into.substituted, part.substituted);
  for (const a of LEDGER_ACCOUNTS) exactMerge(into.ledger[a], part.ledger[a]);
  const room = into.attribution.none.length - offset;
  if (part.attribution.none.length > 0 && room > 0) {
    into.attribution.none.set(part.attribution.none.subarray(0, room), offset);
    part.attribution.without.forEach((w, k) => into.attribution.without[k].set(w.subarray(0, room), offset));
  }
  if (part.tts) into.tts = part.tts;
}

function addCounts(into: Int32Array, from: Int32Array): void {
  for (let i = 0; i < from.length; i++) if (from[i] !== 0) into[i] += from[i];
}
