/**
 * The command line's analyses (issue 12): the stress test and the sensitivity analysis of the scenario,
 * with the run's trials and seed, on worker threads (or in this thread for --workers 0), one progress
 * line per phase on stderr. Thin: plans, pools and summaries are src/analysis's and workers/'.
 */
import type { Scenario } from '../model/schema.ts';
import type { Analyses } from '../export/analysis-files.ts';
import { stressMonthsProblem, DEFAULT_STRESS_MONTHS } from '../analysis/stress-plan.ts';
import { runStressTest } from '../analysis/stress-run.ts';
import { runSensitivity } from '../analysis/sensitivity-run.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';
import { createNodePool } from '../../workers/node-pool.ts';
import { poolExecutor, sensitivityWorker, stressWorker, type AnyWorkerApi } from '../../workers/analysis-workers.ts';
import { names } from '../model/issue-text.ts';
import type { CliOptions } from './args.ts';
import { createProgressLine } from './progress.ts';
import { UserError } from './user-error.ts';

/** The strategy the sensitivity analysis takes beside the baseline, or null for the baseline alone. */
export function sensitivityStrategy(scenario: Scenario, options: CliOptions): string | null {
  const chosen = options.sensitivityStrategy ?? options.strategies?.find((id) => id !== 'baseline') ?? scenario.strategies?.[0]?.id ?? 'baseline';
  return chosen === 'baseline' ? null : chosen;
}

/** Checks the analyses' options against the scenario before anything runs; a problem is a user error. */
export function checkAnalysisOptions(scenario: Scenario, options: CliOptions): void {
  if (options.stress) {
    const problem = stressMonthsProblem(options.stressMonths ?? DEFAULT_STRESS_MONTHS, scenario);
    if (problem) throw new UserError(`--stress-months: ${problem}`);
  }
  if (options.sensitivity) {
    const id = sensitivityStrategy(scenario, options);
    const known = (scenario.strategies ?? []).map((s) => s.id);
    if (id !== null && !known.includes(id)) throw new UserError(`--sensitivity-strategy: the scenario has no strategy "${id}"; its strategies: ${names(['baseline', ...known], 'and')}`);
  }
}

/** Runs the analyses the options ask for, with the run's trials and seed. */
export async function runAnalyses(scenario: Scenario, options: CliOptions, run: { trials: number; seed: string | number }): Promise<Analyses> {
  if (!options.stress && !options.sensitivity) return {};
  const threads = options.workers === 0 ? null : createNodePool(Math.min(options.workers, run.trials));
  const apis: { api: AnyWorkerApi; remote: boolean }[] = threads ? threads.remotes.map((api) => ({ api, remote: true })) : [{ api: createWorkerApi(), remote: false }];
  const failed = threads?.failed;
  const analyses: Analyses = {};
  try {
    if (options.stress) {
      const lines = { targets: createProgressLine(process.stderr, undefined, 'stress test, every target: '), strategies: createProgressLine(process.stderr, undefined, 'stress test, strategies on the top cuts: ') };
      try {
        analyses.stress = await runStressTest(
          scenario,
          {
            trials: run.trials, seed: run.seed, months: options.stressMonths,
            strategies: options.strategies?.filter((id) => id !== 'baseline'),
            onProgress: ({ phase, trialsDone, trials }) => {
              if (phase === 'strategies') lines.targets.finish();
              lines[phase].update(trialsDone, trials);
            },
          },
          poolExecutor(apis.map(({ api, remote }) => stressWorker(api, remote)), { failed }),
        );
      } finally {
        lines.targets.finish();
        lines.strategies.finish();
      }
    }
    if (options.sensitivity) {
      const line = createProgressLine(process.stderr, undefined, 'sensitivity: ');
      try {
        analyses.sensitivity = await runSensitivity(
          scenario,
          { trials: run.trials, seed: run.seed, strategy: sensitivityStrategy(scenario, options), onProgress: line.update },
          poolExecutor(apis.map(({ api, remote }) => sensitivityWorker(api, remote)), { failed }),
        );
      } finally {
        line.finish();
      }
    }
  } finally {
    await threads?.close();
  }
  return analyses;
}
