/** Each exported chart CSV read back gives the numbers of the result itself (not just of chartData). */
import { describe, expect, it } from 'vitest';
import { exportChartCsv } from '../../src/export/chart-csv.ts';
import { exportFiles } from '../../src/export/bundle.ts';
import { exampleRun, newDocument, parseCsv } from './fixture.ts';

const { result, scenario } = exampleRun();
const csv = (name: Parameters<typeof exportChartCsv>[0]) => parseCsv(exportChartCsv(name, result, scenario));

describe('chart CSV round trip', () => {
  it('is the file the bundle writes', () => {
    const files = exportFiles(result, scenario, { document: newDocument(), appVersion: 'test', date: 'today' });
    expect(files.find((f) => f.name === 'charts/shortfall.csv')!.content).toBe(exportChartCsv('shortfall', result, scenario));
  });

  it('fulfilment: the p50 of a period is the band of the result, in percent', () => {
    const rows = csv('fulfilment');
    expect(rows.length).toBe(result.strategies.length * result.periods);
    for (const [k, t] of [[0, 0], [0, 12], [1, 20], [3, result.periods - 1]]) {
      const s = result.strategies[k];
      const row = rows.find((r) => r.strategy_id === s.id && Number(r.month) === (t * 12) / result.periodsPerYear)!;
      expect(Number(row.p50_fulfilment_pct)).toBeCloseTo(100 * s.bands.fulfilment[t][2], 9);
      expect(Number(row.p5_fulfilment_pct)).toBeCloseTo(100 * s.bands.fulfilment[t][0], 9);
    }
  });

  it('shortfall: every bin count and edge is the histogram of the result', () => {
    const rows = csv('shortfall');
    for (const s of result.strategies) {
      const mine = rows.filter((r) => r.strategy_id === s.id);
      expect(mine.map((r) => Number(r.trials))).toEqual(s.shortfallHistogram);
      expect(mine.map((r) => Number(r.bin_from_t))).toEqual(result.shortfallEdges.slice(0, -1));
      expect(Number(mine[0].p95_t)).toBe(s.metrics.shortfall.p95);
      expect(mine.reduce((n, r) => n + Number(r.trials), 0)).toBe(result.trials);
    }
  });

  it('comparison: each difference and its interval are the paired comparison of the result', () => {
    const rows = csv('comparison');
    expect(rows[0].difference_t).toBe('');
    result.strategies.slice(1).forEach((s, i) => {
      const row = rows[i + 1];
      expect(row.strategy_id).toBe(s.id);
      expect(Number(row.difference_t)).toBe(s.vsBaseline!.shortfall.mean);
      expect(Number(row.difference_ci95_lo_t)).toBe(s.vsBaseline!.shortfall.ci95[0]);
      expect(Number(row.difference_ci95_hi_t)).toBe(s.vsBaseline!.shortfall.ci95[1]);
      expect(row.on_frontier).toBe(String(s.vsBaseline!.onFrontier));
      expect(Number(row.mean_cost_usd)).toBe(s.metrics.cost.mean);
    });
  });

  it("value chain: every flow is a link of the result's network", () => {
    const rows = csv('valueChain');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const link = result.network.links.find((l) => l.source === r.source_id && l.target === r.target_id)!;
      expect(Number(r.flow_t_per_year)).toBe(link.value);
    }
  });

  it("attribution: the baseline's parts are the result's attribution and add up to its mean shortfall", () => {
    const rows = csv('attribution');
    const a = result.strategies[0].attribution;
    const byId = Object.fromEntries(rows.map((r) => [r.part_id, Number(r.mean_shortfall_t)]));
    expect(byId.structural).toBe(a.structural);
    expect(byId.interaction).toBe(a.interaction);
    for (const [id, v] of Object.entries(a.byDisruption)) expect(byId[id]).toBe(v);
    expect(rows.reduce((n, r) => n + Number(r.mean_shortfall_t), 0)).toBeCloseTo(result.strategies[0].metrics.shortfall.mean, 6);
  });
});
