/**
 * One run of a scenario on the worker pool, the way the command line runs it (compileRun, runWithPool,
 * mergePartials, summariseRun), so the same scenario, trials and seed give the same numbers. While it
 * runs, the contiguous prefix of finished chunks is summarised as a run of that many trials; a run
 * that ends early (cancelled, a worker failed or stopped answering) ends on the summary of all of it.
 */
import { compileRun, type CompiledRun } from '../engine/compile-run.ts';
import { mergePartials } from '../engine/merge.ts';
import type { PartialResult, RunResult } from '../engine/result.ts';
import { poolRanges, runWithPool, type PoolWorker } from '../engine/run-pool.ts';
import { summariseRun } from '../engine/summarise-run.ts';
import type { Scenario } from '../model/schema.ts';
import type { BrowserPool } from '../../workers/pool.ts';
import type { PoolKeeper } from './pool-keeper.ts';
import { createPrefixTracker, type PrefixTracker } from './prefix-tracker.ts';
import { createSamplesSink } from '../export/samples-csv.ts';
import { createWatchdog, DEFAULT_WATCHDOG, type Stall, type Watchdog, type WatchdogOptions } from './watchdog.ts';

export type RunOutcome =
  | { status: 'complete'; result: RunResult }
  | { status: 'cancelled'; trialsDone: number }
  | { status: 'failed'; message: string; trialsDone: number };

export interface RunCallbacks {
  onProgress(trialsDone: number, trialsTotal: number): void;
  /** the summary of trials [0, trials) while the run goes on (never the whole run: that is the outcome) */
  onPrefix(result: RunResult, trials: number): void;
}

export interface RunSessionOptions {
  /** false skips attribution (model.md section 5): a quicker run, without the breakdown by disruption */
  attribution?: boolean;
  watchdog?: WatchdogOptions;
}

export interface RunHandle {
  outcome: Promise<RunOutcome>;
  /** stops the run at once: its workers are terminated */
  cancel(): void;
  /** the per-trial samples of every trial done so far without a gap, as CSV (src/export/samples-csv.ts) */
  samples(): Blob;
}

/**
 * Prefix summaries at most this often, the first not before PREFIX_FIRST_MS into the run: each one merges,
 * summarises and redraws every chart on the main thread, which on two cores takes a core from the workers
 * (the first, which builds the charts, costs most), so a run of a few seconds should not pay for several.
 * The progress bar moves with every chunk meanwhile.
 */
const PREFIX_INTERVAL_MS = 1000;
const PREFIX_FIRST_MS = 2000;

/** Starts a run of a validated scenario with its own trials and seed. */
export function startRun(scenario: Scenario, pools: PoolKeeper, callbacks: RunCallbacks, options: RunSessionOptions = {}): RunHandle {
  const controller = new AbortController();
  // The trials of the last prefix handed to onPrefix: what the screen shows if the run ends early.
  let shownTrials = 0;
  const throttle = createThrottle(PREFIX_INTERVAL_MS, PREFIX_FIRST_MS);
  let pool: BrowserPool | undefined;
  let watchdog: Watchdog | undefined;
  let progress: { run: CompiledRun; tracker: PrefixTracker } | undefined;
  // Each chunk's samples become a Blob as it arrives, so the page holds text, not the chunks' per-maker arrays.
  const samples: Blob[] = [];

  const execute = async (): Promise<RunOutcome> => {
    const run: CompiledRun = { ...compileRun(scenario, { attribution: options.attribution }), makerSamples: true };
    const sink = createSamplesSink(run, scenario.unit, (text) => samples.push(new Blob([text])));
    pool = pools.acquire();
    const tracker = createPrefixTracker(poolRanges(run.trials, pool.workers.length).map(([from]) => from));
    progress = { run, tracker };
    const onChunk = (part: PartialResult): void => {
      sink.add(part);
      const k = tracker.add(part);
      if (k === shownTrials || k === run.trials) return;
      throttle.schedule(() => {
        // Read at firing time: the prefix may have grown since this was scheduled.
        const covered = tracker.covered();
        if (controller.signal.aborted || covered === shownTrials || covered === run.trials) return;
        shownTrials = covered;
        callbacks.onPrefix(summarisePrefix(scenario, run, tracker.prefix(), covered), covered);
      });
    };
    let stalled: (stall: Stall) => void = () => {};
    const silence = new Promise<never>((_, reject) => {
      stalled = ({ worker, silentMs, limitMs }) =>
        reject(new Error(`simulation worker ${worker + 1} stopped answering (no progress for ${seconds(silentMs)}, the limit being ${seconds(limitMs)}), so the run was ended`));
    });
    const dog = createWatchdog(pool.workers.length, (stall) => stalled(stall), options.watchdog ?? DEFAULT_WATCHDOG);
    watchdog = dog;
    // The pool's default chunks, the ones the tracker was made for.
    const running = runWithPool(run, pool.workers.map((w, i) => observed(w, i, dog, onChunk)), {
      signal: controller.signal,
      // Progress messages still in flight when the run is cancelled must not move the bar again.
      onProgress: (done, total) => {
        if (!controller.signal.aborted) callbacks.onProgress(done, total);
      },
    });
    // Whichever loses the race must not become an unhandled rejection.
    running.catch(() => {});
    const parts = await Promise.race([running, pool.failed, silence]);
    throttle.cancel();
    dog.stop();
    return { status: 'complete', result: summariseRun(scenario, run, mergePartials(parts, run.trials, run.attributionTrials)) };
  };

  /** Shows every trial done without a gap, beyond the last prefix shown, and returns their number. */
  const keepPrefix = (): number => {
    const covered = progress?.tracker.covered() ?? 0;
    if (progress && covered > shownTrials && covered < progress.run.trials) {
      shownTrials = covered;
      callbacks.onPrefix(summarisePrefix(scenario, progress.run, progress.tracker.prefix(), covered), covered);
    }
    return shownTrials;
  };

  const outcome = execute().catch((error: unknown): RunOutcome => {
    throttle.cancel();
    watchdog?.stop();
    if (pool) pools.discard(pool);
    const trialsDone = keepPrefix();
    if (controller.signal.aborted) return { status: 'cancelled', trialsDone };
    return { status: 'failed', message: error instanceof Error ? error.message : String(error), trialsDone };
  });

  return {
    outcome,
    samples: () => new Blob(samples, { type: 'text/csv;charset=utf-8' }),
    cancel() {
      if (controller.signal.aborted) return;
      controller.abort(new Error('the run was cancelled'));
      throttle.cancel();
      watchdog?.stop();
      // Terminating now, not after the current chunks, is what makes Cancel immediate.
      if (pool) pools.discard(pool);
    },
  };
}

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

/** The result of trials [0, k) alone: the run as if it had k trials (attribution on the first min(k, its limit)). */
export function summarisePrefix(scenario: Scenario, run: CompiledRun, prefix: PartialResult[], k: number): RunResult {
  const shorter: CompiledRun = { ...run, trials: k, attributionTrials: Math.min(run.attributionTrials, k) };
  return summariseRun(scenario, shorter, mergePartials(prefix, k, run.attributionTrials));
}

/** Worker `w` with its calls and progress reported to the watchdog, and its finished chunks handed to `onChunk`. */
function observed(worker: PoolWorker, w: number, dog: Watchdog, onChunk: (part: PartialResult) => void): PoolWorker {
  return {
    async load(run) {
      dog.asked(w);
      await worker.load(run);
      dog.answered(w);
    },
    async runChunk(from, to, onProgress) {
      dog.asked(w);
      const part = await worker.runChunk(from, to, (done, total) => {
        dog.heard(w);
        onProgress?.(done, total);
      });
      dog.answered(w);
      onChunk(part);
      return part;
    },
  };
}

/** Runs the latest scheduled task at most once per interval, the first not before firstMs from now. */
function createThrottle(intervalMs: number, firstMs: number) {
  let last = performance.now() + firstMs - intervalMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let task: (() => void) | undefined;
  const fire = () => {
    timer = undefined;
    last = performance.now();
    const t = task;
    task = undefined;
    t?.();
  };
  return {
    schedule(next: () => void) {
      task = next;
      if (timer === undefined) timer = setTimeout(fire, Math.max(0, last + intervalMs - performance.now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      task = undefined;
    },
  };
}
