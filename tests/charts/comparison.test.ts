import { describe, expect, it } from 'vitest';
import { comparisonChart } from '../../src/charts/comparison.ts';
import { all, exampleRun, expectChartBasics, newDocument } from './fixture.ts';

describe('comparisonChart', () => {
  const { data } = exampleRun();
  const c = data.comparison;
  const svg = comparisonChart(c, { document: newDocument() });
  const n = c.strategies.length;

  it('draws one whisker and dot per non-baseline strategy and one cost point per strategy', () => {
    expect(all(svg, 'path.mark.whisker').length).toBe(n - 1);
    expect(all(svg, '.mark.diff-dot').length).toBe(n - 1);
    expect(all(svg, '.mark.cost-point').map((p) => p.getAttribute('data-series'))).toEqual(c.strategies.map((s) => s.id));
    expect(all(svg, '.point-label').length).toBe(n);
    expect(svg.querySelector('.mark.whisker[data-series="baseline"]')).toBeNull();
  });

  it('has the basics, with units and the currency on the axes', () => {
    const frontier = c.strategies.some((s) => s.onFrontier) ? 1 : 0;
    expectChartBasics(svg, { unitInAxis: '(t)', marks: 2 * (n - 1) + n + frontier });
    expect(all(svg, '.axis-label').some((e) => e.textContent!.includes('(USD m)'))).toBe(true);
    expect(all(svg, 'line.zero').length).toBe(2);
  });

  it('draws the frontier through the frontier points, the baseline at zero avoided', () => {
    const base = c.strategies[0];
    expect(base.baseline && base.avoided === 0 && base.difference === null).toBe(true);
    const frontierIds = c.strategies.filter((s) => s.onFrontier).map((s) => s.id);
    expect(frontierIds.length).toBeGreaterThan(0);
    const title = svg.querySelector('.mark.frontier title')!.textContent!;
    for (const s of c.strategies) expect(title.includes(s.name)).toBe(s.onFrontier);
    expect(all(svg, '.cost-point[data-frontier="true"]').length).toBe(frontierIds.length);
  });

  it('gives each strategy its own symbol', () => {
    const symbols = all(svg, '.mark.cost-point').map((p) => p.getAttribute('data-symbol'));
    expect(new Set(symbols).size).toBe(n);
  });
});
