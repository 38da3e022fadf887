/** monthZero, the refs of nodes, disruptions and strategies, and a replay's observed series and comparisons (issue 11). */
import { describe, expect, it } from 'vitest';
import { expectOnlyIssue, issuesOf, scenarioWith, type Draft } from './builders.ts';

describe('monthZero', () => {
  it('accepts a calendar month and refuses anything else at /monthZero', () => {
    expect(issuesOf(scenarioWith((s) => (s.monthZero = '2026-12')))).toEqual([]);
    for (const bad of ['2026-13', '2026-1', '2026-00', 'Jan 2026', '2026-01-01']) {
      expectOnlyIssue(scenarioWith((s) => (s.monthZero = bad)), '/monthZero');
    }
  });
});

describe('refs', () => {
  it('on nodes, new nodes, disruptions and strategies must name existing references', () => {
    const s = scenarioWith((s) => {
      s.nodes[0].refs = ['ref-1'];
      s.disruptions[0].refs = ['ref-1'];
      s.strategies[0].refs = ['ref-1'];
    });
    expect(issuesOf(s)).toEqual([]);
    expectOnlyIssue(scenarioWith((s) => (s.nodes[3].refs = ['ref-1', 'usgs-2025'])), '/nodes/3/refs/1', 'no reference "usgs-2025"', 'ref-1');
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].refs = ['gone'])), '/disruptions/0/refs/0', 'no reference "gone"');
    expectOnlyIssue(scenarioWith((s) => (s.strategies[0].refs = ['gone'])), '/strategies/0/refs/0', 'no reference "gone"');
    const newNode = scenarioWith((s) => {
      s.strategies[0].levers.push({ newCapacity: { nodes: [{ id: 'mine-n', stage: 'extraction', country: 'CA', capacity: 5, refs: ['gone'] }], commissioningMonths: 12 } });
    });
    expectOnlyIssue(newNode, '/strategies/0/levers/1/newCapacity/nodes/0/refs/0', 'no reference "gone"');
  });
});

const series = (): Draft => ({
  id: 'cn-exports',
  what: "China's customs exports of refined gallium",
  unit: 't/month',
  flow: { stage: 'processing', from: 'CN', to: '*' },
  reference: 'ref-1',
  points: [{ period: '2023-07', value: 5.15 }, { period: '2023-08', value: 0 }, { period: '2023-Q4', value: 3 }, { period: '2024', value: 40 }],
});
const timing = (): Draft => ({
  id: 'fall', kind: 'timing', observedSeries: 'cn-exports', flow: { stage: 'processing', from: 'CN', to: '*' },
  measure: 'first-below', threshold: 0.5,
  observed: '2023-08', derivation: 'August 2023 exports were 0 against 5.15 t in July', tolerance: { months: 1 },
});
const replay = (change: (s: Draft) => void = () => undefined) =>
  scenarioWith((s) => {
    s.monthZero = '2023-01';
    s.observed = [series()];
    s.comparisons = [timing()];
    change(s);
  });

describe('observed series and comparisons', () => {
  it('a well-formed replay validates', () => {
    expect(issuesOf(replay())).toEqual([]);
  });

  it('refuses a period that is no month, quarter, year or span', () => {
    expectOnlyIssue(replay((s) => (s.observed[0].points[0].period = '2023-7')), '/observed/0/points/0/period');
    expect(issuesOf(replay((s) => (s.observed[0].points[0].period = '2023-01/2023-06')))).toEqual([]);
  });

  it('series and points cite existing references', () => {
    expectOnlyIssue(replay((s) => (s.observed[0].reference = 'customs')), '/observed/0/reference', 'no reference "customs"');
    expectOnlyIssue(replay((s) => (s.observed[0].points[1].reference = 'customs')), '/observed/0/points/1/reference', 'no reference "customs"');
  });

  it('a comparison names an existing series, once-used ids, and a value and tolerance of its kind', () => {
    expectOnlyIssue(replay((s) => (s.comparisons[0].observedSeries = 'imports')), '/comparisons/0/observedSeries', 'no observed series "imports"', 'cn-exports');
    expectOnlyIssue(replay((s) => s.comparisons.push(timing())), '/comparisons/1/id', 'used twice');
    expectOnlyIssue(replay((s) => s.observed.push(series())), '/observed/1/id', 'used twice');
    expectOnlyIssue(replay((s) => (s.comparisons[0].observed = 0.4)), '/comparisons/0/observed', 'timing', 'YYYY-MM', '0.4');
    expectOnlyIssue(replay((s) => (s.comparisons[0].tolerance = { absolute: 0.1 })), '/comparisons/0/tolerance', '"months"');
    expectOnlyIssue(replay((s) => delete s.comparisons[0].threshold), '/comparisons/0/threshold', 'first-below', 'threshold');
    expectOnlyIssue(replay((s) => Object.assign(s.comparisons[0], { kind: 'size', measure: 'window-mean', observed: 0.1, tolerance: { absolute: 0.1 } })), '/comparisons/0/window', 'window-mean');
    expectOnlyIssue(replay((s) => (s.comparisons[0].strategy = 'nothing')), '/comparisons/0/strategy', 'no strategy "nothing"');
    expect(issuesOf(replay((s) => (s.comparisons[0].strategy = 'stock')))).toEqual([]);
    const window = { from: '2023-08', to: '2023-10' };
    const size = replay((s) => Object.assign(s.comparisons[0], { kind: 'size', measure: 'window-mean', window, observed: 'big', tolerance: { absolute: 0.1 } }));
    expectOnlyIssue(size, '/comparisons/0/observed', 'a number', '"big"');
    const direction = replay((s) => Object.assign(s.comparisons[0], { kind: 'direction', measure: 'direction', window, observed: 'down', tolerance: { months: 1 } }));
    expectOnlyIssue(direction, '/comparisons/0/tolerance', '"exact"');
    expectOnlyIssue(replay((s) => (s.comparisons[0].window = { from: '2024-01', to: '2023-06' })), '/comparisons/0/window', 'before it starts');
  });

  it("a measure that makes the comparison's kind", () => {
    expect(issuesOf(replay((s) => (s.comparisons[0].measure = 'first-recovered')))).toEqual([]);
    const wrong = replay((s) => Object.assign(s.comparisons[0], { measure: 'window-mean', window: { from: '2023-08', to: '2023-10' } }));
    expectOnlyIssue(wrong, '/comparisons/0/measure', 'window-mean measure makes a size comparison', '"timing"');
  });

  it('comparisons need month 0 and monthly periods', () => {
    expectOnlyIssue(replay((s) => delete s.monthZero), '/monthZero', 'comparisons');
    expectOnlyIssue(replay((s) => (s.periodsPerYear = 52)), '/periodsPerYear', 'month by month', '52');
  });

  it("a series' normal names one of its points, and a span ends after it starts", () => {
    expect(issuesOf(replay((s) => (s.observed[0].normal = '2023-07')))).toEqual([]);
    expectOnlyIssue(replay((s) => (s.observed[0].normal = '2022')), '/observed/0/normal', '"2023-07"', '"2024"', 'got "2022"');
    expectOnlyIssue(replay((s) => (s.observed[0].points[0].period = '2023-07/2023-01')), '/observed/0/points/0/period', 'ends before it starts');
  });
});
