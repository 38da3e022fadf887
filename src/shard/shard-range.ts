/** Which trials shard k of n holds. */

/** Trials [floor(k T / n), floor((k + 1) T / n)) of a run of T trials: n shards cover every trial once, sizes differing by at most one. */
export function shardRange(k: number, n: number, trials: number): [from: number, to: number] {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(k) && k >= 0 && k < n)) throw new RangeError(`shard ${k}/${n}: k must be a whole number from 0 to n - 1`);
  return [Math.floor((k * trials) / n), Math.floor(((k + 1) * trials) / n)];
}

/** "trials 0..332" (inclusive, as people count), or "no trials" for an empty range. */
export function trialsText(from: number, to: number): string {
  if (to <= from) return 'no trials';
  return to - from === 1 ? `trial ${from}` : `trials ${from}..${to - 1}`;
}
