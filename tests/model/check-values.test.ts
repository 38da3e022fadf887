import { describe, it, expect } from 'vitest';
import { expectIssue, expectOnlyIssue, issuesOf, scenarioWith, type Draft } from './builders.ts';

const withDuration = (duration: unknown) => scenarioWith((s) => (s.disruptions[0].duration = duration));

describe('distributions', () => {
  it.each([
    [{ uniform: [3, 1] }, '/disruptions/0/duration/uniform', 'a <= b'],
    [{ triangular: [1, 5, 3] }, '/disruptions/0/duration/triangular', 'min <= mode <= max'],
    [{ pert: [4, 2, 9] }, '/disruptions/0/duration/pert', 'min <= mode <= max'],
    [{ lognormal: { p5: 6, p95: 2 } }, '/disruptions/0/duration/lognormal', '0 < p5 < p95'],
    [{ discrete: [[1, 0], [2, 0]] }, '/disruptions/0/duration/discrete', 'weight > 0'],
  ])('have possible parameters: %j', (duration, path, words) => {
    expectOnlyIssue(withDuration(duration), path, words);
  });

  it('are checked structurally where the schema can tell', () => {
    expectOnlyIssue(withDuration({ normal: [3, -1] }), '/disruptions/0/duration/normal/1', '>= 0');
    expectOnlyIssue(withDuration({ exponential: 0 }), '/disruptions/0/duration/exponential', '> 0');
    expectOnlyIssue(withDuration({ bernoulli: 1.5 }), '/disruptions/0/duration/bernoulli', 'between 0 and 1');
    expectOnlyIssue(withDuration({ discrete: [[1, -1]] }), '/disruptions/0/duration/discrete/0/1', '>= 0');
  });

  it('accept every form with possible parameters', () => {
    const forms = [3, { fixed: 2 }, { uniform: [1, 1] }, { triangular: [1, 2, 3] }, { pert: [1, 1, 1] }, { normal: [3, 0] },
      { lognormal: { p5: 1, p95: 4 } }, { exponential: 2 }, { bernoulli: 0.5 }, { discrete: [[1, 0], [2, 1]] }];
    for (const form of forms) expect(issuesOf(withDuration(form)), JSON.stringify(form)).toEqual([]);
  });

  it('are checked wherever they sit', () => {
    const s = scenarioWith((s) => {
      s.nodes[2].leadTimeMonths = { uniform: [5, 1] };
      s.nodes[5].demandNoise = { triangular: [1, 0.5, 1.2] };
      s.strategies[0].levers.push({ recycling: { nodes: ['ref-a'], rate: { pert: [0.2, 0.1, 0.3] } } });
    });
    const issues = issuesOf(s);
    expectIssue(issues, '/nodes/2/leadTimeMonths/uniform', 'a <= b');
    expectIssue(issues, '/nodes/5/demandNoise/triangular', 'min <= mode');
    expectIssue(issues, '/strategies/0/levers/1/recycling/rate/pert', 'min <= mode');
    expect(issues).toHaveLength(3);
  });
});

describe('plain and fixed values', () => {
  it.each<[string, (s: Draft) => void, string, string]>([
    ['severity above 1', (s) => (s.disruptions[0].severity = 1.5), '/disruptions/0/severity', 'between 0 and 1'],
    ['fixed severity below 0', (s) => (s.disruptions[0].severity = { fixed: -0.1 }), '/disruptions/0/severity/fixed', 'between 0 and 1'],
    ['negative duration', (s) => (s.disruptions[0].duration = -1), '/disruptions/0/duration', '>= 0'],
    ['negative start', (s) => (s.disruptions[0].start = { fixed: -2 }), '/disruptions/0/start/fixed', '>= 0'],
    ['negative lead time', (s) => (s.nodes[2].leadTimeMonths = -3), '/nodes/2/leadTimeMonths', '>= 0'],
    ['recycling rate above 1', (s) => s.strategies[0].levers.push({ recycling: { nodes: ['ref-a'], rate: 2 } }), '/strategies/0/levers/1/recycling/rate', 'between 0 and 1'],
    ['negative demand noise', (s) => (s.nodes[5].demandNoise = -1), '/nodes/5/demandNoise', '>= 0'],
    [
      'change of -1',
      (s) => {
        s.disruptions[0].target = { demand: true };
        delete s.disruptions[0].severity;
        s.disruptions[0].change = -1;
      },
      '/disruptions/0/change',
      'greater than -1',
    ],
    [
      'negative added transit',
      (s) => {
        s.disruptions[0].target = { route: 'malacca' };
        s.disruptions[0].addedTransitMonths = -1;
      },
      '/disruptions/0/addedTransitMonths',
      '>= 0',
    ],
    [
      'negative commissioning',
      (s) => s.strategies[0].levers.push({ newCapacity: { nodes: [{ id: 'mine-new', stage: 'extraction', country: 'CA', capacity: 5 }], commissioningMonths: -6 } }),
      '/strategies/0/levers/1/newCapacity/commissioningMonths',
      '>= 0',
    ],
  ])('are in range: %s', (_name, change, path, words) => {
    expectOnlyIssue(scenarioWith(change), path, words);
  });
});

describe('stage shares and references', () => {
  const shares = (stageShares: Draft) => scenarioWith((s) => (s.stageShares = stageShares));

  it('sum to 1 within 0.005 per stage', () => {
    expect(issuesOf(shares({ processing: { shares: { CN: 0.7, IN: 0.297 }, reference: 'ref-1' } }))).toEqual([]);
    expectOnlyIssue(shares({ processing: { shares: { CN: 0.7, IN: 0.2 }, reference: 'ref-1' } }), '/stageShares/processing/shares', 'sum to 1', '0.9');
  });

  it('cite an existing reference', () => {
    expectOnlyIssue(shares({ extraction: { shares: { AU: 1 }, reference: 'usgs' } }), '/stageShares/extraction/reference', 'no reference "usgs"', 'ref-1');
  });

  it('assumptions cite existing references', () => {
    const s = scenarioWith((s) => (s.assumptions = [{ text: 'x', reason: 'y', references: ['ref-1', 'nowhere'] }]));
    expectOnlyIssue(s, '/assumptions/0/references/1', 'no reference "nowhere"');
  });
});

describe('demand expressions', () => {
  const expression = (text: string, change: (s: Draft) => void = () => {}) =>
    scenarioWith((s) => {
      delete s.nodes[5].demand;
      delete s.nodes[5].growth;
      s.nodes[5].demandExpression = text;
      change(s);
    });

  it('are accepted when allowed and non-negative over the whole window', () => {
    expect(issuesOf(expression('100 * 1.05 ^ (t / 12)'))).toEqual([]);
  });

  it('follow the grammar', () => {
    expectOnlyIssue(expression('sin(t) + 100'), '/nodes/5/demandExpression', '"sin"');
  });

  it('are non-negative before month 0, back to the longest transit', () => {
    // The longest link has transitMonths 1, so the window starts at month -1.
    expectOnlyIssue(expression('t'), '/nodes/5/demandExpression', 'month -1', 'it is -1');
    expect(issuesOf(expression('t', (s) => (s.nodes[3].sources[1].transitMonths = 0)))).toEqual([]);
  });

  it('are finite up to the horizon plus the longest transit', () => {
    // H = 24 periods and the longest transit 1, so month 25 is evaluated; 100 / 0 there is infinite.
    expectOnlyIssue(expression('100 / abs(25 - t)'), '/nodes/5/demandExpression', 'month 25', 'Infinity');
    expect(issuesOf(expression('100 / abs(26 - t)'))).toEqual([]);
  });

  it("count diversify links and new nodes' links in the longest transit", () => {
    const viaDiversify = expression('100 / abs(27 - t)', (s) =>
      s.strategies.push({ id: 'move', levers: [{ diversify: { node: 'maker-a', fromCountry: 'CN', fraction: 0.5, to: ['ref-b'], transitMonths: 3 } }] }),
    );
    expectOnlyIssue(viaDiversify, '/nodes/5/demandExpression', 'month 27');
    const viaNewNode = expression('100 / abs(28 - t)', (s) =>
      s.strategies.push({
        id: 'build',
        levers: [{ newCapacity: { nodes: [{ id: 'ref-new', stage: 'processing', country: 'IN', capacity: 5, sources: [{ from: 'mine-a', share: 1, transitMonths: 4 }] }], commissioningMonths: 1 } }],
      }),
    );
    expectOnlyIssue(viaNewNode, '/nodes/5/demandExpression', 'month 28');
  });

  it('are evaluated at each period in months when a period is a week', () => {
    // Weekly periods: t = 1 is month 12/52; 10 - 52 t / 12 is negative from the third week.
    const s = expression('10 - 52 * t / 12', (s) => {
      s.periodsPerYear = 52;
      s.nodes[3].sources[1].transitMonths = 0;
      s.horizonMonths = 3;
    });
    expectOnlyIssue(s, '/nodes/5/demandExpression', 'month 2.54 (period 11)', 'it is -1');
  });

  it('report growth that overflows', () => {
    expectOnlyIssue(scenarioWith((s) => {
      s.horizonMonths = 1200;
      s.nodes[5].demand = 1e12;
      s.nodes[5].growth = 1e12;
    }), '/nodes/5/growth', 'too large');
  });
});
