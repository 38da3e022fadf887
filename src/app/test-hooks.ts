/**
 * Hooks for the end-to-end tests, installed only in development builds (the Vite dev server the tests
 * start), never in a production build: the last result, and a way to make a worker fail for real.
 */
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import type { PoolKeeper } from './pool-keeper.ts';

declare global {
  interface Window {
    __lastResult?: RunResult;
    __lastScenario?: Scenario;
    __test?: { crashWorker(index: number): boolean; poolSize(): number };
  }
}

/** Installs window.__test when the app runs in development. */
export function installTestHooks(pools: PoolKeeper): void {
  if (!import.meta.env.DEV) return;
  window.__test = {
    /**
     * Sends worker `index` a message comlink cannot decode (an unknown transfer handler): the worker
     * throws outside any call, an uncaught error that reaches the page as the Worker's error event,
     * exactly what a crashing worker produces. Returns false when no pool is running.
     */
    crashWorker(index) {
      const thread = pools.current()?.threads[index];
      if (!thread) return false;
      thread.postMessage({ id: 'crash-test', type: 'APPLY', path: [], argumentList: [{ type: 'HANDLER', name: 'no-such-handler' }] });
      return true;
    },
    /** the number of live workers: 0 once a cancel or a failure has terminated them */
    poolSize: () => pools.current()?.threads.length ?? 0,
  };
}

/** Records what is on screen for the tests (development only). */
export function recordShown(result: RunResult | null, scenario: Scenario | null): void {
  if (!import.meta.env.DEV) return;
  window.__lastResult = result ?? undefined;
  window.__lastScenario = scenario ?? undefined;
}
