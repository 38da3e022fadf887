/**
 * One run of an analysis (the stress test, the sensitivity analysis) on a pool of browser workers, with
 * progress and cancel as for a run: Cancel terminates the pool's workers at once (a fresh pool serves the
 * next run), and a worker that fails ends the analysis with its message. Each panel keeps its own pool, so
 * an analysis never holds up the run, nor a cancelled run the analysis.
 */
import { wrap, type Remote } from 'comlink';
import type { PoolExecutorOptions } from '../../workers/analysis-workers.ts';
import type { WorkerApi } from '../../workers/worker-api.ts';
import type { PoolKeeper } from './pool-keeper.ts';

export type AnalysisOutcome<T> = { status: 'complete'; result: T } | { status: 'cancelled' } | { status: 'failed'; message: string };

export interface AnalysisHandle<T> {
  outcome: Promise<AnalysisOutcome<T>>;
  cancel(): void;
}

// One comlink proxy per worker for its whole life: each wrap adds a message listener.
const remotes = new WeakMap<Worker, Remote<WorkerApi>>();
const remoteOf = (thread: Worker): Remote<WorkerApi> => {
  let remote = remotes.get(thread);
  if (!remote) remotes.set(thread, (remote = wrap<WorkerApi>(thread)));
  return remote;
};

/** Starts `run` with the keeper's pool: its workers' APIs, and what an executor needs to stop with the pool. */
export function startAnalysis<T>(keeper: PoolKeeper, run: (apis: Remote<WorkerApi>[], options: PoolExecutorOptions) => Promise<T>): AnalysisHandle<T> {
  const controller = new AbortController();
  const pool = keeper.acquire();
  const outcome = (async (): Promise<AnalysisOutcome<T>> => {
    try {
      const result = await run(pool.threads.map(remoteOf), { failed: pool.failed, signal: controller.signal });
      return { status: 'complete', result };
    } catch (error) {
      keeper.discard(pool);
      if (controller.signal.aborted) return { status: 'cancelled' };
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  })();
  return {
    outcome,
    cancel() {
      if (controller.signal.aborted) return;
      controller.abort(new Error('the analysis was cancelled'));
      keeper.discard(pool);
    },
  };
}
