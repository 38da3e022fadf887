import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/stats/quantile.ts';

describe('quantileSorted', () => {
  it('interpolates linearly at position (n - 1) q', () => {
    const s = [10, 20, 40];
    expect(quantileSorted(s, 0)).toBe(10);
    expect(quantileSorted(s, 0.25)).toBe(15);
    expect(quantileSorted(s, 0.5)).toBe(20);
    expect(quantileSorted(s, 0.75)).toBe(30);
    expect(quantileSorted(s, 1)).toBe(40);
  });

  it('returns the value itself at a whole position, even next to an infinity', () => {
    expect(quantileSorted([1, Infinity], 0)).toBe(1);
    expect(quantileSorted([1, Infinity], 1)).toBe(Infinity);
  });

  it('handles one value and none', () => {
    expect(quantileSorted([7], 0.95)).toBe(7);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('gives the order statistic exactly when (n - 1) q is whole', () => {
    const s = Float64Array.from({ length: 61 }, (_, i) => i);
    expect(quantileSorted(s, 0.05)).toBe(3);
    expect(quantileSorted(s, 0.95)).toBe(57);
  });
});
