/** The run the command line's options ask for, compiled, after checking the --strategy ids against the scenario. */
import type { CompiledRun } from '../engine/compile-run.ts';
import type { Scenario } from '../model/schema.ts';
import { names } from '../model/issue-text.ts';
import type { CliOptions } from './args.ts';
import { UserError } from './user-error.ts';

/** Compiles the run of --trials, --seed, --strategy, --no-attribution and --flows; an unknown strategy is a user error. */
export async function compileChosen(scenario: Scenario, options: Pick<CliOptions, 'trials' | 'seed' | 'strategies' | 'attribution' | 'flows'>): Promise<CompiledRun> {
  // Loaded only now, like validation: a mistyped flag should not wait for the compiler.
  const { compileRun, unknownStrategies } = await import('../engine/compile-run.ts');
  const wanted = options.strategies;
  const unknown = wanted ? unknownStrategies(scenario, wanted) : [];
  if (unknown.length > 0) {
    const known = ['baseline', ...(scenario.strategies ?? []).map((s) => s.id)];
    throw new UserError(`the scenario has no strategy ${names(unknown)}; its strategies: ${names(known, 'and')}`);
  }
  return compileRun(scenario, {
    trials: options.trials,
    seed: options.seed,
    // The baseline always runs; naming it only says "no other strategy unless named too".
    strategies: wanted && [...new Set(wanted.filter((id) => id !== 'baseline'))],
    attribution: options.attribution,
    // without --flows the engine decides: on for a scenario with comparisons (the replays), off otherwise
    ...(options.flows ? { flows: true } : {}),
  });
}
