/** Simulates trials [from, to) of every strategy of a run into a mergeable partial result. */
import { BINS, fulfilmentBin } from '../stats/bands.ts';
import { exactAdd, exactCanonical, exactSum, type ExactSum } from '../stats/exact-sum.ts';
import { LEDGER_ACCOUNTS, type LedgerAccount, type PartialResult, type StrategyPartial } from './result.ts';
import type { CompiledRun } from './compile-run.ts';
import type { CompiledModel } from './compiled-model.ts';
import { createTrialState } from './trial-state.ts';
import { createOutcome, createTrialRunner } from './simulate-trial.ts';
import { timeToSurvive } from './time-to-survive.ts';

/** Called with the number of trial simulations done so far in this chunk (all strategies) and the total. */
export type ChunkProgress = (done: number, total: number) => void;

/** Simulates trials [from, to) of each model of the run. */
export function simulateChunk(run: CompiledRun, from: number, to: number, onProgress?: ChunkProgress): PartialResult {
  const total = (to - from) * run.models.length;
  let done = 0;
  const strategies = run.models.map((model) =>
    simulateModelChunk(model, run, from, to, () => {
      done++;
      if (onProgress && (done % 25 === 0 || done === total)) onProgress(done, total);
    }),
  );
  return { from, to, strategies };
}

function simulateModelChunk(model: CompiledModel, run: CompiledRun, from: number, to: number, tick: () => void): StrategyPartial {
  const n = to - from;
  const H = model.periods;
  const state = createTrialState(model);
  const simulate = createTrialRunner(model, state);
  const out = createOutcome();
  const outcomes = {
    shortfall: new Float64Array(n),
    demand: new Float64Array(n),
    worstFulfilment: new Float64Array(n),
    substituted: new Float64Array(n),
    cost: new Float64Array(n),
    ttr: new Float64Array(n),
    ttrStatus: new Int8Array(n),
    makerShortfall: new Float64Array(n * model.makers.length),
    makerDemand: new Float64Array(n * model.makers.length),
  };
  const bins = new Int32Array(H * BINS);
  const K = model.disruptionCount;
  const na = Math.max(0, Math.min(to, run.attributionTrials) - from);
  const none = new Float64Array(na);
  const without = Array.from({ length: K }, () => new Float64Array(na));
  const mask = new Uint8Array(K);
  const fulfilment = state.fulfilment;
  const ledger = Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, exactSum()])) as Record<LedgerAccount, ExactSum>;

  for (let i = from; i < to; i++) {
    const r = i - from;
    simulate({ seed: run.seed, trial: i }, out);
    outcomes.shortfall[r] = out.shortfall;
    outcomes.demand[r] = out.demand;
    outcomes.worstFulfilment[r] = out.worstFulfilment;
    outcomes.substituted[r] = out.substituted;
    outcomes.cost[r] = out.cost;
    outcomes.ttr[r] = out.ttrMonths;
    outcomes.ttrStatus[r] = out.ttrStatus;
    outcomes.makerShortfall.set(state.makerShortfallTotal, r * model.makers.length);
    outcomes.makerDemand.set(state.makerDemandTotal, r * model.makers.length);
    for (let t = 0; t < H; t++) bins[t * BINS + fulfilmentBin(fulfilment[t])]++;
    for (const a of LEDGER_ACCOUNTS) exactAdd(ledger[a], out.ledger[a]);
    if (r < na) {
      const all = out.shortfall;
      if (K === 0) none[r] = all;
      else {
        // S(no disruptions), then S(all but k): the same draws, only k's events dropped.
        mask.fill(1);
        simulate({ seed: run.seed, trial: i, mask }, out);
        none[r] = out.shortfall;
        for (let k = 0; k < K; k++) {
          mask.fill(0);
          mask[k] = 1;
          simulate({ seed: run.seed, trial: i, mask }, out);
          without[k][r] = out.shortfall;
        }
      }
    }
    tick();
  }
  for (const a of LEDGER_ACCOUNTS) ledger[a] = exactCanonical(ledger[a]);
  const partial: StrategyPartial = { id: model.strategyId, outcomes, bins, attribution: { none, without }, ledger };
  if (from === 0 && to > 0) partial.tts = timeToSurvive(model, run.seed);
  return partial;
}
