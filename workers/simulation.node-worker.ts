/** Node entry of the simulation worker (worker_threads): the same API as the browser's, over comlink's Node adapter. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createWorkerApi } from './worker-api.ts';

if (parentPort === null) throw new Error('simulation.node-worker.ts must run in a worker thread');
expose(createWorkerApi(), nodeEndpoint(parentPort));
