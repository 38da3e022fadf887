/**
 * npm run bench [-- --json] [-- --trials N]: the engine's speed on a synthetic 40-node, 120-month scenario,
 * on one worker and on every core through the same Node pool as the command line, against a floor loop.
 * The main figures run the baseline and the scenario's three strategies (every lever), so a "trial" is one
 * trial of each strategy and node-periods count every strategy's nodes; the baseline alone is reported too.
 * Attribution is off: it multiplies the work of the first 500 trials by the number of disruptions + 1.
 */
import { availableParallelism } from 'node:os';
import { compileRun, type CompiledRun } from '../src/engine/compile-run.ts';
import { mergePartials } from '../src/engine/merge.ts';
import type { PartialResult } from '../src/engine/result.ts';
import { runWithPool } from '../src/engine/run-pool.ts';
import { loadExpressionParser } from '../src/model/expression.ts';
import type { Scenario } from '../src/model/schema.ts';
import { formatIssues, validateScenario } from '../src/model/validate.ts';
import { createNodePool } from '../workers/node-pool.ts';
import { timeFloorLoop } from './floor-loop.ts';
import { syntheticScenario } from './synthetic-scenario.ts';

const DEFAULT_TRIALS = 10_000;
const WARM_UP_TRIALS = 200;
const SEED = 1;

interface PoolTiming {
  workers: number;
  seconds: number;
  trialsPerSecond: number;
  nodePeriodsPerSecond: number;
  parts: PartialResult[];
}

/** Parses --json and --trials N; anything else stops the benchmark with a message. */
function benchArgs(argv: string[]): { json: boolean; trials: number } {
  let json = false;
  let trials = DEFAULT_TRIALS;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = true;
    else if (argv[i] === '--trials' && /^\d+$/.test(argv[i + 1] ?? '') && Number(argv[i + 1]) >= 1) trials = Number(argv[++i]);
    else throw new Error(`unknown or incomplete option ${JSON.stringify(argv[i])}; use --json and --trials N`);
  }
  return { json, trials };
}

const compile = (scenario: Scenario, trials: number, baselineOnly = false): CompiledRun =>
  compileRun(scenario, { trials, seed: SEED, ...(baselineOnly ? { strategies: [] } : {}), attribution: false });

/** Node-periods of one trial of every strategy of the run. */
const nodePeriodsPerTrial = (run: CompiledRun): number => run.models.reduce((sum, m) => sum + m.nodeIds.length * m.periods, 0);

/** Times one run on a fresh pool of `workers` threads, after a warm-up run so the timing excludes start-up and JIT. */
async function timePool(scenario: Scenario, run: CompiledRun, workers: number): Promise<PoolTiming> {
  const pool = createNodePool(workers);
  const perTrial = nodePeriodsPerTrial(run);
  try {
    await Promise.race([runWithPool(compile(scenario, WARM_UP_TRIALS * workers, run.models.length === 1), pool.workers), pool.failed]);
    const start = performance.now();
    const parts = await Promise.race([runWithPool(run, pool.workers), pool.failed]);
    const seconds = (performance.now() - start) / 1000;
    return { workers, seconds, trialsPerSecond: run.trials / seconds, nodePeriodsPerSecond: (run.trials * perTrial) / seconds, parts };
  } finally {
    await pool.close();
  }
}

/** Whether two sets of partial results merge to the same per-trial shortfalls (any split must give the same numbers). */
function sameShortfalls(run: CompiledRun, a: PartialResult[], b: PartialResult[]): boolean {
  const x = mergePartials(a, run.trials, run.attributionTrials).strategies;
  const y = mergePartials(b, run.trials, run.attributionTrials).strategies;
  return x.every((s, k) => s.outcomes.shortfall.every((v, i) => Object.is(v, y[k].outcomes.shortfall[i])));
}

const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1));

async function bench(): Promise<void> {
  const { json, trials } = benchArgs(process.argv.slice(2));
  const scenario = syntheticScenario();
  await loadExpressionParser(); // one of its makers has a demandExpression
  const validation = validateScenario(scenario);
  if (!validation.ok) throw new Error(`the synthetic scenario is not valid:\n${formatIssues(validation.issues)}`);
  const run = compile(scenario, trials);
  const baselineRun = compile(scenario, trials, true);
  const base = run.models[0];
  const periods = base.periods;
  const strategies = run.models.map((m) => m.strategyId);
  const cores = availableParallelism();
  const say = (line: string) => json || process.stderr.write(`${line}\n`);

  say(`synthetic scenario: ${base.nodeIds.length} nodes, ${periods} periods, ${run.disruptionIds.length} disruptions, strategies ${strategies.join(', ')}, ${trials} trials, attribution off`);
  say('timing the engine on 1 worker, every strategy...');
  const one = await timePool(scenario, run, 1);
  say(`timing the engine on ${cores} workers, every strategy...`);
  const all = await timePool(scenario, run, cores);
  say('timing the engine on 1 worker, baseline only...');
  const oneBaseline = await timePool(scenario, baselineRun, 1);
  say('timing the floor loop in this thread...');
  // The floor visits the same cells as the engine: every strategy's nodes x periods x trials.
  const capacity = Float64Array.from(run.models.flatMap((m) => Array.from(m.cap)));
  timeFloorLoop(capacity, periods, WARM_UP_TRIALS, SEED);
  const floor = timeFloorLoop(capacity, periods, trials, SEED);

  const report = {
    trialsPerSecond: one.trialsPerSecond,
    nodePeriodsPerSecond: one.nodePeriodsPerSecond,
    floorNodePeriodsPerSecond: floor.nodePeriodsPerSecond,
    ratioToFloor: one.nodePeriodsPerSecond / floor.nodePeriodsPerSecond,
    workers: cores,
    allCoresTrialsPerSecond: all.trialsPerSecond,
    allCoresNodePeriodsPerSecond: all.nodePeriodsPerSecond,
    speedupAllCores: all.trialsPerSecond / one.trialsPerSecond,
    baselineOnlyTrialsPerSecond: oneBaseline.trialsPerSecond,
    baselineOnlyNodePeriodsPerSecond: oneBaseline.nodePeriodsPerSecond,
    baselineOnlyRatioToFloor: oneBaseline.nodePeriodsPerSecond / floor.nodePeriodsPerSecond,
    strategies,
    trials,
    nodesPerTrial: capacity.length,
    periods,
    attribution: false,
    sameNumbersOnAllCores: sameShortfalls(run, one.parts, all.parts),
    floorChecksum: floor.checksum,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  process.stdout.write(
    [
      `engine benchmark: ${base.nodeIds.length} nodes x ${periods} periods x ${trials} trials, ${strategies.length} strategies (${capacity.length} node-periods a period), attribution off`,
      `  1 worker:        ${fmt(one.trialsPerSecond)} trials/s, ${fmt(one.nodePeriodsPerSecond)} node-periods/s (${one.seconds.toFixed(2)} s)`,
      `  ${cores} workers:       ${fmt(all.trialsPerSecond)} trials/s, ${fmt(all.nodePeriodsPerSecond)} node-periods/s (${all.seconds.toFixed(2)} s, ${report.speedupAllCores.toFixed(2)}x one worker)`,
      `  baseline only:   ${fmt(oneBaseline.trialsPerSecond)} trials/s, ${fmt(oneBaseline.nodePeriodsPerSecond)} node-periods/s on 1 worker`,
      `  floor loop:      ${fmt(floor.nodePeriodsPerSecond)} node-periods/s in one thread (one createRng draw and a few operations per node-period)`,
      `  engine / floor:  ${report.ratioToFloor.toFixed(3)} every strategy, ${report.baselineOnlyRatioToFloor.toFixed(3)} baseline only (1 worker; 1 would be as fast as the floor)`,
      `  same numbers on 1 and ${cores} workers: ${report.sameNumbersOnAllCores ? 'yes' : 'NO'}`,
      '',
    ].join('\n'),
  );
}

bench().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
