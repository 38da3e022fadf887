/** runWithPool over in-process fake workers: any chunking gives the numbers of one chunk, progress, failures. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRun, type CompiledRun } from '../../src/engine/compile-run.ts';
import { mergePartials } from '../../src/engine/merge.ts';
import type { PartialResult } from '../../src/engine/result.ts';
import { chunkRanges, defaultChunkSize, poolRanges, runWithPool, type PoolWorker } from '../../src/engine/run-pool.ts';
import { LANES } from '../../src/engine/simulate-chunk.ts';
import { simulateChunk } from '../../src/engine/simulate-chunk.ts';
import { summariseRun } from '../../src/engine/summarise-run.ts';
import { parseScenarioText } from '../../src/model/validate.ts';

const parsed = parseScenarioText(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('the example scenario must validate');
const scenario = parsed.scenario;
// Few trials, all strategies, attribution on: every kind of per-trial data crosses the pool.
const run = compileRun(scenario, { trials: 23, seed: 7 });
const reference = mergePartials([simulateChunk(run, 0, run.trials)], run.trials, run.attributionTrials);

/** A worker in this thread that calls the engine directly, optionally after a delay so chunks finish out of order. */
function fakeWorker(delayMs = 0, failOn?: number): PoolWorker {
  let loaded: CompiledRun | null = null;
  return {
    load(r) {
      loaded = r;
    },
    async runChunk(from, to, onProgress) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs * ((from * 7) % 5)));
      if (failOn !== undefined && from <= failOn && failOn < to) throw new Error('out of memory');
      return simulateChunk(loaded!, from, to, onProgress);
    },
  };
}

const merge = (parts: PartialResult[]) => mergePartials(parts, run.trials, run.attributionTrials);
// Text of a partial with typed arrays spelled out: exact for doubles, and far faster than a deep toEqual.
const text = (p: PartialResult) => JSON.stringify(p, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

describe('runWithPool', () => {
  it.each([1, 4, 7, 23, 100])('gives the result of one chunk with chunks of %i trials', async (chunkSize) => {
    const parts = await runWithPool(run, [fakeWorker(1), fakeWorker(), fakeWorker(2)], { chunkSize });
    expect(parts.map((p) => [p.from, p.to])).toEqual(chunkRanges(run.trials, chunkSize));
    expect(text(merge(parts))).toBe(text(reference));
    expect(JSON.stringify(summariseRun(scenario, run, merge(parts)))).toBe(JSON.stringify(summariseRun(scenario, run, reference)));
  });

  it('reports progress that never goes back and ends at the total', async () => {
    const seen: [number, number][] = [];
    await runWithPool(run, [fakeWorker(), fakeWorker(1)], { chunkSize: 5, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(([, total]) => total === run.trials)).toBe(true);
    expect(seen.every(([done], i) => i === 0 || done > seen[i - 1][0])).toBe(true);
    expect(seen[seen.length - 1]).toEqual([run.trials, run.trials]);
  });

  it('rejects with the worker and the trials when a worker throws', async () => {
    const pool = [fakeWorker(0, 12), fakeWorker(0, 12)];
    await expect(runWithPool(run, pool, { chunkSize: 5 })).rejects.toThrow(/worker \d failed on trials 10\.\.14: out of memory/);
  });

  it('rejects when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the user'));
    await expect(runWithPool(run, [fakeWorker()], { signal: controller.signal })).rejects.toThrow('stopped by the user');
  });

  it('keeps two chunks asked of each worker by default, and as many as inFlight says', async () => {
    // A worker that records how many of its chunks are in flight when one more is asked.
    const counting = () => {
      let open = 0;
      const seen: number[] = [];
      const inner = fakeWorker();
      const worker: PoolWorker = {
        load: (r) => inner.load(r),
        async runChunk(from, to, onProgress) {
          seen.push(++open);
          await new Promise((resolve) => setTimeout(resolve, 1));
          const part = await inner.runChunk(from, to, onProgress);
          open--;
          return part;
        },
      };
      return { worker, seen };
    };
    for (const [inFlight, most] of [[undefined, 2], [1, 1], [3, 3]] as const) {
      const a = counting();
      const b = counting();
      const parts = await runWithPool(run, [a.worker, b.worker], { chunkSize: 2, ...(inFlight ? { inFlight } : {}) });
      expect(Math.max(...a.seen, ...b.seen)).toBe(most);
      expect(text(merge(parts))).toBe(text(reference));
    }
  });

  it('refuses an inFlight that is not a whole number >= 1', async () => {
    await expect(runWithPool(run, [fakeWorker()], { inFlight: 0 })).rejects.toThrow(/inFlight/);
  });

  it('refuses a chunk size that is not a whole number >= 1', async () => {
    await expect(runWithPool(run, [fakeWorker()], { chunkSize: 0 })).rejects.toThrow(/chunk size/);
  });

  it('by default ends on small chunks: whole blocks, never growing, covering every trial once', () => {
    for (const [trials, workers] of [[10_000, 2], [2_000, 2], [100_000, 4], [50, 2], [1, 1], [LANES * 3 + 5, 8]]) {
      const ranges = poolRanges(trials, workers);
      expect(ranges[0][0]).toBe(0);
      expect(ranges.at(-1)![1]).toBe(trials);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
      const sizes = ranges.map(([from, to]) => to - from);
      for (let i = 0; i < sizes.length - 1; i++) {
        expect(sizes[i] % LANES).toBe(0);
        expect(sizes[i + 1]).toBeLessThanOrEqual(sizes[i]);
      }
      expect(Math.max(...sizes)).toBeLessThanOrEqual(defaultChunkSize(trials, workers));
      // The run's last chunks are one block each, once the trials allow more than one chunk per worker.
      if (trials > 8 * workers * LANES) {
        expect(sizes.at(-2)).toBe(LANES);
        expect(sizes.at(-1)).toBeLessThanOrEqual(LANES);
      }
    }
    expect(poolRanges(100, 2, 7)).toEqual(chunkRanges(100, 7));
  });

  it('gives the result of one chunk with its default chunks', async () => {
    const parts = await runWithPool(run, [fakeWorker(1), fakeWorker()]);
    expect(parts.map((p) => [p.from, p.to])).toEqual(poolRanges(run.trials, 2));
    expect(text(merge(parts))).toBe(text(reference));
  });
});
