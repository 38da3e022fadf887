/** Exact merge of partial results: per-trial outcomes placed by trial index, counts added, exact sums merged. */
import type { PartialResult } from './result.ts';
import { RunAccumulator } from './run-accumulator.ts';

/** Merges partials covering trials [0, trials), in any order and split, into one partial of the whole run. */
export function mergePartials(parts: PartialResult[], trials: number, attributionTrials: number): PartialResult {
  const accumulator = new RunAccumulator(trials, attributionTrials);
  for (const part of parts) accumulator.add(part);
  return accumulator.result();
}
