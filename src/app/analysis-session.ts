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
import type { Progress } from './progress.ts';

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

/** The progress line an analysis ends on: `done` when complete, and whether the last result (`kept`, e.g. "analysis") stays on screen. */
export function finishLine(outcome: AnalysisOutcome<unknown>, done: string, kept: string | null): string {
  if (outcome.status === 'complete') return done;
  if (outcome.status === 'cancelled') return `Cancelled.${kept ? ` The last ${kept} stays on screen.` : ''}`;
  return `Stopped by an error: ${outcome.message}.`;
}

/** Marks an analysis's caption stale, or not, against the scenario now in the editor; `again` names what to run again. */
export function markStale(caption: HTMLElement, text: string, stale: boolean, again: string): void {
  caption.classList.toggle('partial', stale);
  caption.dataset.stale = String(stale);
  caption.textContent = stale ? `${text} The scenario has changed since: run ${again} again (the report leaves it out).` : text;
}

