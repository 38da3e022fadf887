/**
 * A replay's comparisons evaluated on a run (docs/replays.md, "The measures"): each comparison's model
 * value from the mean of r = flow / planned of its flow series, against the observed value and its
 * tolerance, with a verdict. Pure: a scenario and its RunResult in, plain records out.
 */
import type { FlowSeries, RunResult, StrategyResult } from '../engine/result.ts';
import { compileDist, distMean } from '../random/distributions.ts';
import { monthAt, monthsBetween } from '../model/calendar.ts';
import { monthsToPeriods } from '../model/time.ts';
import type { Comparison, Scenario } from '../model/schema.ts';

export type Verdict = 'pass' | 'miss' | 'not-run';
export type Direction = 'up' | 'down' | 'none';

export interface ComparisonOutcome {
  id: string;
  kind: Comparison['kind'];
  measure: Comparison['measure'];
  observedSeries: string;
  flow: Comparison['flow'];
  counted: 'shipped' | 'arrived';
  /** the strategy whose trials are compared ("baseline" when the comparison names none) */
  strategy: string;
  /** the model's value: a month "YYYY-MM" (timing), a number (size), "up"/"down"/"none" (direction); null when the measure finds none */
  model: string | number | null;
  observed: string | number;
  /** the tolerance in words: "±1 month", "±0.15", "exact" */
  tolerance: string;
  /** model minus observed, in months (timing) or as a number (size); null for a direction or when there is no model value */
  difference: number | null;
  verdict: Verdict;
  /** what the model did, in one sentence (and why that passes or misses) */
  reason: string;
}

// Means are sums of binned values over trials divided by their count, so a mean of exactly 0.5 can come
// out as 0.49999999999999994; compared with thresholds after rounding to far below the bins' 0.01.
const clean = (x: number): number => Math.round(x * 1e9) / 1e9;
// A size difference equal to its tolerance passes, whatever the last bit of the subtraction says.
const EPSILON = 1e-9;

/** The first period at or after `from` whose mean r is below `threshold` (periods with no planned flow are skipped); null if none. */
export function firstBelow(mean: readonly (number | null)[], from: number, threshold: number): number | null {
  for (let t = Math.max(0, from); t < mean.length; t++) {
    const r = mean[t];
    if (r !== null && clean(r) < threshold) return t;
  }
  return null;
}

/** The first period after the first-below period whose mean r is at least `threshold`; null if it never falls or never recovers. */
export function firstRecovered(mean: readonly (number | null)[], from: number, threshold: number): number | null {
  const below = firstBelow(mean, from, threshold);
  if (below === null) return null;
  for (let t = below + 1; t < mean.length; t++) {
    const r = mean[t];
    if (r !== null && clean(r) >= threshold) return t;
  }
  return null;
}

/** The mean of the per-period mean r over periods from..to (inclusive, within the series), skipping periods with no planned flow; null if none is left. */
export function windowMean(mean: readonly (number | null)[], from: number, to: number): number | null {
  let sum = 0;
  let n = 0;
  for (let t = Math.max(0, from); t <= Math.min(to, mean.length - 1); t++) {
    const r = mean[t];
    if (r === null) continue;
    sum += r;
    n++;
  }
  return n > 0 ? sum / n : null;
}

/** "up" above 1.05, "down" below 0.95, else "none". */
export function directionOf(windowMeanR: number): Direction {
  const r = clean(windowMeanR);
  return r > 1.05 ? 'up' : r < 0.95 ? 'down' : 'none';
}

/** The period the first scripted event starts in (a drawn start counts at its mean), or 0 without one. */
export function firstEventPeriod(scenario: Scenario): number {
  const ppy = scenario.periodsPerYear ?? 12;
  const starts = (scenario.disruptions ?? []).filter((d) => d.start !== undefined).map((d) => monthsToPeriods(Math.max(0, distMean(compileDist(d.start!))), ppy));
  return starts.length > 0 ? Math.min(...starts) : 0;
}

/** The flow series a comparison reads: its stage (exploration counts as extraction, as in the engine), from, to and counting. */
export function findFlow(flows: readonly FlowSeries[], flow: Comparison['flow'], counted: 'shipped' | 'arrived'): FlowSeries | undefined {
  const stage = flow.stage === 'exploration' ? 'extraction' : flow.stage;
  return flows.find((f) => f.stage === stage && f.from === flow.from && f.to === flow.to && f.counted === counted);
}

/** The strategy a comparison compares: the one it names, else the baseline; undefined when the run left it out. */
export function comparedStrategy(result: RunResult, comparison: Comparison): StrategyResult | undefined {
  return comparison.strategy === undefined ? result.strategies[0] : result.strategies.find((s) => s.id === comparison.strategy);
}

/** Every comparison of the scenario evaluated on its run, in the scenario's order. */
export function evaluateComparisons(scenario: Scenario, result: RunResult): ComparisonOutcome[] {
  return (scenario.comparisons ?? []).map((c) => evaluateComparison(scenario, result, c));
}

/** One comparison evaluated on a run of its scenario. */
export function evaluateComparison(scenario: Scenario, result: RunResult, c: Comparison): ComparisonOutcome {
  const monthZero = scenario.monthZero;
  if (!monthZero) throw new RangeError(`comparison "${c.id}": the scenario has no monthZero, so its months cannot be placed`);
  if ((scenario.periodsPerYear ?? 12) !== 12) throw new RangeError(`comparison "${c.id}": comparisons are made month by month, but the scenario has ${scenario.periodsPerYear} periods a year`);
  const counted = c.counted ?? 'shipped';
  const base = {
    id: c.id,
    kind: c.kind,
    measure: c.measure,
    observedSeries: c.observedSeries,
    flow: c.flow,
    counted,
    strategy: c.strategy ?? 'baseline',
    observed: c.observed,
    tolerance: toleranceText(c),
  };
  const strategy = comparedStrategy(result, c);
  if (!strategy) return { ...base, model: null, difference: null, verdict: 'not-run', reason: `the run left out the strategy "${c.strategy}"` };
  if (!strategy.flows) return { ...base, model: null, difference: null, verdict: 'not-run', reason: 'the run has no flow series (run with flows on)' };
  const series = findFlow(strategy.flows, c.flow, counted);
  const flowText = `${c.flow.stage} ${c.flow.from}→${c.flow.to}, counted when ${counted === 'shipped' ? 'shipped' : 'it arrives'}`;
  if (!series) return { ...base, model: null, difference: null, verdict: 'miss', reason: `the model has no ${flowText}` };
  const month = (t: number) => monthAt(monthZero, t);
  const period = (m: string) => monthsBetween(monthZero, m);

  if (c.measure === 'first-below' || c.measure === 'first-recovered') {
    expectKind(c, 'timing');
    const from = firstEventPeriod(scenario);
    const threshold = c.threshold!;
    const t = c.measure === 'first-below' ? firstBelow(series.mean, from, threshold) : firstRecovered(series.mean, from, threshold);
    if (t === null) {
      const what = c.measure === 'first-below' || firstBelow(series.mean, from, threshold) === null
        ? `never falls below ${threshold} from ${month(from)} on`
        : `falls below ${threshold} in ${month(firstBelow(series.mean, from, threshold)!)} and never recovers to it`;
      return { ...base, model: null, difference: null, verdict: 'miss', reason: `the mean r ${what}` };
    }
    const difference = t - period(c.observed as string);
    const within = Math.abs(difference) <= toleranceOf(c, 'months');
    const when = difference === 0 ? 'the reported month' : `${Math.abs(difference)} month${Math.abs(difference) === 1 ? '' : 's'} ${difference < 0 ? 'before' : 'after'} the reported ${c.observed}`;
    const verb = c.measure === 'first-below' ? `first below ${threshold}` : `back to ${threshold}`;
    return { ...base, model: month(t), difference, verdict: within ? 'pass' : 'miss', reason: `mean r ${verb} in ${month(t)}, ${when} (${within ? 'within' : 'beyond'} ${base.tolerance})` };
  }

  const window = c.window!;
  const value = windowMean(series.mean, period(window.from), period(window.to));
  const span = window.from === window.to ? window.from : `${window.from} to ${window.to}`;
  if (value === null) return { ...base, model: null, difference: null, verdict: 'miss', reason: `no planned flow in ${span}` };
  if (c.measure === 'direction') {
    expectKind(c, 'direction');
    const direction = directionOf(value);
    const pass = direction === c.observed;
    return { ...base, model: direction, difference: null, verdict: pass ? 'pass' : 'miss', reason: `mean r over ${span} is ${round3(value)}: ${direction}, ${pass ? 'as' : 'not'} reported (${c.observed})` };
  }
  expectKind(c, 'size');
  const difference = value - (c.observed as number);
  const within = Math.abs(difference) <= toleranceOf(c, 'absolute') + EPSILON;
  return {
    ...base,
    model: value,
    difference,
    verdict: within ? 'pass' : 'miss',
    reason: `mean r over ${span} is ${round3(value)} against the reported ${c.observed}, ${difference >= 0 ? '+' : '−'}${round3(Math.abs(difference))} (${within ? 'within' : 'beyond'} ${base.tolerance})`,
  };
}

// Validation refuses a measure of the wrong kind; a scenario that skipped it gets a clear error, not a wrong verdict.
function expectKind(c: Comparison, kind: Comparison['kind']): void {
  if (c.kind !== kind) throw new RangeError(`comparison "${c.id}": a ${c.measure} measure makes a ${kind} comparison, but its kind is ${c.kind}`);
}

function toleranceOf(c: Comparison, key: 'months' | 'absolute'): number {
  const value = (c.tolerance as Record<string, number>)[key];
  if (typeof value !== 'number') throw new RangeError(`comparison "${c.id}": a ${c.kind} comparison's tolerance is {"${key}": …}, got ${JSON.stringify(c.tolerance)}`);
  return value;
}

/** The tolerance as the tables print it. */
export function toleranceText(c: Comparison): string {
  const t = c.tolerance as { months?: number; absolute?: number; exact?: true };
  if (t.months !== undefined) return `±${t.months} month${t.months === 1 ? '' : 's'}`;
  if (t.absolute !== undefined) return `±${t.absolute}`;
  return 'exact';
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
