/** Same scenario and seed, same numbers bit for bit, however the trials are split into chunks. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runScenario, splitTrials } from '../../src/engine/run-scenario.ts';
import type { Scenario } from '../../src/model/schema.ts';

const example = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8')) as Scenario;

describe('exact merge', () => {
  it('gives identical results as one chunk, four, or seven uneven ones (attribution and bands included)', () => {
    const options = { trials: 90, seed: 'split' };
    const one = JSON.stringify(runScenario(example, options));
    const four = JSON.stringify(runScenario(example, options, splitTrials(90, 4)));
    const uneven: [number, number][] = [[0, 1], [1, 2], [2, 20], [20, 21], [21, 60], [60, 89], [89, 90]];
    const seven = JSON.stringify(runScenario(example, options, [...uneven].reverse()));
    expect(four).toBe(one);
    expect(seven).toBe(one);
  });

  it('gives different numbers for a different seed, and the same for the same seed', () => {
    const a = runScenario(example, { trials: 30, seed: 1 }).strategies[0].metrics.shortfall;
    const b = runScenario(example, { trials: 30, seed: 2 }).strategies[0].metrics.shortfall;
    const c = runScenario(example, { trials: 30, seed: 1 }).strategies[0].metrics.shortfall;
    expect(a.mean).not.toBe(b.mean);
    expect(c).toEqual(a);
  });

  it('refuses partial results that do not cover the run', async () => {
    const { compileRun } = await import('../../src/engine/compile-run.ts');
    const { simulateChunk } = await import('../../src/engine/simulate-chunk.ts');
    const { mergePartials } = await import('../../src/engine/merge.ts');
    const run = compileRun(example, { trials: 10, seed: 1 });
    const parts = [simulateChunk(run, 0, 4), simulateChunk(run, 5, 10)];
    expect(() => mergePartials(parts, 10, run.attributionTrials)).toThrow(/missing/);
  });
});
