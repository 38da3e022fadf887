/** The size of a partial result, estimated before it is simulated: what a shard will cost in memory, on disk and in Redis. */
import type { CompiledRun } from '../engine/compile-run.ts';
import { FLOW_BINS } from '../engine/flow-series.ts';
import { MAKER_PCT_BINS } from '../engine/result.ts';
import { BINS } from '../stats/bands.ts';

/** Bytes kept per trial per strategy: six doubles and one byte of outcomes (TrialOutcomes). */
export const BYTES_PER_TRIAL = 6 * 8 + 1;

/** Bytes of the typed arrays of a partial result of trials [from, to) of `run` (the file adds a few kB of paths and metadata). */
export function partialBytes(run: CompiledRun, from: number, to: number): number {
  const attributed = Math.max(0, Math.min(to, run.attributionTrials) - from);
  let bytes = 0;
  for (const model of run.models) {
    bytes += (to - from) * BYTES_PER_TRIAL;
    bytes += model.periods * BINS * 4;
    bytes += model.makers.length * (MAKER_PCT_BINS + 1) * 4;
    bytes += attributed * (1 + model.disruptionCount) * 8;
    if (model.flowPlan) bytes += 2 * model.flowPlan.groups.length * model.periods * FLOW_BINS * 4;
  }
  return bytes;
}
