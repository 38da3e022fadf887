/**
 * `--optimise`: the scenario's optimise section (or a plan file's) run on worker threads, with progress
 * on stderr; prints the strategy found and the frontier (or, with --json, the whole result), writes
 * --out's files with the frontier chart and the report's optimisation section, and with
 * --write-strategy FILE the scenario with the strategy found added.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OptimiseResult } from '../analysis/optimise-result.ts';
import type { OptimiseProgress } from '../analysis/optimise-run.ts';
import type { PoolWorker } from '../engine/run-pool.ts';
import type { Scenario } from '../model/schema.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';
import { createNodePool } from '../../workers/node-pool.ts';
import type { CliOptions } from './args.ts';
import { formatOptimise } from './optimise-table.ts';
import { fsReason, UserError } from './user-error.ts';
import { prepareOutDir, writeOutputs } from './write-outputs.ts';

interface Loaded {
  /** the scenario with the optimise section to run */
  scenario: Scenario;
  /** the scenario as its file has it (a plan's section not added): what --write-strategy adds to */
  original: Scenario;
}

/** Runs the optimisation the options ask for and returns the exit status. */
export async function optimiseCommand(options: CliOptions, workers: number): Promise<number> {
  const loaded = await loadForOptimise(options.scenarioPath);
  if (options.outDir !== undefined) await prepareOutDir(options.outDir);
  const { optimiseOnPool } = await import('../analysis/optimise-run.ts');
  const pool = workers === 0 ? null : createNodePool(workers);
  const poolWorkers: PoolWorker[] = pool ? pool.workers : [createWorkerApi()];
  const line = progressLine(process.stderr);
  let result: OptimiseResult;
  try {
    const running = optimiseOnPool(loaded.scenario, poolWorkers, { trials: options.trials, seed: options.seed, attribution: options.attribution, onProgress: line.update });
    result = await (pool ? Promise.race([running, pool.failed]) : running);
  } finally {
    line.finish();
    await pool?.close();
  }
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatOptimise(result));
  const { scenarioWithStrategy } = await import('../analysis/add-strategy.ts');
  if (options.outDir !== undefined) {
    const added = scenarioWithStrategy(loaded.scenario, result.found.strategy).scenario;
    const written = await writeOutputs(options.outDir, result.confirmation, added, new Date(), { optimise: result });
    for (const warning of written.warnings) process.stderr.write(`warning: ${warning}\n`);
    process.stderr.write(`wrote ${written.files.length} files:\n${written.files.map((f) => `  ${f}\n`).join('')}`);
  }
  if (options.writeStrategy !== undefined) {
    if (!result.found.meetsTarget) process.stderr.write('note: no candidate meets the target; the strategy written is the one that comes closest\n');
    const { scenario, strategy } = scenarioWithStrategy(loaded.original, result.found.strategy);
    try {
      await writeFile(options.writeStrategy, `${JSON.stringify(scenario, null, 2)}\n`);
    } catch (error) {
      throw new UserError(`cannot write ${JSON.stringify(options.writeStrategy)}: ${fsReason(error)}`);
    }
    process.stderr.write(`wrote ${options.writeStrategy}: the scenario with strategy "${strategy.id}" added\n`);
  }
  return 0;
}

/** Reads a scenario with an optimise section, or a plan file and the scenario it names; every problem is a user error. */
async function loadForOptimise(file: string): Promise<Loaded> {
  const { formatIssues, validateScenario } = await import('../model/validate.ts');
  const { hasDemandExpression, loadExpressionParser } = await import('../model/expression.ts');
  const { isOptimisePlan, planIssues, scenarioWithPlan } = await import('../model/optimise-plan.ts');
  const json = await readJson(file, 'scenario');
  let original: unknown = json;
  let input: unknown = json;
  if (isOptimisePlan(json)) {
    const issues = planIssues(json as Record<string, unknown>);
    if (issues.length > 0) throw new UserError(`${file} is not a valid plan file:\n${formatIssues(issues)}`);
    const scenarioFile = path.resolve(path.dirname(file), json.scenario);
    original = await readJson(scenarioFile, 'scenario');
    input = scenarioWithPlan(original, json);
  }
  if (hasDemandExpression(input)) await loadExpressionParser();
  const checked = validateScenario(input);
  if (!checked.ok) throw new UserError(`${file} is not valid (${checked.issues.length} ${checked.issues.length === 1 ? 'problem' : 'problems'}):\n${formatIssues(checked.issues)}`);
  if (!checked.scenario.optimise) throw new UserError(`${file} has no "optimise" section: --optimise needs one (a target and the variables to size), in the scenario or in a plan file naming it`);
  const originalChecked = original === input ? checked : validateScenario(original);
  if (!originalChecked.ok) throw new UserError(`the scenario named by ${file} is not valid:\n${formatIssues(originalChecked.issues)}`);
  return { scenario: checked.scenario, original: originalChecked.scenario };
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the ${what} file ${JSON.stringify(file)}: ${fsReason(error)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { parseScenarioText, formatIssues } = await import('../model/validate.ts');
    const parsed = parseScenarioText(text);
    throw new UserError(`${file} is not valid JSON:\n${parsed.ok ? (error as Error).message : formatIssues(parsed.issues)}`);
  }
}

/** The progress line: only on a terminal, redrawn at most ten times a second. */
function progressLine(stream: NodeJS.WriteStream) {
  let drawn = false;
  let last = 0;
  return {
    update(p: OptimiseProgress) {
      if (!stream.isTTY) return;
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      const text = p.phase === 'search'
        ? ` rung ${p.rung + 1} of ${p.rungs}: ${Math.floor(p.done)} of ${p.total} candidates on ${p.trials} trials`
        : ` confirming the strategy found on ${p.trials} trials: ${Math.round(100 * p.done)}%`;
      stream.write(`\r${text}\x1b[K`);
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
