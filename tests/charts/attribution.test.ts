import { describe, expect, it } from 'vitest';
import { attributionChart } from '../../src/charts/attribution.ts';
import { all, exampleRun, expectChartBasics, newDocument } from './fixture.ts';

describe('attributionChart', () => {
  const { data, scenario } = exampleRun();
  const a = data.attribution;
  const svg = attributionChart(a, { document: newDocument() });
  const disruptions = (scenario.disruptions ?? []).length;

  it('draws one bar per disruption plus the structural part and the interaction, sorted, with values', () => {
    const bars = all(svg, 'rect.mark.bar');
    expect(bars.length).toBe(disruptions + 2);
    expect(bars.filter((b) => b.getAttribute('data-kind') === 'structural').length).toBe(1);
    expect(bars.filter((b) => b.getAttribute('data-kind') === 'interaction').length).toBe(1);
    const base = a.strategies[0];
    const value = (id: string) => base.parts.find((p) => p.id === id)!.value;
    const order = bars.map((b) => value(b.getAttribute('data-part')!));
    expect(order).toEqual([...order].sort((x, y) => y - x));
    expect(all(svg, '.value-label').length).toBe(disruptions + 2);
    expect(bars.every((b) => b.getAttribute('data-series') === 'baseline')).toBe(true);
  });

  it('has the basics, with the unit on the axis and the kinds in the legend', () => {
    expectChartBasics(svg, { unitInAxis: '(t)', marks: disruptions + 2 });
    expect(all(svg, '.legend-item').map((e) => e.getAttribute('data-series'))).toEqual(['disruption', 'structural', 'interaction']);
  });

  it('draws a negative interaction to the left of zero', () => {
    const base = a.strategies[0];
    const interaction = base.parts.find((p) => p.kind === 'interaction')!;
    const bar = svg.querySelector('rect.bar[data-part="interaction"]')!;
    const zero = Number(svg.querySelector('line.zero')!.getAttribute('x1'));
    const x = Number(bar.getAttribute('x'));
    if (interaction.value < 0) expect(x).toBeLessThan(zero);
    else expect(x).toBeCloseTo(zero, 6);
  });

  it('draws a chosen strategy', () => {
    const other = attributionChart(a, { document: newDocument(), strategy: 'stockpile-3m' });
    expect(all(other, 'rect.mark.bar').every((b) => b.getAttribute('data-series') === 'stockpile-3m')).toBe(true);
    expect(other.querySelector('.panel-title')!.textContent).toContain('Three-month stockpile');
  });
});
