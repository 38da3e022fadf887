/**
 * The pool's view of a worker for the analyses of src/analysis: the stress test's and the sensitivity
 * analysis's load and chunk calls of the worker API, as PoolWorkers that runWithPool schedules like a run.
 * Works over a comlink remote (browser or Node threads) or the API object itself (this thread).
 */
import { proxy, type Remote } from 'comlink';
import { runWithPool, type AbortSignalLike, type PoolWorker } from '../src/engine/run-pool.ts';
import type { SensitivityPartial } from '../src/analysis/sensitivity-chunk.ts';
import type { SensitivityPlan } from '../src/analysis/sensitivity-plan.ts';
import type { StressPartial } from '../src/analysis/stress-partial.ts';
import type { StressPlan } from '../src/analysis/stress-plan.ts';
import type { WorkerApi } from './worker-api.ts';

/** A worker API in another thread (comlink) or in this one. */
export type AnyWorkerApi = Remote<WorkerApi> | WorkerApi;

// A callback crosses to another thread only as a comlink proxy; in this thread it is passed as it is.
const callback = <F extends object>(remote: boolean, f: F | undefined): F | undefined => (f && remote ? proxy(f) : f);

/** The stress test's calls of one worker; `remote` false for an API object in this thread. */
export function stressWorker(api: AnyWorkerApi, remote = true): PoolWorker<StressPlan, StressPartial> {
  return {
    load: (plan) => api.loadStress(plan),
    runChunk: (from, to, onProgress) => api.runStressChunk(from, to, callback(remote, onProgress)),
  };
}

/** The sensitivity analysis's calls of one worker; `remote` false for an API object in this thread. */
export function sensitivityWorker(api: AnyWorkerApi, remote = true): PoolWorker<SensitivityPlan, SensitivityPartial> {
  return {
    load: (plan) => api.loadSensitivity(plan),
    runChunk: (from, to, onProgress) => api.runSensitivityChunk(from, to, callback(remote, onProgress)),
  };
}

export interface PoolExecutorOptions {
  /** rejects when a worker dies (the pools' `failed`), so a run does not wait for ever */
  failed?: Promise<never>;
  signal?: AbortSignalLike;
  chunkSize?: number;
}

/**
 * Runs a plan's trials on the workers, chunk by chunk, as runWithPool runs a run: the executor the
 * analyses' run functions take (src/analysis/stress-run.ts, sensitivity-run.ts).
 */
export function poolExecutor<R extends { trials: number }, P>(workers: PoolWorker<R, P>[], options: PoolExecutorOptions = {}) {
  return (plan: R, onProgress: (trialsDone: number, trials: number) => void): Promise<P[]> => {
    const running = runWithPool(plan, workers, { onProgress, signal: options.signal, chunkSize: options.chunkSize });
    if (!options.failed) return running;
    // Whichever loses the race must not become an unhandled rejection.
    running.catch(() => {});
    return Promise.race([running, options.failed]);
  };
}
