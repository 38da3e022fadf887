/**
 * The chunks of one range of trials merged into one partial result of that range: what a shard writes,
 * whatever the number of chunks and workers it took. Sums come out in canonical form, so the same
 * trials give the same data (and the same file) however they were chunked.
 */
import type { PartialResult } from '../engine/result.ts';
import { RunAccumulator } from '../engine/run-accumulator.ts';

export interface RangeAccumulator {
  /** Adds a chunk of the range (any order); refuses one outside it or overlapping another. */
  add(part: PartialResult): void;
  /** The range's partial result; throws naming the trials missing. */
  result(): PartialResult;
}

/** An accumulator of trials [from, to) of a run whose first `attributionTrials` trials carry attribution values. */
export function createRangeAccumulator(from: number, to: number, attributionTrials: number): RangeAccumulator {
  // The run's accumulator counts trials from 0: shift the range there and back. Attribution values exist
  // for the run's first attributionTrials trials, so the range holds those of them that fall in it.
  const accumulator = new RunAccumulator(to - from, Math.max(0, Math.min(to, attributionTrials) - from));
  return {
    add: (part) => accumulator.add({ ...part, from: part.from - from, to: part.to - from }),
    result: () => ({ ...accumulator.result(), from, to }),
  };
}

/** Merges partials that together cover trials [from, to) exactly (any order) into one partial of that range. */
export function mergeRange(parts: readonly PartialResult[], from: number, to: number, attributionTrials: number): PartialResult {
  const accumulator = createRangeAccumulator(from, to, attributionTrials);
  for (const part of parts) accumulator.add(part);
  return accumulator.result();
}
