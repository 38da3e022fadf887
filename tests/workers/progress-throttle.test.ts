/** A worker's progress reports: at most one per interval, the first and the last always. */
import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../workers/progress-throttle.ts';

describe('throttleProgress', () => {
  it('drops reports closer than the interval to the last one sent, but never the final one', () => {
    let clock = 0;
    const seen: number[] = [];
    const report = throttleProgress((done) => seen.push(done), 100, () => clock)!;
    for (const [t, done] of [[0, 1], [30, 2], [99, 3], [100, 4], [150, 5], [160, 10]] as const) {
      clock = t;
      report(done, 10);
    }
    // 1 at 0 ms; 2 and 3 within 100 ms of it; 4 at 100 ms; 5 within 100 ms of 4; 10 is the last.
    expect(seen).toEqual([1, 4, 10]);
  });

  it('passes no callback on when there is none', () => {
    expect(throttleProgress(undefined)).toBeUndefined();
  });
});
