/** The adapter from a run and its scenario to the charts' data. */
import { describe, expect, it } from 'vitest';
import { CHARTS, CHART_NAMES, CHART_TITLES } from '../../src/charts/index.ts';
import { chartData, disruptionWindows } from '../../src/report/chart-data.ts';
import { exampleRun, newDocument, TRIALS } from './fixture.ts';

describe('chartData', () => {
  const { data, result, scenario } = exampleRun();

  it('gives every chart its data, and every chart renders it', () => {
    expect(Object.keys(data).sort()).toEqual([...CHART_NAMES].sort());
    expect(Object.keys(CHARTS).sort()).toEqual([...CHART_NAMES].sort());
    for (const name of CHART_NAMES) expect(CHART_TITLES[name].length).toBeGreaterThan(0);
  });

  it('keeps exploration projects only where they carry flow', () => {
    const project = scenario.nodes.find((n) => n.stage === 'exploration')!;
    const flow = result.network.links.filter((l) => l.source === project.id).reduce((a, l) => a + l.value, 0);
    expect(data.valueChain.nodes.some((n) => n.id === project.id)).toBe(flow > 0);
    const withFlow = { ...result, network: { ...result.network, links: result.network.links.map((l) => (l.source === project.id ? { ...l, value: 5 } : l)) } };
    const vc = chartData(withFlow, scenario).valueChain;
    expect(vc.nodes.find((n) => n.id === project.id)?.stage).toBe('exploration');
    const svg = CHARTS.valueChain(vc, { document: newDocument() });
    expect(svg.querySelector(`rect.node[data-node="${project.id}"]`)).not.toBeNull();
  });

  it('states dependence bars per maker group and stage, foreign countries only', () => {
    for (const d of data.valueChain.dependence) {
      if (d.group !== 'all') expect(d.country).not.toBe(d.group);
      expect(d.share).toBe(result.dependence[d.group][d.stage].shares[d.country]);
    }
    expect(data.valueChain.benchmark).toBe(0.65);
  });

  it('turns bands into percent per month and histograms into counts over shared edges', () => {
    const f = data.fulfilment;
    expect(f.horizonMonths).toBe(scenario.horizonMonths);
    expect(f.strategies[0].points[3]).toEqual({ month: 3, ...Object.fromEntries(['p5', 'p25', 'p50', 'p75', 'p95'].map((k, i) => [k, Math.round(result.strategies[0].bands.fulfilment[3][i] * 1e5) / 1e3])) });
    for (const s of data.shortfall.strategies) expect(s.counts.reduce((a, b) => a + b, 0)).toBe(TRIALS);
    expect(data.shortfall.edges).toEqual(result.shortfallEdges);
  });

  it('windows run from the fixed or mean start for the mean duration', () => {
    const windows = disruptionWindows({
      ...scenario,
      disruptions: [
        { id: 'fixed', target: { node: 'mine-au' }, start: 6, duration: { fixed: 4 } },
        { id: 'drawn', name: 'Drawn', target: { node: 'mine-au' }, start: { triangular: [0, 3, 9] }, duration: { uniform: [2, 4] } },
        { id: 'random', target: { node: 'mine-au' }, ratePerYear: 1, duration: 3 },
      ],
    });
    expect(windows).toEqual([
      { id: 'fixed', name: 'fixed', startMonth: 6, endMonth: 10 },
      { id: 'drawn', name: 'Drawn', startMonth: 4, endMonth: 7 },
    ]);
  });

  it('compares with the baseline: zero avoided at its own cost, frontier as the engine flags it', () => {
    const [base, ...others] = data.comparison.strategies;
    expect(base).toMatchObject({ id: 'baseline', baseline: true, avoided: 0, difference: null });
    for (const s of others) {
      const r = result.strategies.find((x) => x.id === s.id)!;
      expect(s.onFrontier).toBe(r.vsBaseline!.onFrontier);
      expect(s.avoided).toBeCloseTo(-r.vsBaseline!.shortfall.mean, 6);
    }
  });

  it('splits attribution into disruptions in scenario order, structural and interaction, adding up to the mean', () => {
    const base = data.attribution.strategies[0];
    expect(base.parts.map((p) => p.id)).toEqual([...(scenario.disruptions ?? []).map((d) => d.id), 'structural', 'interaction']);
    const total = base.parts.reduce((a, p) => a + p.value, 0);
    expect(total).toBeCloseTo(result.strategies[0].metrics.shortfall.mean, 6);
  });
});
