import { describe, expect, it } from 'vitest';
import { histogramCounts, histogramEdges } from '../../src/stats/histogram.ts';

describe('histogram', () => {
  it('shares nice edges across series, from 0 to the largest value', () => {
    const edges = histogramEdges([[0, 3, 97], [12, 45]], 10);
    expect(edges[0]).toBe(0);
    expect(edges[1] - edges[0]).toBe(10);
    expect(edges.at(-1)).toBe(100);
  });

  it('counts every value once, the maximum in the last bin', () => {
    const edges = [0, 10, 20, 30];
    expect(histogramCounts([0, 9.99, 10, 25, 30], edges)).toEqual([2, 1, 2]);
  });

  it('gives one bin of width 1 when every value is 0', () => {
    expect(histogramEdges([[0, 0]], 30)).toEqual([0, 1]);
  });
});
