/**
 * npm run queue:submit: a run split into shards on the job queue (REDIS_URL), simulated by whatever
 * workers (npm run queue:worker) are connected, merged here, and printed or written as npm run simulate
 * does, with the same numbers. Exit status 2 for the user's errors, 1 when the run did not complete.
 */
import { summariseRun } from '../src/engine/summarise-run.ts';
import { compileChosen } from '../src/cli/compile-chosen.ts';
import { readScenarioFile } from '../src/cli/load-scenario.ts';
import { printResult } from '../src/cli/print-result.ts';
import { createProgressLine } from '../src/cli/progress.ts';
import { EXIT_OK, runCommand } from '../src/cli/run-command.ts';
import { UserError } from '../src/cli/user-error.ts';
import { prepareOutDir } from '../src/cli/write-outputs.ts';
import { partialBytes } from '../src/shard/partial-size.ts';
import { runIdentity } from '../src/shard/run-identity.ts';
import { shardRange } from '../src/shard/shard-range.ts';
import { connectRedis, redisUrl } from './redis-connection.ts';
import { parseSubmitArgs, SUBMIT_USAGE } from './submit-args.ts';
import { submitRun } from './submit-run.ts';

/** Redis refuses a value above 512 MB (proto-max-bulk-len); a shard's partial stays well under it. */
const MAX_PARTIAL_BYTES = 400 * 2 ** 20;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseSubmitArgs(argv);
  if (!parsed.ok) throw new UserError(`${parsed.message}\nRun with --help to see the options.`);
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(SUBMIT_USAGE);
    return EXIT_OK;
  }
  const { scenario, text } = await readScenarioFile(options.scenarioPath);
  const run = await compileChosen(scenario, options);
  const n = options.shards;
  if (n > run.trials) throw new UserError(`--shards ${n}: a run of ${run.trials} trials has at most ${run.trials} shards`);
  const largest = partialBytes(run, ...shardRange(0, n, run.trials));
  if (largest > MAX_PARTIAL_BYTES) {
    const enough = Math.ceil((largest * n) / MAX_PARTIAL_BYTES);
    throw new UserError(`--shards ${n}: each shard's partial result would be about ${Math.round(largest / 2 ** 20)} MB, more than the ${MAX_PARTIAL_BYTES / 2 ** 20} MB a shard may put in Redis: use --shards ${enough} or more`);
  }
  if (options.outDir !== undefined) await prepareOutDir(options.outDir);
  const url = redisUrl();
  const redis = await connectRedis(url);

  const progress = createProgressLine(process.stderr);
  let part;
  try {
    part = await submitRun({
      url,
      redis,
      scenarioText: text,
      run,
      identity: runIdentity(scenario, run),
      options: { trials: run.trials, seed: run.seed, strategies: run.models.slice(1).map((m) => m.strategyId), attribution: run.attributionTrials > 0, flows: run.models[0].flowPlan !== null },
      shards: n,
      timeoutMs: options.timeoutSeconds * 1000,
      onProgress: progress.update,
      log: (line) => {
        // A line of its own, below the progress line if one is drawn; the next update draws it again.
        progress.finish();
        process.stderr.write(`${line}\n`);
      },
    });
  } finally {
    progress.finish();
    redis.disconnect();
  }
  await printResult(summariseRun(scenario, run, part), scenario, options);
  return EXIT_OK;
}

runCommand(main);
