/** The analyses' tables for the command line (issue 12): the stress test's ranking per duration, its strategies and countries, the tornado. */
import type { SensitivityResult } from '../analysis/sensitivity-result.ts';
import type { StressResult } from '../analysis/stress-result.ts';
import { distinctCuts, strategyMatrix } from '../report/analysis-chart-data.ts';
import { renderRows } from './table.ts';

const fixed = (digits: number) => (x: number | null) => (x === null || !Number.isFinite(x) ? '-' : x.toFixed(digits));
const one = fixed(1);
const pct = (p: number | null) => (p === null || !Number.isFinite(p) ? '-' : `${(100 * p).toFixed(1)}%`);
const interval = (mean: number, ci: [number, number], f = one) => `${f(mean)} [${f(ci[0])}, ${f(ci[1])}]`;

/** Rows shown per table; every row is in --json and the CSV files of --out. */
const ROWS = 15;
const TORNADO_ROWS = 20;

/** The stress test: per duration, the distinct cuts ranked, the strategies on the top cuts and each maker country's worst cut. */
export function formatStress(result: StressResult): string {
  const out: string[] = [];
  for (const d of result.durations) {
    const cuts = distinctCuts(result, d.months);
    out.push(`stress test: each target cut for ${d.months} months (${result.trials} trials, the same draws with and without the cut; ${Math.min(ROWS, cuts.length)} of ${cuts.length} distinct cuts)`);
    out.push(renderRows([
      ['rank', 'target (same cut)', `extra shortfall (${result.unit}) [95% interval]`, 'P95', 'index', 'P(some maker short)'],
      ...cuts.slice(0, ROWS).map(({ target: t }, i) => [
        String(i + 1), `${t.id}${t.sameCutAs.length ? ` (= ${t.sameCutAs.join(', ')})` : ''}`, interval(t.extra.mean, t.extra.ci95), one(t.extra.p95), fixed(3)(t.rei), pct(t.probSomeMakerShort),
      ]),
    ]));
    out.push('');
    if (d.strategies.length > 0) {
      const matrix = strategyMatrix(result, d.months);
      out.push(renderRows([
        ['strategy on the top cuts', 'cut', `baseline (${result.unit})`, 'under the strategy [95% interval]', 'change [95% interval]', 'lowered'],
        ...matrix.strategies.flatMap((s, j) => matrix.rows.flatMap((r) => {
          const c = r.cells[j];
          return c === null ? [] : [[s.id, r.id, one(r.baseline), interval(c.mean, c.ci95), interval(c.change, c.changeCi95), pct(c.lowered)]];
        })),
      ]));
      out.push('');
    }
    out.push(renderRows([
      ['makers in', 'worst cut', '% of their demand [95% interval]', 'worst cut upstream', '% of their demand [95% interval]'],
      ...d.countries.map((c) => {
        const worst = c.targets.find((t) => t.id === c.worst);
        const up = c.targets.find((t) => t.id === c.worstUpstream);
        return [c.country, worst?.id ?? 'none', worst ? interval(worst.pct.mean, worst.pct.ci95, fixed(2)) : '-', up?.id ?? 'none', up ? interval(up.pct.mean, up.pct.ci95, fixed(2)) : '-'];
      }),
    ]));
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** The tornado of each strategy analysed: the inputs that move the mean shortfall most. */
export function formatSensitivity(result: SensitivityResult): string {
  const out: string[] = [];
  for (const s of result.strategies) {
    out.push(`sensitivity, ${s.id}: mean shortfall ${one(s.base.mean)} ${result.unit} per trial as the scenario is; each input low and high (${result.trials} trials, paired; ${Math.min(TORNADO_ROWS, s.inputs.length)} of ${s.inputs.length} inputs)`);
    out.push(renderRows([
      ['rank', 'input', 'setting', 'low -> high', `mean at low / high (${result.unit})`, 'swing [95% interval]', 'P95 swing [95% interval]'],
      ...s.inputs.slice(0, TORNADO_ROWS).map((i) => [
        String(i.rank), i.id, i.setting, `${Number(i.low.toPrecision(4))} -> ${Number(i.high.toPrecision(4))}`,
        `${one(i.atLow.mean)} / ${one(i.atHigh.mean)}`, interval(i.swing.mean, i.swing.ci95), interval(i.p95Swing.value, i.p95Swing.ci95),
      ]),
    ]));
    if (s.skipped.length > 0) out.push(`left out: ${s.skipped.map((x) => `${x.id} (${x.reason})`).join('; ')}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
