/** Browser entry of the simulation worker: the shared API, exposed over the worker's global scope. */
import { expose } from 'comlink';
import { createWorkerApi } from './worker-api.ts';

if (import.meta.env.DEV) {
  // The end-to-end tests' hung worker (src/app/test-hooks.ts): busy and silent, as a worker stuck in a
  // loop is, until the page's watchdog terminates it (or ten minutes pass). Development builds only.
  self.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { testHook?: unknown } | null)?.testHook !== 'hang') return;
    const until = Date.now() + 600_000;
    while (Date.now() < until) {
      // spinning
    }
  });
}

expose(createWorkerApi());
