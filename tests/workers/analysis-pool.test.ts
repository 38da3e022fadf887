/** The analyses on Node worker threads (issue 12): two workers give the result of one, bit for bit. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/schema.ts';
import { runStressTest } from '../../src/analysis/stress-run.ts';
import { runSensitivity } from '../../src/analysis/sensitivity-run.ts';
import { createNodePool } from '../../workers/node-pool.ts';
import { poolExecutor, sensitivityWorker, stressWorker } from '../../workers/analysis-workers.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';

const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;

/** The stress test and the sensitivity analysis of gallium on `threads` Node threads (0: the worker API in this thread). */
async function analyses(threads: number, chunkSize: number): Promise<string> {
  const stressOptions = { trials: 16, seed: 9, months: [3, 12], strategies: ['eu-refining'], top: 2 };
  const sensitivityOptions = { trials: 8, seed: 9, strategy: 'recycling-flex' };
  if (threads === 0) {
    const api = createWorkerApi();
    const stress = await runStressTest(gallium, stressOptions, poolExecutor([stressWorker(api, false)], { chunkSize }));
    const sensitivity = await runSensitivity(gallium, sensitivityOptions, poolExecutor([sensitivityWorker(api, false)], { chunkSize }));
    return JSON.stringify({ stress, sensitivity });
  }
  const pool = createNodePool(threads);
  try {
    const stress = await runStressTest(gallium, stressOptions, poolExecutor(pool.remotes.map((r) => stressWorker(r)), { chunkSize, failed: pool.failed }));
    const sensitivity = await runSensitivity(gallium, sensitivityOptions, poolExecutor(pool.remotes.map((r) => sensitivityWorker(r)), { chunkSize, failed: pool.failed }));
    return JSON.stringify({ stress, sensitivity });
  } finally {
    await pool.close();
  }
}

describe('analyses on worker threads', () => {
  it('give the same stress test and sensitivity on two threads as on one, and in this thread', async () => {
    const one = await analyses(1, 16);
    const two = await analyses(2, 3);
    const here = await analyses(0, 5);
    expect(two).toBe(one);
    expect(here).toBe(one);
    const parsed = JSON.parse(one);
    expect(parsed.stress.durations).toHaveLength(2);
    expect(parsed.sensitivity.strategies[1].id).toBe('recycling-flex');
  }, 240_000);
});
