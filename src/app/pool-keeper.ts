/** Keeps one worker pool between runs, and replaces it after a cancel or a failure (terminated workers are gone). */
import { createBrowserPool, type BrowserPool } from '../../workers/pool.ts';

export interface PoolKeeper {
  /** the live pool, started on first use */
  acquire(): BrowserPool;
  /** the live pool, if any, without starting one */
  current(): BrowserPool | null;
  /**
   * Terminates the pool's workers at once; the next acquire starts fresh ones. Given a pool, only if it
   * is still the live one: a cancelled run that settles late must not stop the workers of the run after it.
   */
  discard(pool?: BrowserPool): void;
}

/** A keeper of a pool of `size` workers. */
export function createPoolKeeper(size?: number): PoolKeeper {
  let pool: BrowserPool | null = null;
  return {
    acquire() {
      // A worker that failed between runs would fail the next run at once: start afresh instead.
      if (pool?.broken) {
        pool.terminate();
        pool = null;
      }
      return (pool ??= createBrowserPool(size));
    },
    current: () => pool,
    discard(which) {
      if (which) which.terminate();
      if (which && which !== pool) return;
      pool?.terminate();
      pool = null;
    },
  };
}
