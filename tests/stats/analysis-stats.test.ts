/** Statistics the analyses add: quantiles of counted whole numbers, quickselect quantiles, the paired bootstrap. */
import { describe, expect, it } from 'vitest';
import { countMean, countQuantile } from '../../src/stats/count-quantile.ts';
import { pairedQuantileDifferenceCi, selectQuantile } from '../../src/stats/bootstrap.ts';
import { quantileSorted } from '../../src/stats/quantile.ts';
import { createRng } from '../../src/random/rng.ts';

describe('countQuantile', () => {
  it('gives quantileSorted of the values the counts stand for', () => {
    const rng = createRng('counts');
    for (let rep = 0; rep < 20; rep++) {
      const counts = Array.from({ length: 1 + Math.floor(rng() * 12) }, () => (rng() < 0.3 ? 0 : Math.floor(rng() * 9)));
      const values = counts.flatMap((c, v) => Array<number>(c).fill(v));
      for (const q of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]) expect(countQuantile(counts, q)).toBe(quantileSorted(values, q));
      expect(countMean(counts)).toBe(values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
    }
    expect(countQuantile([0, 0], 0.5)).toBeNaN();
  });
});

describe('selectQuantile and the paired bootstrap', () => {
  it('selects the interpolated quantile of model.md section 5 without sorting', () => {
    const rng = createRng('select');
    for (let rep = 0; rep < 30; rep++) {
      const values = Float64Array.from({ length: 1 + Math.floor(rng() * 60) }, () => Math.floor(rng() * 10));
      const sorted = Float64Array.from(values).sort();
      for (const q of [0, 0.1, 0.5, 0.95, 1]) expect(selectQuantile(Float64Array.from(values), q)).toBe(quantileSorted(sorted, q));
    }
  });

  it('gives an interval of width zero for a constant shift, and a seeded, reproducible interval otherwise', () => {
    const rng = createRng('shift');
    const a = Float64Array.from({ length: 200 }, () => rng() * 100);
    const shifted = Float64Array.from(a, (x) => x + 7);
    const [lo, hi] = pairedQuantileDifferenceCi(a, shifted, 0.95, 100, createRng('b'));
    expect(lo).toBeCloseTo(7, 9);
    expect(hi).toBeCloseTo(7, 9);
    const noisy = Float64Array.from(a, (x) => x + 7 + 20 * (rng() - 0.5));
    const one = pairedQuantileDifferenceCi(a, noisy, 0.95, 100, createRng('b'));
    expect(pairedQuantileDifferenceCi(a, noisy, 0.95, 100, createRng('b'))).toEqual(one);
    expect(one[0]).toBeLessThan(one[1]);
  });
});
