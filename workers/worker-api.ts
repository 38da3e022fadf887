/**
 * The simulation worker's API, shared by the browser worker, the Node worker and in-process runs:
 * it only calls the engine, so every way of running a scenario simulates with the same code.
 */
import { transfer } from 'comlink';
import type { CompiledRun } from '../src/engine/compile-run.ts';
import type { PartialResult } from '../src/engine/result.ts';
import { simulateChunk, type ChunkProgress } from '../src/engine/simulate-chunk.ts';
import type { StressPlan } from '../src/analysis/stress-plan.ts';
import type { StressPartial } from '../src/analysis/stress-partial.ts';
import { simulateStressChunk } from '../src/analysis/stress-chunk.ts';
import type { SensitivityPlan } from '../src/analysis/sensitivity-plan.ts';
import { simulateSensitivityChunk, type SensitivityPartial } from '../src/analysis/sensitivity-chunk.ts';
import { throttleProgress } from './progress-throttle.ts';

export interface WorkerApi {
  /** Keeps the run for the chunks that follow; a run is sent once per worker, not once per chunk. */
  load(run: CompiledRun): void;
  /** Simulates trials [from, to) of the loaded run. */
  runChunk(from: number, to: number, onProgress?: ChunkProgress): PartialResult;
  /** Keeps a stress test's plan (src/analysis/stress-plan.ts) for the chunks that follow. */
  loadStress(plan: StressPlan): void;
  /** Simulates trials [from, to) of the loaded stress plan. */
  runStressChunk(from: number, to: number, onProgress?: ChunkProgress): StressPartial;
  /** Keeps a sensitivity analysis's plan (src/analysis/sensitivity-plan.ts) for the chunks that follow. */
  loadSensitivity(plan: SensitivityPlan): void;
  /** Simulates trials [from, to) of the loaded sensitivity plan. */
  runSensitivityChunk(from: number, to: number, onProgress?: ChunkProgress): SensitivityPartial;
}

/** Creates the API object of one worker. */
export function createWorkerApi(): WorkerApi {
  let loaded: CompiledRun | null = null;
  let stress: StressPlan | null = null;
  let sensitivity: SensitivityPlan | null = null;
  return {
    load(run) {
      loaded = run;
    },
    runChunk(from, to, onProgress) {
      if (loaded === null) throw new Error('runChunk was called before load: the worker has no run');
      const partial = simulateChunk(loaded, from, to, throttleProgress(onProgress));
      // Hand the typed arrays over instead of copying them: a chunk's band counts alone are periods x 1001 ints.
      return transfer(partial, partialBuffers(partial));
    },
    loadStress(plan) {
      stress = plan;
    },
    runStressChunk(from, to, onProgress) {
      if (stress === null) throw new Error('runStressChunk was called before loadStress: the worker has no stress plan');
      const partial = simulateStressChunk(stress, from, to, throttleProgress(onProgress));
      return transfer(partial, partialBuffers(partial));
    },
    loadSensitivity(plan) {
      sensitivity = plan;
    },
    runSensitivityChunk(from, to, onProgress) {
      if (sensitivity === null) throw new Error('runSensitivityChunk was called before loadSensitivity: the worker has no sensitivity plan');
      const partial = simulateSensitivityChunk(sensitivity, from, to, throttleProgress(onProgress));
      return transfer(partial, partialBuffers(partial));
    },
  };
}

/** The distinct buffers of every typed array in a partial result (a transfer list must not repeat one). */
function partialBuffers(partial: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  // A walk rather than a list of fields, so a field the engine adds later is transferred too.
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(partial);
  return [...buffers];
}
