/**
 * Chunks finish in any order; the results shown while a run goes on are those of the contiguous prefix
 * of finished chunks, trials [0, k), which merge exactly into the result of a run of k trials.
 */
import type { PartialResult } from '../engine/result.ts';

export interface PrefixTracker {
  /** records a finished chunk; returns the trials now covered from 0 without a gap */
  add(part: PartialResult): number;
  /** the trials covered from 0 without a gap */
  covered(): number;
  /** the finished chunks of the prefix, in trial order */
  prefix(): PartialResult[];
}

/** A tracker for chunks that start at the given trial indices. */
export function createPrefixTracker(chunkStarts: number[]): PrefixTracker {
  const parts = new Map<number, PartialResult>();
  let covered = 0;
  let count = 0;
  return {
    add(part) {
      parts.set(part.from, part);
      while (count < chunkStarts.length && parts.has(chunkStarts[count])) {
        covered = parts.get(chunkStarts[count])!.to;
        count++;
      }
      return covered;
    },
    covered: () => covered,
    prefix: () => chunkStarts.slice(0, count).map((from) => parts.get(from)!),
  };
}
