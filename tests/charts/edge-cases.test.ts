/** Charts on small hand-written data: a run with only the baseline, nothing scripted, no attribution. */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { CHARTS, serializeSvg } from '../../src/charts/index.ts';
import type { ChartDataMap } from '../../src/charts/data-types.ts';
import { countryColour, OKABE_ITO, strategyColour } from '../../src/charts/palette.ts';
import { truncate, wrapLines } from '../../src/charts/format.ts';

const document = new JSDOM('<!doctype html>').window.document;
const count = (svg: Element, selector: string) => svg.querySelectorAll(selector).length;

const baselineOnly: ChartDataMap = {
  valueChain: {
    unit: 't Ga',
    nodes: [
      { id: 'm', name: 'Mine', stage: 'extraction', country: 'AU', capacity: 10 },
      { id: 'r', name: 'Refinery', stage: 'processing', country: 'CN', capacity: 10 },
      { id: 'k', name: 'Maker', stage: 'manufacturing', country: 'JP', capacity: 10 },
      { id: 'idle', name: 'Idle refinery', stage: 'processing', country: 'XX', capacity: 5 },
    ],
    links: [
      { source: 'm', target: 'r', value: 8 },
      { source: 'r', target: 'k', value: 8 },
      { source: 'm', target: 'idle', value: 0 },
    ],
    stages: [],
    dependence: [],
    benchmark: 0.65,
  },
  // no flow crosses a border, no routes, no disruptions
  worldMap: { unit: 't Ga', stages: [{ stage: 'processing', countries: [{ country: 'CN', capacity: 10 }] }], flows: [{ from: 'CN', to: 'CN', value: 8 }], flowsAre: 'test flows', routes: [], targets: [] },
  fulfilment: {
    horizonMonths: 3,
    periodMonths: 1,
    strategies: [{ id: 'baseline', name: 'Baseline', points: [0, 1, 2].map((month) => ({ month, p5: 90, p25: 95, p50: 100, p75: 100, p95: 100 })) }],
    windows: [],
  },
  shortfall: { unit: 't Ga', trials: 2, edges: [0, 1], strategies: [{ id: 'baseline', name: 'Baseline', counts: [2], p50: 0, p95: 0, cvar95: 0, mean: 0 }] },
  comparison: {
    unit: 't Ga',
    currency: 'EUR',
    strategies: [{ id: 'baseline', name: 'Baseline', baseline: true, meanCost: 0, meanShortfall: 0, difference: null, avoided: 0, onFrontier: true }],
  },
  attribution: { unit: 't Ga', strategies: [{ id: 'baseline', name: 'Baseline', trials: 0, parts: [] }] },
  // not a replay: no observed series
  replay: { monthZero: '', periodMonths: 1, horizonMonths: 3, windows: [], panels: [] },
};

describe('charts on edge cases', () => {
  it('render a run with only the baseline, and serialize', () => {
    for (const [name, chart] of Object.entries(CHARTS)) {
      const svg = (chart as (d: unknown, o: object) => SVGSVGElement)(baselineOnly[name as keyof ChartDataMap], { document });
      expect(serializeSvg(svg)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('draw the replay chart for a scenario without observed series as a small frame that says so, with no marks', () => {
    const svg = CHARTS.replay(baselineOnly.replay, { document });
    expect(svg.querySelector('.chart-reading')?.textContent).toContain('no observed series');
    expect(count(svg, '.mark')).toBe(0);
    expect(count(svg, '.panel')).toBe(0);
    expect(Number(svg.getAttribute('height'))).toBeLessThan(200);
  });

  it('leave out nodes and links without flow', () => {
    const svg = CHARTS.valueChain(baselineOnly.valueChain, { document });
    expect(count(svg, 'rect.mark.node')).toBe(3);
    expect(count(svg, 'path.mark.link')).toBe(2);
    expect(svg.querySelector('.panel-dependence')).toBeNull();
  });

  it('say when attribution was not computed', () => {
    const svg = CHARTS.attribution(baselineOnly.attribution, { document });
    expect(count(svg, '.mark')).toBe(0);
    expect(svg.querySelector('.empty')!.textContent).toMatch(/not computed/);
  });

  it('draw no whisker for the baseline, and its point at zero avoided', () => {
    const svg = CHARTS.comparison(baselineOnly.comparison, { document });
    expect(count(svg, '.mark.whisker')).toBe(0);
    expect(count(svg, '.mark.cost-point')).toBe(1);
    expect(svg.querySelector('.chart-reading')!.textContent).toMatch(/nothing to compare/);
  });

  it('take title, reading and size from the options', () => {
    const svg = CHARTS.fulfilment(baselineOnly.fulfilment, { document, title: 'My title', reading: 'My reading', width: 300, height: 200 });
    expect(svg.querySelector('.chart-title')!.textContent).toBe('My title');
    expect(svg.querySelector('.chart-reading')!.textContent).toContain('My reading');
    expect(svg.getAttribute('viewBox')).toBe('0 0 300 200');
  });
});

describe('palette and text', () => {
  it('keeps a country its colour and the baseline black', () => {
    expect(countryColour('CN')).toBe(OKABE_ITO.vermillion);
    expect(countryColour('ZZ')).toBe(countryColour('ZZ'));
    expect(Object.values(OKABE_ITO)).toContain(countryColour('ZZ'));
    expect(strategyColour(0)).toBe(OKABE_ITO.black);
  });

  it('cuts and wraps long names with an ellipsis', () => {
    expect(truncate('short', 100, 10)).toBe('short');
    expect(truncate('a very long strategy name indeed', 60, 10)).toMatch(/…$/);
    const lines = wrapLines('one two three four five six seven eight nine ten', 60, 10, 2);
    expect(lines.length).toBe(2);
    expect(lines[1]).toMatch(/…$/);
  });
});
