/**
 * A stress test as a plan of runs on common random numbers (architecture.md, "Analyses are loops over
 * runs"): per strategy and cut duration D, one compiled model whose stress cuts are the targets, and per
 * trial a baseline lane and one lane per distinct cut, all drawing the trial's own streams (the cut's start
 * from seed:i:stress), so every difference is the cut's alone. Plain, cloneable data: a worker loads it once.
 */
import type { Scenario, Strategy } from '../model/schema.ts';
import type { CompiledModel } from '../engine/compiled-model.ts';
import { compileModel } from '../engine/compile.ts';
import { cutDependents, cutKeys, listStressTargets, type StressTarget, type StressTargetKind } from './stress-targets.ts';

/** The default cut durations (months). */
export const DEFAULT_STRESS_MONTHS = [3, 6, 12];
/** How many of the baseline's most exposing distinct cuts each strategy is run on. */
export const DEFAULT_STRESS_TOP = 5;

/** One strategy at one cut duration: the model with its cuts, and which lane simulates which target. */
export interface StressJob {
  strategyId: string;
  strategyName: string;
  /** the cut's duration as asked (months), and in periods */
  months: number;
  periods: number;
  model: CompiledModel;
  /** indices into plan.targets of the targets this job cuts */
  targets: number[];
  /** per job target (same order): the lane group that simulates it, -1 when the cut hits nothing */
  laneOf: Int32Array;
  /** per lane group: the stress cut (index into model.stressCuts) it takes */
  cuts: Int32Array;
  /** per lane group x maker position: 1 when the maker depends on what the cut hits */
  dependents: Uint8Array;
  /** the makers' countries, alphabetically, and each maker's index among them */
  groups: string[];
  makerGroup: Int32Array;
}

export interface StressPlan {
  kind: 'stress';
  seed: string | number;
  trials: number;
  targets: StressTarget[];
  jobs: StressJob[];
}

export interface StressOptions {
  trials?: number;
  seed?: string | number;
  /** cut durations in months (default 3, 6 and 12) */
  months?: number[];
  kinds?: StressTargetKind[];
}

/** Checks cut durations against the horizon: whole months from 1 to the horizon; returns a message or null. */
export function stressMonthsProblem(months: number[], scenario: Scenario): string | null {
  if (months.length === 0) return 'give at least one cut duration in months';
  for (const m of months) {
    if (!(Number.isInteger(m) && m >= 1 && m <= scenario.horizonMonths)) {
      return `a cut lasts whole months from 1 to the horizon (${scenario.horizonMonths}), got ${m}`;
    }
  }
  return null;
}

/** The first phase: every target cut for each duration, under the baseline. */
export function planStress(scenario: Scenario, options: StressOptions = {}): StressPlan {
  const months = [...new Set(options.months ?? DEFAULT_STRESS_MONTHS)];
  const problem = stressMonthsProblem(months, scenario);
  if (problem) throw new RangeError(problem);
  const targets = listStressTargets(scenario, { kinds: options.kinds });
  const all = targets.map((_, i) => i);
  return {
    kind: 'stress',
    seed: options.seed ?? scenario.seed ?? 1,
    trials: options.trials ?? scenario.trials ?? 1000,
    targets,
    jobs: months.map((m) => stressJob(scenario, null, targets, all, m)),
  };
}

/** A job: the strategy's model with `chosen` targets as its stress cuts, identical cuts sharing one lane. */
export function stressJob(scenario: Scenario, strategy: Strategy | null, targets: StressTarget[], chosen: number[], months: number): StressJob {
  const model = compileModel(scenario, strategy, { stress: { targets: chosen.map((i) => targets[i].target), months } });
  const keys = cutKeys(model);
  const dependents = cutDependents(model);
  const M = model.makers.length;
  const laneOf = new Int32Array(chosen.length);
  const cuts: number[] = [];
  const laneByKey = new Map<string, number>();
  chosen.forEach((_, s) => {
    if (model.stressCuts[s].targets.length === 0) {
      laneOf[s] = -1;
      return;
    }
    let lane = laneByKey.get(keys[s]);
    if (lane === undefined) {
      lane = cuts.length;
      laneByKey.set(keys[s], lane);
      cuts.push(s);
    }
    laneOf[s] = lane;
  });
  const dep = new Uint8Array(cuts.length * M);
  cuts.forEach((s, u) => dep.set(dependents[s], u * M));
  const countries = Array.from(model.makers, (m) => model.nodeCountry[m]);
  const groups = [...new Set(countries)].sort();
  return {
    strategyId: model.strategyId,
    strategyName: model.strategyName,
    months,
    periods: model.stressPeriods,
    model,
    targets: chosen,
    laneOf,
    cuts: Int32Array.from(cuts),
    dependents: dep,
    groups,
    makerGroup: Int32Array.from(countries, (c) => groups.indexOf(c)),
  };
}
