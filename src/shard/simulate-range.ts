/** Simulates one range of a run's trials (a shard) on a pool of workers, into one partial result of that range. */
import type { CompiledRun } from '../engine/compile-run.ts';
import type { PartialResult } from '../engine/result.ts';
import { runWithPool, type PoolOptions, type PoolWorker } from '../engine/run-pool.ts';
import { createRangeAccumulator } from './range-partial.ts';

/** Trials [from, to) of `run` on `workers`, in chunks as runWithPool makes them; progress counts the range's trials. */
export async function simulateRange(run: CompiledRun, workers: readonly PoolWorker[], from: number, to: number, options: Omit<PoolOptions, 'onPartial'> = {}): Promise<PartialResult> {
  // runWithPool schedules trials [0, trials): give it the range's length and move each chunk by `from`.
  // Each worker still loads the whole run, so trial i draws from its own streams and attribution stops
  // at the run's attributionTrials, exactly as in a run of every trial.
  const shifted = workers.map((w): PoolWorker => ({
    load: () => w.load(run),
    runChunk: (a, b, onProgress) => w.runChunk(a + from, b + from, onProgress),
  }));
  // Chunks go into the range's arrays as they finish: memory does not grow with the number of chunks.
  const accumulator = createRangeAccumulator(from, to, run.attributionTrials);
  await runWithPool({ ...run, trials: to - from }, shifted, { ...options, onPartial: (part) => accumulator.add(part) });
  return accumulator.result();
}
