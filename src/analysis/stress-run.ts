/**
 * The stress test from start to end, on any executor of plans (this thread, a worker pool): first every
 * target under the baseline, then each strategy on the baseline's most exposing cuts, then the summary.
 */
import type { Scenario } from '../model/schema.ts';
import { DEFAULT_STRESS_TOP, planStress, stressJob, type StressOptions, type StressPlan } from './stress-plan.ts';
import { simulateStressChunk } from './stress-chunk.ts';
import { mergeStressPartials, type StressPartial } from './stress-partial.ts';
import type { StressResult } from './stress-result.ts';
import { summariseStress, topTargets } from './stress-summary.ts';

/** Runs every trial of a plan and returns its partials (any split); progress in trials done of the plan's trials. */
export type StressExecutor = (plan: StressPlan, onProgress: (trialsDone: number, trials: number) => void) => Promise<StressPartial[]>;

export interface StressProgress {
  /** "targets": every target under the baseline; "strategies": the strategies on the top targets */
  phase: 'targets' | 'strategies';
  trialsDone: number;
  trials: number;
}

export interface StressRunOptions extends StressOptions {
  /** strategy ids compared on the top targets (default: all of the scenario's; [] for none) */
  strategies?: string[];
  /** how many distinct cuts each strategy is run on (default 5) */
  top?: number;
  onProgress?: (progress: StressProgress) => void;
}

/** The second phase: each strategy at each duration on the first phase's `top` most exposing distinct cuts. */
export function planStrategyStress(scenario: Scenario, first: StressPlan, merged: StressPartial, strategyIds: string[], top: number): StressPlan {
  const strategies = strategyIds.map((id) => {
    const s = (scenario.strategies ?? []).find((x) => x.id === id);
    if (!s) throw new RangeError(`no strategy with id "${id}"`);
    return s;
  });
  const jobs = strategies.flatMap((strategy) =>
    first.jobs.map((job, j) => stressJob(scenario, strategy, first.targets, topTargets(first, job, merged.jobs[j], top), job.months)),
  );
  return { ...first, jobs };
}

/** Runs the stress test of a validated scenario with `execute` and summarises it. */
export async function runStressTest(scenario: Scenario, options: StressRunOptions, execute: StressExecutor): Promise<StressResult> {
  const plan = planStress(scenario, options);
  const report = (phase: StressProgress['phase']) => (trialsDone: number, trials: number) => options.onProgress?.({ phase, trialsDone, trials });
  const merged = mergeStressPartials(plan, await execute(plan, report('targets')));
  const ids = (options.strategies ?? (scenario.strategies ?? []).map((s) => s.id)).filter((id) => id !== 'baseline');
  if (ids.length === 0) return summariseStress(scenario, { plan, merged });
  const second = planStrategyStress(scenario, plan, merged, ids, options.top ?? DEFAULT_STRESS_TOP);
  const secondMerged = mergeStressPartials(second, await execute(second, report('strategies')));
  return summariseStress(scenario, { plan, merged, strategies: { plan: second, merged: secondMerged } });
}

/** An executor in this thread: the trials split at `ranges` (default one chunk), for tests and small runs. */
export function inProcessStress(ranges?: [number, number][]): StressExecutor {
  return async (plan, onProgress) => {
    const parts = (ranges ?? [[0, plan.trials]]).map(([from, to]) => simulateStressChunk(plan, from, to));
    onProgress(plan.trials, plan.trials);
    return parts;
  };
}
