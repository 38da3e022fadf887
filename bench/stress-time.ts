/**
 * The gallium stress test's time on N Node worker threads (issue 12: every node, country and route cut
 * for 3, 6 and 12 months over 2,000 trials, then each strategy on the top cuts; aim: under a minute on two
 * cores). Not part of npm test; `npx tsx bench/stress-time.ts [workers]` prints the seconds.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../src/model/schema.ts';
import { runStressTest, type StressRunOptions } from '../src/analysis/stress-run.ts';
import { createNodePool } from '../workers/node-pool.ts';
import { poolExecutor, stressWorker } from '../workers/analysis-workers.ts';

export interface StressTimeOptions {
  trials?: number;
  /** false: every target under the baseline only, without the strategies' phase */
  strategies?: boolean;
  scenarioPath?: string;
}

/** Seconds the gallium stress test takes on `workers` threads, from a started pool to the summary. */
export async function timeStressTest(workers: number, options: StressTimeOptions = {}): Promise<number> {
  const path = options.scenarioPath ?? fileURLToPath(new URL('../scenarios/gallium.json', import.meta.url));
  const scenario = JSON.parse(await readFile(path, 'utf8')) as Scenario;
  const run: StressRunOptions = { trials: options.trials ?? 2000, seed: 1, ...(options.strategies === false ? { strategies: [] } : {}) };
  const pool = createNodePool(workers);
  try {
    const execute = poolExecutor(pool.remotes.map((r) => stressWorker(r)), { failed: pool.failed });
    const start = performance.now();
    await runStressTest(scenario, run, execute);
    return (performance.now() - start) / 1000;
  } finally {
    await pool.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const workers = Number(process.argv[2] ?? 2);
  const seconds = await timeStressTest(workers);
  process.stdout.write(`gallium stress test, 2000 trials, ${workers} workers: ${seconds.toFixed(1)} s\n`);
}
