/** A run: the compiled models of the strategies to simulate, with the seed and trial counts. Plain, cloneable data. */
import type { Scenario } from '../model/schema.ts';
import type { CompiledModel } from './compiled-model.ts';
import { compileModel } from './compile.ts';

/** Attribution uses at most this many trials (model.md section 5). */
export const ATTRIBUTION_TRIALS = 500;

export interface RunOptions {
  trials?: number;
  seed?: string | number;
  /** strategy ids to run besides the baseline; default all */
  strategies?: string[];
  attribution?: boolean;
}

export interface CompiledRun {
  seed: string | number;
  trials: number;
  attributionTrials: number;
  disruptionIds: string[];
  models: CompiledModel[];
  /** strategies in the scenario that this run does not simulate, with the reason */
  notRun: { id: string; reason: string }[];
}

/** Compiles a validated scenario into a run: the baseline first. Strategies are validated but not yet simulated. */
export function compileRun(scenario: Scenario, options: RunOptions = {}): CompiledRun {
  const trials = options.trials ?? scenario.trials ?? 1000;
  const wanted = options.strategies ?? (scenario.strategies ?? []).map((s) => s.id);
  return {
    seed: options.seed ?? scenario.seed ?? 1,
    trials,
    attributionTrials: options.attribution === false ? 0 : Math.min(trials, ATTRIBUTION_TRIALS),
    disruptionIds: (scenario.disruptions ?? []).map((d) => d.id),
    models: [compileModel(scenario, null)],
    notRun: wanted.map((id) => ({ id, reason: 'strategies (model.md section 4) are validated but not yet simulated' })),
  };
}
