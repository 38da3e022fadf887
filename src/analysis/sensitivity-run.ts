/** The sensitivity analysis from start to end on any executor of plans (this thread, a worker pool). */
import type { Scenario } from '../model/schema.ts';
import { mergeSensitivityPartials, simulateSensitivityChunk, type SensitivityPartial } from './sensitivity-chunk.ts';
import { planSensitivity, type SensitivityOptions, type SensitivityPlan } from './sensitivity-plan.ts';
import type { SensitivityResult } from './sensitivity-result.ts';
import { summariseSensitivity } from './sensitivity-summary.ts';

/** Runs every trial of a plan and returns its partials (any split); progress in trials done of the plan's trials. */
export type SensitivityExecutor = (plan: SensitivityPlan, onProgress: (trialsDone: number, trials: number) => void) => Promise<SensitivityPartial[]>;

export interface SensitivityRunOptions extends SensitivityOptions {
  onProgress?: (trialsDone: number, trials: number) => void;
}

/** Runs a planned analysis with `execute` and summarises it. */
export async function runPlannedSensitivity(scenario: Scenario, plan: SensitivityPlan, execute: SensitivityExecutor, onProgress?: (done: number, total: number) => void): Promise<SensitivityResult> {
  const parts = await execute(plan, (done, total) => onProgress?.(done, total));
  return summariseSensitivity(scenario, plan, mergeSensitivityPartials(plan, parts));
}

/** Plans, runs and summarises the sensitivity analysis of a validated scenario. */
export function runSensitivity(scenario: Scenario, options: SensitivityRunOptions, execute: SensitivityExecutor): Promise<SensitivityResult> {
  return runPlannedSensitivity(scenario, planSensitivity(scenario, options), execute, options.onProgress);
}

/** An executor in this thread: the trials split at `ranges` (default one chunk), for tests and small runs. */
export function inProcessSensitivity(ranges?: [number, number][]): SensitivityExecutor {
  return async (plan, onProgress) => {
    const parts = (ranges ?? [[0, plan.trials]]).map(([from, to]) => simulateSensitivityChunk(plan, from, to));
    onProgress(plan.trials, plan.trials);
    return parts;
  };
}
