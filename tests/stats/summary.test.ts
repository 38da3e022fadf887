import { describe, expect, it } from 'vitest';
import { mean, summarise } from '../../src/stats/summary.ts';

describe('summarise', () => {
  it('summarises 1..20 as computed by hand', () => {
    // mean 10.5; sum of squared deviations n(n^2 - 1)/12 = 665; variance 665/19 = 35.
    const values = Array.from({ length: 20 }, (_, i) => 20 - i); // order must not matter
    const s = summarise(values);
    expect(s.mean).toBe(10.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(35), 14);
    expect(s.se).toBeCloseTo(Math.sqrt(1.75), 14);
    expect(s.ci95[0]).toBeCloseTo(10.5 - 1.96 * Math.sqrt(1.75), 12);
    expect(s.ci95[1]).toBeCloseTo(10.5 + 1.96 * Math.sqrt(1.75), 12);
    // positions 0.95, 4.75, 9.5, 14.25, 18.05 in 1..20
    expect(s.p5).toBeCloseTo(1.95, 12);
    expect(s.p25).toBeCloseTo(5.75, 12);
    expect(s.p50).toBeCloseTo(10.5, 12);
    expect(s.p75).toBeCloseTo(15.25, 12);
    expect(s.p95).toBeCloseTo(19.05, 12);
    // ceil(0.05 x 20) = 1: the largest value
    expect(s.cvar95).toBe(20);
  });

  it('takes the mean of the largest ceil(0.05 n) values for cvar95', () => {
    expect(summarise(Array.from({ length: 21 }, (_, i) => i + 1)).cvar95).toBe(20.5);
    expect(summarise(Array.from({ length: 40 }, (_, i) => i + 1)).cvar95).toBe(39.5);
  });

  it('does not reorder its input', () => {
    const v = new Float64Array([3, 1, 2]);
    summarise(v);
    expect([...v]).toEqual([3, 1, 2]);
  });

  it('gives sd 0 for one value', () => {
    expect(summarise([4])).toEqual({
      mean: 4, sd: 0, se: 0, ci95: [4, 4], p5: 4, p25: 4, p50: 4, p75: 4, p95: 4, cvar95: 4,
    });
  });

  it('gives NaN everywhere for no values', () => {
    const s = summarise([]);
    for (const x of [s.mean, s.sd, s.se, ...s.ci95, s.p5, s.p25, s.p50, s.p75, s.p95, s.cvar95]) expect(x).toBeNaN();
  });
});

describe('mean', () => {
  it('sums in index order', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    // (1e16 + 1) + 1 loses both ones; index order is part of the contract.
    expect(mean([1e16, 1, 1, -1e16])).toBe(0);
    expect(mean([])).toBeNaN();
  });
});
