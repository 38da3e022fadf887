/** Which sets of partials make one run (src/shard/check-shards.ts): every problem named, with its files and trials. */
import { describe, expect, it } from 'vitest';
import { shardSetProblems, type ShardInfo } from '../../src/shard/check-shards.ts';
import type { RunIdentity } from '../../src/shard/run-identity.ts';
import { shardRange } from '../../src/shard/shard-range.ts';

const identity: RunIdentity = {
  kind: 'run',
  scenarioHash: 'a'.repeat(64),
  seed: 1,
  trials: 1000,
  strategies: ['baseline', 'stockpile'],
  attributionTrials: 500,
  flows: false,
  engine: '0.1.0+numbers.1',
};
const shard = (name: string, from: number, to: number, change: Partial<RunIdentity> = {}): ShardInfo => ({ name, identity: { ...identity, ...change }, range: { from, to } });
const thirds = [0, 1, 2].map((k) => shard(`out-${k}.bin`, ...shardRange(k, 3, 1000)));

describe('shard ranges', () => {
  it('are floor(k T / n) to floor((k + 1) T / n): every trial once, sizes within one', () => {
    for (const [trials, n] of [[1000, 3], [7, 7], [10, 4], [1, 1], [100_000, 13]]) {
      const ranges = Array.from({ length: n }, (_, k) => shardRange(k, n, trials));
      expect(ranges[0][0]).toBe(0);
      expect(ranges[n - 1][1]).toBe(trials);
      ranges.slice(1).forEach(([from], k) => expect(from).toBe(ranges[k][1]));
      const sizes = ranges.map(([a, b]) => b - a);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(shardRange(1, 3, 1000)).toEqual([333, 666]);
    expect(() => shardRange(3, 3, 10)).toThrow(/k must be a whole number from 0 to n - 1/);
  });
});

describe('a set of partials', () => {
  it('that covers the run once, in any order, has no problem', () => {
    expect(shardSetProblems(thirds)).toEqual([]);
    expect(shardSetProblems([thirds[2], thirds[0], thirds[1]])).toEqual([]);
    expect(shardSetProblems([shard('all.bin', 0, 1000)])).toEqual([]);
  });

  it('of different runs is refused, naming the file and each field that differs', () => {
    const problems = shardSetProblems([thirds[0], shard('other.bin', 333, 666, { seed: 2, strategies: ['baseline'] }), thirds[2]]);
    expect(problems[0]).toBe('other.bin is a partial of a different run than out-0.bin: seed 2, not 1; strategies ["baseline"], not ["baseline","stockpile"]');
    // The odd one out does not count towards the run's trials.
    expect(problems[1]).toBe("trials 333..665 of the run's 1000 are in no partial");
    expect(shardSetProblems([thirds[0], shard('x.bin', 333, 1000, { engine: '0.2.0+numbers.1' })])[0]).toMatch(/engine "0.2.0\+numbers.1", not "0.1.0\+numbers.1"/);
    expect(shardSetProblems([thirds[0], shard('x.bin', 333, 1000, { attributionTrials: 0 })])[0]).toMatch(/attributionTrials 0, not 500/);
  });

  it('with a trial in two partials is refused, naming both and the trials', () => {
    expect(shardSetProblems([...thirds, shard('again.bin', 600, 700)])).toEqual([
      'out-1.bin (trials 333..665) and again.bin (trials 600..699) overlap: trials 600..665 are in both',
      'again.bin (trials 600..699) and out-2.bin (trials 666..999) overlap: trials 666..699 are in both',
    ]);
    expect(shardSetProblems([thirds[0], thirds[0], thirds[1], thirds[2]])).toEqual(['out-0.bin (trials 0..332) and out-0.bin (trials 0..332) overlap: trials 0..332 are in both']);
  });

  it('with trials missing is refused, naming the trials, at the start, between and at the end', () => {
    expect(shardSetProblems([thirds[1]])).toEqual(["trials 0..332 of the run's 1000 are in no partial", "trials 666..999 of the run's 1000 are in no partial"]);
    expect(shardSetProblems([thirds[0], thirds[2]])).toEqual(["trials 333..665 of the run's 1000 are in no partial"]);
    expect(shardSetProblems([shard('a.bin', 0, 999)])).toEqual(["trial 999 of the run's 1000 is in no partial"]);
    expect(shardSetProblems([])).toEqual(['there are no partial results to merge']);
  });
});
