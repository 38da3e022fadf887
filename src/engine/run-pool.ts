/**
 * Runs a compiled run's trials on a pool of workers: fixed chunks of trials handed to whichever worker is
 * free. Pure scheduling: the workers may be comlink proxies, Node threads or plain objects in this thread.
 * Any split gives the same numbers, because each trial draws from its own seeds (model.md section 5).
 */
import type { CompiledRun } from './compile-run.ts';
import type { PartialResult } from './result.ts';
import { LANES, type ChunkProgress } from './simulate-chunk.ts';

/**
 * What the pool needs of a worker: the shape of workers/worker-api.ts, sync or async. A run by default;
 * an analysis's plan of runs (src/analysis) with its own partial result is scheduled the same way.
 */
export interface PoolWorker<R extends { trials: number } = CompiledRun, P = PartialResult> {
  load(run: R): void | Promise<void>;
  runChunk(from: number, to: number, onProgress?: ChunkProgress): P | Promise<P>;
}

/** The part of an AbortSignal the pool uses; declared here because the engine is built without DOM or Node types. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface PoolOptions<P = PartialResult> {
  /** trials per chunk; default: poolRanges's, about eight chunks per worker and smaller ones at the end */
  chunkSize?: number;
  /** trials simulated so far (all strategies of a trial count as one) and the run's trials */
  onProgress?: (trialsDone: number, trialsTotal: number) => void;
  /**
   * Called with each chunk's partial result as it finishes (any order). When given, the pool keeps no
   * partial results and resolves with an empty list: the caller accumulates them (RunAccumulator), so a
   * run's memory does not grow with its number of chunks.
   */
  onPartial?: (part: P) => void;
  signal?: AbortSignalLike;
  /**
   * Chunks asked of each worker at a time (default 2). A worker runs them one after the other, but the
   * next one already waits in its queue when it finishes one: it does not sit idle while this thread is
   * busy (the app draws charts between chunks) or while its answer and the next question cross.
   */
  inFlight?: number;
}

const CHUNKS_PER_WORKER = 8;
// 2,048 trials (eight blocks), the chunk size since blocks had 32 lanes: a chunk's size sets how often
// progress moves and how much a chunk's buffers take.
const MAX_CHUNK = 2048;

/**
 * The default chunk size for a run of `trials` trials on `workers` workers: about eight chunks per worker,
 * in whole multiples of LANES (a block's lanes divide it), at least one.
 */
export function defaultChunkSize(trials: number, workers: number): number {
  const even = Math.ceil(trials / (Math.max(1, workers) * CHUNKS_PER_WORKER));
  return Math.max(1, Math.min(trials, MAX_CHUNK, Math.ceil(even / LANES) * LANES));
}

/** How many workers a run can keep busy: no more than it has chunks (the pool's, poolRanges). */
export function usefulWorkers(trials: number, workers: number, chunkSize?: number): number {
  return Math.max(1, Math.min(workers, poolRanges(trials, workers, chunkSize).length));
}

/**
 * The pool's chunks when no chunk size is given: defaultChunkSize's while much is left, then smaller
 * (a quarter of what is left per worker, in whole multiples of LANES), so that the run ends on small
 * chunks and no worker waits long for the last one: with equal chunks a worker could sit idle for up to
 * a chunk while the other finished its last two (on the bench, two workers ran 1.75x one instead of 1.8x).
 */
export function poolRanges(trials: number, workers: number, chunkSize?: number): [number, number][] {
  if (chunkSize !== undefined) return chunkRanges(trials, chunkSize);
  const top = defaultChunkSize(trials, workers);
  const ranges: [number, number][] = [];
  for (let from = 0; from < trials; ) {
    const share = Math.ceil((trials - from) / (4 * Math.max(1, workers)) / LANES) * LANES;
    const to = Math.min(trials, from + Math.min(top, Math.max(LANES, share)));
    ranges.push([from, to]);
    from = to;
  }
  return ranges;
}

/** Splits [0, trials) into consecutive ranges of `chunkSize` trials (the last one may be shorter). */
export function chunkRanges(trials: number, chunkSize: number): [number, number][] {
  if (!(Number.isInteger(chunkSize) && chunkSize >= 1)) throw new Error(`chunk size must be a whole number >= 1, got ${chunkSize}`);
  const ranges: [number, number][] = [];
  for (let from = 0; from < trials; from += chunkSize) ranges.push([from, Math.min(trials, from + chunkSize)]);
  return ranges;
}

/** Simulates every trial of the run on the workers; resolves with the partial results in trial order. */
export async function runWithPool<R extends { trials: number } = CompiledRun, P = PartialResult>(
  run: R,
  workers: readonly PoolWorker<R, P>[],
  options: PoolOptions<P> = {},
): Promise<P[]> {
  if (workers.length === 0) throw new Error('runWithPool needs at least one worker');
  const { chunkSize, onProgress, onPartial, signal, inFlight = 2 } = options;
  if (!(Number.isInteger(inFlight) && inFlight >= 1)) throw new Error(`inFlight must be a whole number >= 1, got ${inFlight}`);
  const ranges = poolRanges(run.trials, workers.length, chunkSize);
  const results: P[] = new Array(ranges.length);
  const tally = progressTally(ranges, run.trials, onProgress);
  let next = 0;
  let stopped = false;

  // Each worker takes the next chunk as soon as one of its own is done, so fast and slow chunks balance out.
  const serve = async (worker: PoolWorker<R, P>, w: number): Promise<void> => {
    await attempt(() => worker.load(run), `worker ${w + 1} could not load the run`);
    await Promise.all(Array.from({ length: inFlight }, () => take(worker, w)));
  };
  const take = async (worker: PoolWorker<R, P>, w: number): Promise<void> => {
    while (!stopped && next < ranges.length) {
      const c = next++;
      const [from, to] = ranges[c];
      const part = await attempt(
        () => worker.runChunk(from, to, (done, total) => tally.update(c, total > 0 ? done / total : 1)),
        `worker ${w + 1} failed on trials ${from}..${to - 1}`,
      );
      if (onPartial) onPartial(part);
      else results[c] = part;
      tally.update(c, 1);
    }
  };

  const abort = abortPromise(signal);
  try {
    await Promise.race([Promise.all(workers.slice(0, ranges.length).map(serve)), abort.promise]);
  } finally {
    // After a failure or an abort the other workers finish their chunk and take no new one.
    stopped = true;
    abort.dispose();
  }
  return onPartial ? [] : results;
}

/** Runs a worker call and turns its failure into an error that says which worker and which trials. */
async function attempt<T>(call: () => T | Promise<T>, what: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Turns per-chunk fractions into a running count of trials, reported only when it grows. */
function progressTally(ranges: [number, number][], total: number, onProgress?: (done: number, total: number) => void) {
  const doneIn = new Float64Array(ranges.length);
  let done = 0;
  let reported = -1;
  return {
    update(chunk: number, fraction: number): void {
      if (!onProgress) return;
      const [from, to] = ranges[chunk];
      // Progress messages can arrive after their chunk's result (they travel on another port): never go back.
      const now = Math.max(doneIn[chunk], Math.floor(Math.min(1, fraction) * (to - from)));
      done += now - doneIn[chunk];
      doneIn[chunk] = now;
      if (done > reported) {
        reported = done;
        onProgress(done, total);
      }
    },
  };
}

/** A promise that rejects when the signal aborts (never without a signal), and a way to stop listening. */
function abortPromise(signal?: AbortSignalLike): { promise: Promise<never>; dispose: () => void } {
  if (!signal) return { promise: new Promise<never>(() => {}), dispose: () => {} };
  let listener = () => {};
  const promise = new Promise<never>((_, reject) => {
    listener = () => reject(abortError(signal));
    if (signal.aborted) listener();
    else signal.addEventListener('abort', listener);
  });
  return { promise, dispose: () => signal.removeEventListener('abort', listener) };
}

function abortError(signal: AbortSignalLike): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the run was cancelled');
}
