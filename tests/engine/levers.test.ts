/** Each lever of model.md section 4 in a hand-computed case, and the lever checks of section 6. */
import { describe, expect, it } from 'vitest';
import type { Lever, Scenario } from '../../src/model/schema.ts';
import { mineOutage, singleChain } from './builders.ts';
import { oneTrial } from './one-trial.ts';

const D = 100;

const trial = oneTrial;

describe('stockpile', () => {
  it('at the maker: an outage of d periods loses d x D - S (S < d x D)', () => {
    const s = singleChain({ disruptions: [mineOutage({ start: 6, duration: 6 })] });
    expect(trial(s, null).out.shortfall).toBeCloseTo(6 * D, 9);
    expect(trial(s, [{ stockpile: { nodes: ['maker'], units: 250 } }]).out.shortfall).toBeCloseTo(6 * D - 250, 9);
    // sized in months of planned need: 2 months x 100 per month
    expect(trial(s, [{ stockpile: { nodes: ['maker'], months: 2 } }]).out.shortfall).toBeCloseTo(6 * D - 200, 9);
  });

  it('at a refinery: ships beyond the refinery\'s capacity and is untouched by its outage', () => {
    // refinery capacity half the demand: the stockpile covers the other half for 300 / 50 = 6 periods
    const short = singleChain({ horizonMonths: 24 });
    short.nodes[1].capacity = 50 * 12;
    expect(trial(short, null).out.shortfall).toBeCloseTo(24 * 50, 9);
    const r = trial(short, [{ stockpile: { nodes: ['ref'], units: 300 } }]);
    expect(r.out.shortfall).toBeCloseTo(24 * 50 - 300, 9);
    expect(r.at('ref', 'shipped', 0)).toBeCloseTo(50, 9);
    expect(r.at('maker', 'makerDelivered', 0)).toBeCloseTo(100, 9);
    const outage = singleChain({ disruptions: [{ id: 'ref-down', target: { node: 'ref' }, start: 3, duration: 4, severity: 1 }] });
    expect(trial(outage, [{ stockpile: { nodes: ['ref'], units: 400 } }]).out.shortfall).toBeCloseTo(0, 9);
    expect(trial(outage, [{ stockpile: { nodes: ['ref'], units: 150 } }]).out.shortfall).toBeCloseTo(400 - 150, 9);
  });

  it('refills at most refillPerMonth per period, from the sources at a maker and from its own unused output at a mine', () => {
    const s = singleChain({ capacityPerPeriod: 200, horizonMonths: 24, disruptions: [mineOutage({ start: 2, duration: 3 })] });
    s.nodes[2].capacity = 100 * 12;
    const r = trial(s, [{ stockpile: { nodes: ['maker'], units: 200, refillPerMonth: 30 } }]);
    // periods 2, 3 drain it; period 4 is short by 100; then +30 a period until full
    expect(r.out.shortfall).toBeCloseTo(100, 9);
    const levels = Array.from({ length: 14 }, (_, t) => r.at('maker', 'stock', t));
    expect(levels.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([200, 200, 100, 0, 0, 30, 60, 90, 120, 150, 180, 200, 200, 200]);
    const m = trial(singleChain({ capacityPerPeriod: 110, horizonMonths: 12 }), [{ stockpile: { nodes: ['mine'], units: 50, refillPerMonth: 30 } }]);
    expect(m.at('mine', 'stock', 0)).toBeCloseTo(50, 9);
    const drained = singleChain({ capacityPerPeriod: 100, horizonMonths: 12, disruptions: [mineOutage({ start: 1, duration: 1, severity: 0.5 })] });
    drained.nodes[0].capacity = 110 * 12;
    const d = trial(drained, [{ stockpile: { nodes: ['mine'], units: 50, refillPerMonth: 30 } }]);
    // period 1: the mine gives 55, its stockpile covers 45 (left 5); then refills from 10 spare a period
    expect(d.at('mine', 'stock', 1)).toBeCloseTo(5, 9);
    expect(d.at('mine', 'stock', 2)).toBeCloseTo(15, 9);
    expect(d.at('mine', 'stock', 6)).toBeCloseTo(50, 9);
    expect(d.out.shortfall).toBeCloseTo(0, 9);
  });
});

/** Two refineries at 50/50, each able to serve the whole demand, transits 0; refinery a cut at severity 1. */
function twoSources(severityTarget: 'node' | 'ban'): Scenario {
  return {
    id: 'two-sources', name: 'Two sources', unit: 't', horizonMonths: 24,
    nodes: [
      { id: 'mine-a', stage: 'extraction', country: 'AU', capacity: 2 * D * 12 },
      { id: 'mine-b', stage: 'extraction', country: 'CL', capacity: 2 * D * 12 },
      { id: 'ref-a', stage: 'processing', country: 'CN', capacity: D * 12, sources: [{ from: 'mine-a', share: 1 }] },
      { id: 'ref-b', stage: 'processing', country: 'KR', capacity: D * 12, sources: [{ from: 'mine-b', share: 1 }] },
      { id: 'maker', stage: 'manufacturing', country: 'GB', capacity: D * 12, demand: D * 12, sources: [{ from: 'ref-a', share: 0.5 }, { from: 'ref-b', share: 0.5 }] },
    ],
    disruptions: [
      severityTarget === 'node'
        ? { id: 'cut', target: { node: 'ref-a' }, start: 4, duration: 5, severity: 1 }
        : { id: 'cut', target: { country: 'CN', exportsOnly: true }, start: 4, duration: 5, severity: 1 },
    ],
  };
}

describe('flexibility', () => {
  it('two sources at 50/50, one cut: D/2 per period without, nothing with fraction 1 and no delay', () => {
    for (const kind of ['node', 'ban'] as const) {
      const s = twoSources(kind);
      expect(trial(s, null).out.shortfall).toBeCloseTo(5 * D / 2, 9);
      expect(trial(s, [{ flexibility: { stage: 'manufacturing', fraction: 1 } }]).out.shortfall).toBeCloseTo(0, 9);
    }
  });

  it('re-asks only once a link has been short in each of the last delay + 1 periods, and only the fraction', () => {
    const s = twoSources('node');
    expect(trial(s, [{ flexibility: { stage: 'manufacturing', fraction: 1, delayMonths: 2 } }]).out.shortfall).toBeCloseTo(2 * D / 2, 9);
    expect(trial(s, [{ flexibility: { stage: 'manufacturing', fraction: 0.4 } }]).out.shortfall).toBeCloseTo(5 * D / 2 * 0.6, 9);
  });

  it('at the processing stage, re-asks other mines and passes the material on in the same period', () => {
    const s: Scenario = {
      id: 'flex-proc', name: 'Flex at refineries', unit: 't', horizonMonths: 12,
      nodes: [
        { id: 'mine-a', stage: 'extraction', country: 'AU', capacity: D * 12 },
        { id: 'mine-b', stage: 'extraction', country: 'CL', capacity: D * 12 },
        { id: 'ref', stage: 'processing', country: 'IN', capacity: D * 12, sources: [{ from: 'mine-a', share: 0.5 }, { from: 'mine-b', share: 0.5 }] },
        { id: 'maker', stage: 'manufacturing', country: 'GB', capacity: D * 12, demand: D * 12, sources: [{ from: 'ref', share: 1 }] },
      ],
      disruptions: [{ id: 'cut', target: { node: 'mine-a' }, start: 2, duration: 3, severity: 1 }],
    };
    expect(trial(s, null).out.shortfall).toBeCloseTo(3 * D / 2, 9);
    expect(trial(s, [{ flexibility: { stage: 'processing', fraction: 1 } }]).out.shortfall).toBeCloseTo(0, 9);
  });
});

describe('diversify', () => {
  const s = (outageStart: number): Scenario => ({
    id: 'diversify', name: 'Diversify', unit: 't', horizonMonths: 36,
    nodes: [
      { id: 'mine', stage: 'extraction', country: 'AU', capacity: 4 * D * 12 },
      { id: 'ref-cn', stage: 'processing', country: 'CN', capacity: 2 * D * 12, sources: [{ from: 'mine', share: 1 }] },
      { id: 'ref-in', stage: 'processing', country: 'IN', capacity: 2 * D * 12, sources: [{ from: 'mine', share: 1 }] },
      { id: 'maker', stage: 'manufacturing', country: 'GB', capacity: 2 * D * 12, demand: D * 12, sources: [{ from: 'ref-cn', share: 1 }] },
    ],
    disruptions: [{ id: 'cn-down', target: { node: 'ref-cn' }, start: outageStart, duration: 4, severity: 1 }],
  });
  const lever: Lever = { diversify: { node: 'maker', fromCountry: 'CN', fraction: 0.5, to: ['ref-in'], qualificationMonths: 6 } };

  it('moves the fraction after qualification, not before', () => {
    expect(trial(s(12), null).out.shortfall).toBeCloseTo(4 * D, 9);
    expect(trial(s(12), [lever]).out.shortfall).toBeCloseTo(4 * D / 2, 9);
    // an outage from month 2 to 5: half of it falls before the switch in month 6
    expect(trial(s(2), [lever]).out.shortfall).toBeCloseTo(4 * D, 9);
    expect(trial(s(4), [lever]).out.shortfall).toBeCloseTo(2 * D + 2 * D / 2, 9);
  });
});

describe('new capacity', () => {
  const scenario = (): Scenario => ({
    id: 'new-capacity', name: 'New capacity', unit: 't', horizonMonths: 36,
    nodes: [
      { id: 'mine-a', stage: 'extraction', country: 'AU', capacity: D * 12 },
      { id: 'ref', stage: 'processing', country: 'IN', capacity: 4 * D * 12, sources: [{ from: 'mine-a', share: 1 }] },
      { id: 'maker', stage: 'manufacturing', country: 'GB', capacity: 4 * D * 12, demand: 2 * D * 12, sources: [{ from: 'ref', share: 1 }] },
    ],
  });
  const levers = (rampMonths?: number): Lever[] => [
    { newCapacity: { nodes: [{ id: 'mine-b', stage: 'extraction', country: 'CA', capacity: D * 12, ...(rampMonths ? { rampMonths } : {}) }], commissioningMonths: 12 } },
    { diversify: { node: 'ref', fromNode: 'mine-a', fraction: 0.5, to: ['mine-b'] } },
  ];

  it('comes online after commissioning and takes its share through diversify', () => {
    expect(trial(scenario(), null).out.shortfall).toBeCloseTo(36 * D, 9);
    expect(trial(scenario(), levers()).out.shortfall).toBeCloseTo(12 * D, 9);
  });

  it('ramps up over rampMonths, its share scaled by the ramp factor', () => {
    const R = 4;
    let expected = 12 * D;
    for (let j = 0; j < 36 - 12; j++) {
      const ramp = Math.min(1, (j + 1) / R);
      const shareB = (0.5 * ramp) / (0.5 + 0.5 * ramp);
      const fromB = Math.min(shareB * 2 * D, ramp * D);
      const fromA = Math.min((1 - shareB) * 2 * D, D);
      expected += 2 * D - fromA - fromB;
    }
    expect(trial(scenario(), levers(R)).out.shortfall).toBeCloseTo(expected, 9);
  });
});

describe('recycling', () => {
  it('feeds rate x ramp x delivered(t - lag) into the refinery and lowers what it asks of the mine', () => {
    const r = trial(singleChain({ horizonMonths: 12 }), [{ recycling: { nodes: ['ref'], rate: 0.2, lagMonths: 3, rampMonths: 4 } }]);
    const mine = Array.from({ length: 8 }, (_, t) => Math.round(r.at('mine', 'shipped', t) * 1e9) / 1e9);
    expect(mine).toEqual([100, 100, 100, 95, 90, 85, 80, 80]);
    expect(r.out.shortfall).toBeCloseTo(0, 9);
    expect(r.out.ledger.recycled).toBeCloseTo(0.2 * D * (0.25 + 0.5 + 0.75 + 6), 9);
  });
});

describe('substitution', () => {
  it('after shortfall in each of the last delay + 1 periods, reports min(shortfall, fraction x d) as substituted', () => {
    const s = singleChain({ disruptions: [mineOutage({ start: 6, duration: 6 })] });
    const r = trial(s, [{ substitution: { nodes: ['maker'], fraction: 0.5, delayMonths: 2 } }]);
    expect(r.out.substituted).toBeCloseTo(4 * D / 2, 9);
    expect(r.out.shortfall).toBeCloseTo(6 * D - 4 * D / 2, 9);
    expect(r.out.worstFulfilment).toBe(0);
  });
});

describe('cost', () => {
  it('is capex + opex x years + holding + unitCost x units shipped', () => {
    const s = singleChain({ horizonMonths: 24, capacityPerPeriod: 200 });
    s.nodes[0].unitCost = 2;
    s.nodes[1].unitCost = 3;
    s.nodes[2].unitCost = 5;
    const supply = 24 * D * (2 + 3 + 5);
    expect(trial(s, null).out.cost).toBeCloseTo(supply, 6);
    const r = trial(s, [{ stockpile: { nodes: ['maker'], units: 100, holdingCostPerUnitYear: 12 } }], { capex: 1000, opexPerYear: 120 });
    expect(r.out.cost).toBeCloseTo(1000 + 120 * 2 + 100 * 1 * 24 + supply, 6);
  });
});
