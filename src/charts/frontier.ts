/**
 * The optimiser's cost-risk frontier: every candidate evaluated (expected total cost against the target
 * statistic), the frontier through them as a step line, the target as a dashed rule with the side that
 * meets it shaded, the strategy found with its 95% interval, and the scenario's own strategies as
 * reference points. Marks differ by shape and line style as well as colour, and the strategy found
 * and the references are named beside their marks.
 */
import { curveStepAfter, line, scaleLinear, symbol as d3symbol, symbolCircle, symbolStar, type SymbolType } from 'd3';
import type { ChartOptions } from './types.ts';
import { createFrame, frameTop, hover, LABEL_SIZE, PAD, type G } from './frame.ts';
import { legend, legendHeight, type LegendItem } from './legend.ts';
import { gridX, gridY, xAxis, yAxis, type Linear } from './axes.ts';
import { INK, INK_SOFT, OKABE_ITO, strategyColour, strategySymbol } from './palette.ts';
import { formatUnits, textWidth } from './format.ts';
import { placeLabel, pointBox, polylineBoxes, type Box, type Place } from './label-placement.ts';
import { moneyTotal, totalUnit } from './money.ts';

export interface FrontierPoint {
  label: string;
  /** expected total cost, currency units */
  cost: number;
  /** the target statistic and its 95% interval */
  value: number;
  ci95: [number, number];
}

export interface FrontierData {
  currency: string;
  /** the statistic in words, with its unit: "mean shortfall of EU makers (% of their demand)" */
  statistic: string;
  /** the bound: the statistic must be at most this */
  bound: number;
  /** true when the statistic is a probability (0..1, drawn as %) */
  probability: boolean;
  candidates: (FrontierPoint & { onFrontier: boolean; trials: number })[];
  /** the strategy found (an index into candidates), and whether it meets the target */
  found: { index: number; meetsTarget: boolean } | null;
  references: (FrontierPoint & { id: string })[];
}

export type FrontierOptions = ChartOptions;

export const FRONTIER_TITLE = 'Cost against risk: the optimiser’s frontier';

const BOTTOM = 44;
const LEFT = 64;
const FOUND_COLOUR = OKABE_ITO.vermillion;
const MEETS_SHADE = '#e9f3ee';

/** Candidates, frontier, target and the strategy found, on cost (x) and the target statistic (y). */
export function frontierChart(data: FrontierData, options: FrontierOptions = {}): SVGSVGElement {
  const width = options.width ?? 720;
  const reading = options.reading ?? frontierReading(data);
  const items = legendItems(data);
  const plotHeight = 340;
  const height = options.height ?? Math.ceil(frameTop(width, reading) + legendHeight(items, width) + 24 + plotHeight + BOTTOM);
  const frame = createFrame({ ...options, reading }, { name: 'frontier', width, height, title: FRONTIER_TITLE, reading });
  const top = legend(frame.svg, items, frame.top, frame.width) + 24;
  const box = { left: LEFT, right: frame.width - PAD - 8, top, bottom: frame.height - BOTTOM };
  const g = frame.svg.append('g').attr('class', 'plot');
  const scale = (v: number) => (data.probability ? 100 * v : v);
  const points = [...data.candidates, ...data.references];
  const costs = points.map((p) => p.cost / 1e6);
  const values = [...points.flatMap((p) => [p.value, p.ci95[0], p.ci95[1]]), data.bound].filter(Number.isFinite).map(scale);
  const x = scaleLinear().domain(pad(Math.min(...costs), Math.max(...costs))).nice(5).range([box.left, box.right]);
  // A shortfall and a probability are never below 0: the axis starts there.
  const [, yMax] = pad(0, Math.max(...values));
  const y = scaleLinear().domain([0, yMax]).nice(5).range([box.bottom, box.top]);
  gridY(g, y, box.left, box.right, 5);
  gridX(g, x, box.top, box.bottom, 5);
  targetBand(g, data, y, box, scale);
  const frontierLine = frontier(g, data, x, y, scale);
  candidates(g, data, x, y, scale);
  const taken: Box[] = [...polylineBoxes(frontierLine, 2), ...points.map((p) => pointBox(x(p.cost / 1e6), y(scale(p.value)), 5))];
  references(g, data, x, y, scale, box, taken);
  found(g, data, x, y, scale, box, taken);
  xAxis(g, x, box.bottom, { label: `Expected total cost over the horizon (${totalUnit(data.currency)})`, ticks: 5, format: (v) => v.toLocaleString('en-US') });
  yAxis(g, y, box.left, { label: data.probability ? `${data.statistic} (%)` : data.statistic, ticks: 5, format: formatUnits, labelRaise: 12 });
  return frame.svg.node()!;
}

/** The reading: what was found, against the target, at what cost. */
export function frontierReading(data: FrontierData): string {
  const show = (v: number) => (data.probability ? `${formatUnits(100 * v)}%` : formatUnits(v));
  const bound = `${data.statistic} ≤ ${show(data.bound)}`;
  if (!data.found) return `No candidate was evaluated against the target ${bound}.`;
  const f = data.candidates[data.found.index];
  const at = `${f.label}: ${show(f.value)} [${show(f.ci95[0])}, ${show(f.ci95[1])}] at ${moneyTotal(f.cost, data.currency)}`;
  return data.found.meetsTarget
    ? `Cheapest found to meet ${bound}: ${at}.`
    : `No candidate meets ${bound}; the closest is ${at}.`;
}

function legendItems(data: FrontierData): LegendItem[] {
  return [
    { label: 'Candidate evaluated', colour: '#ffffff', swatch: 'symbol', symbol: symbolCircle, stroke: INK_SOFT, series: 'candidates' },
    { label: 'Frontier: no candidate cheaper and better', colour: INK_SOFT, swatch: 'line', dash: '5 3', symbol: symbolCircle, stroke: INK_SOFT, series: 'frontier' },
    { label: `Target: at most ${data.probability ? `${formatUnits(100 * data.bound)}%` : formatUnits(data.bound)}`, colour: OKABE_ITO.bluishGreen, swatch: 'line', dash: '2 2', series: 'target' },
    { label: data.found?.meetsTarget === false ? 'Closest found (target not met)' : 'Strategy found', colour: FOUND_COLOUR, swatch: 'symbol', symbol: symbolStar, series: 'found' },
    ...data.references.map((r, i): LegendItem => ({ label: r.label, colour: strategyColour(i), swatch: 'symbol', symbol: referenceSymbol(i), series: r.id })),
  ];
}

// The references take the strategy symbols after the circle (the candidates') and the star (the strategy found).
const REFERENCE_SYMBOLS = [1, 2, 3, 4, 6, 0];
const referenceSymbol = (i: number): SymbolType => strategySymbol(REFERENCE_SYMBOLS[i % REFERENCE_SYMBOLS.length]);

function targetBand(g: G, data: FrontierData, y: Linear, box: { left: number; right: number; top: number; bottom: number }, scale: (v: number) => number): void {
  const yb = y(scale(data.bound));
  if (!Number.isFinite(yb)) return;
  const top = Math.max(box.top, Math.min(box.bottom, yb));
  g.append('rect').attr('class', 'target-band').attr('x', box.left).attr('y', top).attr('width', box.right - box.left).attr('height', box.bottom - top)
    .attr('fill', MEETS_SHADE);
  g.append('line').attr('class', 'mark target-line').attr('data-series', 'target').attr('x1', box.left).attr('x2', box.right).attr('y1', yb).attr('y2', yb)
    .attr('stroke', OKABE_ITO.bluishGreen).attr('stroke-width', 1.5).attr('stroke-dasharray', '2 2');
  g.append('text').attr('class', 'target-label').attr('x', box.right - 4).attr('y', Math.min(box.bottom - 4, yb + 14)).attr('text-anchor', 'end')
    .attr('font-size', LABEL_SIZE - 1).attr('fill', INK).text('meets the target below this line');
}

/** The frontier as a step line through the frontier candidates, cheapest first; returns its vertices. */
function frontier(g: G, data: FrontierData, x: Linear, y: Linear, scale: (v: number) => number): [number, number][] {
  const on = data.candidates.filter((c) => c.onFrontier).sort((a, b) => a.cost - b.cost);
  if (on.length === 0) return [];
  const steps: [number, number][] = on.map((c) => [x(c.cost / 1e6), y(scale(c.value))]);
  const path = g.append('path').attr('class', 'mark frontier').attr('data-series', 'frontier')
    .attr('d', line().curve(curveStepAfter)(steps) ?? '')
    .attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 1.25).attr('stroke-dasharray', '5 3');
  hover(path, () => ['Frontier: no candidate is both cheaper and better', ...on.map((c) => `${c.label}: ${moneyTotal(c.cost, data.currency)}, ${formatUnits(scale(c.value))}`)].join('\n'));
  const out: [number, number][] = [];
  steps.forEach(([px, py], i) => {
    if (i > 0) out.push([px, steps[i - 1][1]]);
    out.push([px, py]);
  });
  return out;
}

function candidates(g: G, data: FrontierData, x: Linear, y: Linear, scale: (v: number) => number): void {
  const layer = g.append('g').attr('class', 'candidates');
  for (const c of data.candidates) {
    const mark = layer.append('circle').attr('class', 'mark candidate').attr('data-series', 'candidates').attr('data-frontier', String(c.onFrontier))
      .attr('cx', x(c.cost / 1e6)).attr('cy', y(scale(c.value))).attr('r', c.onFrontier ? 3.5 : 2.5)
      .attr('fill', c.onFrontier ? INK_SOFT : '#ffffff').attr('stroke', INK_SOFT).attr('stroke-width', 1);
    hover(mark, () => `${c.label}: ${moneyTotal(c.cost, data.currency)}, ${formatUnits(scale(c.value))} [${formatUnits(scale(c.ci95[0]))}, ${formatUnits(scale(c.ci95[1]))}] over ${c.trials} trials${c.onFrontier ? ' (on the frontier)' : ''}`);
  }
}

const LABEL_FONT = LABEL_SIZE - 1;
const PLACES: Place[] = [
  { dx: 9, dy: -6, anchor: 'start', grow: 'up' },
  { dx: 9, dy: 14, anchor: 'start' },
  { dx: -9, dy: -6, anchor: 'end', grow: 'up' },
  { dx: -9, dy: 14, anchor: 'end' },
  { dx: 0, dy: -14, anchor: 'middle', grow: 'up' },
  { dx: 0, dy: 22, anchor: 'middle' },
  { dx: 9, dy: -22, anchor: 'start', grow: 'up' },
  { dx: -9, dy: 30, anchor: 'end' },
];

function label(g: G, text: string, cx: number, cy: number, box: { left: number; right: number; top: number; bottom: number }, taken: Box[], cls: string, series: string): void {
  const bounds: Box = { x0: box.left + 2, x1: box.right + PAD - 2, y0: box.top - 20, y1: box.bottom - 2 };
  const width = Math.max(80, (box.right - box.left) * 0.35);
  const words = text.split(' ');
  const wrapped: string[] = [];
  for (const w of words) {
    const last = wrapped[wrapped.length - 1];
    if (last !== undefined && textWidth(`${last} ${w}`, LABEL_FONT) <= width) wrapped[wrapped.length - 1] = `${last} ${w}`;
    else wrapped.push(w);
  }
  const placed = placeLabel({ x: cx, y: cy, variants: [[text], wrapped], places: PLACES, fontSize: LABEL_FONT, lineHeight: LABEL_FONT + 2 }, taken, bounds);
  taken.push(placed.box);
  const t = g.append('text').attr('class', cls).attr('data-series', series).attr('x', placed.x).attr('y', placed.y).attr('text-anchor', placed.place.anchor)
    .attr('font-size', LABEL_FONT).attr('fill', INK);
  placed.lines.forEach((l, i) => t.append('tspan').attr('x', placed.x).attr('dy', i === 0 ? 0 : LABEL_FONT + 2).text(l));
}

function references(g: G, data: FrontierData, x: Linear, y: Linear, scale: (v: number) => number, box: { left: number; right: number; top: number; bottom: number }, taken: Box[]): void {
  data.references.forEach((r, i) => {
    const cx = x(r.cost / 1e6);
    const cy = y(scale(r.value));
    const mark = g.append('path').attr('class', 'mark reference').attr('data-series', r.id).attr('transform', `translate(${cx},${cy})`)
      .attr('d', d3symbol(referenceSymbol(i), 70)() ?? '').attr('fill', strategyColour(i)).attr('stroke', '#ffffff').attr('stroke-width', 1);
    hover(mark, () => `${r.label}: ${moneyTotal(r.cost, data.currency)}, ${formatUnits(scale(r.value))} [${formatUnits(scale(r.ci95[0]))}, ${formatUnits(scale(r.ci95[1]))}]`);
    label(g, r.label, cx, cy, box, taken, 'reference-label', r.id);
  });
}

function found(g: G, data: FrontierData, x: Linear, y: Linear, scale: (v: number) => number, box: { left: number; right: number; top: number; bottom: number }, taken: Box[]): void {
  if (!data.found) return;
  const f = data.candidates[data.found.index];
  const cx = x(f.cost / 1e6);
  const [lo, hi] = [y(scale(f.ci95[0])), y(scale(f.ci95[1]))];
  g.append('path').attr('class', 'mark found-interval').attr('data-series', 'found')
    .attr('d', `M${cx},${lo}V${hi}M${cx - 4},${lo}H${cx + 4}M${cx - 4},${hi}H${cx + 4}`)
    .attr('stroke', FOUND_COLOUR).attr('stroke-width', 1.5).attr('fill', 'none');
  const mark = g.append('path').attr('class', 'mark found').attr('data-series', 'found').attr('transform', `translate(${cx},${y(scale(f.value))})`)
    .attr('d', d3symbol(symbolStar, 150)() ?? '').attr('fill', FOUND_COLOUR).attr('stroke', INK).attr('stroke-width', 0.75);
  const what = data.found.meetsTarget ? 'Found' : 'Closest';
  hover(mark, () => `${what}: ${f.label}; ${moneyTotal(f.cost, data.currency)}; ${formatUnits(scale(f.value))} [${formatUnits(scale(f.ci95[0]))}, ${formatUnits(scale(f.ci95[1]))}]`);
  label(g, `${what}: ${f.label}`, cx, y(scale(f.value)), box, taken, 'found-label', 'found');
}

// A single value still needs a span for the scale to place it in the middle.
function pad(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo - (hi - lo) * 0.04, hi + (hi - lo) * 0.04];
  const d = Math.abs(lo) * 0.1 || 1;
  return [lo - d, hi + d];
}
