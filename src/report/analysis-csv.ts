/**
 * The analyses' figures as CSV: the stress test's ranking, makers, strategies and countries per cut
 * duration, the sensitivity analysis's inputs, and each analysis chart's drawn data. Units in the column
 * names, numbers at full precision so that they read back exactly.
 */
import type { ExposureData, SurvivalData, TornadoData } from '../charts/analysis-data-types.ts';
import type { SensitivityResult } from '../analysis/sensitivity-result.ts';
import type { StressResult } from '../analysis/stress-result.ts';
import { toCsv, unitSuffix, type Cell } from './chart-csv.ts';

/** Every target at every duration: the extra shortfall's summary, the index, P(some maker short). */
export function stressRankingCsv(result: StressResult): string {
  const u = unitSuffix(result.unit);
  const rows: Cell[][] = [[
    'months', 'rank', 'target', 'kind', 'name', `extra_mean_${u}`, `extra_ci95_low_${u}`, `extra_ci95_high_${u}`, `extra_sd_${u}`,
    `extra_p5_${u}`, `extra_p50_${u}`, `extra_p95_${u}`, `extra_cvar95_${u}`, 'extra_pct_of_demand', 'rei', 'rei_ci95_low', 'rei_ci95_high',
    'prob_some_maker_short', 'same_cut_as',
  ]];
  for (const d of result.durations) {
    for (const t of d.ranking) {
      const e = t.extra;
      rows.push([d.months, t.rank, t.id, t.kind, t.name, e.mean, e.ci95[0], e.ci95[1], e.sd, e.p5, e.p50, e.p95, e.cvar95, t.extraPctOfDemand,
        t.rei, t.reiCi95[0], t.reiCi95[1], t.probSomeMakerShort, t.sameCutAs.join(' ')]);
    }
  }
  return toCsv(rows);
}

const ttsHead = ['tts_mean_months', 'tts_p5_months', 'tts_p25_months', 'tts_p50_months', 'tts_p75_months', 'tts_p95_months', 'prob_tts_below_cut'];

/** Every dependent maker of every target at every duration (the baseline, then each strategy's top cuts). */
export function stressMakersCsv(result: StressResult): string {
  const u = unitSuffix(result.unit);
  const rows: Cell[][] = [['months', 'strategy', 'target', 'maker', 'country', `extra_mean_${u}`, 'extra_pct_mean', 'extra_pct_ci95_low', 'extra_pct_ci95_high', 'prob_short', ...ttsHead]];
  for (const d of result.durations) {
    const lists = [{ id: 'baseline', targets: d.ranking }, ...d.strategies.map((s) => ({ id: s.id, targets: s.targets }))];
    for (const { id, targets } of lists) {
      for (const t of targets) {
        for (const m of t.makers) {
          const s = m.tts;
          rows.push([d.months, id, t.id, m.id, m.country, m.extra, m.extraPct.mean, m.extraPct.ci95[0], m.extraPct.ci95[1], m.probShort, s.mean, s.p5, s.p25, s.p50, s.p75, s.p95, s.probBelowCut]);
        }
      }
    }
  }
  return toCsv(rows);
}

/** Each strategy's exposure to the baseline's top cuts, paired with the baseline's. */
export function stressStrategiesCsv(result: StressResult): string {
  const u = unitSuffix(result.unit);
  const rows: Cell[][] = [['months', 'strategy', 'target', `baseline_extra_mean_${u}`, `strategy_extra_mean_${u}`, `strategy_extra_ci95_low_${u}`, `strategy_extra_ci95_high_${u}`,
    `change_mean_${u}`, `change_ci95_low_${u}`, `change_ci95_high_${u}`, 'share_lowered']];
  for (const d of result.durations) {
    for (const s of d.strategies) {
      for (const t of s.targets) rows.push([d.months, s.id, t.id, t.baseline, t.strategy.mean, t.strategy.ci95[0], t.strategy.ci95[1], t.change.mean, t.change.ci95[0], t.change.ci95[1], t.lowered]);
    }
  }
  return toCsv(rows);
}

/** Per maker country, every target by the extra shortfall it causes the country's makers. */
export function stressCountriesCsv(result: StressResult): string {
  const u = unitSuffix(result.unit);
  const rows: Cell[][] = [['months', 'country', 'target', `extra_mean_${u}`, 'extra_pct_of_demand_mean', 'extra_pct_ci95_low', 'extra_pct_ci95_high', 'worst', 'worst_upstream']];
  for (const d of result.durations) {
    for (const c of d.countries) {
      for (const t of c.targets) rows.push([d.months, c.country, t.id, t.units, t.pct.mean, t.pct.ci95[0], t.pct.ci95[1], t.id === c.worst, t.id === c.worstUpstream]);
    }
  }
  return toCsv(rows);
}

/** Every input of every strategy analysed, ranked. */
export function sensitivityCsv(result: SensitivityResult): string {
  const u = unitSuffix(result.unit);
  const rows: Cell[][] = [[
    'strategy', 'rank', 'input', 'name', 'kind', 'setting', 'value_unit', 'base', 'low', 'high',
    `mean_at_low_${u}`, `mean_at_high_${u}`, `p95_at_low_${u}`, `p95_at_high_${u}`,
    `low_change_mean_${u}`, `low_change_ci95_low_${u}`, `low_change_ci95_high_${u}`,
    `high_change_mean_${u}`, `high_change_ci95_low_${u}`, `high_change_ci95_high_${u}`,
    `swing_mean_${u}`, `swing_ci95_low_${u}`, `swing_ci95_high_${u}`, `p95_swing_${u}`, `p95_swing_ci95_low_${u}`, `p95_swing_ci95_high_${u}`,
  ]];
  for (const s of result.strategies) {
    for (const i of s.inputs) {
      rows.push([s.id, i.rank, i.id, i.name, i.kind, i.setting, i.unit, i.base, i.low, i.high, i.atLow.mean, i.atHigh.mean, i.atLow.p95, i.atHigh.p95,
        i.lowChange.mean, i.lowChange.ci95[0], i.lowChange.ci95[1], i.highChange.mean, i.highChange.ci95[0], i.highChange.ci95[1],
        i.swing.mean, i.swing.ci95[0], i.swing.ci95[1], i.p95Swing.value, i.p95Swing.ci95[0], i.p95Swing.ci95[1]]);
    }
  }
  return toCsv(rows);
}

/** What the exposure chart draws. */
export function exposureCsv(data: ExposureData): string {
  const u = unitSuffix(data.unit);
  return toCsv([
    ['months', 'rank', 'target', 'kind', 'name', 'same_cut_as', `extra_mean_${u}`, `extra_ci95_low_${u}`, `extra_ci95_high_${u}`, `extra_p95_${u}`, 'rei'],
    ...data.bars.map((b, i): Cell[] => [data.months, i + 1, b.id, b.kind, b.name, b.also.join('; '), b.mean, b.lo, b.hi, b.p95, b.rei]),
  ]);
}

/** What the survival chart draws. */
export function survivalCsv(data: SurvivalData): string {
  return toCsv([
    ['strategy', 'maker', 'months_cut', 'target', 'name', ...ttsHead],
    ...data.rows.map((r): Cell[] => [data.strategy.id, data.maker.id, data.months, r.id, r.name, r.mean, r.p5, r.p25, r.p50, r.p75, r.p95, r.probBelowCut]),
  ]);
}

/** What the tornado draws. */
export function tornadoCsv(data: TornadoData): string {
  const u = unitSuffix(data.unit);
  return toCsv([
    ['strategy', 'rank', 'input', 'name', 'kind', 'low_setting', 'high_setting', `low_change_mean_${u}`, `low_change_ci95_low_${u}`, `low_change_ci95_high_${u}`,
      `high_change_mean_${u}`, `high_change_ci95_low_${u}`, `high_change_ci95_high_${u}`, `swing_mean_${u}`, `swing_ci95_low_${u}`, `swing_ci95_high_${u}`],
    ...data.rows.map((r, i): Cell[] => [data.strategy.id, i + 1, r.id, r.name, r.kind, r.lowLabel, r.highLabel, r.low.mean, r.low.lo, r.low.hi, r.high.mean, r.high.lo, r.high.hi, r.swing.mean, r.swing.lo, r.swing.hi]),
  ]);
}
