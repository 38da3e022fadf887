import { describe, expect, it } from 'vitest';
import { pairedComparison } from '../../src/stats/paired.ts';

const demand = [200, 200, 200, 200];
const pct = (units: number[]) => units.map((u, i) => (100 * u) / demand[i]);

describe('pairedComparison', () => {
  it('compares per-trial differences (strategy - baseline)', () => {
    const base = [10, 5, 0, 8];
    const strat = [4, 5, 0, 9]; // differences -6, 0, 0, 1
    const r = pairedComparison({
      baseShortfall: base,
      stratShortfall: strat,
      baseShortfallPct: pct(base),
      stratShortfallPct: pct(strat),
      demand,
      baseCostMean: 20,
      stratCostMean: 30,
    });
    // mean -1.25; squared deviations 22.5625 + 1.5625 + 1.5625 + 5.0625 = 30.75; sd^2 = 10.25; se = sd / 2
    const se = Math.sqrt(10.25) / 2;
    expect(r.shortfall.mean).toBe(-1.25);
    expect(r.shortfall.ci95[0]).toBeCloseTo(-1.25 - 1.96 * se, 12);
    expect(r.shortfall.ci95[1]).toBeCloseTo(-1.25 + 1.96 * se, 12);
    // percentage points: differences -3, 0, 0, 0.5
    expect(r.shortfallPct.mean).toBe(-0.625);
    expect(r.shortfallPct.ci95[0]).toBeCloseTo(-0.625 - 1.96 * (se / 2), 12);
    expect(r.probBetter).toBe(0.25);
    expect(r.probTie).toBe(0.5);
    // (30 - 20) / 1.25 avoided
    expect(r.costPerUnitAvoided).toBe(8);
  });

  it('counts differences within 1e-9 x the trial demand as ties', () => {
    const base = [1, 1, 1];
    const strat = [1 - 1e-8, 1 - 1e-6, 1 + 1e-8];
    const r = pairedComparison({
      baseShortfall: base,
      stratShortfall: strat,
      baseShortfallPct: base,
      stratShortfallPct: strat,
      demand: [100, 100, 100], // tolerance 1e-7
      baseCostMean: 0,
      stratCostMean: 0,
    });
    expect(r.probBetter).toBeCloseTo(1 / 3, 15);
    expect(r.probTie).toBeCloseTo(2 / 3, 15);
  });

  it('gives no cost per unit avoided when nothing is avoided', () => {
    const same = [3, 4];
    const tie = pairedComparison({
      baseShortfall: same, stratShortfall: same, baseShortfallPct: same, stratShortfallPct: same,
      demand: [10, 10], baseCostMean: 1, stratCostMean: 5,
    });
    expect(tie.costPerUnitAvoided).toBeNull();
    expect(tie.probTie).toBe(1);
    expect(tie.probBetter).toBe(0);
    expect(tie.shortfall).toEqual({ mean: 0, ci95: [0, 0] });

    const worse = pairedComparison({
      baseShortfall: same, stratShortfall: [4, 5], baseShortfallPct: same, stratShortfallPct: [4, 5],
      demand: [10, 10], baseCostMean: 1, stratCostMean: 5,
    });
    expect(worse.costPerUnitAvoided).toBeNull();
    expect(worse.probBetter).toBe(0);
    expect(worse.probTie).toBe(0);
  });

  it('rejects arrays of different lengths', () => {
    expect(() =>
      pairedComparison({
        baseShortfall: [1, 2], stratShortfall: [1], baseShortfallPct: [1, 2], stratShortfallPct: [1, 2],
        demand: [1, 1], baseCostMean: 0, stratCostMean: 0,
      }),
    ).toThrow(RangeError);
  });
});
