/** Browser entry of the simulation worker: the shared API, exposed over the worker's global scope. */
import { expose } from 'comlink';
import { createWorkerApi } from './worker-api.ts';

expose(createWorkerApi());
