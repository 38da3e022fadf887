/**
 * The chunks of one range of trials merged into one partial result of that range: what a shard writes,
 * whatever the number of chunks and workers it took. Sums come out in canonical form, so the same
 * trials give the same data (and the same file) however they were chunked.
 */
import type { PartialResult } from '../engine/result.ts';
import { RunAccumulator } from '../engine/run-accumulator.ts';

/** Merges partials that together cover trials [from, to) exactly (any order) into one partial of that range. */
export function mergeRange(parts: readonly PartialResult[], from: number, to: number, attributionTrials: number): PartialResult {
  // The accumulator counts trials from 0: shift the range there and back. Attribution values exist for
  // the run's first attributionTrials trials, so the range holds those of them that fall in it.
  const accumulator = new RunAccumulator(to - from, Math.max(0, Math.min(to, attributionTrials) - from));
  for (const part of parts) accumulator.add({ ...part, from: part.from - from, to: part.to - from });
  return { ...accumulator.result(), from, to };
}
