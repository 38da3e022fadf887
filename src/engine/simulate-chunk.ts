/**
 * Simulates trials [from, to) of every strategy of a run into a mergeable partial result: the trials in
 * blocks of lanes side by side (block.ts), then attribution, which re-simulates a trial without
 * disruption k only where k drew an event in it (elsewhere dropping k changes nothing: the draws are the
 * same, so S(all but k) = S(all) exactly).
 */
import { BINS, fulfilmentBin } from '../stats/bands.ts';
import { exactAdd, exactCanonical } from '../stats/exact-sum.ts';
import { blockLanes, createBlock, LED_COUNT, MAX_LANES, type Block } from './block.ts';
import type { CompiledRun } from './compile-run.ts';
import type { CompiledModel } from './compiled-model.ts';
import { LEDGER_ACCOUNTS, MAKER_PCT_BINS, type PartialResult, type StrategyPartial } from './result.ts';
import { setLane, simulateBlock } from './simulate-block.ts';
import { emptyStrategyPartial } from './strategy-partial.ts';
import { FLOW_BINS } from './flow-series.ts';
import { timeToSurvive } from './time-to-survive.ts';

/** Called with the number of trial simulations done so far in this chunk (all strategies) and the total. */
export type ChunkProgress = (done: number, total: number) => void;

/** Chunks come in whole multiples of this many trials, so that every block but a chunk's last is full (a block's lanes divide it). */
export const LANES = MAX_LANES;

// One block per model, reused by every chunk a worker runs.
const blocks = new WeakMap<CompiledModel, Block>();

/** Simulates trials [from, to) of each model of the run. */
export function simulateChunk(run: CompiledRun, from: number, to: number, onProgress?: ChunkProgress): PartialResult {
  const total = (to - from) * run.models.length;
  let done = 0;
  const tick = (trials: number) => {
    done += trials;
    onProgress?.(done, total);
  };
  const strategies = run.models.map((model) => simulateModelChunk(model, run, from, to, tick));
  return { from, to, strategies };
}

function simulateModelChunk(model: CompiledModel, run: CompiledRun, from: number, to: number, tick: (trials: number) => void): StrategyPartial {
  const n = to - from;
  const K = model.disruptionCount;
  const na = Math.max(0, Math.min(to, run.attributionTrials) - from);
  const flowCells = model.flowPlan ? 2 * model.flowPlan.groups.length * model.periods * FLOW_BINS : 0;
  const part = emptyStrategyPartial({ id: model.strategyId, periods: model.periods, makers: model.makers.length, disruptions: K, flowCells }, n, na);
  if (run.makerTrials) part.makerTrials = { shortfall: new Float64Array(n * model.makers.length), demand: new Float64Array(n * model.makers.length) };
  let block = blocks.get(model);
  if (!block) blocks.set(model, (block = createBlock(model, blockLanes(model))));
  block.seed = run.seed;
  block.trace = null;
  block.flowBins = part.flowBins ?? null;
  // Which disruptions drew an event in each attributed trial.
  const drew = new Uint8Array(na * K);
  const M = model.makers.length;
  if (run.makerSamples) part.makerShortfall = new Float64Array(n * M);

  for (let i = from; i < to; i += block.B) {
    const lanes = Math.min(block.B, to - i);
    block.n = lanes;
    for (let b = 0; b < lanes; b++) setLane(block, b, i + b);
    simulateBlock(block);
    for (let b = 0; b < lanes; b++) {
      const r = i + b - from;
      recordLane(block, b, part, r);
      if (part.makerShortfall) for (let k = 0; k < M; k++) part.makerShortfall[r * M + k] = block.makerShortfallTotal[k * block.B + b];
      if (r < na) drew.set(block.laneDrew.subarray(b * K, (b + 1) * K), r * K);
    }
    tick(lanes);
  }
  if (na > 0) attribute(block, part, from, na, drew);
  for (const a of LEDGER_ACCOUNTS) part.ledger[a] = exactCanonical(part.ledger[a]);
  part.substituted = exactCanonical(part.substituted);
  if (from === 0 && to > 0) part.tts = timeToSurvive(model, run.seed);
  return part;
}

/** Lane b's outcomes into trial r of the partial: per-trial scalars, band counts, maker sums and bins, ledger. */
function recordLane(c: Block, b: number, part: StrategyPartial, r: number): void {
  const { B, H, M, fulfilment, makerShortfallTotal, makerDemandTotal, ledger } = c;
  const o = part.outcomes;
  const shortfall = c.totalShortfall[b];
  const demand = c.totalDemand[b];
  o.shortfall[r] = shortfall;
  o.demand[r] = demand;
  o.shortfallPct[r] = demand > 0 ? (100 * shortfall) / demand : 0;
  o.worstFulfilment[r] = c.worst[b];
  o.cost[r] = c.cost[b];
  o.ttr[r] = c.ttrMonths[b];
  o.ttrStatus[r] = c.ttrStatus[b];
  exactAdd(part.substituted, c.totalSubstituted[b]);
  const bins = part.bins;
  for (let t = 0; t < H; t++) bins[t * BINS + fulfilmentBin(fulfilment[b * H + t])]++;
  const mk = part.makers;
  const perTrial = part.makerTrials;
  for (let k = 0; k < M; k++) {
    const units = makerShortfallTotal[k * B + b];
    const d = makerDemandTotal[k * B + b];
    if (perTrial) {
      perTrial.shortfall[r * M + k] = units;
      perTrial.demand[r * M + k] = d;
    }
    const pct = d > 0 ? (100 * units) / d : 0;
    exactAdd(mk.shortfall[k], units);
    exactAdd(mk.pct[k], pct);
    exactAdd(mk.pctSquares[k], pct * pct);
    if (units > 0) mk.short[k]++;
    mk.pctBins[k * MAKER_PCT_BINS + Math.min(MAKER_PCT_BINS - 1, Math.floor(100 * pct))]++;
  }
  for (let a = 0; a < LED_COUNT; a++) exactAdd(part.ledger[LEDGER_ACCOUNTS[a]], ledger[a * B + b]);
}

/**
 * Attribution's S(no disruptions) and S(all but k) for the first na trials of the chunk: a lane for each
 * trial that drew any event (all masked), and one for each disruption that drew an event in it.
 */
function attribute(c: Block, part: StrategyPartial, from: number, na: number, drew: Uint8Array): void {
  const K = c.disruptionCount;
  const { none, without } = part.attribution;
  const all = part.outcomes.shortfall;
  // What each lane computes: trial offset r and the masked disruption (-1: all of them).
  const jobs: [number, number][] = [];
  for (let r = 0; r < na; r++) {
    let any = false;
    for (let k = 0; k < K; k++) {
      without[k][r] = all[r];
      if (drew[r * K + k] === 1) {
        any = true;
        jobs.push([r, k]);
      }
    }
    none[r] = all[r];
    if (any) jobs.push([r, -1]);
  }
  const mask = new Uint8Array(K);
  // Attribution's re-simulations must not count in the flow series.
  c.flowBins = null;
  for (let q = 0; q < jobs.length; q += c.B) {
    const lanes = Math.min(c.B, jobs.length - q);
    c.n = lanes;
    for (let b = 0; b < lanes; b++) {
      const [r, k] = jobs[q + b];
      mask.fill(k < 0 ? 1 : 0);
      if (k >= 0) mask[k] = 1;
      setLane(c, b, from + r, { mask });
    }
    simulateBlock(c);
    for (let b = 0; b < lanes; b++) {
      const [r, k] = jobs[q + b];
      if (k < 0) none[r] = c.totalShortfall[b];
      else without[k][r] = c.totalShortfall[b];
    }
  }
}
