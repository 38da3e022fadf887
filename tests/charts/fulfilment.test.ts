import { describe, expect, it } from 'vitest';
import { fulfilmentChart } from '../../src/charts/fulfilment.ts';
import { all, exampleRun, expectChartBasics, newDocument } from './fixture.ts';

describe('fulfilmentChart', () => {
  const { data, result } = exampleRun();
  const f = data.fulfilment;
  const svg = fulfilmentChart(f, { document: newDocument() });
  const n = f.strategies.length;

  it('draws per strategy one median path and two band areas', () => {
    for (const s of f.strategies) {
      expect(all(svg, `path.mark.median[data-series="${s.id}"]`).length).toBe(1);
      expect(all(svg, `path.mark.band[data-series="${s.id}"]`).length).toBe(2);
    }
    expect(all(svg, '.mark.median').length).toBe(n);
    expect(all(svg, '.mark.band-outer').length).toBe(n);
    expect(all(svg, '.mark.band-inner').length).toBe(n);
  });

  it('has the basics, with months and percent on the axes and every strategy in the legend', () => {
    expectChartBasics(svg, { unitInAxis: '(%)', marks: 3 * n + f.windows.length });
    expect(all(svg, '.axis-label').some((e) => e.textContent!.startsWith('Month'))).toBe(true);
    const legendSeries = all(svg, '.legend-item').map((e) => e.getAttribute('data-series'));
    for (const s of f.strategies) expect(legendSeries).toContain(s.id);
  });

  it('tells strategies apart by dash as well as colour', () => {
    const medians = all(svg, '.mark.median');
    expect(new Set(medians.map((m) => m.getAttribute('stroke'))).size).toBe(n);
    expect(new Set(medians.map((m) => m.getAttribute('stroke-dasharray') ?? 'solid')).size).toBe(n);
  });

  it('marks the scripted disruption as a labelled span from its start for its duration', () => {
    expect(f.windows).toEqual([{ id: 'cn-export-controls', name: 'Export controls on refined material', startMonth: 6, endMonth: 24 }]);
    const span = svg.querySelector('rect.window[data-window="cn-export-controls"]')!;
    const x0 = Number(span.getAttribute('x'));
    const width = Number(span.getAttribute('width'));
    // the x axis runs 0..horizon over the plot width, so the span covers 18 of 60 months
    const ticks = all(svg, '.axis-x .tick').map((t) => [Number(t.querySelector('text')!.textContent), Number(/translate\(([\d.]+)/.exec(t.getAttribute('transform')!)![1])]);
    const [[m0, px0], [m1, px1]] = [ticks[0], ticks[ticks.length - 1]];
    const perMonth = (px1 - px0) / (m1 - m0);
    // d3-axis shifts ticks by half a pixel for crisp lines
    expect(Math.abs(x0 - (px0 + 6 * perMonth))).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(width).toBeCloseTo(18 * perMonth, 6);
    expect(all(svg, '.window-label').map((t) => t.textContent)).toEqual(['Export controls on refined material']);
    expect(result.periods).toBe(60);
  });

  it('draws only the chosen strategies, and zooms the y axis on request', () => {
    const one = fulfilmentChart(f, { document: newDocument(), strategies: ['stockpile-3m'], yMin: 'auto' });
    expect(all(one, '.mark.median').map((m) => m.getAttribute('data-series'))).toEqual(['stockpile-3m']);
    // its palette index stays that of its place in the data, so colours match across charts
    expect(one.querySelector('.mark.median')!.getAttribute('stroke')).toBe(svg.querySelector('.mark.median[data-series="stockpile-3m"]')!.getAttribute('stroke'));
    const lowestTick = Number(one.querySelector('.axis-y .tick text')!.textContent);
    expect(lowestTick).toBeGreaterThan(0);
  });

  it('shows every month\'s numbers on hover', () => {
    const strips = all(svg, '.hover-strip');
    expect(strips.length).toBe(f.strategies[0].points.length);
    expect(strips[10].querySelector('title')!.textContent).toMatch(/^Month 10\n/);
  });
});
