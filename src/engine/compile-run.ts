/** A run: the compiled models of the strategies to simulate, with the seed and trial counts. Plain, cloneable data. */
import type { Scenario } from '../model/schema.ts';
import type { CompiledModel } from './compiled-model.ts';
import { compileModel } from './compile.ts';
import { createBlock } from './block.ts';
import { flowGroups, linkFlowGroups } from './flow-series.ts';
import { setLane, simulateBlock } from './simulate-block.ts';

/** Attribution uses at most this many trials (model.md section 5). */
export const ATTRIBUTION_TRIALS = 500;

export interface RunOptions {
  trials?: number;
  seed?: string | number;
  /** strategy ids to run besides the baseline; default all of the scenario's */
  strategies?: string[];
  attribution?: boolean;
  /** per-period flow series between countries (default: only for scenarios with `comparisons`, the replays) */
  flows?: boolean;
}

export interface CompiledRun {
  seed: string | number;
  trials: number;
  attributionTrials: number;
  disruptionIds: string[];
  /** the baseline first, then the chosen strategies in scenario order */
  models: CompiledModel[];
  /** keep each maker's units short and demand per trial in the partials (the optimiser's per-trial country metric) */
  makerTrials?: boolean;
  /**
   * Keep each trial's shortfall per maker in the chunk's partial (StrategyPartial.makerShortfall), for a
   * per-trial samples file written as chunks finish; off by default (the merge never keeps it).
   */
  makerSamples?: boolean;
}

/** Strategy ids asked for that the scenario does not have (the baseline always exists). */
export function unknownStrategies(scenario: Scenario, ids: string[]): string[] {
  const known = new Set(['baseline', ...(scenario.strategies ?? []).map((s) => s.id)]);
  return ids.filter((id) => !known.has(id));
}

/** Compiles a validated scenario into a run: the baseline, then each chosen strategy. */
export function compileRun(scenario: Scenario, options: RunOptions = {}): CompiledRun {
  const trials = options.trials ?? scenario.trials ?? 1000;
  const unknown = options.strategies ? unknownStrategies(scenario, options.strategies) : [];
  if (unknown.length > 0) throw new RangeError(`no strategy with id ${unknown.map((id) => `"${id}"`).join(', ')}`);
  const wanted = new Set(options.strategies ?? (scenario.strategies ?? []).map((s) => s.id));
  const seed = options.seed ?? scenario.seed ?? 1;
  const models = [compileModel(scenario, null), ...(scenario.strategies ?? []).filter((s) => wanted.has(s.id)).map((s) => compileModel(scenario, s))];
  if (options.flows ?? (scenario.comparisons ?? []).length > 0) planFlows(models, seed);
  return {
    seed,
    trials,
    attributionTrials: options.attribution === false ? 0 : Math.min(trials, ATTRIBUTION_TRIALS),
    disruptionIds: (scenario.disruptions ?? []).map((d) => d.id),
    models,
  };
}

/** Gives every model the run's flow groups, which of them each link feeds, and the planned flows of the baseline's quiet trial 0. */
function planFlows(models: CompiledModel[], seed: string | number): void {
  const groups = flowGroups(models);
  for (const model of models) {
    const { start, groups: list } = linkFlowGroups(model, groups);
    model.flowLinkStart = start;
    model.flowLinkGroups = list;
    model.flowPlan = { groups, planned: new Float64Array(0) };
  }
  const base = createBlock(models[0], 1);
  base.seed = seed;
  base.n = 1;
  base.flowCapture = new Float64Array(2 * groups.length * base.H);
  setLane(base, 0, 0, { quiet: true });
  simulateBlock(base);
  for (const model of models) model.flowPlan = { groups, planned: base.flowCapture };
}
