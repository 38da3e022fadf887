/**
 * The command line (model.md section 7): a scenario file in, the engine's result out as a table, JSON or
 * files, or with --partial a partial result of some of the trials, for npm run merge. Thin on purpose:
 * parse, compile, simulate on workers, merge, summarise, print.
 */
import { access, constants, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { CompiledRun } from '../engine/compile-run.ts';
import type { PartialResult } from '../engine/result.ts';
import { RunAccumulator } from '../engine/run-accumulator.ts';
import { runWithPool, type PoolOptions } from '../engine/run-pool.ts';
import { summariseRun } from '../engine/summarise-run.ts';
import type { Scenario } from '../model/schema.ts';
import { shardRange, trialsText } from '../shard/shard-range.ts';
import { simulateRange } from '../shard/simulate-range.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';
import { runOnNodePool, withNodePool } from '../../workers/node-pool.ts';
import { parseArgs, USAGE, type CliOptions } from './args.ts';
import { compileChosen } from './compile-chosen.ts';
import { readScenarioFile } from './load-scenario.ts';
import { printResult } from './print-result.ts';
import { createProgressLine } from './progress.ts';
import { EXIT_OK, runCommand } from './run-command.ts';
import { fsReason, UserError } from './user-error.ts';
import { prepareOutDir } from './write-outputs.ts';

/** Runs the command line on argv (without node and the script) and returns the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv, availableParallelism());
  if (!parsed.ok) throw new UserError(`${parsed.message}\nRun with --help to see the options.`);
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (options.optimise) return (await import('./optimise-command.ts')).optimiseCommand(options, options.workers);
  const { scenario, text } = await readScenarioFile(options.scenarioPath);
  const run = await compileChosen(scenario, options);
  if (options.partialPath !== undefined) return writeShard(scenario, text, run, options, options.partialPath);
  // The analyses and the samples file load only when asked for: they bring the compiler, validation and d3.
  const analysis = options.stress || options.sensitivity ? await import('./analyses.ts') : null;
  analysis?.checkAnalysisOptions(scenario, options);
  if (options.outDir !== undefined) await prepareOutDir(options.outDir);

  // Chunks go into the run-wide arrays as they finish: memory does not grow with the number of chunks.
  const accumulator = new RunAccumulator(run.trials, run.attributionTrials);
  const sampling = options.samplesPath === undefined ? null : await import('./samples-file.ts');
  const samples = sampling?.openSamplesFile(options.samplesPath!) ?? null;
  try {
    await withProgress((onProgress) => {
      const pooling: PoolOptions = { onProgress, onPartial: (part) => accumulator.add(part) };
      return sampling && samples ? sampling.simulateWithSamples(run, options.workers, scenario.unit, samples, pooling) : simulate(run, options.workers, pooling);
    });
  } finally {
    samples?.close();
  }
  const result = summariseRun(scenario, run, accumulator.result());
  const analyses = analysis ? await analysis.runAnalyses(scenario, options, run) : {};
  await printResult(result, scenario, options, analyses);
  return EXIT_OK;
}

/** --partial (with or without --shard): simulates the shard's trials and writes them as a partial file. */
async function writeShard(scenario: Scenario, text: string, run: CompiledRun, options: CliOptions, file: string): Promise<number> {
  const { k, n } = options.shard ?? { k: 0, n: 1 };
  if (n > run.trials) throw new UserError(`--shard ${k}/${n}: a run of ${run.trials} trials has at most ${run.trials} shards`);
  const [from, to] = shardRange(k, n, run.trials);
  // Checked before the run, so that a bad path fails in a moment rather than after the simulation.
  const cannotWrite = (error: unknown) => new UserError(`cannot write the partial result to ${JSON.stringify(file)}: ${fsReason(error)}`);
  await access(path.dirname(file), constants.W_OK).catch((error) => {
    throw cannotWrite(error);
  });
  const part = await withProgress((onProgress) => simulateRangeOn(run, options.workers, from, to, { onProgress }));
  // Arrow (in the partial file's codec) loads only for runs that write one.
  const [{ encodePartialFile }, { runIdentity }] = await Promise.all([import('../shard/partial-file.ts'), import('../shard/run-identity.ts')]);
  const bytes = await encodePartialFile({ identity: runIdentity(scenario, run), range: { from, to }, scenario: text, body: part });
  // Written beside and renamed, so that a run stopped halfway never leaves a truncated file for a merge to find.
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw cannotWrite(error);
  }
  process.stderr.write(`wrote ${trialsText(from, to)} of ${run.trials} (shard ${k}/${n}) to ${file}\n`);
  return EXIT_OK;
}

/** Runs `work` with the progress line on stderr, ended however the work ends. */
async function withProgress<T>(work: (onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  const progress = createProgressLine(process.stderr);
  try {
    return await work(progress.update);
  } finally {
    progress.finish();
  }
}

/** Simulates every trial: in this thread for --workers 0, else on that many worker threads (same numbers). */
function simulate(run: CompiledRun, workers: number, options: PoolOptions): Promise<PartialResult[]> {
  if (workers === 0) return runWithPool(run, [createWorkerApi()], options);
  return runOnNodePool(run, workers, options);
}

/** Simulates trials [from, to) into one partial result, in this thread or on worker threads as simulate() does. */
function simulateRangeOn(run: CompiledRun, workers: number, from: number, to: number, options: PoolOptions): Promise<PartialResult> {
  if (workers === 0) return simulateRange(run, [createWorkerApi()], from, to, options);
  return withNodePool(Math.min(workers, to - from), (pool) => simulateRange(run, pool, from, to, options));
}

runCommand(main);
