/**
 * Strategies against the baseline, in two panels: (a) the paired difference in mean shortfall
 * with its 95% interval, (b) mean cost against shortfall avoided, with the cost-shortfall frontier.
 * Each strategy keeps its colour and symbol in both panels and is named in text beside its mark.
 */
import { curveStepAfter, line, scaleLinear, symbol as d3symbol } from 'd3';
import type { ChartOptions } from './types.ts';
import type { ComparisonData, ComparisonPoint } from './data-types.ts';
import { createFrame, frameTop, hover, LABEL_SIZE, PAD, type G } from './frame.ts';
import { legend, legendHeight, type LegendItem } from './legend.ts';
import { gridX, gridY, xAxis, yAxis, type Linear } from './axes.ts';
import { INK, strategyColour, strategySymbol, strategySymbolName } from './palette.ts';
import { formatUnits, textWidth, truncate, withUnit, wrapText } from './format.ts';
import { placeLabel, pointBox, polylineBoxes, type Box as LabelBox, type Place } from './label-placement.ts';
import { moneyTotal, totalUnit } from './money.ts';

export type ComparisonOptions = ChartOptions;

export const COMPARISON_TITLE = 'Strategies against the baseline';

const BOTTOM = 42;
const PANEL_HEAD = 42;
const GAP = 64;
const SYMBOL_AREA = 64;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface Indexed {
  point: ComparisonPoint;
  index: number;
}

/** Paired shortfall differences with 95% intervals, and cost against shortfall avoided with the frontier. */
export function comparisonChart(data: ComparisonData, options: ComparisonOptions = {}): SVGSVGElement {
  const points = data.strategies.map((point, index) => ({ point, index }));
  const width = options.width ?? 720;
  const reading = options.reading ?? comparisonReading(data);
  const split = PAD + Math.round((width - 2 * PAD) * 0.42);
  // Tall enough that every strategy's row has room for its wrapped name above its whisker.
  const rows = points.filter((p) => !p.point.baseline).map((p) => wrapText(p.point.name, split - PAD, LABEL_SIZE).length);
  const rowNeed = 30 + (LABEL_SIZE + 2) * Math.max(1, ...rows);
  const height = Math.max(400, Math.ceil(frameTop(width, reading) + legendHeight(legendItems(points), width) + PANEL_HEAD + rows.length * rowNeed + BOTTOM));
  const frame = createFrame({ ...options, reading }, { name: 'comparison', width, height, title: COMPARISON_TITLE, reading });
  const top = legend(frame.svg, legendItems(points), frame.top, frame.width) + PANEL_HEAD;
  const g = frame.svg.append('g').attr('class', 'plot');
  differencePanel(g, data, points.filter((p) => !p.point.baseline), { left: PAD, right: split, top, bottom: frame.height - BOTTOM });
  costPanel(g, data, points, { left: split + GAP, right: frame.width - PAD - 6, top, bottom: frame.height - BOTTOM });
  return frame.svg.node()!;
}

/** The reading: the strategy that avoids the most shortfall, and which strategies are on the frontier. */
export function comparisonReading(data: ComparisonData): string {
  const others = data.strategies.filter((s) => !s.baseline);
  if (others.length === 0) return 'Only the baseline was run: there is nothing to compare.';
  const best = others.reduce((a, b) => (b.avoided > a.avoided ? b : a));
  const frontier = data.strategies.filter((s) => s.onFrontier).map((s) => s.name);
  return `${best.name} avoids the most shortfall (${withUnit(best.avoided, data.unit)} a trial on average). On the cost-shortfall frontier: ${frontier.join('; ') || 'none'}.`;
}

function legendItems(points: Indexed[]): LegendItem[] {
  return [
    ...points.map(({ point, index }): LegendItem => ({
      label: point.name,
      colour: strategyColour(index),
      swatch: 'symbol',
      symbol: strategySymbol(index),
      series: point.id,
    })),
    { label: 'Frontier', colour: INK, swatch: 'line', dash: '5 3' },
  ];
}

// ---- (a) paired difference ----------------------------------------------------------------------

function differencePanel(g: G, data: ComparisonData, points: Indexed[], box: Box): void {
  const p = g.append('g').attr('class', 'panel panel-difference');
  panelTitle(p, box, '(a) Change in shortfall vs baseline');
  const x = differenceScale(points, box);
  gridX(p, x, box.top, box.bottom, 4);
  zeroRule(p, x(0), box.top, box.bottom);
  const row = (box.bottom - box.top) / Math.max(1, points.length);
  points.forEach((pt, i) => differenceRow(p, data, pt, x, box.top + i * row, row, box));
  xAxis(p, x, box.bottom, { label: `Mean difference, 95% interval (${data.unit})`, ticks: 4, format: formatUnits });
}

function differenceScale(points: Indexed[], box: Box): Linear {
  const values = points.flatMap(({ point }) => (point.difference ? [point.difference.lo, point.difference.hi] : []));
  return scaleLinear().domain([Math.min(0, ...values), Math.max(0, ...values)]).nice(4).range([box.left + 6, box.right - 6]);
}

function differenceRow(p: G, data: ComparisonData, { point, index }: Indexed, x: Linear, y0: number, height: number, box: Box): void {
  const d = point.difference;
  if (!d) return;
  // the name wraps over as many lines as the row has room for above its whisker
  const lineHeight = LABEL_SIZE + 2;
  const room = Math.max(1, Math.floor((height - 16) / lineHeight));
  const lines = wrapText(point.name, box.right - box.left, LABEL_SIZE);
  const shown = lines.length <= room ? lines : [...lines.slice(0, room - 1), truncate(lines.slice(room - 1).join(' '), box.right - box.left, LABEL_SIZE)];
  const y = y0 + Math.min(height - 8, 12 + shown.length * lineHeight);
  const label = p.append('text').attr('class', 'row-label').attr('data-series', point.id).attr('x', box.left).attr('y', y - 10 - (shown.length - 1) * lineHeight)
    .attr('fill', INK);
  shown.forEach((line, i) => label.append('tspan').attr('x', box.left).attr('dy', i === 0 ? 0 : lineHeight).text(line));
  if (shown.length < lines.length || shown.some((l, i) => l !== lines[i])) label.append('title').text(point.name);
  const [lo, hi] = [x(d.lo), x(d.hi)];
  const whisker = p.append('path').attr('class', 'mark whisker').attr('data-series', point.id)
    .attr('d', `M${lo},${y}H${hi}M${lo},${y - 4}V${y + 4}M${hi},${y - 4}V${y + 4}`)
    .attr('fill', 'none').attr('stroke', strategyColour(index)).attr('stroke-width', 1.5);
  const text = `${point.name}: change in mean shortfall ${withUnit(d.mean, data.unit)}, 95% interval ${formatUnits(d.lo)} to ${withUnit(d.hi, data.unit)}`;
  hover(whisker, () => text);
  const dot = symbolMark(p, index, x(d.mean), y).attr('class', 'mark diff-dot').attr('data-series', point.id);
  hover(dot, () => text);
  // the value goes on the side of the whisker with more room; the interval is left to the hover if it does not fit
  const roomRight = box.right - hi - 6;
  const roomLeft = lo - box.left - 6;
  const right = roomRight >= roomLeft;
  const full = `${withUnit(d.mean, data.unit)} [${formatUnits(d.lo)}, ${formatUnits(d.hi)}]`;
  const value = textWidth(full, LABEL_SIZE - 1) <= Math.max(roomLeft, roomRight) ? full : withUnit(d.mean, data.unit);
  p.append('text').attr('class', 'value-label').attr('data-series', point.id)
    .attr('x', right ? hi + 6 : lo - 6).attr('y', y).attr('dy', '0.35em').attr('text-anchor', right ? 'start' : 'end')
    .attr('font-size', LABEL_SIZE - 1).attr('fill', INK).text(value);
}

// ---- (b) cost against shortfall avoided -----------------------------------------------------------

function costPanel(g: G, data: ComparisonData, points: Indexed[], box: Box): void {
  const p = g.append('g').attr('class', 'panel panel-cost');
  panelTitle(p, { ...box, left: box.left - GAP + 16 }, '(b) Cost against shortfall avoided');
  // the axis runs in millions of the currency, which its label says
  const costs = points.map(({ point }) => point.meanCost / 1e6);
  const avoided = points.map(({ point }) => point.avoided);
  const [c0, c1] = padDomain(Math.min(...costs), Math.max(...costs));
  // costs are never negative, so the padding never reaches below zero
  const x = scaleLinear().domain([Math.min(...costs) >= 0 ? Math.max(0, c0) : c0, c1]).nice(4).range([box.left, box.right]);
  const y = scaleLinear().domain(padDomain(Math.min(0, ...avoided), Math.max(0, ...avoided))).nice(4).range([box.bottom, box.top]);
  gridY(p, y, box.left, box.right, 4);
  zeroLine(p, y(0), box.left, box.right);
  const line = frontier(p, data, points, x, y);
  for (const pt of points) costPoint(p, data, pt, x, y);
  pointLabels(p, points, x, y, box, line);
  xAxis(p, x, box.bottom, { label: `Mean cost (${totalUnit(data.currency)})`, ticks: 4, format: (v) => v.toLocaleString('en-US') });
  yAxis(p, y, box.left, { label: `Shortfall avoided (${data.unit})`, ticks: 4, format: formatUnits, labelRaise: 10 });
  p.select('.axis-y .axis-label').attr('x', -GAP + 16);
}

/** Draws the frontier as a step line and returns its vertices (none when no strategy is on it). */
function frontier(p: G, data: ComparisonData, points: Indexed[], x: Linear, y: Linear): [number, number][] {
  const on = points.filter(({ point }) => point.onFrontier).sort((a, b) => a.point.meanCost - b.point.meanCost);
  if (on.length === 0) return [];
  // A step: spending up to the next frontier cost buys no more than the cheaper frontier strategy does.
  // past the dearest frontier strategy, more money buys nothing more: the step runs on to the edge
  const steps: [number, number][] = on.map(({ point }) => [x(point.meanCost / 1e6), y(point.avoided)]);
  steps.push([x.range()[1], steps[steps.length - 1][1]]);
  const path = p.append('path').attr('class', 'mark frontier')
    .attr('d', line().curve(curveStepAfter)(steps) ?? '')
    .attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 1.25).attr('stroke-dasharray', '5 3');
  const rows = on.map(({ point }) => `${point.name}: ${moneyTotal(point.meanCost, data.currency)}, avoids ${withUnit(point.avoided, data.unit)}`);
  hover(path, () => ['Frontier: no other strategy is both cheaper and better', ...rows].join('\n'));
  return stepVertices(steps);
}

/** The corners a step-after line passes through: each point, then the corner at the next point's x. */
export function stepVertices(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  points.forEach(([px, py], i) => {
    if (i > 0) out.push([px, points[i - 1][1]]);
    out.push([px, py]);
  });
  return out;
}

function costPoint(p: G, data: ComparisonData, { point, index }: Indexed, x: Linear, y: Linear): void {
  const mark = symbolMark(p, index, x(point.meanCost / 1e6), y(point.avoided)).attr('class', 'mark cost-point').attr('data-series', point.id)
    .attr('data-frontier', String(point.onFrontier));
  hover(mark, () => `${point.name}: mean cost ${moneyTotal(point.meanCost, data.currency)}, shortfall avoided ${withUnit(point.avoided, data.unit)}${point.onFrontier ? ' (on the frontier)' : ''}`);
}

const LABEL_FONT = LABEL_SIZE - 1;
const LABEL_LINE = LABEL_FONT + 2;

/**
 * Names every point: each label takes the first place around its point that covers no other label,
 * point or stretch of the frontier line; a long name wraps onto more lines (narrower and narrower)
 * before it would cover anything, and is never cut.
 */
function pointLabels(p: G, points: Indexed[], x: Linear, y: Linear, box: Box, frontierLine: [number, number][]): void {
  const taken: LabelBox[] = [...points.map(({ point }) => pointBox(x(point.meanCost / 1e6), y(point.avoided), 6)), ...polylineBoxes(frontierLine, 2)];
  const bounds: LabelBox = { x0: box.left - 40, x1: box.right + PAD - 2, y0: box.top - PANEL_HEAD + 14, y1: box.bottom - 2 };
  const panelWidth = box.right - box.left;
  for (const { point } of points) {
    const cx = x(point.meanCost / 1e6);
    const cy = y(point.avoided);
    const variants = labelVariants(point.name, panelWidth);
    const placed = placeLabel({ x: cx, y: cy, variants, places: PLACES, fontSize: LABEL_FONT, lineHeight: LABEL_LINE }, taken, bounds);
    taken.push(placed.box);
    const text = p.append('text').attr('class', 'point-label').attr('data-series', point.id)
      .attr('x', placed.x).attr('y', placed.y).attr('text-anchor', placed.place.anchor)
      .attr('font-size', LABEL_FONT).attr('fill', INK);
    placed.lines.forEach((line, i) => text.append('tspan').attr('x', placed.x).attr('dy', i === 0 ? 0 : LABEL_LINE).text(line));
  }
}

/** A name on one line, then wrapped to narrower widths: the wordings a label tries, widest first. */
export function labelVariants(name: string, panelWidth: number): string[][] {
  const variants = [[name], ...[0.5, 0.35, 0.25].map((f) => wrapText(name, Math.max(60, panelWidth * f), LABEL_FONT))];
  return variants.filter((v, i) => variants.findIndex((w) => w.join('\n') === v.join('\n')) === i);
}

// Right of the point first, then left; each side above, below, then a line further out; then
// centred above and below, which a label squeezed between its neighbours may need.
const PLACES: Place[] = [
  ...[-6, 14, -18, 26].flatMap((dy) => [
    { dx: 8, dy, anchor: 'start' as const, grow: dy < 0 ? ('up' as const) : ('down' as const) },
    { dx: -8, dy, anchor: 'end' as const, grow: dy < 0 ? ('up' as const) : ('down' as const) },
  ]).sort((a, b) => Math.abs(a.dy + 2) - Math.abs(b.dy + 2) || b.dx - a.dx),
  { dx: 0, dy: -12, anchor: 'middle', grow: 'up' },
  { dx: 0, dy: 20, anchor: 'middle' },
];

// ---- shared bits ------------------------------------------------------------------------------------

function symbolMark(p: G, index: number, x: number, y: number) {
  return p.append('path')
    .attr('transform', `translate(${x},${y})`)
    .attr('d', d3symbol(strategySymbol(index), SYMBOL_AREA)() ?? '')
    .attr('data-symbol', strategySymbolName(index))
    .attr('fill', strategyColour(index))
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 1);
}

function panelTitle(p: G, box: Box, text: string): void {
  p.append('text').attr('class', 'panel-title').attr('x', box.left).attr('y', box.top - PANEL_HEAD + 10)
    .attr('font-weight', 'bold').attr('fill', INK).text(truncate(text, box.right - box.left, LABEL_SIZE));
}

function zeroRule(p: G, x: number, top: number, bottom: number): void {
  p.append('line').attr('class', 'zero').attr('x1', x).attr('x2', x).attr('y1', top).attr('y2', bottom)
    .attr('stroke', INK).attr('stroke-width', 1);
}

function zeroLine(p: G, y: number, left: number, right: number): void {
  p.append('line').attr('class', 'zero').attr('x1', left).attr('x2', right).attr('y1', y).attr('y2', y)
    .attr('stroke', INK).attr('stroke-width', 1);
}

// A single point (or equal values) still needs a span for the scale to place it in the middle.
function padDomain(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05];
  const d = Math.abs(lo) * 0.1 || 1;
  return [lo - d, hi + d];
}
