/**
 * What makes two partial results parts of the same run: everything that changes the numbers of a trial.
 * The number of workers, chunks or shards changes none (each trial draws from its own streams).
 */
import type { CompiledRun } from '../engine/compile-run.ts';
import type { Scenario } from '../model/schema.ts';
import { scenarioHash } from '../model/scenario-hash.ts';
import { engineVersion } from './engine-version.ts';

export interface RunIdentity {
  /** what was simulated: "run" for a plain run (npm run simulate); an analysis names its own */
  kind: string;
  /** sha256 of the scenario's canonical JSON, as in the result (model.md section 7) */
  scenarioHash: string;
  seed: string | number;
  /** the run's trials per strategy (all shards together) */
  trials: number;
  /** strategy ids in the order simulated, the baseline first */
  strategies: string[];
  /** trials that carry attribution values (0 with --no-attribution) */
  attributionTrials: number;
  /** whether the run keeps the per-period flow series between countries (--flows, or a replay) */
  flows: boolean;
  /** engineVersion() of the engine that simulated it */
  engine: string;
  /** options of an analysis that change its numbers (plain JSON); none for a plain run */
  options?: Record<string, unknown>;
}

/** The identity of a compiled run of `scenario`. */
export function runIdentity(scenario: Scenario, run: CompiledRun, kind = 'run', options?: Record<string, unknown>): RunIdentity {
  return {
    kind,
    scenarioHash: scenarioHash(scenario),
    seed: run.seed,
    trials: run.trials,
    strategies: run.models.map((m) => m.strategyId),
    attributionTrials: run.attributionTrials,
    flows: run.models[0].flowPlan !== null,
    engine: engineVersion(),
    ...(options === undefined ? {} : { options }),
  };
}

const FIELDS: (keyof RunIdentity)[] = ['kind', 'scenarioHash', 'seed', 'trials', 'strategies', 'attributionTrials', 'flows', 'engine', 'options'];

/** How `b` differs from `a`, one phrase a field ("seed 1, not 2"); empty when they are the same run. */
export function identityDifferences(a: RunIdentity, b: RunIdentity): string[] {
  const differences: string[] = [];
  for (const field of FIELDS) {
    const x = JSON.stringify(a[field]);
    const y = JSON.stringify(b[field]);
    if (x !== y) differences.push(`${field} ${y ?? 'none'}, not ${x ?? 'none'}`);
  }
  return differences;
}

/** Checks that a value read from a file is a RunIdentity; throws saying which field is wrong. */
export function checkIdentity(value: unknown): RunIdentity {
  const v = value as Record<string, unknown> | null;
  const fail = (what: string): never => {
    throw new Error(`its run identity ${what}`);
  };
  if (v === null || typeof v !== 'object') fail('is missing');
  if (typeof v!.kind !== 'string') fail('has no kind');
  if (typeof v!.scenarioHash !== 'string' || !/^[0-9a-f]{64}$/.test(v!.scenarioHash)) fail('has no scenario hash');
  if (typeof v!.seed !== 'string' && typeof v!.seed !== 'number') fail('has no seed');
  if (!Number.isSafeInteger(v!.trials) || (v!.trials as number) < 1) fail('has no number of trials');
  if (!Array.isArray(v!.strategies) || !v!.strategies.every((s) => typeof s === 'string') || v!.strategies[0] !== 'baseline') fail('has no strategies');
  if (!Number.isSafeInteger(v!.attributionTrials) || (v!.attributionTrials as number) < 0) fail('has no attribution trials');
  if (typeof v!.flows !== 'boolean') fail('does not say whether it has flow series');
  if (typeof v!.engine !== 'string') fail('has no engine version');
  if (v!.options !== undefined && (v!.options === null || typeof v!.options !== 'object')) fail('has options that are not an object');
  return v as unknown as RunIdentity;
}
