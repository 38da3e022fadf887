/** The measures of docs/replays.md on hand-made series, and whole comparisons on a hand-made run. */
import { describe, expect, it } from 'vitest';
import {
  directionOf,
  evaluateComparison,
  evaluateComparisons,
  firstBelow,
  firstEventPeriod,
  firstRecovered,
  windowMean,
} from '../../src/analysis/replay-comparisons.ts';
import type { FlowSeries, RunResult } from '../../src/engine/result.ts';
import type { Comparison, Scenario } from '../../src/model/schema.ts';

describe('first-below', () => {
  const r = [1, 1, 0.8, 0.4, 0.3, 0.6, 1];
  it('is the first period at or after the start with mean r below the threshold', () => {
    expect(firstBelow(r, 0, 0.5)).toBe(3);
    expect(firstBelow(r, 4, 0.5)).toBe(4);
    expect(firstBelow(r, 5, 0.5)).toBe(null);
    expect(firstBelow(r, 0, 0.9)).toBe(2);
    expect(firstBelow(r, 0, 0.3)).toBe(null);
  });
  it('counts r equal to the threshold as not below, also when the mean lands a hair under it', () => {
    expect(firstBelow([1, 0.5, 0.49999999999999994, 0.49], 0, 0.5)).toBe(3);
  });
  it('skips periods with no planned flow', () => {
    expect(firstBelow([1, null, null, 0.2], 0, 0.5)).toBe(3);
  });
});

describe('first-recovered', () => {
  it('is the first period after the first-below one with mean r back at the threshold', () => {
    expect(firstRecovered([1, 1, 0.8, 0.4, 0.3, 0.6, 1], 0, 0.5)).toBe(5);
    expect(firstRecovered([1, 0.4, 0.5], 0, 0.5)).toBe(2);
    // a dip before the event's start does not count
    expect(firstRecovered([0.1, 1, 1, 0.2, 0.2, 0.7], 1, 0.5)).toBe(5);
  });
  it('is null when the flow never falls or never comes back', () => {
    expect(firstRecovered([1, 0.9, 0.8], 0, 0.5)).toBe(null);
    expect(firstRecovered([1, 0.4, 0.45, null], 0, 0.5)).toBe(null);
  });
});

describe('window-mean and direction', () => {
  it('averages the window inclusive, skipping periods with no planned flow', () => {
    expect(windowMean([1, 0.2, 0.4, 0.9], 1, 2)).toBeCloseTo(0.3, 12);
    expect(windowMean([1, 0.2, null, 0.9], 1, 3)).toBeCloseTo(0.55, 12);
    expect(windowMean([1, 0.2], 1, 1)).toBe(0.2);
    expect(windowMean([1, null, null], 1, 2)).toBe(null);
  });
  it('reads up above 1.05, down below 0.95, none between (both ends included)', () => {
    expect(directionOf(1.06)).toBe('up');
    expect(directionOf(1.05)).toBe('none');
    expect(directionOf(1.0500000000000003)).toBe('none');
    expect(directionOf(0.95)).toBe('none');
    expect(directionOf(0.94)).toBe('down');
  });
});

describe('the first scripted event', () => {
  const at = (disruptions: unknown[]) => firstEventPeriod({ disruptions } as unknown as Scenario);
  it('starts at the earliest start in periods (months rounded half up), at its mean when drawn', () => {
    expect(at([{ start: 12.5 }, { start: 4.7 }])).toBe(5);
    expect(at([{ start: { uniform: [2, 4] } }])).toBe(3);
    expect(at([{ ratePerYear: 1 }])).toBe(0);
    expect(at([])).toBe(0);
  });
});

// ---- whole comparisons on a hand-made run ----------------------------------------------------

const series = (flow: Partial<FlowSeries>, mean: (number | null)[]): FlowSeries => ({
  stage: 'processing', from: 'CN', to: '*', counted: 'shipped', planned: mean.map((m) => (m === null ? 0 : 10)), mean, p5: mean, p95: mean, ...flow,
});
// month 0 = 2023-01; the event starts in period 7 (2023-08)
const shipped = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0.1, 0.3, 0.6, 1, 1];
const arrived = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0.1, 0.3, 0.6, 1];
const run = (flows?: FlowSeries[], more: { id: string; flows?: FlowSeries[] }[] = []): RunResult =>
  ({ strategies: [{ id: 'baseline', flows }, ...more] }) as unknown as RunResult;
const fullRun = () => run(
  [series({}, shipped), series({ counted: 'arrived' }, arrived), series({ stage: 'extraction', from: 'PH', to: 'CN' }, Array(14).fill(1))],
  [{ id: 'switch', flows: [series({ stage: 'extraction', from: 'PH', to: 'CN' }, [1, 1, 1, 1, 1, 1, 1, 1.4, 1.2, 1.1, 1, 1, 1, 1])] }],
);
const scenario = (comparisons: Comparison[]): Scenario =>
  ({ monthZero: '2023-01', periodsPerYear: 12, disruptions: [{ id: 'ban', start: 7 }], comparisons }) as unknown as Scenario;
const flow = { stage: 'processing', from: 'CN', to: '*' } as const;
const timing = (more: Partial<Comparison>): Comparison =>
  ({ id: 'fall', kind: 'timing', observedSeries: 's', flow, measure: 'first-below', threshold: 0.5, observed: '2023-08', derivation: 'd', tolerance: { months: 1 }, ...more }) as Comparison;
const size = (more: Partial<Comparison>): Comparison =>
  ({ id: 'size', kind: 'size', observedSeries: 's', flow, measure: 'window-mean', window: { from: '2023-08', to: '2023-10' }, observed: 0.1, derivation: 'd', tolerance: { absolute: 0.05 }, ...more }) as Comparison;
const evaluate = (c: Comparison, r: RunResult = fullRun()) => evaluateComparison(scenario([c]), r, c);

describe('a timing comparison', () => {
  it('gives the month of the fall and passes within its tolerance, both ends included', () => {
    const o = evaluate(timing({}));
    expect(o).toMatchObject({ model: '2023-08', observed: '2023-08', difference: 0, verdict: 'pass', tolerance: '±1 month', strategy: 'baseline', counted: 'shipped' });
    expect(evaluate(timing({ observed: '2023-09' }))).toMatchObject({ difference: -1, verdict: 'pass' });
    const late = evaluate(timing({ observed: '2023-10' }));
    expect(late).toMatchObject({ difference: -2, verdict: 'miss' });
    expect(late.reason).toContain('2 months before the reported 2023-10');
  });
  it('counts arrivals when asked: one month of transit later', () => {
    expect(evaluate(timing({ counted: 'arrived' }))).toMatchObject({ model: '2023-09', difference: 1, verdict: 'pass', counted: 'arrived' });
  });
  it('gives the recovery month after the fall', () => {
    expect(evaluate(timing({ measure: 'first-recovered', observed: '2023-12', tolerance: { months: 0 } }))).toMatchObject({ model: '2023-12', verdict: 'pass' });
    expect(evaluate(timing({ measure: 'first-recovered', threshold: 0.7, observed: '2024-01', tolerance: { months: 0 } }))).toMatchObject({ model: '2024-01', verdict: 'pass' });
  });
  it('misses, saying so, when the flow never falls or never recovers', () => {
    const never = evaluate(timing({ threshold: 0 }));
    expect(never).toMatchObject({ model: null, difference: null, verdict: 'miss' });
    expect(never.reason).toContain('never falls below 0 from 2023-08 on');
    const stuck = run([series({}, [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0])]);
    expect(evaluate(timing({ measure: 'first-recovered' }), stuck).reason).toContain('never recovers');
  });
});

describe('a size comparison', () => {
  it('averages the window and passes within its absolute tolerance', () => {
    const o = evaluate(size({}));
    expect(o.model).toBeCloseTo(0.1 / 3, 12);
    expect(o.difference).toBeCloseTo(0.1 / 3 - 0.1, 12);
    expect(o.verdict).toBe('miss');
    expect(evaluate(size({ tolerance: { absolute: 0.07 } })).verdict).toBe('pass');
  });
  it('passes a difference equal to the tolerance despite rounding in the subtraction', () => {
    // a window of 0.3: 0.3 - 0.1 is 0.19999999999999998 in floating point, 0.3 - 0.5 is -0.2 exactly; both equal the tolerance
    expect(evaluate(size({ window: { from: '2023-11', to: '2023-11' }, observed: 0.1, tolerance: { absolute: 0.2 } })).verdict).toBe('pass');
    expect(evaluate(size({ window: { from: '2023-11', to: '2023-11' }, observed: 0.5, tolerance: { absolute: 0.2 } })).verdict).toBe('pass');
    expect(evaluate(size({ window: { from: '2023-11', to: '2023-11' }, observed: 0.51, tolerance: { absolute: 0.2 } })).verdict).toBe('miss');
  });
});

describe('a direction comparison', () => {
  const up = (more: Partial<Comparison>) =>
    ({ id: 'switch', kind: 'direction', observedSeries: 's', flow: { stage: 'extraction', from: 'PH', to: 'CN' }, measure: 'direction', window: { from: '2023-08', to: '2023-10' }, observed: 'up', derivation: 'd', tolerance: { exact: true }, ...more }) as Comparison;
  it("uses the named strategy's trials", () => {
    expect(evaluate(up({ strategy: 'switch' }))).toMatchObject({ model: 'up', verdict: 'pass', strategy: 'switch' });
    expect(evaluate(up({}))).toMatchObject({ model: 'none', verdict: 'miss', strategy: 'baseline' });
  });
});

describe('what cannot be evaluated', () => {
  it('a strategy the run left out, or a run without flows, is not run; a flow the model lacks is a miss', () => {
    expect(evaluate(timing({ strategy: 'other' }))).toMatchObject({ verdict: 'not-run', model: null });
    expect(evaluate(timing({}), run(undefined)).verdict).toBe('not-run');
    const none = evaluate(timing({ flow: { stage: 'processing', from: 'JP', to: '*' } }));
    expect(none).toMatchObject({ verdict: 'miss', model: null });
    expect(none.reason).toContain('no processing JP→*');
  });
  it('a measure of the wrong kind, or a scenario without month 0 or with weekly periods, is an error naming the comparison', () => {
    expect(() => evaluate(timing({ kind: 'size' }))).toThrow(/"fall".*first-below.*timing.*kind is size/);
    const c = timing({});
    expect(() => evaluateComparison({ ...scenario([c]), monthZero: undefined }, fullRun(), c)).toThrow(/"fall".*monthZero/);
    expect(() => evaluateComparison({ ...scenario([c]), periodsPerYear: 52 }, fullRun(), c)).toThrow(/month by month/);
  });
  it('evaluates every comparison in order', () => {
    expect(evaluateComparisons(scenario([timing({}), size({})]), fullRun()).map((o) => o.id)).toEqual(['fall', 'size']);
  });
});
