/** A run: the compiled models of the strategies to simulate, with the seed and trial counts. Plain, cloneable data. */
import type { Scenario } from '../model/schema.ts';
import type { CompiledModel } from './compiled-model.ts';
import { compileModel } from './compile.ts';

/** Attribution uses at most this many trials (model.md section 5). */
export const ATTRIBUTION_TRIALS = 500;

export interface RunOptions {
  trials?: number;
  seed?: string | number;
  /** strategy ids to run besides the baseline; default all of the scenario's */
  strategies?: string[];
  attribution?: boolean;
}

export interface CompiledRun {
  seed: string | number;
  trials: number;
  attributionTrials: number;
  disruptionIds: string[];
  /** the baseline first, then the chosen strategies in scenario order */
  models: CompiledModel[];
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
  return {
    seed: options.seed ?? scenario.seed ?? 1,
    trials,
    attributionTrials: options.attribution === false ? 0 : Math.min(trials, ATTRIBUTION_TRIALS),
    disruptionIds: (scenario.disruptions ?? []).map((d) => d.id),
    models: [compileModel(scenario, null), ...(scenario.strategies ?? []).filter((s) => wanted.has(s.id)).map((s) => compileModel(scenario, s))],
  };
}
