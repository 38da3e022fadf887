/**
 * The chain on a world map: countries shaded by their share of one stage's capacity and labelled with
 * it, flows between countries as arcs as wide as their volume (through the chokepoints of their named
 * route, if they have one), and what the disruptions hit outlined. EU and rest of world (XX) have no
 * outline: they are points, and the legend gives their figures. Outlines come from the npm package
 * world-atlas (world-atlas.ts): nothing is fetched, in the browser or in Node.
 */
import { curveCatmullRom, geoEqualEarth, geoPath, line, symbol as d3symbol, symbolDiamond, type GeoProjection } from 'd3';
import type { ChainStage, CountryFlow, WorldMapData } from './data-types.ts';
import type { ChartOptions } from './types.ts';
import { createFrame, frameTop, hover, LABEL_SIZE, PAD, type G } from './frame.ts';
import { legend, legendHeight } from './legend.ts';
import { INK, INK_SOFT } from './palette.ts';
import { formatShare, withUnit } from './format.ts';
import { countryLabel } from './country-names.ts';
import { routeChokepoints, type Chokepoint } from './chokepoints.ts';
import { countryAnchor, POINT_ANCHORS, worldCountries } from './world-atlas.ts';
import { placeLabel, pointBox, type Box, type Place } from './label-placement.ts';
import { mapLegendItems, shareColour, NO_SHARE, TARGET_COLOUR, TARGET_DASH, flowDash } from './world-map-legend.ts';
import { countryShares, countryText, drawnFlows, pickStage, type CountryShare } from './world-map-data.ts';

export interface WorldMapOptions extends ChartOptions {
  /** the stage whose capacity shades the countries (default: the most concentrated stage) */
  stage?: ChainStage;
}

export const WORLD_MAP_TITLE = 'The chain on the map';

const LABEL_FONT = LABEL_SIZE - 1;

/** Countries shaded by their share of one stage's capacity, flows between them as arcs, disruption targets outlined. */
export function worldMapChart(data: WorldMapData, options: WorldMapOptions = {}): SVGSVGElement {
  const stage = pickStage(data, options.stage);
  const shares = countryShares(data, stage);
  const flows = drawnFlows(data);
  const width = options.width ?? 720;
  const reading = options.reading ?? worldMapReading(data, stage);
  const items = mapLegendItems(data, stage, shares, flows);
  // the map takes the chart's width, and the chart is as tall as the map then needs
  const land = worldCountries().land;
  const fitted = geoEqualEarth().fitWidth(width - 2 * PAD, land);
  const [[, y0], [, y1]] = geoPath(fitted).bounds(land);
  const height = options.height ?? Math.ceil(frameTop(width, reading) + legendHeight(items, width) + (y1 - y0) + 2 * PAD);
  const frame = createFrame({ ...options, reading, height }, { name: 'worldMap', width, height, title: WORLD_MAP_TITLE, reading });
  frame.svg.attr('data-stage', stage ?? '');
  const top = legend(frame.svg, items, frame.top, frame.width) + PAD;
  const projection = geoEqualEarth().fitExtent([[PAD, top], [frame.width - PAD, frame.height - PAD]], land);
  const g = frame.svg.append('g').attr('class', 'plot map');
  const outlined = outlinedCountries(data);
  drawCountries(g, data, stage, shares, projection, outlined);
  const chokepoints = drawChokepoints(g, data, flows, projection);
  drawFlows(g, data, flows, projection, { x0: PAD, x1: frame.width - PAD, y0: top, y1: frame.height - PAD });
  drawPoints(g, data, stage, shares, projection, outlined);
  drawLabels(g, data, shares, projection, { x0: PAD, x1: frame.width - PAD, y0: top, y1: frame.height - PAD }, chokepoints);
  return frame.svg.node()!;
}

/** The reading: the stage's largest country, the largest flow between countries, and what is outlined. */
export function worldMapReading(data: WorldMapData, stage: ChainStage | null): string {
  const shares = countryShares(data, stage);
  const flows = drawnFlows(data);
  const parts: string[] = [];
  const topShare = shares[0];
  if (stage && topShare) parts.push(`${capitalise(stage)}: ${countryLabel(topShare.country)} holds ${formatShare(topShare.share)} of capacity.`);
  if (flows.length > 0) {
    const big = flows.reduce((a, b) => (b.value > a.value ? b : a));
    parts.push(`${flows.length} flows between countries (${data.flowsAre}); the largest ${big.from} → ${big.to}, ${withUnit(big.value, data.unit)} a year.`);
  } else parts.push('No material crosses a border.');
  const hit = [...outlinedCountries(data).keys()];
  const routes = [...new Set(data.targets.filter((t) => t.kind === 'supply').flatMap((t) => t.routes))].map((id) => data.routes.find((r) => r.id === id)?.name ?? id);
  if (hit.length + routes.length > 0) parts.push(`Outlined: what the disruptions hit (${[...hit, ...routes].join(', ')}).`);
  return parts.join(' ');
}

// ---- layers --------------------------------------------------------------------------------------

// Arrowheads are drawn as paths rather than SVG markers: a marker is a url(#id) reference, which some
// SVG readers drop and which would clash when two maps share one HTML page.
function arrowhead(layer: G, [x, y]: [number, number], [fx, fy]: [number, number], width: number): void {
  const angle = (Math.atan2(y - fy, x - fx) * 180) / Math.PI;
  const size = 5 + width / 2;
  layer.append('path').attr('class', 'arrowhead').attr('d', `M0,0L${-size * 1.6},${-size}L${-size * 1.6},${size}Z`)
    .attr('transform', `translate(${x},${y}) rotate(${angle})`).attr('fill', INK).attr('fill-opacity', 0.8);
}

/** Supply targets by country: the names of the disruptions that hit each. */
function outlinedCountries(data: WorldMapData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of data.targets) {
    if (t.kind !== 'supply') continue;
    for (const c of t.countries) out.set(c, [...(out.get(c) ?? []), t.name]);
  }
  return out;
}

function drawCountries(g: G, data: WorldMapData, stage: ChainStage | null, shares: CountryShare[], projection: GeoProjection, outlined: Map<string, string[]>): void {
  const path = geoPath(projection);
  const byCode = new Map(shares.map((s) => [s.country, s]));
  const layer = g.append('g').attr('class', 'countries');
  // no sphere behind the land: fitted to the land without Antarctica, it would be cut at the bottom edge
  for (const f of worldCountries().countries) {
    const share = byCode.get(f.properties.code);
    const el = layer.append('path').attr('d', path(f) ?? '').attr('stroke', '#ffffff').attr('stroke-width', 0.5);
    if (share) {
      el.attr('class', 'mark country').attr('data-country', share.country).attr('fill', shareColour(share.share)).attr('stroke', '#5a6b7b');
      hover(el, () => countryText(data, stage, share.country));
    } else {
      el.attr('class', 'country-outline').attr('fill', NO_SHARE);
      if (f.properties.code && inScenario(data, f.properties.code)) hover(el, () => countryText(data, stage, f.properties.code));
    }
  }
  // targets on top of every fill, so that a neighbour's fill never hides an outline
  for (const [code, names] of outlined) {
    const f = worldCountries().byCode.get(code);
    if (!f) continue;
    const outline = layer.append('path').attr('class', 'target-outline').attr('data-country', code).attr('d', path(f) ?? '')
      .attr('fill', 'none').attr('stroke', TARGET_COLOUR).attr('stroke-width', 2).attr('stroke-dasharray', TARGET_DASH);
    hover(outline, () => `${countryLabel(code)}: hit by ${names.join('; ')}`);
  }
}

const inScenario = (data: WorldMapData, code: string): boolean =>
  data.stages.some((s) => s.countries.some((c) => c.country === code)) || data.flows.some((f) => f.from === code || f.to === code);

interface DrawnChokepoint {
  point: Chokepoint;
  x: number;
  y: number;
}

/** The chokepoints of the scenario's routes, outlined when a disruption closes the route. */
function drawChokepoints(g: G, data: WorldMapData, flows: CountryFlow[], projection: GeoProjection): DrawnChokepoint[] {
  const used = new Map<string, { point: Chokepoint; routes: string[] }>();
  const routeIds = new Set([...data.routes.map((r) => r.id), ...flows.flatMap((f) => (f.route ? [f.route] : []))]);
  for (const id of routeIds) for (const c of routeChokepoints(id)) used.set(c.id, { point: c, routes: [...(used.get(c.id)?.routes ?? []), id] });
  const hit = new Set(data.targets.filter((t) => t.kind === 'supply').flatMap((t) => t.routes));
  const layer = g.append('g').attr('class', 'chokepoints');
  const drawn: DrawnChokepoint[] = [];
  for (const { point, routes } of used.values()) {
    const [x, y] = projection(point.at)!;
    const closed = routes.some((r) => hit.has(r));
    const mark = layer.append('path').attr('class', 'chokepoint').attr('data-chokepoint', point.id)
      .attr('transform', `translate(${x},${y})`).attr('d', d3symbol(symbolDiamond, 60)() ?? '')
      .attr('fill', '#ffffff').attr('stroke', closed ? TARGET_COLOUR : INK).attr('stroke-width', closed ? 2 : 1);
    const names = routes.map((r) => data.routes.find((d) => d.id === r)?.name ?? r);
    hover(mark, () => `${point.name}, on ${names.join('; ')}${closed ? ' (a disruption closes it)' : ''}`);
    drawn.push({ point, x, y });
  }
  return drawn;
}

function drawFlows(g: G, data: WorldMapData, flows: CountryFlow[], projection: GeoProjection, bounds: Box): void {
  const max = Math.max(0, ...flows.map((f) => f.value));
  const layer = g.append('g').attr('class', 'flows').attr('fill', 'none');
  // through the stops in screen space: great circles from a point in the South Pacific would cross the poles
  const through = line().curve(curveCatmullRom.alpha(0.5));
  for (const f of [...flows].sort((a, b) => b.value - a.value)) {
    const from = countryAnchor(f.from);
    const to = countryAnchor(f.to);
    if (!from || !to) continue;
    // rest of world is no place, so its flows cannot pass a particular strait
    const stops = f.route && f.from !== 'XX' && f.to !== 'XX' ? routeChokepoints(f.route).map((c) => c.at) : [];
    // through the chokepoints nearest the origin first: Bab-el-Mandeb before Suez on the way to Europe
    const ordered = orderStops(from, stops);
    const [a, b] = [projection(from)!, projection(to)!];
    const stopsXY = ordered.map((p) => projection(p)!);
    const bent = curve(a, b, bounds);
    const d = stopsXY.length > 0 ? through([a, ...stopsXY, b]) : bent.d;
    const width = max > 0 ? 1 + (7 * f.value) / max : 1;
    const arc = layer.append('path').attr('class', 'mark flow').attr('data-from', f.from).attr('data-to', f.to)
      .attr('data-route', f.route ?? null).attr('d', d ?? '')
      .attr('stroke', INK).attr('stroke-opacity', 0.65).attr('stroke-width', width)
      .attr('stroke-dasharray', flowDash(f.stage) || null).attr('stroke-linecap', 'round');
    // the head points along the curve's last stretch: from the control point, or from the last chokepoint
    arrowhead(layer, b, stopsXY.length > 0 ? stopsXY[stopsXY.length - 1] : bent.control, width);
    const via = f.route ? ` via ${data.routes.find((r) => r.id === f.route)?.name ?? f.route}` : '';
    hover(arc, () => `${countryLabel(f.from)} → ${countryLabel(f.to)}${via}: ${withUnit(f.value, data.unit)} a year${f.stage ? ` of ${f.stage} output` : ''}`);
  }
}

/**
 * A curve bending to the left of its direction, so that flows both ways between two countries stay
 * apart; to the right instead when bending left would carry it off the map.
 */
function curve([x0, y0]: [number, number], [x1, y1]: [number, number], bounds: Box): { d: string; control: [number, number] } {
  const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const [dx, dy] = [x1 - x0, y1 - y0];
  const k = 0.22;
  // the curve's furthest point is half-way to the control point
  const inside = (s: number) => {
    const [px, py] = [mx + (s * dy * k) / 2, my - (s * dx * k) / 2];
    return px >= bounds.x0 && px <= bounds.x1 && py >= bounds.y0 && py <= bounds.y1;
  };
  const side = inside(1) || !inside(-1) ? 1 : -1;
  const control: [number, number] = [mx + side * dy * k, my - side * dx * k];
  return { d: `M${x0},${y0}Q${control[0]},${control[1]} ${x1},${y1}`, control };
}

function orderStops(from: [number, number], stops: [number, number][]): [number, number][] {
  const rest = [...stops];
  const out: [number, number][] = [];
  let at = from;
  while (rest.length > 0) {
    let k = 0;
    rest.forEach((p, i) => (degrees(at, p) < degrees(at, rest[k]) ? (k = i) : null));
    at = rest.splice(k, 1)[0];
    out.push(at);
  }
  return out;
}

const degrees = (a: [number, number], b: [number, number]): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** EU and rest of world: circles at their anchors, shaded like a country, outlined when targeted. */
function drawPoints(g: G, data: WorldMapData, stage: ChainStage | null, shares: CountryShare[], projection: GeoProjection, outlined: Map<string, string[]>): void {
  const layer = g.append('g').attr('class', 'points');
  for (const code of Object.keys(POINT_ANCHORS)) {
    const share = shares.find((s) => s.country === code);
    if (!share && !inScenario(data, code)) continue;
    const [x, y] = projection(POINT_ANCHORS[code])!;
    const circle = layer.append('circle').attr('cx', x).attr('cy', y).attr('r', 7)
      .attr('fill', share ? shareColour(share.share) : NO_SHARE).attr('stroke', outlined.has(code) ? TARGET_COLOUR : INK)
      .attr('stroke-width', outlined.has(code) ? 2 : 1).attr('stroke-dasharray', code === 'XX' ? '2 2' : null);
    if (share) circle.attr('class', 'mark country country-point').attr('data-country', code);
    else circle.attr('class', 'country-point').attr('data-country', code);
    hover(circle, () => countryText(data, stage, code));
  }
}

const PLACES: Place[] = [
  { dx: 0, dy: 4, anchor: 'middle' },
  { dx: 9, dy: 4, anchor: 'start' },
  { dx: -9, dy: 4, anchor: 'end' },
  { dx: 0, dy: -9, anchor: 'middle' },
  { dx: 0, dy: 17, anchor: 'middle' },
  { dx: 12, dy: -8, anchor: 'start' },
  { dx: -12, dy: -8, anchor: 'end' },
  { dx: 12, dy: 16, anchor: 'start' },
  { dx: -12, dy: 16, anchor: 'end' },
];

/**
 * Labels, each clear of the others, the points and the chokepoints: "CN 98%" for each country with a
 * share (largest first, in bold), then the code of every other country of the scenario (where arcs
 * end), then the chokepoints' names.
 */
function drawLabels(g: G, data: WorldMapData, shares: CountryShare[], projection: GeoProjection, bounds: Box, chokepoints: DrawnChokepoint[]): void {
  const layer = g.append('g').attr('class', 'map-labels').attr('font-size', LABEL_FONT);
  const at = (code: string) => {
    const a = countryAnchor(code);
    return a ? projection(a) : null;
  };
  const shared = new Set(shares.map((s) => s.country));
  const others = [...new Set([...data.stages.flatMap((s) => s.countries.map((c) => c.country)), ...data.flows.flatMap((f) => [f.from, f.to])])]
    .filter((c) => !shared.has(c))
    .sort();
  const taken: Box[] = [
    ...chokepoints.map((c) => pointBox(c.x, c.y, 6)),
    ...Object.keys(POINT_ANCHORS).flatMap((c) => (shared.has(c) || others.includes(c) ? [pointBox(...at(c)!, 8)] : [])),
  ];
  const put = (x: number, y: number, text: string, places: Place[], attrs: Record<string, string>) => {
    const placed = placeLabel({ x, y, variants: [[text]], places, fontSize: LABEL_FONT }, taken, bounds);
    taken.push(placed.box);
    const t = layer.append('text').attr('x', placed.x).attr('y', placed.y).attr('text-anchor', placed.place.anchor).attr('fill', INK)
      // a white halo keeps the label legible on a dark fill and across flow lines
      .attr('stroke', '#ffffff').attr('stroke-width', 3).attr('stroke-linejoin', 'round').attr('paint-order', 'stroke').text(text);
    for (const [k, v] of Object.entries(attrs)) t.attr(k, v);
  };
  const placesFor = (code: string) => (POINT_ANCHORS[code] ? PLACES.slice(1) : PLACES);
  for (const s of shares) {
    const p = at(s.country);
    if (p) put(p[0], p[1], `${s.country} ${formatShare(s.share)}`, placesFor(s.country), { class: 'country-label', 'data-country': s.country, 'font-weight': 'bold' });
  }
  for (const code of others) {
    const p = at(code);
    if (p) put(p[0], p[1], code, placesFor(code), { class: 'country-label country-code', 'data-country': code });
  }
  for (const c of chokepoints) put(c.x, c.y, c.point.label, PLACES.slice(1), { class: 'chokepoint-label', 'font-style': 'italic', fill: INK_SOFT });
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
