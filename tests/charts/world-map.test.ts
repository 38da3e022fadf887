import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { worldMapChart } from '../../src/charts/world-map.ts';
import { countryShares, drawnFlows, pickStage } from '../../src/charts/world-map-data.ts';
import { routeChokepoints } from '../../src/charts/chokepoints.ts';
import { countryAnchor, worldCountries } from '../../src/charts/world-atlas.ts';
import type { WorldMapData } from '../../src/charts/data-types.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { chartCsv } from '../../src/report/chart-csv.ts';
import { parseCsvRows } from '../export/fixture.ts';
import { all, exampleRun, hasTitle, newDocument } from './fixture.ts';

/** Hand-made data: EU and rest of world without outlines, a routed flow, a flow both ways, targets. */
const data: WorldMapData = {
  unit: 't Ga',
  stages: [
    { stage: 'extraction', countries: [{ country: 'CN', capacity: 900 }, { country: 'AU', capacity: 60 }, { country: 'XX', capacity: 40 }] },
    { stage: 'processing', countries: [{ country: 'CN', capacity: 700 }, { country: 'JP', capacity: 100 }, { country: 'EU', capacity: 200 }] },
  ],
  flows: [
    { from: 'AU', to: 'CN', value: 50, stage: 'extraction' },
    { from: 'CN', to: 'CN', value: 800, stage: 'extraction' },
    { from: 'XX', to: 'JP', value: 30, stage: 'extraction' },
    { from: 'CN', to: 'EU', value: 120, stage: 'processing', route: 'suez-red-sea' },
    { from: 'CN', to: 'JP', value: 60, stage: 'processing' },
    { from: 'JP', to: 'CN', value: 10, stage: 'processing' },
  ],
  flowsAre: 'test flows',
  routes: [{ id: 'suez-red-sea', name: 'Suez Canal and Red Sea' }],
  targets: [
    { id: 'cn-ban', name: 'Export ban', kind: 'supply', countries: ['CN'], routes: [] },
    { id: 'red-sea', name: 'Red Sea attacks', kind: 'supply', countries: [], routes: ['suez-red-sea'] },
    { id: 'surge', name: 'Demand surge', kind: 'demand', countries: ['JP'], routes: [] },
  ],
};

const countriesDrawn = (svg: SVGSVGElement) => all(svg, '.mark.country').map((m) => m.getAttribute('data-country')).sort();
/** Every pair of consecutive numbers in a path's d or a transform (points, and a few meaningless pairs). */
const numbersIn = (d: string): [number, number][] => {
  const n = [...d.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/g)].map((m) => Number(m[0]));
  return n.slice(1).map((y, i) => [n[i], y]);
};

describe('worldMapChart', () => {
  const svg = worldMapChart(data, { document: newDocument(), stage: 'processing' });

  it('shades every country with a share at the stage, EU as a point, and names each with its share', () => {
    expect(countriesDrawn(svg)).toEqual(['CN', 'EU', 'JP']);
    expect(svg.querySelector('.mark.country-point[data-country="EU"]')!.localName).toBe('circle');
    const labels = all(svg, '.country-label').map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['CN 70%', 'EU 20%', 'JP 10%']));
    // darker for the larger share: the class fills run light to dark
    const fill = (c: string) => svg.querySelector(`.mark.country[data-country="${c}"]`)!.getAttribute('fill');
    expect(fill('CN')).toBe('#08519c');
    expect(fill('JP')).not.toBe(fill('CN'));
    expect(svg.querySelector('.mark.country[data-country="CN"] title')!.textContent).toContain('70% of processing capacity (700 t Ga a year)');
  });

  it('draws an arc per flow across a border, as wide as its volume, with its figures on hover', () => {
    const arcs = all(svg, '.mark.flow');
    expect(arcs.map((a) => `${a.getAttribute('data-from')}>${a.getAttribute('data-to')}`).sort()).toEqual(['AU>CN', 'CN>EU', 'CN>JP', 'JP>CN', 'XX>JP']);
    const width = (from: string, to: string) => Number(svg.querySelector(`.mark.flow[data-from="${from}"][data-to="${to}"]`)!.getAttribute('stroke-width'));
    expect(width('CN', 'EU')).toBe(8);
    expect(width('CN', 'JP')).toBeCloseTo(1 + (7 * 60) / 120, 9);
    expect(width('JP', 'CN')).toBeLessThan(width('CN', 'JP'));
    // the two ways between CN and JP bend to opposite sides, so they do not cover each other
    // the quadratic's control point: the 3rd and 4th numbers of "Mx,yQcx,cy x,y"
    const mid = (from: string, to: string) => numbersIn(svg.querySelector(`.mark.flow[data-from="${from}"][data-to="${to}"]`)!.getAttribute('d')!)[2];
    expect(mid('CN', 'JP')).not.toEqual(mid('JP', 'CN'));
    expect(svg.querySelector('.mark.flow[data-from="CN"][data-to="EU"] title')!.textContent).toBe('China (CN) → European Union (EU) via Suez Canal and Red Sea: 120 t Ga a year of processing output');
    // extraction output solid, processing output dashed
    expect(svg.querySelector('.mark.flow[data-from="AU"]')!.getAttribute('stroke-dasharray')).toBeNull();
    expect(svg.querySelector('.mark.flow[data-from="CN"][data-to="JP"]')!.getAttribute('stroke-dasharray')).toBe('6 3');
    expect(all(svg, '.arrowhead').length).toBe(arcs.length);
  });

  it('takes a routed flow through its chokepoints, and outlines what the disruptions hit', () => {
    const chokepoints = all(svg, '.chokepoint').map((c) => c.getAttribute('data-chokepoint')).sort();
    expect(chokepoints).toEqual(['bab-el-mandeb', 'suez']);
    const routed = numbersIn(svg.querySelector('.mark.flow[data-route="suez-red-sea"]')!.getAttribute('d')!);
    for (const c of all(svg, '.chokepoint')) {
      const [x, y] = numbersIn(c.getAttribute('transform')!)[0];
      expect(routed.some(([px, py]) => Math.abs(px - x) < 1e-3 && Math.abs(py - y) < 1e-3), `passes ${c.getAttribute('data-chokepoint')}`).toBe(true);
      // the route is closed by a disruption, so its chokepoints are outlined too
      expect(c.getAttribute('stroke')).toBe('#D55E00');
    }
    // supply targets are outlined, a demand shock is not (it is in the hover)
    expect(all(svg, '.target-outline').map((o) => o.getAttribute('data-country'))).toEqual(['CN']);
    expect(svg.querySelector('.target-outline')!.getAttribute('stroke-dasharray')).toBe('4 2');
    expect(svg.querySelector('.mark.country[data-country="JP"] title')!.textContent).toContain('Demand surge (demand)');
  });

  it('lists EU and rest of world in the legend with their figures, and has the basics', () => {
    const legend = all(svg, '.legend-item title').map((t) => t.textContent ?? '');
    expect(legend).toContain('EU (European Union, drawn at Brussels): 20% of processing capacity; receives 120 t Ga a year');
    expect(legend).toContain('XX (Rest of world, a marker, not a place): no processing capacity; ships 30 t Ga a year');
    expect(svg.getAttribute('data-stage')).toBe('processing');
    for (const m of all(svg, '.mark')) expect(hasTitle(m)).toBe(true);
    const reading = svg.querySelector('desc')!.textContent;
    expect(reading).toContain('Processing: China (CN) holds 70% of capacity');
    expect(reading).toContain('5 flows between countries (test flows); the largest CN → EU, 120 t Ga a year');
    expect(reading).toContain('Outlined: what the disruptions hit (CN, Suez Canal and Red Sea).');
  });

  it('shades another stage on request, and picks the most concentrated stage by default', () => {
    const extraction = worldMapChart(data, { document: newDocument(), stage: 'extraction' });
    expect(countriesDrawn(extraction)).toEqual(['AU', 'CN', 'XX']);
    expect(extraction.querySelector('.mark.country-point[data-country="XX"]')).not.toBeNull();
    // extraction is 90/6/4 (HHI 0.8152), processing 70/20/10 (0.54)
    expect(pickStage(data)).toBe('extraction');
    expect(worldMapChart(data, { document: newDocument() }).getAttribute('data-stage')).toBe('extraction');
    expect(pickStage(data, 'manufacturing')).toBe('extraction');
  });

  it('draws offline: the outlines ship in the package', () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network'));
    worldMapChart(data, { document: newDocument() });
    expect(fetch).not.toHaveBeenCalled();
    expect(worldCountries().countries.length).toBeGreaterThan(170);
  });
  afterEach(() => vi.restoreAllMocks());
});

describe('the world map of a run', () => {
  const { data: all_, result, scenario } = exampleRun();
  const map = all_.worldMap;
  const svg = worldMapChart(map, { document: newDocument() });

  it('gets capacity by country and stage, flows summed country to country and each disruption\'s targets from the run', () => {
    const processing = map.stages.find((s) => s.stage === 'processing')!.countries;
    expect(processing).toEqual([{ country: 'CN', capacity: 1400 }, { country: 'IN', capacity: 300 }]);
    const total = (pred: (l: { source: string; target: string }) => boolean) => result.network.links.filter(pred).reduce((a, l) => a + l.value, 0);
    const cnToGb = map.flows.filter((f) => f.from === 'CN' && f.to === 'GB');
    expect(cnToGb).toEqual([{ from: 'CN', to: 'GB', value: total((l) => l.source === 'ref-cn' && l.target === 'maker-gb'), stage: 'processing', route: 'suez-red-sea' }]);
    expect(map.targets.map((t) => [t.id, t.kind, t.countries, t.routes])).toEqual([
      ['cn-export-controls', 'supply', ['CN'], []],
      ['red-sea', 'supply', [], ['suez-red-sea']],
      ...map.targets.slice(2).map((t) => [t.id, t.kind, t.countries, t.routes]),
    ]);
    expect(map.targets.find((t) => t.kind === 'demand')!.countries).toEqual(['GB']);
    expect(map.targets.some((t) => t.countries.includes('CL'))).toBe(true);
    expect(scenario.disruptions!.length).toBe(map.targets.length);
  });

  it('draws every country with a share and an arc per country-to-country flow', () => {
    const stage = pickStage(map);
    expect(countriesDrawn(svg)).toEqual(countryShares(map, stage).map((s) => s.country).sort());
    expect(all(svg, '.mark.flow').length).toBe(drawnFlows(map).length);
    // a map has no axes; the rest of every chart's basics hold
    expect(all(svg, '.mark').length).toBe(countryShares(map, stage).length + drawnFlows(map).length);
    expect(all(svg, '.mark').filter((m) => !hasTitle(m))).toEqual([]);
    expect(svg.querySelector('.chart-title')!.textContent).toBe('The chain on the map');
    expect(all(svg, '.legend .legend-item').length).toBeGreaterThan(5);
  });

  it('exports one CSV row per shaded country and per arc, units in the column names', () => {
    const rows = parseCsvRows(chartCsv('worldMap', map));
    expect(rows[0]).toEqual(['kind', 'stage', 'country', 'country_name', 'capacity_t_per_year', 'share', 'from', 'to', 'route', 'flow_t_per_year', 'disruptions']);
    const countries = rows.filter((r) => r[0] === 'country');
    const flows = rows.filter((r) => r[0] === 'flow');
    expect(countries.length).toBe(countryShares(map, pickStage(map)).length);
    expect(flows.length).toBe(drawnFlows(map).length);
    const cn = countries.find((r) => r[2] === 'CN')!;
    expect(Number(cn[5])).toBeCloseTo(countryShares(map, pickStage(map)).find((c) => c.country === 'CN')!.share, 12);
    expect(flows.find((r) => r[6] === 'CN' && r[7] === 'GB')![10]).toBe('red-sea');
  });
});

describe('chokepoints and country locations', () => {
  it('maps route ids to the chokepoints they pass', () => {
    expect(routeChokepoints('suez-red-sea').map((c) => c.id)).toEqual(['bab-el-mandeb', 'suez']);
    expect(routeChokepoints('malacca').map((c) => c.id)).toEqual(['malacca']);
    expect(routeChokepoints('asia-europe-via-cape').map((c) => c.id)).toEqual(['cape-of-good-hope']);
    expect(routeChokepoints('gulf-hormuz-panama').map((c) => c.id)).toEqual(['hormuz', 'panama']);
    expect(routeChokepoints('rail-kazakhstan')).toEqual([]);
  });

  it('locates every country of every shipped scenario on the map', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')) {
      const s = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Scenario;
      const codes = new Set(s.nodes.map((n) => n.country));
      for (const code of codes) expect(countryAnchor(code), `${file}: ${code}`).not.toBeNull();
    }
    // mainland France, not French Guiana: the largest polygon's centroid
    const [lon, lat] = countryAnchor('FR')!;
    expect(lon).toBeGreaterThan(-5);
    expect(lat).toBeGreaterThan(42);
  });
});
