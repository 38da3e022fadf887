/**
 * Merging the partial files of a plain run ("run" kind): the run is compiled again from the scenario
 * the files carry and their identity, and each file's partial result is added, in any order, to one
 * accumulator. What comes out is the partial result of the whole run, the same data, bit for bit, as a
 * run of every trial on one machine, ready for summariseRun.
 */
import { compileRun, type CompiledRun } from '../engine/compile-run.ts';
import type { PartialResult } from '../engine/result.ts';
import { RunAccumulator } from '../engine/run-accumulator.ts';
import type { Scenario } from '../model/schema.ts';
import { engineVersion } from './engine-version.ts';
import type { PartialFile } from './partial-file.ts';
import { checkRunBody } from './run-body.ts';
import { identityDifferences, runIdentity, type RunIdentity } from './run-identity.ts';

/** The run a set of partials of `identity` came from, compiled again; throws when this engine cannot reproduce it. */
export function compileIdentity(scenario: Scenario, identity: RunIdentity): CompiledRun {
  if (identity.kind !== 'run') throw new Error(`they are partials of a "${identity.kind}", which this command does not merge`);
  if (identity.engine !== engineVersion()) {
    throw new Error(`they were simulated by engine ${identity.engine}, and this is engine ${engineVersion()}: merge them with the version that made them, or simulate them again`);
  }
  const run = compileRun(scenario, {
    trials: identity.trials,
    seed: identity.seed,
    strategies: identity.strategies.slice(1),
    attribution: identity.attributionTrials > 0,
    flows: identity.flows,
  });
  const differences = identityDifferences(identity, runIdentity(scenario, run));
  if (differences.length > 0) throw new Error(`their identity does not describe a run of their scenario (${differences.join('; ')})`);
  return run;
}

export interface RunMerger {
  /** Adds one file's partial result (any order); throws naming the file when it does not belong. */
  add(file: PartialFile, name: string): void;
  /** Trials added so far. */
  readonly added: number;
  /** The whole run's partial result; throws naming the missing trials. */
  result(): PartialResult;
}

/** A merger for the partial files of `identity`, compiled as `run`. */
export function createRunMerger(identity: RunIdentity, run: CompiledRun): RunMerger {
  const accumulator = new RunAccumulator(run.trials, run.attributionTrials);
  let added = 0;
  return {
    add(file, name) {
      const differences = identityDifferences(identity, file.identity);
      if (differences.length > 0) throw new Error(`${name} is a partial of a different run: ${differences.join('; ')}`);
      const { from, to } = file.range;
      let body: PartialResult;
      try {
        body = checkRunBody(file.body, from, to, run);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
      try {
        accumulator.add(body);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
      added += to - from;
    },
    get added() {
      return added;
    },
    result: () => accumulator.result(),
  };
}
