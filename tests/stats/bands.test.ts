import { describe, expect, it } from 'vitest';
import { BINS, bandsFromBins, fulfilmentBin } from '../../src/stats/bands.ts';

describe('fulfilmentBin', () => {
  it('is min(1000, floor(1000 f)) with negatives in bin 0', () => {
    expect(fulfilmentBin(0)).toBe(0);
    expect(fulfilmentBin(0.5)).toBe(500);
    expect(fulfilmentBin(0.9994)).toBe(999);
    expect(fulfilmentBin(1)).toBe(1000);
    expect(fulfilmentBin(1.2)).toBe(1000);
    expect(fulfilmentBin(-0.1)).toBe(0);
    expect(fulfilmentBin(NaN)).toBe(0);
  });
});

describe('bandsFromBins', () => {
  it('reads P_q at the smallest bin whose running count reaches max(1, ceil(q n))', () => {
    const bins = new Int32Array(2 * BINS);
    bins[1000] = 4; // period 0: every trial at 1
    bins[BINS + 0] = 1; // period 1: 0, 0.5, 0.5, 1
    bins[BINS + 500] = 2;
    bins[BINS + 1000] = 1;
    // targets for n = 4: 1, 1, 2, 3, 4
    expect(bandsFromBins(bins, 2, 4)).toEqual([
      [1, 1, 1, 1, 1],
      [0, 0, 0.5, 0.5, 1],
    ]);
  });

  it('uses at least one count for small q', () => {
    const bins = new Int32Array(BINS);
    bins[250] = 1;
    bins[750] = 1;
    // n = 2: targets 1, 1, 1, 2, 2
    expect(bandsFromBins(bins, 1, 2)).toEqual([[0.25, 0.25, 0.25, 0.75, 0.75]]);
  });

  it('gives NaN for a quantile whose count is never reached', () => {
    const bins = new Int32Array(BINS);
    bins[900] = 1;
    expect(bandsFromBins(bins, 1, 4)).toEqual([[0.9, 0.9, NaN, NaN, NaN]]);
  });

  it('rejects too few counts', () => {
    expect(() => bandsFromBins(new Int32Array(BINS), 2, 1)).toThrow(RangeError);
  });
});
