/**
 * A pool of Node worker threads running simulation.node-worker.ts (the same API as the browser's worker),
 * for the command line and the benchmark. A thread that dies rejects the run instead of leaving it waiting.
 */
import { Worker } from 'node:worker_threads';
import { proxy, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { CompiledRun } from '../src/engine/compile-run.ts';
import type { PartialResult } from '../src/engine/result.ts';
import { runWithPool, usefulWorkers, type PoolOptions, type PoolWorker } from '../src/engine/run-pool.ts';
import type { WorkerApi } from './worker-api.ts';

// The bundled command line (scripts/cli-bundle.mjs) defines this as its worker's file, built beside it;
// run from sources (tsx, tests, the bench) it is undefined and the threads start the TypeScript entry.
declare const BUNDLED_WORKER_ENTRY: string | undefined;
const ENTRY = typeof BUNDLED_WORKER_ENTRY === 'string'
  ? new URL(BUNDLED_WORKER_ENTRY, import.meta.url)
  : new URL('./simulation.node-worker.ts', import.meta.url);

export interface NodePool {
  workers: PoolWorker[];
  /** each thread's worker API, for calls besides a run's (the analyses: workers/analysis-workers.ts) */
  remotes: Remote<WorkerApi>[];
  /** rejects, with a message, as soon as a thread errors or exits on its own */
  failed: Promise<never>;
  /** terminates every thread */
  close(): Promise<void>;
}

/** Starts `size` worker threads (running `entry`, by default this build's worker entry) and wraps each with comlink. */
export function createNodePool(size: number, entry: URL = ENTRY): NodePool {
  const threads = Array.from({ length: Math.max(1, size) }, () => new Worker(bootCode(entry), { eval: true }));
  let closing = false;
  const failed = new Promise<never>((_, reject) => {
    threads.forEach((thread, w) => {
      thread.on('error', (error) => reject(new Error(`simulation worker ${w + 1} failed: ${error.message}`)));
      thread.on('exit', (code) => {
        if (!closing) reject(new Error(`simulation worker ${w + 1} stopped unexpectedly (exit code ${code})`));
      });
    });
  });
  // Nobody may be listening when a thread dies after the run; that must not become an unhandled rejection.
  failed.catch(() => {});
  const remotes = threads.map((thread) => wrap<WorkerApi>(nodeEndpoint(thread)));
  return {
    workers: remotes.map((remote) => poolWorker(remote)),
    remotes,
    failed,
    async close() {
      closing = true;
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}

/** Runs every trial of the run on `size` fresh threads (no more than there are trials) and terminates them. */
export async function runOnNodePool(run: CompiledRun, size: number, options: PoolOptions = {}): Promise<PartialResult[]> {
  const pool = createNodePool(usefulWorkers(run.trials, size, options.chunkSize));
  try {
    return await Promise.race([runWithPool(run, pool.workers, options), pool.failed]);
  } finally {
    await pool.close();
  }
}

/** Runs `use` on `size` fresh threads, failing as soon as a thread dies, and terminates them after. */
export async function withNodePool<T>(size: number, use: (workers: PoolWorker[]) => Promise<T>): Promise<T> {
  const pool = createNodePool(size);
  try {
    return await Promise.race([use(pool.workers), pool.failed]);
  } finally {
    await pool.close();
  }
}

/** The pool's view of one thread: comlink calls, with the progress callback passed as a proxy. */
function poolWorker(remote: Remote<WorkerApi>): PoolWorker {
  return {
    load: (run) => remote.load(run),
    runChunk: (from, to, onProgress) => remote.runChunk(from, to, onProgress ? proxy(onProgress) : undefined),
  };
}

/**
 * The code a thread starts with. On Node 20 loader hooks given to a Worker through execArgv do not reach
 * the thread (nodejs/node#47747, privatenumber/tsx#354), so a TypeScript entry registers tsx itself first.
 */
function bootCode(entry: URL): string {
  const target = JSON.stringify(entry.href);
  if (!entry.pathname.endsWith('.ts')) return `import(${target});`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${target}); });`;
}
