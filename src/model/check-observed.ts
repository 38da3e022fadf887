/** Semantic check: a replay's observed series and the comparisons written against them (issue 11). */
import { knownNames, show } from './issue-text.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { ValidationIssue } from './validate.ts';

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const DIRECTIONS = ['down', 'up', 'none'];

/** Reports repeated series ids, comparisons naming no series, and an observed value or tolerance of the wrong kind. */
export function checkObserved(index: ScenarioIndex): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seriesIds: string[] = [];
  (index.scenario.observed ?? []).forEach((series, i) => {
    if (seriesIds.includes(series.id)) issues.push({ path: `/observed/${i}/id`, message: `the series id "${series.id}" is used twice; give each series its own id` });
    seriesIds.push(series.id);
    series.points.forEach((p, k) => {
      const span = /^(.+)\/(.+)$/.exec(p.period);
      if (span && span[2] < span[1]) issues.push({ path: `/observed/${i}/points/${k}/period`, message: `the period ${show(p.period)} ends before it starts` });
    });
    if (series.normal !== undefined && !series.points.some((p) => p.period === series.normal)) {
      issues.push({ path: `/observed/${i}/normal`, message: `the normal names no point of the series: expected one of ${series.points.map((p) => show(p.period)).join(', ')}, got ${show(series.normal)}` });
    }
  });
  const comparisons = index.scenario.comparisons ?? [];
  if (comparisons.length > 0 && index.scenario.monthZero === undefined) {
    issues.push({ path: '/monthZero', message: 'a scenario with comparisons needs its monthZero ("YYYY-MM"), which places their months in the run' });
  }
  if (comparisons.length > 0 && (index.scenario.periodsPerYear ?? 12) !== 12) {
    issues.push({ path: '/periodsPerYear', message: `comparisons are made month by month: a scenario with comparisons needs 12 periods a year, got ${index.scenario.periodsPerYear}` });
  }
  const comparisonIds: string[] = [];
  (index.scenario.comparisons ?? []).forEach((c, i) => {
    const path = `/comparisons/${i}`;
    if (comparisonIds.includes(c.id)) issues.push({ path: `${path}/id`, message: `the comparison id "${c.id}" is used twice; give each comparison its own id` });
    comparisonIds.push(c.id);
    if (!seriesIds.includes(c.observedSeries)) {
      issues.push({ path: `${path}/observedSeries`, message: `no observed series "${c.observedSeries}" exists${knownNames('observed series', seriesIds)}` });
    }
    if (c.strategy !== undefined && !(index.scenario.strategies ?? []).some((st) => st.id === c.strategy)) {
      issues.push({ path: `${path}/strategy`, message: `no strategy "${c.strategy}" exists; leave it out to compare the baseline` });
    }
    if ((c.measure === 'window-mean' || c.measure === 'direction') && !c.window) {
      issues.push({ path: `${path}/window`, message: `a ${c.measure} comparison needs a window {"from": "YYYY-MM", "to": "YYYY-MM"}` });
    }
    if ((c.measure === 'first-below' || c.measure === 'first-recovered') && c.threshold === undefined) {
      issues.push({ path: `${path}/threshold`, message: `a ${c.measure} comparison needs a threshold (a fraction of the planned flow, e.g. 0.5)` });
    }
    const kindOf = c.measure === 'window-mean' ? 'size' : c.measure === 'direction' ? 'direction' : 'timing';
    if (c.kind !== kindOf) issues.push({ path: `${path}/measure`, message: `a ${c.measure} measure makes a ${kindOf} comparison, but the kind is ${show(c.kind)}` });
    if (c.window && c.window.from > c.window.to) {
      issues.push({ path: `${path}/window`, message: `the window must not end (${c.window.to}) before it starts (${c.window.from})` });
    }
    const expected = c.kind === 'timing' ? { value: 'a month "YYYY-MM"', ok: typeof c.observed === 'string' && MONTH.test(c.observed), tolerance: 'months' }
      : c.kind === 'size' ? { value: 'a number', ok: typeof c.observed === 'number', tolerance: 'absolute' }
        : { value: '"down", "up" or "none"', ok: typeof c.observed === 'string' && DIRECTIONS.includes(c.observed), tolerance: 'exact' };
    if (!expected.ok) issues.push({ path: `${path}/observed`, message: `a ${c.kind} comparison's observed value is ${expected.value}, got ${show(c.observed)}` });
    if (!(expected.tolerance in c.tolerance)) {
      issues.push({ path: `${path}/tolerance`, message: `a ${c.kind} comparison's tolerance is {"${expected.tolerance}": …}, got ${show(c.tolerance)}` });
    }
  });
  return issues;
}
