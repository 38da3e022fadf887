/**
 * The checks of model.md section 6 that need no lever. Monte Carlo checks hold within 4 standard errors
 * of the simulated mean (a false alarm about 1 in 16,000 runs; the seeds are fixed, so runs repeat exactly).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runScenario } from '../../src/engine/run-scenario.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { mineOutage, singleChain } from './builders.ts';

const SE_TOLERANCE = 4;
const baseline = (s: Scenario, trials = 1, seed: string | number = 7) =>
  runScenario(s, { trials, seed, attribution: false }).strategies[0];

describe('a single chain with capacity = demand', () => {
  it('loses exactly d x D in a scripted outage of d periods, and recovers in d periods', () => {
    for (const d of [1, 4, 9]) {
      const r = baseline(singleChain({ disruptions: [mineOutage({ start: 6, duration: d })] }));
      expect(r.metrics.shortfall.mean).toBeCloseTo(d * 100, 9);
      expect(r.metrics.ttr).toMatchObject({ n: 1, censored: 0, mean: d });
    }
  });

  it('does the same in weeks: months convert to periods by roundHalfUp(months x 52 / 12)', () => {
    // 3 months = 13 weeks; demand per week 10
    const r = baseline(singleChain({ periodsPerYear: 52, demandPerPeriod: 10, disruptions: [mineOutage({ start: 6, duration: 3 })] }));
    expect(r.metrics.shortfall.mean).toBeCloseTo(13 * 10, 9);
    expect(r.metrics.ttr.mean).toBeCloseTo((13 * 12) / 52, 12);
  });

  it('loses D x (d + Q/2) with a linear recovery over Q periods', () => {
    const r = baseline(singleChain({ disruptions: [mineOutage({ start: 3, duration: 2, recoveryMonths: 4 })] }));
    expect(r.metrics.shortfall.mean).toBeCloseTo(100 * (2 + 4 / 2), 9);
  });

  it('with a Poisson rate r, loses D x sum over t of 1 - exp(-(r/ppy) min(t + 1, d)) in expectation', () => {
    const r = 0.8;
    const d = 3;
    const H = 48;
    const D = 100;
    const res = baseline(singleChain({ horizonMonths: H, disruptions: [mineOutage({ ratePerYear: r, duration: d })] }), 3000, 'poisson');
    let expected = 0;
    for (let t = 0; t < H; t++) expected += D * (1 - Math.exp(-(r / 12) * Math.min(t + 1, d)));
    const { mean, se } = res.metrics.shortfall;
    expect(Math.abs(mean - expected)).toBeLessThan(SE_TOLERANCE * se);
  });

  it('probabilityPerYear p behaves as a rate of -ln(1 - p)', () => {
    const p = 0.5;
    const H = 36;
    const res = baseline(singleChain({ horizonMonths: H, disruptions: [mineOutage({ probabilityPerYear: p, duration: 1 })] }), 3000, 'prob');
    let expected = 0;
    for (let t = 0; t < H; t++) expected += 100 * (1 - Math.exp(-(-Math.log(1 - p) / 12)));
    const { mean, se } = res.metrics.shortfall;
    expect(Math.abs(mean - expected)).toBeLessThan(SE_TOLERANCE * se);
  });

  it('a correlated child starts with its parent with the given probability', () => {
    const parent = { id: 'parent', target: { route: 'sea' }, start: 5, duration: 1, severity: 0 };
    const child = (probability: number) => mineOutage({ correlatedWith: { id: 'parent', probability }, duration: 2 });
    expect(baseline(singleChain({ disruptions: [child(1), parent as never] })).metrics.shortfall.mean).toBeCloseTo(200, 9);
    const res = baseline(singleChain({ disruptions: [parent as never, child(0.3)] }), 2000, 'corr');
    const { mean, se } = res.metrics.shortfall;
    expect(Math.abs(mean - 0.3 * 200)).toBeLessThan(SE_TOLERANCE * se);
  });

  it('a demand surge of +20% for d periods with no spare capacity loses 0.2 x D x d', () => {
    const surge = { id: 'surge', target: { demand: true }, start: 2, duration: 5, change: 0.2 } as never;
    expect(baseline(singleChain({ disruptions: [surge] })).metrics.shortfall.mean).toBeCloseTo(0.2 * 100 * 5, 9);
  });

  it('an added transit on a route delays material (one period lost, then delivered late as excess)', () => {
    const s = singleChain({ transitMonths: 1 });
    s.nodes[2].sources![0].route = 'sea';
    s.disruptions = [{ id: 'slow', target: { route: 'sea' }, start: 10, duration: 4, severity: 0, addedTransitMonths: 1 }];
    expect(baseline(s).metrics.shortfall.mean).toBeCloseTo(100, 9);
  });
});

describe('an export ban', () => {
  it('costs a foreign maker f x D x d and the banned country\'s own makers nothing', () => {
    const f = 0.3;
    const s: Scenario = {
      id: 'ban', name: 'Export ban', unit: 't', horizonMonths: 36,
      nodes: [
        { id: 'mine-cn', stage: 'extraction', country: 'CN', capacity: 5000 },
        { id: 'mine-au', stage: 'extraction', country: 'AU', capacity: 5000 },
        { id: 'ref-cn', stage: 'processing', country: 'CN', capacity: 5000, sources: [{ from: 'mine-cn', share: 1 }] },
        { id: 'ref-kr', stage: 'processing', country: 'KR', capacity: 5000, sources: [{ from: 'mine-au', share: 1 }] },
        { id: 'maker-gb', stage: 'manufacturing', country: 'GB', capacity: 5000, demand: 1200,
          sources: [{ from: 'ref-cn', share: f, transitMonths: 1 }, { from: 'ref-kr', share: 1 - f, transitMonths: 2 }] },
        { id: 'maker-cn', stage: 'manufacturing', country: 'CN', capacity: 5000, demand: 600, sources: [{ from: 'ref-cn', share: 1 }] },
      ],
      disruptions: [{ id: 'ban', target: { country: 'CN', stages: ['processing'], exportsOnly: true }, start: 6, duration: 8, severity: 1 }],
    };
    const r = baseline(s);
    // maker-gb: D = 100 per period, f = 0.3 for 8 periods
    expect(r.metrics.shortfall.mean).toBeCloseTo(f * 100 * 8, 9);
    expect(r.metrics.byMaker['maker-gb'].shortfall).toBeCloseTo(f * 100 * 8, 9);
    expect(r.metrics.byMaker['maker-gb'].shortfallPct.mean).toBeCloseTo((100 * f * 8) / 36, 9);
    expect(r.metrics.byMaker['maker-cn'].shortfall).toBe(0);
    s.nodes[4].demand = 0;
    expect(baseline(s).metrics.shortfall.mean).toBe(0);
  });
});

describe('an exploration project', () => {
  it('adds p x c x (H - L) units of supply in expectation', () => {
    const p = 0.35;
    const L = 20;
    const H = 60;
    const c = 40;
    const c0 = 50;
    const D = 200;
    const s: Scenario = {
      id: 'project', name: 'Project', unit: 't', horizonMonths: H,
      nodes: [
        { id: 'mine', stage: 'extraction', country: 'AU', capacity: c0 * 12 },
        { id: 'project', stage: 'exploration', country: 'CA', capacity: c * 12, successProbability: p, leadTimeMonths: L },
        { id: 'ref', stage: 'processing', country: 'AU', capacity: 10 * D * 12, sources: [{ from: 'mine', share: 0.5 }, { from: 'project', share: 0.5 }] },
        { id: 'maker', stage: 'manufacturing', country: 'GB', capacity: 10 * D * 12, demand: D * 12, sources: [{ from: 'ref', share: 1 }] },
      ],
    };
    const res = baseline(s, 2000, 'explore');
    const expectedShortfall = D * H - c0 * H - p * c * (H - L);
    const { mean, se } = res.metrics.shortfall;
    expect(se).toBeGreaterThan(0);
    expect(Math.abs(mean - expectedShortfall)).toBeLessThan(SE_TOLERANCE * se);
  });
});

describe('an undisrupted, noise-free chain with enough capacity', () => {
  it('loses nothing, with growth and transit', () => {
    const s = singleChain({ transitMonths: 2, growth: 0.1, capacityPerPeriod: 200 });
    expect(baseline(s).metrics.shortfall.mean).toBe(0);
    const example = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8')) as Scenario;
    example.disruptions = [];
    for (const n of example.nodes) delete n.demandNoise;
    const r = baseline(example, 20);
    expect(r.metrics.shortfall.p95).toBe(0);
  });
});
