import { describe, expect, it } from 'vitest';
import { fullGrid, gridNeighbours, haltonDesign, pointKey, radicalInverse, rungTrials } from '../../src/analysis/optimise-design.ts';
import { cvarWithInterval, proportion, quantileWithInterval } from '../../src/analysis/target-statistic.ts';

describe('the first candidates', () => {
  it('list the whole grid, the first variable slowest', () => {
    expect(fullGrid([2, 3]).map(pointKey)).toEqual(['0,0', '0,1', '0,2', '1,0', '1,1', '1,2']);
  });

  it("spread a Halton design over a large grid: distinct points, both corners, every variable's range covered", () => {
    const levels = [13, 8, 21, 11];
    const points = haltonDesign(levels, 60);
    expect(points).toHaveLength(60);
    expect(new Set(points.map(pointKey)).size).toBe(60);
    expect(points[0]).toEqual([0, 0, 0, 0]);
    expect(points[1]).toEqual([12, 7, 20, 10]);
    levels.forEach((l, d) => {
      const used = new Set(points.map((p) => p[d]));
      // 60 points over l levels reach at least three quarters of them
      expect(used.size).toBeGreaterThanOrEqual(Math.min(l, Math.floor(0.75 * l)));
    });
    expect(radicalInverse(6, 2)).toBe(0.375); // 110 -> 0.011
  });

  it('refine by one step along one variable at a time, inside the grid', () => {
    expect(gridNeighbours([0, 2], [3, 3]).map(pointKey).sort()).toEqual(['0,1', '1,2']);
  });

  it('give each rung a third of the next, the first at most the asked trials', () => {
    expect(rungTrials(2000, 100)).toEqual([75, 223, 667, 2000]);
    expect(rungTrials(50, 100)).toEqual([50]);
  });
});

describe('target statistics with intervals', () => {
  it('bound a share with the Wilson interval, inside 0..1 even at 0', () => {
    const p = proportion(0, 100);
    expect(p.value).toBe(0);
    expect(p.ci95[0]).toBe(0);
    expect(p.ci95[1]).toBeCloseTo(0.037, 3);
  });

  it('bracket the P95 of 1..1000 by order statistics around the 950th', () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => i + 1);
    const q = quantileWithInterval(sorted, 0.95);
    expect(q.value).toBeCloseTo(950.05, 9);
    expect(q.ci95[0]).toBeLessThan(950);
    expect(q.ci95[1]).toBeGreaterThan(950);
    expect(q.ci95[1] - q.ci95[0]).toBeLessThan(30);
  });

  it('give CVaR 95% the mean of the worst 5%, and no spread when every trial is the same', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => (i < 95 ? 0 : 10));
    expect(cvarWithInterval(sorted).value).toBe(10);
    expect(cvarWithInterval(new Float64Array(40).fill(3))).toEqual({ value: 3, ci95: [3, 3] });
  });
});
