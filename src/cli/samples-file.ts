/**
 * --samples FILE: the run's per-trial outcomes written to a CSV file as chunks finish, in trial order
 * (src/export/samples-csv.ts), so a big run's samples never sit in memory. The file is opened before the
 * run, so a path that cannot be written fails at once.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { CompiledRun } from '../engine/compile-run.ts';
import type { PartialResult } from '../engine/result.ts';
import { runWithPool, usefulWorkers, type PoolOptions, type PoolWorker } from '../engine/run-pool.ts';
import { createSamplesSink } from '../export/samples-csv.ts';
import { createNodePool } from '../../workers/node-pool.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';
import { fsReason, UserError } from './user-error.ts';

export interface SamplesFile {
  write(text: string): void;
  close(): void;
}

/** Opens (creates or empties) the samples file; a path that cannot be written is a user error. */
export function openSamplesFile(path: string): SamplesFile {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw new UserError(`cannot write the samples file ${JSON.stringify(path)}: ${fsReason(error)}`);
  }
  return {
    write(text) {
      writeSync(fd, text);
    },
    close() {
      closeSync(fd);
    },
  };
}

/** Simulates the run (its per-maker samples on) on `workers` threads, writing each chunk's samples as it finishes. */
export async function simulateWithSamples(run: CompiledRun, workers: number, unit: string, file: SamplesFile, options: PoolOptions): Promise<PartialResult[]> {
  const sampled: CompiledRun = { ...run, makerSamples: true };
  const sink = createSamplesSink(sampled, unit, file.write);
  const tap = (worker: PoolWorker): PoolWorker => ({
    load: (r) => worker.load(r),
    async runChunk(from, to, progress) {
      const part = await worker.runChunk(from, to, progress);
      sink.add(part);
      return part;
    },
  });
  if (workers === 0) return runWithPool(sampled, [tap(createWorkerApi())], options);
  const pool = createNodePool(usefulWorkers(run.trials, workers, options.chunkSize));
  try {
    return await Promise.race([runWithPool(sampled, pool.workers.map(tap), options), pool.failed]);
  } finally {
    await pool.close();
  }
}
