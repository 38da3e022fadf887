/**
 * The simulation worker's API, shared by the browser worker, the Node worker and in-process runs:
 * it only calls the engine, so every way of running a scenario simulates with the same code.
 */
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
      // Returned as a copy, never transferred: see the note at the end of this file.
      return simulateChunk(loaded, from, to, throttleProgress(onProgress));
    },
    loadStress(plan) {
      stress = plan;
    },
    runStressChunk(from, to, onProgress) {
      if (stress === null) throw new Error('runStressChunk was called before loadStress: the worker has no stress plan');
      return simulateStressChunk(stress, from, to, throttleProgress(onProgress));
    },
    loadSensitivity(plan) {
      sensitivity = plan;
    },
    runSensitivityChunk(from, to, onProgress) {
      if (sensitivity === null) throw new Error('runSensitivityChunk was called before loadSensitivity: the worker has no sensitivity plan');
      return simulateSensitivityChunk(sensitivity, from, to, throttleProgress(onProgress));
    },
  };
}

/*
 * Why results are copied out of a worker, not transferred: transferring an ArrayBuffer detaches it, and the
 * first detached buffer in a V8 isolate invalidates V8's "array buffer detaching" protector for good; from
 * then on every optimised typed-array access in that worker also checks whether its buffer was detached.
 * Measured on the bench chain: the engine ran about a fifth slower in every chunk after the first transfer
 * (15.9 M node-periods/s copying, 12.7 M transferring, one worker). A chunk's partial is at most a few MB,
 * which the structured clone copies in well under a millisecond per MB.
 */
