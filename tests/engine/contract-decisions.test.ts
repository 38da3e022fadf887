/**
 * The decisions model.md settled after the first review (sections 2, 4 and 5), each in a hand-computed
 * case that the engine before them got wrong, and the numeric faults that review found.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.ts';
import { compileDist, sample } from '../../src/random/distributions.ts';
import { createRng, streamSeed } from '../../src/random/rng.ts';
import type { Lever, Scenario } from '../../src/model/schema.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { singleChain } from './builders.ts';
import { oneTrial } from './one-trial.ts';

const D = 100;

/** mine-x -> ref-x for x in the given letters, each able to serve 2D; the maker buys with the given shares. */
function makerWithSources(shares: Record<string, number>, horizonMonths = 6): Scenario {
  const letters = ['a', 'b', 'c'];
  return {
    id: 'sources', name: 'Sources', unit: 't', horizonMonths,
    nodes: [
      ...letters.map((x) => ({ id: `mine-${x}`, stage: 'extraction' as const, country: 'AU', capacity: 2 * D * 12 })),
      ...letters.map((x, k) => ({
        id: `ref-${x}`, stage: 'processing' as const, country: ['CN', 'KR', 'JP'][k], capacity: 2 * D * 12,
        sources: [{ from: `mine-${x}`, share: 1 }],
      })),
      {
        id: 'maker', stage: 'manufacturing', country: 'GB', capacity: 2 * D * 12, demand: D * 12,
        sources: Object.entries(shares).map(([x, share]) => ({ from: `ref-${x}`, share })),
      },
    ],
    disruptions: [],
  };
}

describe('flexibility re-asks only sources in the current mix, over links with a_l = 1', () => {
  it('does not re-ask a diversify link that has not switched (it loses 3 x D, not 0)', () => {
    const s = makerWithSources({ a: 1 });
    s.disruptions = [{ id: 'ref-a-down', target: { node: 'ref-a' }, start: 1, duration: 3, severity: 1 }];
    const levers: Lever[] = [
      { flexibility: { stage: 'manufacturing', fraction: 1 } },
      // qualifies after the six-month horizon: ref-b stays at share 0 throughout
      { diversify: { node: 'maker', fromNode: 'ref-a', fraction: 0.5, to: ['ref-b'], qualificationMonths: 12 } },
    ];
    expect(oneTrial(s, levers).out.shortfall).toBeCloseTo(3 * D, 9);
  });

  it('does not re-ask over a link cut by a partial ban', () => {
    // ref-a down, ref-b's exports under a 50% ban: the re-ask of ref-a's half may not go through the ban
    const s = makerWithSources({ a: 0.5, b: 0.5 });
    s.disruptions = [
      { id: 'ref-a-down', target: { node: 'ref-a' }, start: 1, duration: 3, severity: 1 },
      { id: 'kr-ban', target: { country: 'KR', exportsOnly: true }, start: 1, duration: 3, severity: 0.5 },
    ];
    expect(oneTrial(s, null).out.shortfall).toBeCloseTo(3 * 0.75 * D, 9);
    expect(oneTrial(s, [{ flexibility: { stage: 'manufacturing', fraction: 1 } }]).out.shortfall).toBeCloseTo(3 * 0.75 * D, 9);
  });
});

describe('a new maker from newCapacity', () => {
  const noise = { normal: [1, 0.1] as [number, number] };
  const scenario = (): Scenario => {
    const s = singleChain({ horizonMonths: 24, capacityPerPeriod: 2 * D });
    s.nodes[2].demandNoise = noise;
    return s;
  };
  const lever: Lever = {
    newCapacity: {
      commissioningMonths: 12,
      nodes: [
        { id: 'new-mine', stage: 'extraction', country: 'CA', capacity: 2 * D * 12 },
        { id: 'new-ref', stage: 'processing', country: 'CA', capacity: 2 * D * 12, sources: [{ from: 'new-mine', share: 1 }] },
        { id: 'new-maker', stage: 'manufacturing', country: 'CA', capacity: 2 * D * 12, demand: D * 12, demandNoise: noise, sources: [{ from: 'new-ref', share: 1 }] },
      ],
    },
  };

  it('has demand only from the period it comes online, and is not short before', () => {
    const r = oneTrial(scenario(), [lever]);
    for (let t = 0; t < 12; t++) {
      expect(r.at('new-maker', 'makerDemand', t)).toBe(0);
      expect(r.at('new-maker', 'makerShortfall', t)).toBe(0);
    }
    for (let t = 12; t < 24; t++) expect(r.at('new-maker', 'makerDemand', t)).toBeGreaterThan(0);
    const base = oneTrial(scenario(), null);
    let newDemand = 0;
    for (let t = 12; t < 24; t++) newDemand += r.at('new-maker', 'makerDemand', t);
    expect(r.out.demand).toBeCloseTo(base.out.demand + newDemand, 9);
  });

  it('draws its noise from its lever\'s stream, so the scenario\'s own makers see the same draws', () => {
    for (let trial = 0; trial < 5; trial++) {
      const base = oneTrial(scenario(), null, undefined, trial);
      const withLever = oneTrial(scenario(), [lever], undefined, trial);
      for (let t = 0; t < 24; t++) expect(withLever.at('maker', 'makerDemand', t)).toBe(base.at('maker', 'makerDemand', t));
      expect(withLever.out.shortfall).toBe(base.out.shortfall);
      // the lever's stream: the commissioning draw (fixed: no uniform), then one noise draw a period from period 0
      const rng = createRng(streamSeed.lever(1, trial, 0));
      const dist = compileDist(noise);
      for (let t = 0; t < 24; t++) {
        const x = Math.max(0, sample(dist, rng));
        if (t >= 12) expect(withLever.at('new-maker', 'makerDemand', t)).toBe(D * x);
      }
    }
  });
});

describe('a cut link carries only its tier-1 request', () => {
  it('a maker with an inventory cannot top up through a 50% export ban', () => {
    const s = singleChain({ horizonMonths: 12, capacityPerPeriod: 2 * D });
    s.nodes[1].country = 'CN';
    s.nodes[2].inventory = { opening: 0, max: 1000 };
    s.disruptions = [{ id: 'ban', target: { country: 'CN', exportsOnly: true }, start: 0, duration: 6, severity: 0.5 }];
    expect(oneTrial(s, null).out.shortfall).toBeCloseTo(6 * 0.5 * D, 9);
  });

  it('its part of a refill split is dropped, not spread over the other links', () => {
    // 50/50 from two refineries; ref-b under a 50% ban: the refill asks ref-a its half only
    const s = makerWithSources({ a: 0.5, b: 0.5 }, 12);
    s.nodes[6].inventory = { opening: 0, max: 40 };
    s.disruptions = [{ id: 'kr-ban', target: { country: 'KR', exportsOnly: true }, start: 0, duration: 12, severity: 0.5 }];
    const r = oneTrial(s, null);
    // period 0: tier 1 brings 50 + 25; tier 3 asks 40 split 20/20, only ref-a's 20 arrives and is delivered
    expect(r.at('maker', 'makerDelivered', 0)).toBeCloseTo(95, 9);
  });
});

describe('tier 3 delivers like every tier', () => {
  it('refills that arrive in the period go to unmet demand before they are stored', () => {
    // ref-a down from period 2 for 4 periods: tier 1 brings 50 from ref-b; the refill (need = max 50)
    // asks 25 of each source and only ref-b's 25 comes, which is delivered at once
    const s = makerWithSources({ a: 0.5, b: 0.5 }, 12);
    s.nodes[6].inventory = { opening: 0, max: 50 };
    s.disruptions = [{ id: 'ref-a-down', target: { node: 'ref-a' }, start: 2, duration: 4, severity: 1 }];
    const r = oneTrial(s, null);
    // period 2 uses the full inventory; period 3 has 25 stored; periods 4 and 5 lose 25 each
    expect(r.out.shortfall).toBeCloseTo(50, 9);
    expect(r.at('maker', 'makerDelivered', 3)).toBeCloseTo(D, 9);
  });
});

describe('numeric faults', () => {
  it('refuses a Poisson rate of more than 100 expected events a period', () => {
    const s = (ratePerYear: number, periodsPerYear: 12 | 52) =>
      singleChain({ periodsPerYear, disruptions: [{ id: 'often', target: { node: 'mine' }, ratePerYear, duration: 1, severity: 0.1 }] });
    expect(validateScenario(s(1200, 12)).ok).toBe(true);
    expect(validateScenario(s(5200, 52)).ok).toBe(true);
    const v = validateScenario(s(1300, 12));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.issues.map((i) => i.path)).toContain('/disruptions/0/ratePerYear');
      expect(v.issues.find((i) => i.path === '/disruptions/0/ratePerYear')!.message).toMatch(/100 .*per period/);
    }
  });

  it('keeps planned demand finite before period 0 on the growth path (a long recycling lag, steep decline)', () => {
    const s = singleChain({ horizonMonths: 12, growth: -0.9999 });
    s.strategies = [{ id: 'recycle', levers: [{ recycling: { nodes: ['ref'], rate: 0.5, lagMonths: 1200, rampMonths: 12 } }] }];
    const r = runScenario(s, { trials: 2, seed: 1, attribution: false });
    for (const st of r.strategies) {
      expect(Number.isFinite(st.metrics.shortfall.mean)).toBe(true);
      expect(Number.isFinite(st.metrics.cost.mean)).toBe(true);
      for (const account of Object.values(st.ledger)) expect(Number.isFinite(account)).toBe(true);
    }
    // recycling nothing (the lagged deliveries are before the window, planned demand there is clipped) changes nothing
    expect(r.strategies[1].metrics.shortfall.mean).toBe(r.strategies[0].metrics.shortfall.mean);
  });

  it('merges partial results whose first chunk is empty', () => {
    const s = singleChain({ horizonMonths: 12, disruptions: [{ id: 'o', target: { node: 'mine' }, ratePerYear: 2, duration: 2, severity: 1 }] });
    s.nodes[2].demandNoise = { normal: [1, 0.1] };
    const whole = runScenario(s, { trials: 10, seed: 3 });
    const split = runScenario(s, { trials: 10, seed: 3 }, [[0, 0], [0, 4], [4, 4], [4, 10]]);
    expect(JSON.stringify(split)).toBe(JSON.stringify(whole));
  });

  it('reports the material accounts of section 2 per strategy, and they balance', () => {
    const s = singleChain({ horizonMonths: 24, capacityPerPeriod: 120, transitMonths: 1, disruptions: [{ id: 'o', target: { node: 'mine' }, ratePerYear: 2, duration: 2, severity: 1 }] });
    s.nodes[1].yield = 0.8;
    s.nodes[2].inventory = { opening: 20, max: 60 };
    s.nodes[2].demandNoise = { normal: [1, 0.2] };
    s.strategies = [{ id: 'stock', levers: [{ stockpile: { nodes: ['maker'], units: 100, refillPerMonth: 10 } }] }];
    const r = runScenario(s, { trials: 50, seed: 5, attribution: false });
    for (const st of r.strategies) {
      const l = st.ledger;
      const inflow = l.extracted + l.recycled + l.opening + l.inTransitStart;
      const outflow = l.delivered + l.closing + l.inTransitEnd + l.yieldLoss + l.excess;
      expect(Math.abs(inflow - outflow)).toBeLessThanOrEqual(1e-9 * inflow);
      expect(l.extracted).toBeGreaterThan(0);
      expect(l.yieldLoss).toBeGreaterThan(0);
    }
    // the stockpile starts full: 100 more units of opening stock than the baseline
    expect(r.strategies[1].ledger.opening - r.strategies[0].ledger.opening).toBeCloseTo(100, 9);
  });
});
