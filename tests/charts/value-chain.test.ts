import { describe, expect, it } from 'vitest';
import { valueChainChart, drawnNetwork } from '../../src/charts/value-chain.ts';
import { all, exampleRun, expectChartBasics, hasTitle, newDocument } from './fixture.ts';

describe('valueChainChart', () => {
  const { data, result } = exampleRun();
  const vc = data.valueChain;
  const svg = valueChainChart(vc, { document: newDocument() });
  const flowing = vc.links.filter((l) => l.value > 0);
  const withFlow = vc.nodes.filter((n) => flowing.some((l) => l.source === n.id || l.target === n.id));

  it('draws one node rect per node with flow and one link path per link with value > 0', () => {
    expect(all(svg, 'rect.mark.node').length).toBe(withFlow.length);
    expect(all(svg, 'path.mark.link').length).toBe(flowing.length);
    expect(drawnNetwork(vc).nodes.length).toBe(withFlow.length);
    const linkTitles = all(svg, 'path.mark.link').map((p) => p.querySelector('title')!.textContent!);
    expect(linkTitles.every((t) => /\d t per year$/.test(t))).toBe(true);
  });

  it('has the basics, a legend of the countries drawn and one dependence bar per maker group and stage', () => {
    expectChartBasics(svg, { unitInAxis: '(%)', marks: withFlow.length + flowing.length + vc.dependence.length });
    const legendSeries = all(svg, '.legend-item').map((e) => e.getAttribute('data-series'));
    for (const n of withFlow) expect(legendSeries).toContain(n.country);
    expect(svg.querySelector('.chart-reading')!.textContent).toContain(`${result.unit} per year`);
  });

  it('labels every node with its country code and colours it by country', () => {
    for (const n of withFlow) {
      const label = svg.querySelector(`.node-label[data-node="${n.id}"]`)!;
      const text = all(label, 'tspan').map((t) => t.textContent).join(' ');
      expect(text).toMatch(new RegExp(`·\\s${n.country}$`));
      expect(label.querySelector('title')!.textContent).toBe(`${n.name} (${n.country})`);
    }
    const fill = (id: string) => svg.querySelector(`rect.node[data-node="${id}"]`)!.getAttribute('fill');
    const sameCountry = withFlow.filter((n) => n.country === 'CN').map((n) => fill(n.id));
    expect(new Set(sameCountry).size).toBe(1);
  });

  it("states each column's HHI and top country", () => {
    const heads = all(svg, '.column-head');
    expect(heads.length).toBe(3);
    for (const s of vc.stages) {
      const head = svg.querySelector(`.column-head[data-stage="${s.stage}"]`)!;
      expect(head.textContent).toContain(`HHI ${Math.round(s.hhi).toLocaleString('en-US')}`);
      expect(head.textContent).toContain(`${s.topCountry} ${Math.round(s.topShare * 100)}%`);
      expect(hasTitle(head)).toBe(true);
    }
  });

  it('flags dependences over the 65% benchmark in text, against a reference line', () => {
    expect(svg.querySelector('line.benchmark')).not.toBeNull();
    const over = vc.dependence.filter((d) => d.share > vc.benchmark);
    expect(over.length).toBeGreaterThan(0);
    expect(all(svg, '.dependence-bar[data-over="true"]').length).toBe(over.length);
    expect(all(svg, '.value-label.over').every((t) => t.textContent!.includes('over 65%'))).toBe(true);
    expect(all(svg, '.value-label.over').length).toBe(over.length);
  });

  it('takes its size from the options', () => {
    const small = valueChainChart(vc, { document: newDocument(), width: 500, height: 700 });
    expect(small.getAttribute('viewBox')).toBe('0 0 500 700');
  });
});
