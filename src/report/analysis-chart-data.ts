/** The analyses' results as the data their charts draw: the exposure ranking, a maker's time to survive, the tornado. */
import type { ExposureData, SurvivalData, SurvivalRow, TornadoData } from '../charts/analysis-data-types.ts';
import type { SensitivityResult } from '../analysis/sensitivity-result.ts';
import type { MakerUnderCut, StressDuration, StressResult, TargetExposure } from '../analysis/stress-result.ts';

/** Distinct cuts a chart shows by default. */
export const CHART_ROWS = 15;

/** A cut duration of the result (the first when `months` is not one of them). */
export function stressDuration(result: StressResult, months?: number): StressDuration {
  return result.durations.find((d) => d.months === months) ?? result.durations[0];
}

/** Which target names a group of targets with the same cut: a node is the most specific, then a route, then a country. */
const NAMING: Record<string, number> = { node: 0, route: 1, country: 2 };

/**
 * Each distinct cut of a duration once, in ranking order, named after the most specific of the targets
 * that share it (a node rather than its country when the country has that one node at that stage).
 */
export function distinctCuts(result: StressResult, months?: number): { target: TargetExposure; also: string[] }[] {
  const d = stressDuration(result, months);
  const byId = new Map(d.ranking.map((t) => [t.id, t]));
  const names = new Map(result.targets.map((t) => [t.id, t.name]));
  const seen = new Set<string>();
  const out: { target: TargetExposure; also: string[] }[] = [];
  for (const t of d.ranking) {
    if (seen.has(t.id)) continue;
    const group = [t, ...t.sameCutAs.map((o) => byId.get(o)!).filter(Boolean)];
    for (const x of group) seen.add(x.id);
    const named = group.reduce((a, b) => (NAMING[b.kind] < NAMING[a.kind] ? b : a));
    out.push({ target: named, also: group.filter((x) => x !== named).map((x) => names.get(x.id) ?? x.id) });
  }
  return out;
}

/** The ranked exposure bars at one duration: one bar per distinct cut. */
export function exposureData(result: StressResult, months?: number, rows = CHART_ROWS): ExposureData {
  const d = stressDuration(result, months);
  const distinct = distinctCuts(result, months);
  return {
    unit: result.unit,
    months: d.months,
    trials: result.trials,
    bars: distinct.slice(0, rows).map(({ target: t, also }) => ({
      id: t.id,
      name: t.name,
      also,
      kind: t.kind,
      mean: t.extra.mean,
      lo: t.extra.ci95[0],
      hi: t.extra.ci95[1],
      p95: t.extra.p95,
      rei: t.rei,
    })),
    omitted: Math.max(0, distinct.length - rows),
  };
}

/** The makers a survival chart can show at a duration (for a strategy, those of its top cuts), in file order. */
export function survivalMakers(result: StressResult, months?: number, strategy = 'baseline'): { id: string; name: string; country: string }[] {
  const makers = new Map<string, { id: string; name: string; country: string }>();
  for (const entries of makerEntries(result, months, strategy)) for (const m of entries.makers) makers.set(m.id, { id: m.id, name: m.name, country: m.country });
  return [...makers.values()];
}

/** The strategies a survival chart can show: the baseline, then those compared on the top cuts. */
export function survivalStrategies(result: StressResult, months?: number): { id: string; name: string }[] {
  return [{ id: 'baseline', name: 'Baseline' }, ...stressDuration(result, months).strategies.map((s) => ({ id: s.id, name: s.name }))];
}

/** Each target with its dependent makers under the strategy (every target for the baseline, the top cuts for a strategy). */
function makerEntries(result: StressResult, months: number | undefined, strategy: string): { id: string; makers: MakerUnderCut[] }[] {
  const d = stressDuration(result, months);
  if (strategy === 'baseline') return d.ranking;
  return d.strategies.find((s) => s.id === strategy)?.targets ?? [];
}

/** One maker's time to survive each cut it depends on, the cuts it survives least first (one row per distinct cut). */
export function survivalData(result: StressResult, makerId: string, months?: number, strategy = 'baseline', rows = CHART_ROWS): SurvivalData {
  const d = stressDuration(result, months);
  const names = new Map(result.targets.map((t) => [t.id, t.name]));
  // one row per distinct cut, named as the exposure chart names it
  const namedAs = new Map<string, string>();
  for (const { target } of distinctCuts(result, months)) for (const id of [target.id, ...target.sameCutAs]) namedAs.set(id, target.id);
  const seen = new Set<string>();
  const all: SurvivalRow[] = [];
  let maker: MakerUnderCut | undefined;
  for (const entry of makerEntries(result, months, strategy)) {
    const m = entry.makers.find((x) => x.id === makerId);
    const id = namedAs.get(entry.id) ?? entry.id;
    if (!m || seen.has(id)) continue;
    maker ??= m;
    seen.add(id);
    all.push({ id, name: names.get(id) ?? id, ...m.tts });
  }
  // the most likely to fall short before the cut ends first; then the shortest median; ties keep the ranking's order
  const order = all.map((r, i) => ({ r, i })).sort((a, b) => b.r.probBelowCut - a.r.probBelowCut || a.r.p50 - b.r.p50 || a.i - b.i).map((x) => x.r);
  const strategyName = strategy === 'baseline' ? 'Baseline' : d.strategies.find((s) => s.id === strategy)?.name ?? strategy;
  return {
    maker: maker ? { id: maker.id, name: maker.name, country: maker.country } : { id: makerId, name: makerId, country: '' },
    strategy: { id: strategy, name: strategyName },
    months: d.months,
    rows: order.slice(0, rows).map(({ id, name, p5, p25, p50, p75, p95, mean, probBelowCut }) => ({ id, name, p5, p25, p50, p75, p95, mean, probBelowCut })),
    omitted: Math.max(0, order.length - rows),
  };
}

/** A setting in words: "P10: 2.8 months", "−20%: 840 t per year", "+20% (clipped): 1 fraction", "step up: 0.05 fraction". */
function settingLabel(setting: string, side: 'low' | 'high', value: number, base: number, unit: string): string {
  const moved = base * (side === 'low' ? 0.8 : 1.2);
  const clipped = setting === 'pct20' && Math.abs(value - moved) > 1e-9 * Math.abs(moved) ? ' (clipped)' : '';
  const tag = setting === 'p10-p90' ? (side === 'low' ? 'P10' : 'P90') : setting === 'pct20' ? `${side === 'low' ? '−20%' : '+20%'}${clipped}` : side === 'low' ? 'step down' : 'step up';
  const shown = Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(3)).toString();
  return `${tag}: ${shown.replace('-', '−')} ${unit}`;
}

/** The tornado of one strategy of a sensitivity result (the baseline when not found). */
export function tornadoData(result: SensitivityResult, strategyId = 'baseline', rows = CHART_ROWS): TornadoData {
  const s = result.strategies.find((x) => x.id === strategyId) ?? result.strategies[0];
  const interval = (x: { mean: number; ci95: [number, number] }) => ({ mean: x.mean, lo: x.ci95[0], hi: x.ci95[1] });
  return {
    unit: result.unit,
    strategy: { id: s.id, name: s.name },
    base: s.base.mean,
    trials: result.trials,
    rows: s.inputs.slice(0, rows).map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind,
      lowLabel: settingLabel(i.setting, 'low', i.low, i.base, i.unit),
      highLabel: settingLabel(i.setting, 'high', i.high, i.base, i.unit),
      low: interval(i.lowChange),
      high: interval(i.highChange),
      swing: interval(i.swing),
    })),
    omitted: Math.max(0, s.inputs.length - rows),
  };
}

/** Every target's name as the charts show its cut: the name of the most specific target with the same cut. */
export function cutNames(result: StressResult, months?: number): Map<string, string> {
  const names = new Map<string, string>();
  for (const { target } of distinctCuts(result, months)) for (const id of [target.id, ...target.sameCutAs]) names.set(id, target.name);
  return names;
}

/** One distinct cut of the strategies' comparison: the baseline's exposure and each strategy's, paired. */
export interface StrategyCutRow {
  id: string;
  name: string;
  baseline: number;
  /** per strategy of `strategies` (null when that strategy did not run this cut) */
  cells: ({ mean: number; ci95: [number, number]; change: number; changeCi95: [number, number]; lowered: number | null } | null)[];
}

/** The strategies' comparison at a duration as a matrix: one row per distinct cut (in ranking order), one column per strategy. */
export function strategyMatrix(result: StressResult, months?: number): { strategies: { id: string; name: string }[]; rows: StrategyCutRow[] } {
  const d = stressDuration(result, months);
  const names = cutNames(result, months);
  const order = new Map(distinctCuts(result, months).map(({ target }, i) => [target.id, i]));
  const representative = new Map<string, string>();
  for (const { target } of distinctCuts(result, months)) for (const id of [target.id, ...target.sameCutAs]) representative.set(id, target.id);
  const rows = new Map<string, StrategyCutRow>();
  d.strategies.forEach((s, j) => {
    for (const t of s.targets) {
      const id = representative.get(t.id) ?? t.id;
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { id, name: names.get(id) ?? id, baseline: t.baseline, cells: d.strategies.map(() => null) }));
      row.cells[j] ??= { mean: t.strategy.mean, ci95: t.strategy.ci95, change: t.change.mean, changeCi95: t.change.ci95, lowered: t.lowered };
    }
  });
  return {
    strategies: d.strategies.map((s) => ({ id: s.id, name: s.name })),
    rows: [...rows.values()].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity)),
  };
}
