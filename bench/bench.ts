/**
 * npm run bench [-- --json] [-- --trials N] [-- --quick]: the engine's speed and memory on the synthetic
 * 40-node, 120-month scenario (bench/synthetic-scenario.ts, kept as it is so figures stay comparable), on
 * one worker and on every core, against a floor loop doing one alea draw per node-period over typed
 * arrays in the same process; the command line's start-up and two-worker speed-up as whole processes;
 * memory per trial from the peak of two command-line runs; the app's default run in headless Chromium; and
 * gallium's stress test and optimisation on every core (issues 12 and 13).
 * Attribution is off for the speed figures. Figures taken in one run: report ratios, the machine is shared.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRun, type CompiledRun } from '../src/engine/compile-run.ts';
import { RunAccumulator } from '../src/engine/run-accumulator.ts';
import { runWithPool } from '../src/engine/run-pool.ts';
import type { Scenario } from '../src/model/schema.ts';
import { loadExpressionParser } from '../src/model/expression.ts';
import { formatIssues, validateScenario } from '../src/model/validate.ts';
import { createNodePool } from '../workers/node-pool.ts';
import { appDefaultRunSeconds } from './app-run-time.ts';
import { optimiseTime } from './optimise-time.ts';
import { timeStressTest } from './stress-time.ts';
import { cliProcessRun } from './cli-process.ts';
import { cliRunSeconds } from './cli-startup.ts';
import { timeFloorLoop } from './floor-loop.ts';
import { syntheticScenario } from './synthetic-scenario.ts';
import { buildCliBundle, freshManifest, OUT_DIR } from '../scripts/cli-bundle.mjs';

const SEED = 1;
const WARM_UP_TRIALS = 256;

interface Args {
  json: boolean;
  trials: number;
  quick: boolean;
}

/** --json, --trials N (default 10,000), --quick (skip the browser, the memory runs and the analyses). */
function benchArgs(argv: string[]): Args {
  const args: Args = { json: false, trials: 10_000, quick: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = true;
    else if (argv[i] === '--quick') args.quick = true;
    else if (argv[i] === '--trials' && /^\d+$/.test(argv[i + 1] ?? '') && Number(argv[i + 1]) >= 1) args.trials = Number(argv[++i]);
    else throw new Error(`unknown or incomplete option ${JSON.stringify(argv[i])}; use --json, --quick and --trials N`);
  }
  return args;
}

const compile = (scenario: Scenario, trials: number, baselineOnly: boolean): CompiledRun =>
  compileRun(scenario, { trials, seed: SEED, ...(baselineOnly ? { strategies: [] } : {}), attribution: false });

/** Node-periods of one trial of every strategy of the run. */
const nodePeriodsPerTrial = (run: CompiledRun): number => run.models.reduce((sum, m) => sum + m.nodeIds.length * m.periods, 0);

interface Speed {
  workers: number;
  seconds: number;
  trialsPerSecond: number;
  nodePeriodsPerSecond: number;
  /** per-trial shortfalls of the baseline, to check that any worker count gives the same numbers */
  shortfall: Float64Array;
}

/** One run on a fresh pool of `workers` threads, after a warm-up run, chunks accumulated as they come. */
async function timePool(scenario: Scenario, run: CompiledRun, workers: number, entry: URL): Promise<Speed> {
  const pool = createNodePool(workers, entry);
  try {
    await Promise.race([runWithPool(compile(scenario, WARM_UP_TRIALS * workers, run.models.length === 1), pool.workers), pool.failed]);
    const accumulator = new RunAccumulator(run.trials, run.attributionTrials);
    const start = performance.now();
    await Promise.race([runWithPool(run, pool.workers, { onPartial: (p) => accumulator.add(p) }), pool.failed]);
    const seconds = (performance.now() - start) / 1000;
    return {
      workers, seconds,
      trialsPerSecond: run.trials / seconds,
      nodePeriodsPerSecond: (run.trials * nodePeriodsPerTrial(run)) / seconds,
      shortfall: accumulator.result().strategies[0].outcomes.shortfall,
    };
  } finally {
    await pool.close();
  }
}

const sameNumbers = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

async function bench(): Promise<void> {
  const args = benchArgs(process.argv.slice(2));
  await loadExpressionParser();
  const scenario = syntheticScenario();
  const validation = validateScenario(scenario);
  if (!validation.ok) throw new Error(`the synthetic scenario is not valid:\n${formatIssues(validation.issues)}`);
  const cores = availableParallelism();
  const say = (line: string) => args.json || process.stderr.write(`${line}\n`);
  // The threads run the command line's bundled worker, the code users run: the same engine loaded module by
  // module through tsx runs about a fifth slower (measured), which would be a figure of the loader, not the engine.
  const manifest = freshManifest() ?? (await buildCliBundle());
  const entry = pathToFileURL(path.join(OUT_DIR, manifest.worker));
  const all = compile(scenario, args.trials, false);
  const baseline = compile(scenario, args.trials, true);
  const base = baseline.models[0];
  say(`synthetic scenario: ${base.nodeIds.length} nodes, ${base.periods} periods, ${all.disruptionIds.length} disruptions, ${all.models.length} strategies, ${args.trials} trials, attribution off`);

  say('baseline only, 1 worker...');
  const baselineOne = await timePool(scenario, baseline, 1, entry);
  say('floor loop (one alea draw per node-period), this thread...');
  const capacity = Float64Array.from(base.cap);
  timeFloorLoop(capacity, base.periods, WARM_UP_TRIALS, SEED);
  const floor = timeFloorLoop(capacity, base.periods, args.trials, SEED);
  say('every strategy, 1 worker...');
  const one = await timePool(scenario, all, 1, entry);
  say(`every strategy, ${cores} workers...`);
  const many = await timePool(scenario, all, cores, entry);

  // Whole processes: the scenario as a file for the command line.
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const file = path.join(dir, 'synthetic.json');
  writeFileSync(file, JSON.stringify(scenario));
  say('the command line as a process, 1 and all workers...');
  const cliOne = await cliProcessRun(file, ['--trials', String(args.trials), '--no-attribution', '--workers', '1']);
  const cliAll = await cliProcessRun(file, ['--trials', String(args.trials), '--no-attribution', '--workers', String(cores)]);
  say('start-up: 10 trials of gallium from the command line...');
  const startup = await cliRunSeconds('scenarios/gallium.json', { runs: 5 });

  let memory: { trials: [number, number]; peakBytes: [number, number]; bytesPerTrialPerStrategy: number } | null = null;
  let app: number | null = null;
  let stressSeconds: number | null = null;
  let optimiseSeconds: number | null = null;
  if (!args.quick) {
    const [small, large] = [args.trials, 10 * args.trials];
    say(`memory: peak of the command line at ${small} and ${large} trials...`);
    const a = await cliProcessRun(file, ['--trials', String(small), '--no-attribution']);
    const b = await cliProcessRun(file, ['--trials', String(large), '--no-attribution']);
    memory = { trials: [small, large], peakBytes: [a.peakBytes, b.peakBytes], bytesPerTrialPerStrategy: (b.peakBytes - a.peakBytes) / (large - small) / all.models.length };
    say('the app\'s default run in headless Chromium...');
    app = await appDefaultRunSeconds();
    say(`the gallium stress test (issue 12) and optimisation (issue 13) on ${cores} workers...`);
    stressSeconds = await timeStressTest(cores);
    optimiseSeconds = (await optimiseTime(cores)).seconds;
  }

  const report = {
    scenario: { nodes: base.nodeIds.length, periods: base.periods, strategies: all.models.map((m) => m.strategyId), trials: args.trials, attribution: false },
    oneWorker: { trialsPerSecond: one.trialsPerSecond, nodePeriodsPerSecond: one.nodePeriodsPerSecond },
    allCores: { workers: cores, trialsPerSecond: many.trialsPerSecond, nodePeriodsPerSecond: many.nodePeriodsPerSecond },
    baselineOnly: { trialsPerSecond: baselineOne.trialsPerSecond, nodePeriodsPerSecond: baselineOne.nodePeriodsPerSecond },
    floorNodePeriodsPerSecond: floor.nodePeriodsPerSecond,
    ratioToFloor: baselineOne.nodePeriodsPerSecond / floor.nodePeriodsPerSecond,
    allCoresSpeedup: many.trialsPerSecond / one.trialsPerSecond,
    processSpeedup: cliOne.seconds / cliAll.seconds,
    processSeconds: { oneWorker: cliOne.seconds, allCores: cliAll.seconds },
    cliStartupSeconds: startup,
    bytesPerTrial: memory?.bytesPerTrialPerStrategy ?? null,
    memory,
    appDefaultRunSeconds: app,
    /** gallium's stress test (every cut for 3, 6 and 12 months over 2,000 trials, then the strategies) on all cores */
    stressTestSeconds: stressSeconds,
    /** gallium's optimise section solved on all cores, its confirmation run included */
    optimiseSeconds,
    sameNumbersOnAllCores: sameNumbers(one.shortfall, many.shortfall),
    floorChecksum: floor.checksum,
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const f = (x: number, d = 2) => x.toFixed(d);
  const m = (x: number) => `${f(x / 1e6)} M`;
  process.stdout.write(
    [
      `engine benchmark: ${base.nodeIds.length} nodes x ${base.periods} periods x ${args.trials} trials, ${all.models.length} strategies, attribution off`,
      `  baseline, 1 worker:      ${m(baselineOne.nodePeriodsPerSecond)} node-periods/s, ${f(baselineOne.trialsPerSecond, 0)} trials/s`,
      `  floor (alea, 1 thread):  ${m(floor.nodePeriodsPerSecond)} node-periods/s`,
      `  ratio to floor:          ${f(report.ratioToFloor, 3)} (1 worker, baseline only)`,
      `  every strategy, 1 worker: ${f(one.trialsPerSecond, 0)} trials/s (${m(one.nodePeriodsPerSecond)} node-periods/s)`,
      `  every strategy, ${cores} workers: ${f(many.trialsPerSecond, 0)} trials/s, ${f(report.allCoresSpeedup)}x one worker; same numbers: ${report.sameNumbersOnAllCores ? 'yes' : 'NO'}`,
      `  command line process:    ${f(cliOne.seconds)} s on 1 worker, ${f(cliAll.seconds)} s on ${cores}: ${f(report.processSpeedup)}x`,
      `  start-up (gallium, 10 trials): ${f(startup)} s of wall time (median)`,
      memory ? `  memory: ${f(memory.peakBytes[0] / 1e6, 0)} MB peak at ${memory.trials[0]} trials, ${f(memory.peakBytes[1] / 1e6, 0)} MB at ${memory.trials[1]}: ${f(memory.bytesPerTrialPerStrategy, 1)} bytes a trial a strategy` : '  memory: skipped (--quick)',
      app !== null ? `  app default run (gallium, 2,000 trials, every strategy, attribution on): ${f(app, 1)} s in headless Chromium` : '  app: skipped (--quick)',
      stressSeconds !== null && optimiseSeconds !== null ? `  gallium on ${cores} workers: stress test ${f(stressSeconds, 1)} s, optimisation ${f(optimiseSeconds, 1)} s` : '  analyses: skipped (--quick)',
      '',
    ].join('\n'),
  );
}

bench().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
