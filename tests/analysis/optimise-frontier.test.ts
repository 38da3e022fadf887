/**
 * Issue 13's second check: two levers of known cost and effect. Two makers, each on its own chain whose
 * mine fails for a scripted 6 months; a stockpile of a months at maker A (10 t a month, 1,000 a month of
 * stock) saves 10 min(a, 6) t, one of b months at B (20 t a month, 1,500 a month) saves 20 min(b, 6) t.
 * The frontier of cost against shortfall is computed here by hand from those formulas and must be the
 * optimiser's.
 */
import { describe, expect, it } from 'vitest';
import { optimiseOnPool } from '../../src/analysis/optimise-run.ts';
import type { Optimise } from '../../src/model/schema.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { inProcess, OUTAGE_MONTHS, outageScenario, stockpileVariable, target } from './optimise-builders.ts';

const MAX = 8;
const cost = (a: number, b: number) => 1000 * a + 1500 * b;
const shortfall = (a: number, b: number) => 10 * Math.max(0, OUTAGE_MONTHS - a) + 20 * Math.max(0, OUTAGE_MONTHS - b);

/** The hand frontier: every (a, b) that no other beats on both cost and shortfall. */
function handFrontier(): string[] {
  const all: [number, number][] = [];
  for (let a = 0; a <= MAX; a++) for (let b = 0; b <= MAX; b++) all.push([a, b]);
  return all
    .filter(([a, b]) => !all.some(([c, d]) => cost(c, d) <= cost(a, b) && shortfall(c, d) <= shortfall(a, b) && (cost(c, d) < cost(a, b) || shortfall(c, d) < shortfall(a, b))))
    .map(([a, b]) => `${a},${b}`)
    .sort();
}

describe('the optimiser with two levers of known cost and effect', () => {
  it('finds the hand-computed frontier and the cheapest point within the bound', async () => {
    const optimise: Optimise = {
      target: target({ measure: 'shortfall', statistic: 'mean', atMost: 50 }),
      variables: [stockpileVariable('a', MAX, 1000), stockpileVariable('b', MAX, 1500)],
    };
    const checked = validateScenario(outageScenario([{ id: 'a', country: 'GB', demandPerMonth: 10 }, { id: 'b', country: 'FR', demandPerMonth: 20 }], optimise));
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const result = await optimiseOnPool(checked.scenario, inProcess(2), { attribution: false });

    expect(result.candidates).toHaveLength((MAX + 1) ** 2);
    for (const c of result.candidates) {
      expect(c.cost.mean).toBeCloseTo(cost(c.sizes[0], c.sizes[1]), 6);
      expect(c.target.value).toBeCloseTo(shortfall(c.sizes[0], c.sizes[1]), 9);
    }
    const frontier = result.candidates.filter((c) => c.onFrontier).map((c) => c.sizes.join(',')).sort();
    expect(frontier).toEqual(handFrontier());
    // It is a trade-off, not one point: the frontier runs from doing nothing to covering both makers.
    expect(frontier).toContain('0,0');
    expect(frontier).toContain('6,6');

    const within = [];
    for (let a = 0; a <= MAX; a++) for (let b = 0; b <= MAX; b++) if (shortfall(a, b) <= 50) within.push({ a, b, cost: cost(a, b) });
    const cheapest = within.reduce((x, y) => (y.cost < x.cost ? y : x));
    expect(result.candidates[result.found.candidate].sizes).toEqual([cheapest.a, cheapest.b]);
  });
});
