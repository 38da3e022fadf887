/**
 * The command line (model.md section 7): a scenario file in, the engine's result out as a table, JSON or
 * files. Thin on purpose: parse, compile, simulate on workers, merge, summarise, print.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { CompiledRun } from '../engine/compile-run.ts';
import { mergePartials } from '../engine/merge.ts';
import type { PartialResult } from '../engine/result.ts';
import { runWithPool } from '../engine/run-pool.ts';
import { summariseRun } from '../engine/summarise-run.ts';
import type { Scenario } from '../model/schema.ts';
import { names } from '../model/issue-text.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';
import { runOnNodePool } from '../../workers/node-pool.ts';
import { parseArgs, USAGE, type CliOptions } from './args.ts';
import { createProgressLine } from './progress.ts';
import { formatTable } from './table.ts';
import { fsReason, UserError } from './user-error.ts';
import { prepareOutDir, resultJson, writeOutputs } from './write-outputs.ts';
import type { Analyses } from '../export/analysis-files.ts';

const EXIT_OK = 0;
const EXIT_INTERNAL = 1;
const EXIT_USER = 2;

/** Runs the command line on argv (without node and the script) and returns the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv, availableParallelism());
  if (!parsed.ok) throw new UserError(`${parsed.message}\nRun with --help to see the options.`);
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  const scenario = await loadScenario(options.scenarioPath);
  const run = await compileChosen(scenario, options);
  // The analyses and the samples file load only when asked for: they bring the compiler, validation and d3.
  const analysis = options.stress || options.sensitivity ? await import('./analyses.ts') : null;
  analysis?.checkAnalysisOptions(scenario, options);
  if (options.outDir !== undefined) await prepareOutDir(options.outDir);
  const sampling = options.samplesPath === undefined ? null : await import('./samples-file.ts');
  const samples = sampling?.openSamplesFile(options.samplesPath!) ?? null;

  const progress = createProgressLine(process.stderr);
  let parts: PartialResult[];
  try {
    parts = sampling && samples ? await sampling.simulateWithSamples(run, options.workers, scenario.unit, samples, progress.update) : await simulate(run, options.workers, progress.update);
  } finally {
    progress.finish();
    samples?.close();
  }
  const result = summariseRun(scenario, run, mergePartials(parts, run.trials, run.attributionTrials));
  const analyses = analysis ? await analysis.runAnalyses(scenario, options, run) : {};

  process.stdout.write(options.json ? resultJson({ ...result, ...analyses }) : formatTable(result) + (await analysisTables(analyses)));
  if (options.outDir !== undefined) {
    const written = await writeOutputs(options.outDir, result, scenario, undefined, analyses);
    for (const warning of written.warnings) process.stderr.write(`warning: ${warning}\n`);
    process.stderr.write(`wrote ${written.files.length} files:\n${written.files.map((f) => `  ${f}\n`).join('')}`);
  }
  return EXIT_OK;
}

/** Reads and validates the scenario file; every problem becomes one user error that lists all issues. */
async function loadScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the scenario file ${JSON.stringify(file)}: ${fsReason(error)}`);
  }
  // Loaded only now (like the compiler below): validation pulls in Ajv and the schema, start-up that a
  // mistyped flag or path should not have to wait for; mathjs comes only for a scenario with expressions.
  const { formatIssues, parseScenarioTextAsync } = await import('../model/validate.ts');
  const validation = await parseScenarioTextAsync(text);
  if (validation.ok) return validation.scenario;
  const count = validation.issues.length;
  throw new UserError(`${file} is not a valid scenario (${count} ${count === 1 ? 'problem' : 'problems'}):\n${formatIssues(validation.issues)}`);
}

/** Compiles the run the options ask for, after checking the --strategy ids against the scenario. */
async function compileChosen(scenario: Scenario, options: CliOptions): Promise<CompiledRun> {
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
  });
}

/** Simulates every trial: in this thread for --workers 0, else on that many worker threads (same numbers). */
function simulate(run: CompiledRun, workers: number, onProgress: (done: number, total: number) => void): Promise<PartialResult[]> {
  if (workers === 0) return runWithPool(run, [createWorkerApi()], { onProgress });
  return runOnNodePool(run, workers, { onProgress });
}

/** The analyses' tables after the run's, for those that ran. */
async function analysisTables(analyses: Analyses): Promise<string> {
  if (!analyses.stress && !analyses.sensitivity) return '';
  const { formatSensitivity, formatStress } = await import('./analysis-table.ts');
  return [analyses.stress && `\n${formatStress(analyses.stress)}`, analyses.sensitivity && `\n${formatSensitivity(analyses.sensitivity)}`].filter(Boolean).join('');
}

/** One line for an internal error: the message without the stack. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}

// A reader that stops early (`| head`) closes stdout; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = EXIT_USER;
    } else {
      process.stderr.write(`internal error: ${oneLine(error)}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  },
);
