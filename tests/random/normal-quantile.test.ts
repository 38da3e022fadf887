/**
 * AS 241 against stdlib: its quantile (through erfinv) where that is accurate, and in the far tails, where
 * erfinv(2p - 1) loses p to rounding, the round trip through stdlib's erfc-based CDF.
 */
import { describe, expect, it } from 'vitest';
import stdlibQuantile from '@stdlib/stats-base-dists-normal-quantile';
import erfc from '@stdlib/math-base-special-erfc';
import { normalQuantile } from '../../src/random/normal-quantile.ts';

const cdf = (z: number) => 0.5 * erfc(-z / Math.SQRT2);

describe('normal quantile', () => {
  it('agrees with stdlib\'s quantile within a few ulps for p in [0.01, 0.99]', () => {
    for (let i = 40; i <= 3960; i++) {
      const p = i / 4000;
      expect(Math.abs(normalQuantile(p) - stdlibQuantile(p, 0, 1))).toBeLessThanOrEqual(4e-15 * Math.max(1, Math.abs(normalQuantile(p))));
    }
  });

  it('inverts the normal CDF from 0.1 down to 1e-300 in the tails', () => {
    for (let e = 1; e <= 300; e++) {
      const p = 10 ** -e;
      expect(Math.abs(cdf(normalQuantile(p)) - p)).toBeLessThanOrEqual(1e-13 * p * Math.max(1, e));
    }
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
  });

  it('is odd about 1/2, 0 at 1/2, infinite at 0 and 1', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    for (const p of [0.01, 0.2, 0.4]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 12);
  });
});
