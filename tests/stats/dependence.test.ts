import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result.ts';
import type { ScenarioNode } from '../../src/model/schema.ts';
import { dependence } from '../../src/stats/dependence.ts';

const node = (id: string, stage: ScenarioNode['stage'], country: string, extra: Partial<ScenarioNode> = {}): ScenarioNode => ({
  id, stage, country, capacity: 100, ...extra,
});

// Two mines, a yield-0.5 refinery in CN and a yield-1 refinery in MY; a US maker buying 50/50
// from both refineries and a CN maker buying only from the CN refinery.
const nodes: ScenarioNode[] = [
  node('mine-cn', 'extraction', 'CN'),
  node('mine-au', 'extraction', 'AU'),
  node('ref-cn', 'processing', 'CN', { yield: 0.5, sources: [{ from: 'mine-cn', share: 1 }] }),
  node('ref-my', 'processing', 'MY', { yield: 1, sources: [{ from: 'mine-au', share: 1 }] }),
  node('maker-us', 'manufacturing', 'US', { sources: [{ from: 'ref-cn', share: 0.5 }, { from: 'ref-my', share: 0.5 }] }),
  node('maker-cn', 'manufacturing', 'CN', { sources: [{ from: 'ref-cn', share: 1 }] }),
];

describe('dependence', () => {
  const r: RunResult['dependence'] = dependence(nodes, { 'maker-us': 300, 'maker-cn': 100 });

  it('groups all makers first, then each maker country', () => {
    expect(Object.keys(r)).toEqual(['all', 'CN', 'US']);
    expect(Object.keys(r.all)).toEqual(['extraction', 'processing', 'manufacturing']);
  });

  it('traces through a yield-0.5 refinery', () => {
    // US maker per unit: 0.5 via ref-cn needs 1 of CN ore; 0.5 via ref-my needs 0.5 of AU ore.
    expect(r.US.extraction.shares.CN).toBeCloseTo(2 / 3, 15);
    expect(r.US.extraction.shares.AU).toBeCloseTo(1 / 3, 15);
    expect(r.US.extraction.over65).toEqual(['CN']);
    expect(r.US.processing).toEqual({ shares: { CN: 0.5, MY: 0.5 }, over65: [] });
    expect(r.US.manufacturing).toEqual({ shares: { US: 1 }, over65: [] });
  });

  it("leaves the group's own country out of over65", () => {
    expect(r.CN.extraction).toEqual({ shares: { CN: 1 }, over65: [] });
    expect(r.CN.processing).toEqual({ shares: { CN: 1 }, over65: [] });
    expect(r.CN.manufacturing).toEqual({ shares: { CN: 1 }, over65: [] });
  });

  it('weights all makers by planned demand in period 0, any country counting for over65', () => {
    // weights 0.75 (US) and 0.25 (CN)
    expect(r.all.manufacturing).toEqual({ shares: { CN: 0.25, US: 0.75 }, over65: ['US'] });
    // CN 0.75 x 0.5 + 0.25 = 0.625, MY 0.375
    expect(r.all.processing).toEqual({ shares: { CN: 0.625, MY: 0.375 }, over65: [] });
    // ore: CN 0.75 x 1 + 0.25 x 2 = 1.25, AU 0.75 x 0.5 = 0.375; of 1.625
    expect(r.all.extraction.shares.CN).toBeCloseTo(1.25 / 1.625, 15);
    expect(r.all.extraction.shares.AU).toBeCloseTo(0.375 / 1.625, 15);
    expect(r.all.extraction.over65).toEqual(['CN']);
  });

  it('counts exploration projects under extraction with their country', () => {
    const d = dependence(
      [
        node('mine-br', 'extraction', 'BR'),
        node('proj-ca', 'exploration', 'CA', { successProbability: 0.2 }),
        node('ref-de', 'processing', 'DE', { sources: [{ from: 'mine-br', share: 0.6 }, { from: 'proj-ca', share: 0.4 }] }),
        node('maker-de', 'manufacturing', 'DE', { sources: [{ from: 'ref-de', share: 1 }] }),
      ],
      { 'maker-de': 10 },
    );
    expect(d.DE.extraction).toEqual({ shares: { BR: 0.6, CA: 0.4 }, over65: [] });
    expect(d.DE.processing).toEqual({ shares: { DE: 1 }, over65: [] });
  });

  it('weights makers equally in a group without planned demand', () => {
    const d = dependence(
      [
        node('mine-cl', 'extraction', 'CL'),
        node('mine-ar', 'extraction', 'AR'),
        node('ref-cl', 'processing', 'CL', { sources: [{ from: 'mine-cl', share: 1 }] }),
        node('ref-ar', 'processing', 'AR', { sources: [{ from: 'mine-ar', share: 1 }] }),
        node('maker-a', 'manufacturing', 'KR', { sources: [{ from: 'ref-cl', share: 1 }] }),
        node('maker-b', 'manufacturing', 'KR', { sources: [{ from: 'ref-ar', share: 1 }] }),
      ],
      { 'maker-a': 0, 'maker-b': 0 },
    );
    expect(d.KR.processing).toEqual({ shares: { AR: 0.5, CL: 0.5 }, over65: [] });
    expect(d.all.extraction).toEqual({ shares: { AR: 0.5, CL: 0.5 }, over65: [] });
  });

  it('has no groups without makers', () => {
    expect(dependence([node('mine', 'extraction', 'AU')], {})).toEqual({});
  });
});
