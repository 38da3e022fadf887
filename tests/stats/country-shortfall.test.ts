import { describe, expect, it } from 'vitest';
import { countryShortfall, worstCountry, type MakerShortfall } from '../../src/stats/country-shortfall.ts';

const maker = (country: string, mean: number, lo: number, hi: number, p95 = hi + 1): MakerShortfall => ({ country, shortfallPct: { mean, ci95: [lo, hi], p95 } });

describe('countryShortfall', () => {
  const byMaker = {
    'maker-de': maker('EU', 10, 9, 11, 20),
    'maker-jp': maker('JP', 6, 5, 7),
    'maker-fr': maker('EU', 2, 1, 3, 4),
  };

  it('pools a country\'s makers by their demand: the share of the pooled demand not met', () => {
    // 30 t at 10% short and 10 t at 2% short: 3.2 t of 40 t, 8%
    const [eu, jp] = countryShortfall(byMaker, (id) => ({ 'maker-de': 30, 'maker-fr': 10, 'maker-jp': 5 })[id]);
    expect(eu.country).toBe('EU');
    expect(eu.makers).toEqual(['maker-de', 'maker-fr']);
    expect(eu.mean).toBeCloseTo(8, 12);
    expect(eu.ci95[0]).toBeCloseTo(0.75 * 9 + 0.25 * 1, 12);
    expect(eu.ci95[1]).toBeCloseTo(0.75 * 11 + 0.25 * 3, 12);
    expect(eu.p95).toBeCloseTo(0.75 * 20 + 0.25 * 4, 12);
    // a country of one maker is that maker's own figures
    expect(jp).toEqual({ country: 'JP', makers: ['maker-jp'], mean: 6, ci95: [5, 7], p95: 8 });
  });

  it('weighs makers equally when none has a demand', () => {
    const [eu] = countryShortfall(byMaker, () => undefined);
    expect(eu.mean).toBeCloseTo(6, 12);
  });

  it('finds the country that loses the largest share, and none when nobody is short', () => {
    const countries = countryShortfall(byMaker, (id) => ({ 'maker-de': 1, 'maker-fr': 3 })[id] ?? 1);
    // EU pooled is 0.25 x 10 + 0.75 x 2 = 4 < JP's 6
    expect(worstCountry(countries)?.country).toBe('JP');
    expect(worstCountry(countryShortfall({ a: maker('US', 0, 0, 0) }, () => 1))).toBeNull();
  });
});
