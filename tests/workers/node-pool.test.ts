/** The Node pool runs the shared worker API in threads: same numbers as this thread, errors come back as messages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/engine/compile-run.ts';
import { mergePartials } from '../../src/engine/merge.ts';
import type { PartialResult } from '../../src/engine/result.ts';
import { simulateChunk } from '../../src/engine/simulate-chunk.ts';
import { createNodePool, runOnNodePool } from '../../workers/node-pool.ts';

const scenario = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8'));
const run = compileRun(scenario, { trials: 12, seed: 3, strategies: [] });
const text = (p: PartialResult) => JSON.stringify(p, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

describe('node pool', () => {
  it('gives the numbers of an in-process run', async () => {
    const parts = await runOnNodePool(run, 2, { chunkSize: 5 });
    const merged = mergePartials(parts, run.trials, run.attributionTrials);
    expect(text(merged)).toBe(text(mergePartials([simulateChunk(run, 0, run.trials)], run.trials, run.attributionTrials)));
  });

  it('passes an error thrown in a thread back as a rejection with its message', async () => {
    const pool = createNodePool(1);
    try {
      await expect(pool.workers[0].runChunk(0, 1)).rejects.toThrow(/before load/);
    } finally {
      await pool.close();
    }
  });
});
