/**
 * Issue 13's first check: one maker, a scripted 6-month outage of its only source, a stockpile of 0-12
 * months at a known cost. A stockpile of S months of demand D loses (6 - S) D (model.md section 6), so
 * the shortfall is 100 max(0, 6 - S) / 24 % of the 24 months' demand, and the cheapest stockpile that
 * meets "shortfall <= x" is the smallest whole S with that at most x.
 */
import { describe, expect, it } from 'vitest';
import { optimiseOnPool } from '../../src/analysis/optimise-run.ts';
import type { Optimise, OptimiseTarget } from '../../src/model/schema.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { HORIZON, inProcess, OUTAGE_MONTHS, outageScenario, stockpileVariable, target } from './optimise-builders.ts';

const D = 10;
const PER_MONTH = 1000;
const lossPct = (months: number) => (100 * Math.max(0, OUTAGE_MONTHS - months)) / HORIZON;
const lossUnits = (months: number) => Math.max(0, OUTAGE_MONTHS - months) * D;
/** The closed-form answer: the smallest whole number of months whose loss meets the bound. */
const smallest = (meets: (months: number) => boolean) => Array.from({ length: 13 }, (_, s) => s).find(meets);

async function solve(t: OptimiseTarget) {
  const optimise: Optimise = { target: t, variables: [stockpileVariable('maker', 12, PER_MONTH)] };
  const checked = validateScenario(outageScenario([{ id: 'maker', country: 'GB', demandPerMonth: D }], optimise));
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return optimiseOnPool(checked.scenario, inProcess(), { attribution: false });
}

describe('the optimiser on a stockpile against a scripted outage', () => {
  for (const [name, t, meets] of [
    ['mean shortfall % <= 10', target({ statistic: 'mean', atMost: 10 }), (s: number) => lossPct(s) <= 10],
    ['mean shortfall % <= 20', target({ statistic: 'mean', atMost: 20 }), (s: number) => lossPct(s) <= 20],
    ['no shortfall at all', target({ statistic: 'mean', atMost: 0 }), (s: number) => lossPct(s) <= 0],
    ["the maker's country, in units: CVaR 95% <= 25 t", target({ of: { country: 'GB' }, measure: 'shortfall', statistic: 'cvar95', atMost: 25 }), (s: number) => lossUnits(s) <= 25],
    ['P(shortfall > 5%) <= 0.1', target({ statistic: 'probAbove', above: 5, atMost: 0.1 }), (s: number) => lossPct(s) <= 5],
  ] as const) {
    it(`returns the closed-form minimum stockpile for ${name}, and nothing cheaper meets the target`, async () => {
      const expected = smallest(meets)!;
      const result = await solve(t);
      const found = result.candidates[result.found.candidate];
      expect(result.found.meetsTarget).toBe(true);
      expect(found.sizes).toEqual([expected]);
      // The outage is scripted and there is no noise: every trial is the same, so the target is met for sure.
      expect(result.found.confirmed).toBe(true);
      expect(found.capex).toBe(expected * PER_MONTH);
      for (const c of result.candidates) {
        if (c.cost.mean < found.cost.mean) expect(meets(c.sizes[0]), `${c.label} is cheaper`).toBe(false);
      }
      // Every smaller stockpile was looked at and found short: the answer is not an artefact of the search.
      for (let s = 0; s < expected; s++) expect(result.candidates.some((c) => c.sizes[0] === s && c.status === 'not-met')).toBe(true);
    });
  }

  it('measures the closed-form loss of every candidate it evaluated', async () => {
    const result = await solve(target({ statistic: 'mean', atMost: 10 }));
    expect(result.candidates).toHaveLength(13);
    for (const c of result.candidates) expect(c.target.value).toBeCloseTo(lossPct(c.sizes[0]), 9);
  });

  it('confirms the strategy found with a full run of the scenario with that strategy added', async () => {
    const result = await solve(target({ statistic: 'mean', atMost: 10 }));
    const confirmed = result.confirmation.strategies.find((s) => s.id === result.found.strategy.id)!;
    expect(result.confirmation.trials).toBe(40);
    expect(confirmed.metrics.shortfallPct.mean).toBeCloseTo(lossPct(4), 9);
    expect(confirmed.metrics.cost.mean).toBeCloseTo(result.candidates[result.found.candidate].cost.mean, 6);
    expect(result.found.strategy.levers).toEqual([{ stockpile: { nodes: ['maker'], months: 4 } }]);
    expect(result.found.strategy.cost).toEqual({ capex: 4000, opexPerYear: 0 });
    expect(result.references.map((r) => r.id)).toEqual(['baseline']);
    expect(result.references[0].target.value).toBeCloseTo(lossPct(0), 9);
  });

  it('says so when no size meets the target, and returns the cheapest of the best', async () => {
    // A stockpile of 12 months at one of two makers cannot cover the other's loss.
    const optimise: Optimise = { target: target({ statistic: 'mean', atMost: 1 }), variables: [stockpileVariable('a', 12, PER_MONTH)] };
    const checked = validateScenario(outageScenario([{ id: 'a', country: 'GB', demandPerMonth: D }, { id: 'b', country: 'FR', demandPerMonth: D }], optimise));
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const result = await optimiseOnPool(checked.scenario, inProcess(), { attribution: false });
    expect(result.found.meetsTarget).toBe(false);
    // 6 months cover a's loss; more only costs more.
    expect(result.candidates[result.found.candidate].sizes).toEqual([6]);
    expect(result.found.strategy.description).toMatch(/no candidate met/);
  });
});
