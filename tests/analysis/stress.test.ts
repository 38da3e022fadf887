/** The stress test against closed forms (issue 12): extra shortfall of each cut, the ranking, time to survive. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Scenario, ScenarioNode } from '../../src/model/schema.ts';
import { inProcessStress, runStressTest } from '../../src/analysis/stress-run.ts';
import type { StressResult } from '../../src/analysis/stress-result.ts';

const D = 100; // demand per period (monthly periods)
const H = 24;

/** Two mines at 50/50 (AU, CA) feed one refinery (GB), which feeds one maker (US): no inventory, no noise. */
function twoMines(extra: Partial<ScenarioNode> = {}, strategies: Scenario['strategies'] = []): Scenario {
  const nodes: ScenarioNode[] = [
    { id: 'mine-a', stage: 'extraction', country: 'AU', capacity: D * 12 },
    { id: 'mine-b', stage: 'extraction', country: 'CA', capacity: D * 12 },
    { id: 'ref', stage: 'processing', country: 'GB', capacity: D * 12, sources: [{ from: 'mine-a', share: 0.5 }, { from: 'mine-b', share: 0.5 }] },
    { id: 'maker', stage: 'manufacturing', country: 'US', capacity: D * 12, demand: D * 12, sources: [{ from: 'ref', share: 1 }], ...extra },
  ];
  return { id: 'two-mines', name: 'Two mines', unit: 't', horizonMonths: H, nodes, strategies };
}

const run = (s: Scenario, months: number[], trials = 20): Promise<StressResult> =>
  runStressTest(s, { trials, seed: 7, months }, inProcessStress([[0, 7], [7, trials]]));

describe('stress test: closed forms', () => {
  it('puts the refinery, the maker and their countries at the top with demand x D, ties in id order; each mine has half', async () => {
    const result = await run(twoMines(), [3, 6, 12]);
    expect(result.durations.map((d) => d.months)).toEqual([3, 6, 12]);
    for (const d of result.durations) {
      const full = D * d.months;
      const top = d.ranking.slice(0, 4);
      expect(top.map((t) => t.id)).toEqual(['country:GB:processing', 'country:US:manufacturing', 'node:maker', 'node:ref']);
      for (const t of top) {
        // every trial loses exactly demand x D: no spread, P(some maker short) = 1, the index 1
        expect(t.extra.mean).toBeCloseTo(full, 9);
        expect(t.extra.p95).toBeCloseTo(full, 9);
        expect(t.extra.sd).toBeCloseTo(0, 9);
        expect(t.rei).toBeCloseTo(1, 12);
        expect(t.probSomeMakerShort).toBe(1);
      }
      expect(top.map((t) => t.rank)).toEqual([1, 2, 3, 4]);
      const rest = d.ranking.slice(4);
      expect(rest.map((t) => t.id)).toEqual(['country:AU:extraction', 'country:CA:extraction', 'node:mine-a', 'node:mine-b']);
      for (const t of rest) {
        expect(t.extra.mean).toBeCloseTo(full / 2, 9);
        expect(t.rei).toBeCloseTo(0.5, 12);
        expect(t.makers.map((m) => m.id)).toEqual(['maker']);
      }
      // a node alone in its country at its stage is the same cut as the country's
      expect(d.ranking.find((t) => t.id === 'node:ref')!.sameCutAs).toEqual(['country:GB:processing']);
      expect(d.baseline.shortfall).toBe(0);
      // the maker's country view: the same ranking in % of its demand
      const us = d.countries.find((c) => c.country === 'US')!;
      expect(us.worst).toBe('country:GB:processing');
      expect(us.worstUpstream).toBe('country:GB:processing');
      expect(us.targets[0].pct.mean).toBeCloseTo((100 * full) / (D * H), 9);
    }
  });

  it('gives a maker with s months of inventory exactly s months to survive, and P(tts < D) = 1 only when D > s', async () => {
    const s = 4;
    const result = await run(twoMines({ inventory: { opening: s * D, max: s * D } }), [3, 4, 6, 12]);
    for (const d of result.durations) {
      const ref = d.ranking.find((t) => t.id === 'node:ref')!;
      const maker = ref.makers.find((m) => m.id === 'maker')!;
      const expected = Math.min(s, d.months);
      expect([maker.tts.p5, maker.tts.p50, maker.tts.p95, maker.tts.mean]).toEqual([expected, expected, expected, expected]);
      expect(maker.tts.probBelowCut).toBe(d.months > s ? 1 : 0);
      // the inventory covers s months of the cut: the rest is lost
      expect(ref.extra.mean).toBeCloseTo(D * Math.max(0, d.months - s), 9);
    }
  });

  it('gives the same under a strategy with an s-month stockpile at the maker, and says how much it lowers the exposure', async () => {
    const s = 5;
    const strategies: Scenario['strategies'] = [{ id: 'stock', levers: [{ stockpile: { nodes: ['maker'], months: s } }], cost: { capex: 0, opexPerYear: 0 } }];
    const result = await run(twoMines({}, strategies), [3, 6, 12]);
    for (const d of result.durations) {
      const [stock] = d.strategies;
      expect(stock.id).toBe('stock');
      const ref = stock.targets.find((t) => t.id === 'node:ref')!;
      const maker = ref.makers.find((m) => m.id === 'maker')!;
      expect(maker.tts.p50).toBe(Math.min(s, d.months));
      expect(maker.tts.probBelowCut).toBe(d.months > s ? 1 : 0);
      expect(ref.baseline).toBeCloseTo(D * d.months, 9);
      expect(ref.strategy.mean).toBeCloseTo(D * Math.max(0, d.months - s), 9);
      expect(ref.change.mean).toBeCloseTo(-D * Math.min(s, d.months), 9);
      expect(ref.lowered).toBeCloseTo(Math.min(s, d.months) / d.months, 9);
    }
  });
});

describe('stress test: any split of the trials', () => {
  it('gives the same result bit for bit, whatever the chunks and their order (gallium, disruptions and noise)', async () => {
    const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;
    const options = { trials: 24, seed: 3, months: [6], strategies: ['eu-stockpile-6m'], top: 2 };
    const whole = await runStressTest(gallium, options, inProcessStress());
    const split = await runStressTest(gallium, options, inProcessStress([[13, 24], [0, 5], [5, 13]]));
    expect(JSON.stringify(split)).toBe(JSON.stringify(whole));
    // and the cuts did something: the top target costs shortfall, the stockpile changes it
    const d = whole.durations[0];
    expect(d.ranking[0].extra.mean).toBeGreaterThan(0);
    expect(d.strategies[0].targets.length).toBeGreaterThanOrEqual(2);
  });
});
