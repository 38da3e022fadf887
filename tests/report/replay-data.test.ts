/** The replay chart's data from a run of a replay, its CSV, and which charts a run draws. */
import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { drawnChartNames, CHART_NAMES } from '../../src/charts/index.ts';
import { findFlow } from '../../src/analysis/replay-comparisons.ts';
import { runScenario } from '../../src/engine/run-scenario.ts';
import { chartCsv } from '../../src/report/chart-csv.ts';
import { replayData } from '../../src/report/replay-data.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { exampleRun, replayRun } from '../charts/fixture.ts';

describe('replayData', () => {
  it("takes the model's flow series in percent and the reported points as % of the series' normal, with their months and sources", () => {
    const { scenario, result, data } = replayRun('gallium-2023');
    const series = scenario.observed![0];
    const [panel] = data.replay.panels;
    expect(data.replay.monthZero).toBe('2023-01');
    const flow = findFlow(result.strategies[0].flows!, series.flow!, 'shipped')!;
    expect(panel.model.map((p) => p.mean)).toEqual(flow.mean.map((m) => (m === null ? null : Math.round(m * 1e5) / 1e3)));
    expect(panel.model.map((p) => p.month)).toEqual(flow.mean.map((_, t) => t));
    const normal = series.points.find((p) => p.period === series.normal)!;
    expect(panel.normal).toEqual({ period: normal.period, value: normal.value });
    panel.observed.forEach((o, i) => {
      const p = series.points[i];
      expect(o.pct).toBeCloseTo((100 * p.value) / normal.value, 3);
      expect(o.normal).toBe(p === normal);
      expect(o.source?.id).toBe(p.reference ?? series.reference);
    });
    // "2022-01/2022-12" is the year before month 0
    expect(panel.observed[0]).toMatchObject({ fromMonth: -12, toMonth: -1 });
    expect(panel.observed.find((o) => o.period === '2023-08')).toMatchObject({ fromMonth: 7, toMonth: 7 });
    expect(panel.flowLabel).toBe('processing China (CN) → any other country, counted when shipped');
  });

  it('draws each series on the strategy and counting its comparisons use', () => {
    const { data } = replayRun('nickel-2020');
    expect(data.replay.panels.map((p) => [p.id, p.strategy.id, p.flowLabel.endsWith('on arrival')])).toEqual([
      ['cn-ore-imports-id', 'baseline', true],
      ['cn-ore-imports-ph', 'market-switching', true],
    ]);
    expect(data.replay.panels[1].strategy.index).toBe(1);
    expect(data.replay.panels.flatMap((p) => p.comparisons.map((c) => c.id))).toEqual(['id-fall-timing', 'id-fall-size', 'ph-switch-direction', 'ph-switch-size']);
  });

  it('gives a series compared on two strategies a panel each, and one the run left out no model and comparisons not run', () => {
    const { scenario } = replayRun('nickel-2020');
    const twice: Scenario = { ...scenario, comparisons: [...scenario.comparisons!, { ...scenario.comparisons![2], id: 'ph-baseline', strategy: undefined }] };
    const both = replayData(runScenario(twice, { trials: 5, attribution: false }), twice);
    expect(both.panels.map((p) => p.id)).toEqual(['cn-ore-imports-id', 'cn-ore-imports-ph:market-switching:arrived', 'cn-ore-imports-ph:baseline:arrived']);
    const baselineOnly = replayData(runScenario(scenario, { trials: 5, attribution: false, strategies: [] }), scenario);
    const ph = baselineOnly.panels[1];
    expect(ph.model).toEqual([]);
    expect(ph.comparisons.map((c) => c.verdict)).toEqual(['not-run', 'not-run']);
  });

  it('has no panels for a scenario that is not a replay, so the chart is not drawn', () => {
    const { data } = exampleRun();
    expect(data.replay.panels).toEqual([]);
    expect(drawnChartNames(data)).toEqual(CHART_NAMES.filter((n) => n !== 'replay'));
    expect(drawnChartNames(replayRun('cobalt-2025').data)).toEqual(CHART_NAMES);
  });
});

describe('the replay CSV', () => {
  it('has a row per model period, reported point and comparison of every panel', () => {
    const { data } = replayRun('nickel-2020');
    const rows = csvParseRows(chartCsv('replay', data.replay));
    expect(rows[0].slice(0, 7)).toEqual(['kind', 'panel', 'strategy_id', 'model_flow', 'month', 'calendar_month', 'reported_period']);
    const kinds = (k: string) => rows.filter((r) => r[0] === k).length;
    const panels = data.replay.panels;
    expect(kinds('model')).toBe(panels.reduce((n, p) => n + p.model.length, 0));
    expect(kinds('reported')).toBe(panels.reduce((n, p) => n + p.observed.length, 0));
    expect(kinds('comparison')).toBe(4);
    const march = rows.find((r) => r[0] === 'model' && r[1] === 'cn-ore-imports-ph' && r[5] === '2020-03')!;
    expect(Number(march[7])).toBe(panels[1].model[8].mean);
  });
});
