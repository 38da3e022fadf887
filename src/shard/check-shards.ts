/**
 * Whether a set of partial results makes one whole run: all of the same run, no trial in two of them,
 * none missing. Every problem is named, with the files (or shards) concerned and the trials.
 */
import { identityDifferences, type RunIdentity } from './run-identity.ts';
import { trialsText } from './shard-range.ts';

export interface ShardInfo {
  /** how messages name it: a file name, "shard 2/3" */
  name: string;
  identity: RunIdentity;
  range: { from: number; to: number };
}

/** Every reason the shards do not merge into one run; empty when they do. */
export function shardSetProblems(shards: readonly ShardInfo[]): string[] {
  if (shards.length === 0) return ['there are no partial results to merge'];
  const problems: string[] = [];
  const first = shards[0];
  const same: ShardInfo[] = [first];
  for (const s of shards.slice(1)) {
    const differences = identityDifferences(first.identity, s.identity);
    if (differences.length === 0) same.push(s);
    else problems.push(`${s.name} is a partial of a different run than ${first.name}: ${differences.join('; ')}`);
  }
  // Ranges are checked among the shards of the first one's run: another run's ranges say nothing of it.
  const trials = first.identity.trials;
  const sorted = [...same].sort((a, b) => a.range.from - b.range.from || a.range.to - b.range.to);
  let covered = 0;
  let last: ShardInfo | null = null;
  for (const s of sorted) {
    const { from, to } = s.range;
    if (from > covered) problems.push(missing(covered, from, trials));
    else if (from < covered && last !== null) {
      const both = Math.min(to, covered) - from;
      problems.push(`${last.name} (${trialsText(last.range.from, last.range.to)}) and ${s.name} (${trialsText(from, to)}) overlap: ${trialsText(from, from + both)} ${both === 1 ? 'is' : 'are'} in both`);
    }
    if (to > covered) {
      covered = to;
      last = s;
    }
  }
  if (covered < trials) problems.push(missing(covered, trials, trials));
  return problems;
}

function missing(from: number, to: number, trials: number): string {
  return `${trialsText(from, to)} of the run's ${trials} ${to - from === 1 ? 'is' : 'are'} in no partial`;
}
