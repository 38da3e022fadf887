/**
 * The simulation worker's API, shared by the browser worker, the Node worker and in-process runs:
 * it only calls the engine, so every way of running a scenario simulates with the same code.
 */
import { transfer } from 'comlink';
import type { CompiledRun } from '../src/engine/compile-run.ts';
import type { PartialResult } from '../src/engine/result.ts';
import { simulateChunk, type ChunkProgress } from '../src/engine/simulate-chunk.ts';

export interface WorkerApi {
  /** Keeps the run for the chunks that follow; a run is sent once per worker, not once per chunk. */
  load(run: CompiledRun): void;
  /** Simulates trials [from, to) of the loaded run. */
  runChunk(from: number, to: number, onProgress?: ChunkProgress): PartialResult;
}

/** Creates the API object of one worker. */
export function createWorkerApi(): WorkerApi {
  let loaded: CompiledRun | null = null;
  return {
    load(run) {
      loaded = run;
    },
    runChunk(from, to, onProgress) {
      if (loaded === null) throw new Error('runChunk was called before load: the worker has no run');
      const partial = simulateChunk(loaded, from, to, onProgress);
      // Hand the typed arrays over instead of copying them: a chunk's band counts alone are periods x 1001 ints.
      return transfer(partial, partialBuffers(partial));
    },
  };
}

/** The distinct buffers of every typed array in a partial result (a transfer list must not repeat one). */
function partialBuffers(partial: PartialResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  // A walk rather than a list of fields, so a field the engine adds later is transferred too.
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(partial);
  return [...buffers];
}
