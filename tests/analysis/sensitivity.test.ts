/** The sensitivity analysis (issue 12): closed forms, pinned draws, and the same numbers in any order or split. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/schema.ts';
import { planSensitivity, type SensitivityPlan } from '../../src/analysis/sensitivity-plan.ts';
import { inProcessSensitivity, runPlannedSensitivity } from '../../src/analysis/sensitivity-run.ts';
import { plainSettings } from '../../src/analysis/sensitivity-inputs.ts';
import { createRng } from '../../src/random/rng.ts';
import { singleChain } from '../engine/builders.ts';

const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;

/** The plan with its inputs and models in another order (indices remapped), as if evaluated in that order. */
function shuffled(plan: SensitivityPlan, seed: string): SensitivityPlan {
  const rng = createRng(seed);
  const order = plan.models.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const where = new Map(order.map((old, i) => [old, i]));
  const inputs = [...plan.inputs].reverse().map((p) => ({ ...p, low: where.get(p.low)!, high: where.get(p.high)! }));
  return {
    ...plan,
    models: order.map((old) => plan.models[old]),
    strategies: [...plan.strategies].reverse().map((s) => ({ ...s, center: where.get(s.center)! })),
    inputs,
    skipped: [...plan.skipped].reverse(),
  };
}

describe('sensitivity: closed forms on a single chain', () => {
  // capacity = demand = 100 a month; the mine is down from month 6 for uniform 2..10 months, at severity 1
  const scenario = singleChain({
    horizonMonths: 24,
    disruptions: [{ id: 'outage', target: { node: 'mine' }, start: 6, duration: { uniform: [2, 10] }, severity: 1 }],
  });

  it('pins a drawn duration at its P10 and P90 and moves plain numbers by 20%, with the exact swings', async () => {
    const result = await runPlannedSensitivity(scenario, planSensitivity(scenario, { trials: 30, seed: 5 }), inProcessSensitivity());
    const [base] = result.strategies;
    const input = (id: string) => base.inputs.find((x) => x.id === id)!;
    // P10 of uniform 2..10 is 2.8 months (3 periods), P90 9.2 (9 periods): 600 t more in every trial
    const duration = input('disruption:outage:duration');
    expect([duration.kind, duration.setting, duration.low, duration.high]).toEqual(['drawn', 'p10-p90', 2.8, 9.2]);
    expect(duration.atLow.mean).toBeCloseTo(300, 9);
    expect(duration.atHigh.mean).toBeCloseTo(900, 9);
    expect(duration.swing.mean).toBeCloseTo(600, 9);
    expect(duration.swing.ci95[0]).toBeCloseTo(600, 9);
    expect(duration.swing.ci95[1]).toBeCloseTo(600, 9);
    expect(duration.p95Swing.value).toBeCloseTo(600, 9);
    expect(duration.rank).toBe(1);
    // severity 1 can only go down: at 0.8 the mine still gives 20 a month during the outage
    const severity = input('disruption:outage:severity');
    expect([severity.kind, severity.low, severity.high]).toEqual(['plain', 0.8, 1]);
    expect(severity.swing.mean).toBeCloseTo(0.2 * base.base.mean, 9);
    // moving the start within the horizon changes nothing
    expect(input('disruption:outage:start').swing.mean).toBe(0);
    // growth 0 moves by its stated step, one point a year each way
    const growth = input('node:maker:growth');
    expect([growth.setting, growth.low, growth.high]).toEqual(['step', -0.01, 0.01]);
    // the ranking is by the size of the swing
    const swings = base.inputs.map((x) => Math.abs(x.swing.mean));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  it('clips settings to what the format allows', () => {
    expect(plainSettings(0.9, 'fraction', 1)).toEqual({ low: 0.9 * 0.8, high: 1, setting: 'pct20' });
    expect(plainSettings(0.9, 'probability', 1).high).toBe(0.99);
    expect(plainSettings(0, 'units', 12)).toEqual({ low: 0, high: 12, setting: 'step' });
    expect(plainSettings(0, 'months', 12)).toEqual({ low: 0, high: 1, setting: 'step' });
  });
});

describe('sensitivity: order and split', () => {
  it('gives the same ranking and numbers evaluated in a shuffled order, and split over chunks', async () => {
    const plan = planSensitivity(gallium, { trials: 12, seed: 2, strategy: 'eu-stockpile-6m' });
    const inOrder = await runPlannedSensitivity(gallium, plan, inProcessSensitivity());
    const reordered = await runPlannedSensitivity(gallium, shuffled(plan, 'shuffle'), inProcessSensitivity([[5, 12], [0, 5]]));
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(inOrder));
    expect(inOrder.strategies.map((s) => s.id)).toEqual(['baseline', 'eu-stockpile-6m']);
    // every kind of input is there: drawn disruption figures, noise, lead times, capacities, the lever's size
    const ids = inOrder.strategies[1].inputs.map((x) => x.id);
    for (const id of ['disruption:cn-licensing-renewed:duration', 'node:maker-eu:demandNoise', 'node:ga-project-ca:leadTimeMonths', 'node:ga-refinery-cn:capacity', 'node:maker-eu:growth', 'lever:0:months']) {
      expect(ids).toContain(id);
    }
    expect(inOrder.strategies[0].inputs.some((x) => x.id.startsWith('lever:'))).toBe(false);
  });
});
