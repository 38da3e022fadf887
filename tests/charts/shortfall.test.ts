import { describe, expect, it } from 'vitest';
import { shortfallChart, cumulativePct } from '../../src/charts/shortfall.ts';
import { all, exampleRun, expectChartBasics, newDocument, TRIALS } from './fixture.ts';

describe('shortfallChart', () => {
  const { data } = exampleRun();
  const sf = data.shortfall;
  const svg = shortfallChart(sf, { document: newDocument() });
  const nonEmpty = (id: string) => sf.strategies.find((s) => s.id === id)!.counts.filter((c) => c > 0).length;

  it('draws one bar per non-empty bin per strategy, one CDF line and three labelled rules each', () => {
    for (const s of sf.strategies) {
      expect(all(svg, `rect.mark.bar[data-series="${s.id}"]`).length).toBe(nonEmpty(s.id));
      expect(all(svg, `path.mark.cdf[data-series="${s.id}"]`).length).toBe(1);
      const rules = all(svg, `line.mark.rule[data-series="${s.id}"]`).map((r) => r.getAttribute('data-stat'));
      expect(rules).toEqual(['p50', 'p95', 'cvar95']);
    }
    const labels = all(svg, '.rule-label').map((t) => t.textContent!);
    expect(labels.length).toBe(3 * sf.strategies.length);
    expect(labels.filter((t) => t.startsWith('P50 ')).length).toBe(sf.strategies.length);
    expect(labels.filter((t) => t.startsWith('CVaR 95% ')).every((t) => t.endsWith(' t'))).toBe(true);
  });

  it('has the basics, with the unit on the x axis', () => {
    const bars = sf.strategies.reduce((a, s) => a + nonEmpty(s.id), 0);
    expectChartBasics(svg, { unitInAxis: '(t)', marks: bars + 4 * sf.strategies.length });
    expect(all(svg, '.axis-label').some((e) => e.textContent!.includes('Cumulative (%)'))).toBe(true);
    const counts = all(svg, 'rect.mark.bar').map((b) => Number(/: (\d+) trials/.exec(b.querySelector('title')!.textContent!)![1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(TRIALS * sf.strategies.length);
  });

  it('draws one chosen strategy with its three rules', () => {
    const one = shortfallChart(sf, { document: newDocument(), strategies: ['baseline'] });
    expect(all(one, '.mark.rule').length).toBe(3);
    expect(all(one, '.mark.bar').length).toBe(nonEmpty('baseline'));
  });

  it('computes the CDF from 0 to 100%', () => {
    const cdf = cumulativePct(sf.strategies[0].counts);
    expect(cdf[0]).toBe(0);
    expect(cdf[cdf.length - 1]).toBeCloseTo(100, 9);
    expect(cdf.length).toBe(sf.edges.length);
  });
});
