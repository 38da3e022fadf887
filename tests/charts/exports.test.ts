/** Standalone SVG text and CSV of every chart, from a real run. */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { CHARTS, CHART_NAMES, CHART_TITLES, renderChart } from '../../src/charts/index.ts';
import { serializeSvg } from '../../src/charts/serialize.ts';
import { chartCsv, unitSuffix } from '../../src/report/chart-csv.ts';
import { drawnNetwork } from '../../src/charts/value-chain.ts';
import { exampleRun, newDocument } from './fixture.ts';
import { parseCsvRows as parseCsv } from '../export/fixture.ts';


describe('serializeSvg', () => {
  const { data } = exampleRun();
  const parser = new new JSDOM('').window.DOMParser();

  it.each(CHART_NAMES)('%s: parses as standalone SVG with no external references', (name) => {
    const text = serializeSvg(renderChart(name, data, { document: newDocument() }));
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    const doc = parser.parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    const root = doc.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('font-family')).toMatch(/system-ui/);
    expect(root.getElementsByTagName('style').length).toBe(1);
    expect(root.getElementsByTagName('title')[0].textContent).toBe(CHART_TITLES[name]);
    // no links, images, external stylesheets or web fonts: the only URL is the namespace
    const withoutNamespaces = text.replace(/xmlns(:\w+)?="[^"]*"/g, '');
    expect(withoutNamespaces).not.toMatch(/https?:|href=|@import|url\(|<image|<link|<script|<foreignObject/i);
    expect(text.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)?.length).toBe(1);
  });

  it('leaves the chart itself untouched', () => {
    const svg = CHARTS.shortfall(data.shortfall, { document: newDocument() });
    const before = svg.outerHTML;
    serializeSvg(svg);
    expect(svg.outerHTML).toBe(before);
  });
});

describe('chartCsv', () => {
  const { data } = exampleRun();
  const rows = (name: Parameters<typeof chartCsv>[0], options = {}) => parseCsv(chartCsv(name, data[name], options));

  it('value chain: one row per drawn link, flow in units per year', () => {
    const r = rows('valueChain');
    expect(r[0]).toContain('flow_t_per_year');
    const links = drawnNetwork(data.valueChain).links;
    expect(r.length - 1).toBe(links.length);
    expect(Number(r[1][r[0].indexOf('flow_t_per_year')])).toBe(links[0].value);
    expect(r[1][r[0].indexOf('source')]).toBe(data.valueChain.nodes.find((n) => n.id === links[0].source)!.name);
  });

  it('fulfilment: one row per strategy and period, percent columns', () => {
    const r = rows('fulfilment');
    expect(r[0]).toEqual(['strategy_id', 'strategy', 'month', 'p5_fulfilment_pct', 'p25_fulfilment_pct', 'p50_fulfilment_pct', 'p75_fulfilment_pct', 'p95_fulfilment_pct']);
    const f = data.fulfilment;
    expect(r.length - 1).toBe(f.strategies.length * f.strategies[0].points.length);
    const row = r.find((x) => x[0] === 'stockpile-3m' && x[2] === '20')!;
    expect(Number(row[3])).toBe(f.strategies[1].points[20].p5);
    expect(rows('fulfilment', { strategies: ['baseline'] }).length - 1).toBe(f.strategies[0].points.length);
  });

  it('shortfall: one row per strategy and bin, with the unit in the bin columns', () => {
    const r = rows('shortfall');
    expect(r[0].slice(0, 6)).toEqual(['strategy_id', 'strategy', 'bin_from_t', 'bin_to_t', 'trials', 'cumulative_pct']);
    const s = data.shortfall;
    expect(r.length - 1).toBe(s.strategies.length * (s.edges.length - 1));
    const baseline = r.filter((x) => x[0] === 'baseline');
    expect(baseline.map((x) => Number(x[4]))).toEqual(s.strategies[0].counts);
    expect(Number(baseline[0][r[0].indexOf('cvar95_t')])).toBe(s.strategies[0].cvar95);
  });

  it('comparison: one row per strategy, the baseline without a difference', () => {
    const r = rows('comparison');
    expect(r[0]).toContain('mean_cost_usd');
    expect(r.length - 1).toBe(data.comparison.strategies.length);
    expect(r[1][r[0].indexOf('difference_t')]).toBe('');
    const s = data.comparison.strategies[2];
    expect(Number(r[3][r[0].indexOf('difference_ci95_lo_t')])).toBe(s.difference!.lo);
    expect(r[3][1]).toBe(s.name);
  });

  it('attribution: one row per part of the drawn strategy, sorted as drawn', () => {
    const r = rows('attribution');
    const base = data.attribution.strategies[0];
    expect(r.length - 1).toBe(base.parts.length);
    expect(r.slice(1).map((x) => Number(x[5]))).toEqual(base.parts.map((p) => p.value).sort((a, b) => b - a));
    expect(rows('attribution', { strategy: 'stockpile-3m' }).slice(1).every((x) => x[0] === 'stockpile-3m')).toBe(true);
  });

  it('quotes names with commas and defuses formulas', () => {
    const named = { ...data.comparison, strategies: data.comparison.strategies.map((s, i) => ({ ...s, name: i === 0 ? '=1+1, "quoted"' : s.name })) };
    const r = parseCsv(chartCsv('comparison', named));
    expect(r[1][1]).toBe(`'=1+1, "quoted"`);
    expect(unitSuffix('t Ga')).toBe('t_ga');
  });
});
