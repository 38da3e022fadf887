/**
 * Hooks for the end-to-end tests, installed only in development builds (the Vite dev server the tests
 * start), never in a production build: the last result, ways to make a worker fail or hang for real,
 * and a shorter watchdog so a test of a hung worker does not wait half a minute.
 */
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import type { PoolKeeper } from './pool-keeper.ts';
import type { WatchdogOptions } from './watchdog.ts';

declare global {
  interface Window {
    __lastResult?: RunResult;
    __lastScenario?: Scenario;
    __test?: {
      crashWorker(index: number): boolean;
      hangWorker(index: number): boolean;
      setWatchdog(options: WatchdogOptions | null): void;
      poolSize(): number;
    };
  }
}

let watchdog: WatchdogOptions | undefined;

/** The watchdog a test asked for, for the next runs; undefined (the default) otherwise. */
export function testWatchdog(): WatchdogOptions | undefined {
  return watchdog;
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
    /**
     * Makes worker `index` stop answering: the development build of the worker spins, without a word,
     * once it has finished its current chunk (simulation.worker.ts), as a worker stuck in a loop would.
     */
    hangWorker(index) {
      const thread = pools.current()?.threads[index];
      if (!thread) return false;
      thread.postMessage({ testHook: 'hang' });
      return true;
    },
    setWatchdog(options) {
      watchdog = options ?? undefined;
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
