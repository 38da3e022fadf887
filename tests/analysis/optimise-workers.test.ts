/**
 * Issue 13's third check: the answer does not depend on the worker count. Gallium's own optimisation
 * (trimmed to 150 trials) on one Node worker thread and on two gives the same candidates, trials,
 * figures and strategy, bit for bit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optimiseOnPool } from '../../src/analysis/optimise-run.ts';
import type { OptimiseResult } from '../../src/analysis/optimise-result.ts';
import { parseScenarioText } from '../../src/model/validate.ts';
import { createNodePool } from '../../workers/node-pool.ts';

const checked = parseScenarioText(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8'));

async function onThreads(n: number): Promise<OptimiseResult> {
  if (!checked.ok) throw new Error('gallium.json is not valid');
  const pool = createNodePool(n);
  try {
    return await Promise.race([optimiseOnPool(checked.scenario, pool.workers, { trials: 150, attribution: false }), pool.failed]);
  } finally {
    await pool.close();
  }
}

/** Everything but the time it took. */
const answer = (r: OptimiseResult) => JSON.stringify({ ...r, seconds: 0 });

describe('the optimiser on worker threads', () => {
  it('gives the same answer on one thread and on two', async () => {
    const one = await onThreads(1);
    const two = await onThreads(2);
    expect(one.candidates.length).toBe(13 * 8);
    expect(one.method.rungs.length).toBeGreaterThan(1);
    expect(answer(two)).toBe(answer(one));
  }, 120_000);
});
