/**
 * The data of the chart "model against what was reported": for each observed series of a replay, the
 * model's flow series it is compared with (mean and P5-P95 of flow / planned, in percent), the reported
 * points as % of the series' normal, and the comparisons with their outcome on this run.
 */
import { evaluateComparisons, findFlow, type ComparisonOutcome } from '../analysis/replay-comparisons.ts';
import type { RunResult } from '../engine/result.ts';
import { monthsBetween, periodSpan, shortMonth } from '../model/calendar.ts';
import type { Comparison, ObservedSeries, Scenario } from '../model/schema.ts';
import { countryLabel } from '../charts/country-names.ts';
import type { ReplayComparisonMark, ReplayData, ReplayObservedPoint, ReplayPanel, ReplaySource } from '../charts/data-types.ts';
import { disruptionWindows } from './disruption-windows.ts';

const pct = (r: number | null): number | null => (r === null ? null : Math.round(r * 1e5) / 1e3);

/** The replay chart's data; no panels for a scenario without observed series or month 0. */
export function replayData(result: RunResult, scenario: Scenario): ReplayData {
  const periodMonths = 12 / result.periodsPerYear;
  const base = { monthZero: scenario.monthZero ?? '', periodMonths, horizonMonths: result.periods * periodMonths, windows: disruptionWindows(scenario) };
  if (!scenario.monthZero || (scenario.observed ?? []).length === 0) return { ...base, panels: [] };
  // evaluated once here, so the chart, its CSV and the report state the same verdicts
  const outcomes = (scenario.comparisons ?? []).length > 0 && periodMonths === 1 ? evaluateComparisons(scenario, result) : [];
  const panels = (scenario.observed ?? []).flatMap((series) => seriesPanels(series, scenario, result, outcomes));
  return { ...base, panels };
}

/** The panels of one series: one per strategy and counting its comparisons use (the baseline, shipped, when none). */
function seriesPanels(series: ObservedSeries, scenario: Scenario, result: RunResult, outcomes: ComparisonOutcome[]): ReplayPanel[] {
  const comparisons = (scenario.comparisons ?? []).filter((c) => c.observedSeries === series.id);
  const key = (c: Pick<Comparison, 'strategy' | 'counted'>) => `${c.strategy ?? 'baseline'}|${c.counted ?? 'shipped'}`;
  const views = [...new Set(comparisons.map(key))];
  if (views.length === 0) views.push('baseline|shipped');
  const observed = observedPoints(series, scenario);
  return views.map((view) => {
    const [strategyId, counted] = view.split('|') as [string, 'shipped' | 'arrived'];
    const index = result.strategies.findIndex((s) => s.id === strategyId);
    const strategy = result.strategies[index];
    const flow = series.flow && strategy?.flows ? findFlow(strategy.flows, series.flow, counted) : undefined;
    const marks = comparisons.filter((c) => key(c) === view).flatMap((c) => {
      const o = outcomes.find((x) => x.id === c.id);
      return o ? [comparisonMark(o, c)] : [];
    });
    const normal = series.points.find((p) => p.period === series.normal);
    return {
      id: views.length > 1 ? `${series.id}:${strategyId}:${counted}` : series.id,
      title: series.what,
      unit: series.unit,
      flowLabel: series.flow ? flowLabel(series.flow, counted) : 'no model flow named for this series',
      strategy: { id: strategyId, name: strategy?.name ?? strategyId, index: Math.max(0, index) },
      normal: normal ? { period: normal.period, value: normal.value } : null,
      model: flow ? flow.mean.map((mean, t) => ({ month: (t * 12) / result.periodsPerYear, mean: pct(mean), p5: pct(flow.p5[t]), p95: pct(flow.p95[t]) })) : [],
      observed,
      comparisons: marks,
    };
  });
}

/** "processing China (CN) → any other country, counted when shipped". */
function flowLabel(flow: NonNullable<ObservedSeries['flow']>, counted: 'shipped' | 'arrived'): string {
  const place = (c: string) => (c === '*' ? 'any other country' : countryLabel(c));
  return `${flow.stage} ${place(flow.from)} → ${place(flow.to)}, counted ${counted === 'shipped' ? 'when shipped' : 'on arrival'}`;
}

function observedPoints(series: ObservedSeries, scenario: Scenario): ReplayObservedPoint[] {
  const refs = new Map((scenario.references ?? []).map((r) => [r.id, r]));
  const normal = series.points.find((p) => p.period === series.normal);
  const monthZero = scenario.monthZero!;
  return series.points.map((p) => {
    const span = periodSpan(p.period);
    const ref = refs.get(p.reference ?? series.reference);
    const source: ReplaySource | null = ref ? { id: ref.id, title: ref.title, url: ref.url } : null;
    return {
      period: p.period,
      fromMonth: monthsBetween(monthZero, span.from),
      toMonth: monthsBetween(monthZero, span.to),
      value: p.value,
      pct: normal && normal.value > 0 ? Math.round((p.value / normal.value) * 1e5) / 1e3 : null,
      normal: p === normal,
      source,
      note: p.note ?? null,
    };
  });
}

function comparisonMark(o: ComparisonOutcome, c: Comparison): ReplayComparisonMark {
  const verdict = o.verdict === 'not-run' ? 'not run' : o.verdict;
  const value = (v: string | number | null, kind: ComparisonOutcome['kind']): string => {
    if (v === null) return 'none';
    if (kind === 'timing' && typeof v === 'string') return shortMonth(v);
    if (kind === 'size' && typeof v === 'number') return `${round1(v * 100)}%`;
    return String(v);
  };
  const tolerance = 'absolute' in c.tolerance ? `±${round1(c.tolerance.absolute * 100)} points` : o.tolerance;
  return {
    id: o.id,
    kind: o.kind,
    verdict: o.verdict,
    text: `${verdict}: ${o.id} (${o.kind}), model ${value(o.model, o.kind)}, reported ${value(o.observed, o.kind)}, tolerance ${tolerance}`,
    reason: o.reason,
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
