/**
 * A pool of browser Web Workers running simulation.worker.ts, one per core, each wrapped with comlink.
 * A worker that fails (an uncaught error, a message it cannot read) rejects `failed` at once, because a
 * comlink call to a broken worker would otherwise wait for ever. Terminate and create a new pool after
 * a cancel or a failure: a terminated worker cannot be restarted.
 */
import { proxy, wrap } from 'comlink';
import type { PoolWorker } from '../src/engine/run-pool.ts';
import type { WorkerApi } from './worker-api.ts';

export interface BrowserPool {
  workers: PoolWorker[];
  /** the Worker objects, for the app's test hooks */
  threads: Worker[];
  /** rejects with a plain message as soon as any worker fails */
  failed: Promise<never>;
  /** whether a worker has failed (also while no run was waiting for it): such a pool is replaced, not reused */
  readonly broken: boolean;
  /** stops every worker at once, mid-chunk included */
  terminate(): void;
}

/** Starts `size` workers (default: one per logical core). */
export function createBrowserPool(size = navigator.hardwareConcurrency || 2): BrowserPool {
  const threads = Array.from(
    { length: Math.max(1, size) },
    () => new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' }),
  );
  let broken = false;
  const failed = new Promise<never>((_, reject) => {
    const fail = (error: Error) => {
      broken = true;
      reject(error);
    };
    threads.forEach((thread, w) => {
      thread.addEventListener('error', (event) => fail(new Error(`simulation worker ${w + 1} failed: ${errorText(event)}`)));
      thread.addEventListener('messageerror', () => fail(new Error(`simulation worker ${w + 1} sent a message that could not be read`)));
    });
  });
  // A failure after the run, or with nobody waiting, must not surface as an unhandled rejection.
  failed.catch(() => {});
  return {
    workers: threads.map(poolWorker),
    threads,
    failed,
    get broken() {
      return broken;
    },
    terminate: () => threads.forEach((thread) => thread.terminate()),
  };
}

/** The pool's view of one worker: comlink calls, with the progress callback passed as a proxy. */
function poolWorker(thread: Worker): PoolWorker {
  const remote = wrap<WorkerApi>(thread);
  return {
    load: (run) => remote.load(run),
    runChunk: (from, to, onProgress) => remote.runChunk(from, to, onProgress ? proxy(onProgress) : undefined),
  };
}

/** What an error event says; a worker whose module fails to load reports no message at all. */
function errorText(event: ErrorEvent | Event): string {
  const message = event instanceof ErrorEvent ? event.message : '';
  return message || 'it stopped with an error (or its code could not be loaded)';
}
