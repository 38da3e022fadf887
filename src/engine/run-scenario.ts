/** The whole pipeline in one process, chunked or not: compile, simulate chunks, merge, summarise. */
import type { Scenario } from '../model/schema.ts';
import { compileRun, type RunOptions } from './compile-run.ts';
import { mergePartials } from './merge.ts';
import type { RunResult } from './result.ts';
import { simulateChunk } from './simulate-chunk.ts';
import { summariseRun } from './summarise-run.ts';

/** Splits [0, trials) into `chunks` contiguous ranges of near-equal size (or at the given cut points). */
export function splitTrials(trials: number, chunks: number): [number, number][] {
  const k = Math.max(1, Math.min(chunks, trials));
  return Array.from({ length: k }, (_, i) => [Math.floor((i * trials) / k), Math.floor(((i + 1) * trials) / k)]);
}

/** Runs a validated scenario in this thread; `ranges` splits the trials (any split gives the same numbers). */
export function runScenario(scenario: Scenario, options: RunOptions = {}, ranges?: [number, number][]): RunResult {
  const run = compileRun(scenario, options);
  const parts = (ranges ?? [[0, run.trials]]).map(([from, to]) => simulateChunk(run, from, to));
  return summariseRun(scenario, run, mergePartials(parts, run.trials, run.attributionTrials));
}
