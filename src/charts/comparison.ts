/**
 * Strategies against the baseline, in two panels: (a) the paired difference in mean shortfall
 * with its 95% interval, (b) mean cost against shortfall avoided, with the cost-shortfall frontier.
 * Each strategy keeps its colour and symbol in both panels and is named in text beside its mark.
 */
import { curveStepAfter, line, scaleLinear, symbol as d3symbol } from 'd3';
import type { ChartOptions } from './types.ts';
import type { ComparisonData, ComparisonPoint } from './data-types.ts';
import { createFrame, hover, LABEL_SIZE, PAD, type G } from './frame.ts';
import { legend, type LegendItem } from './legend.ts';
import { gridX, gridY, xAxis, yAxis, type Linear } from './axes.ts';
import { INK, strategyColour, strategySymbol, strategySymbolName } from './palette.ts';
import { formatMoney, formatUnits, textWidth, truncate, withUnit } from './format.ts';

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
  const frame = createFrame(options, { name: 'comparison', width: 720, height: 400, title: COMPARISON_TITLE, reading: comparisonReading(data) });
  const top = legend(frame.svg, legendItems(points), frame.top, frame.width) + PANEL_HEAD;
  const split = PAD + Math.round((frame.width - 2 * PAD) * 0.42);
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
  const y = y0 + Math.min(height * 0.62, 30);
  p.append('text').attr('class', 'row-label').attr('data-series', point.id).attr('x', box.left).attr('y', y - 10)
    .attr('fill', INK).text(truncate(point.name, box.right - box.left, LABEL_SIZE));
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
  const costs = points.map(({ point }) => point.meanCost);
  const avoided = points.map(({ point }) => point.avoided);
  const [c0, c1] = padDomain(Math.min(...costs), Math.max(...costs));
  // costs are never negative, so the padding never reaches below zero
  const x = scaleLinear().domain([Math.min(...costs) >= 0 ? Math.max(0, c0) : c0, c1]).nice(4).range([box.left, box.right]);
  const y = scaleLinear().domain(padDomain(Math.min(0, ...avoided), Math.max(0, ...avoided))).nice(4).range([box.bottom, box.top]);
  gridY(p, y, box.left, box.right, 4);
  zeroLine(p, y(0), box.left, box.right);
  frontier(p, data, points, x, y);
  for (const pt of points) costPoint(p, data, pt, x, y);
  pointLabels(p, points, x, y, box);
  xAxis(p, x, box.bottom, { label: `Mean cost (${data.currency})`, ticks: 4, format: (v) => formatMoney(v) });
  yAxis(p, y, box.left, { label: `Shortfall avoided (${data.unit})`, ticks: 4, format: formatUnits, labelRaise: 10 });
  p.select('.axis-y .axis-label').attr('x', -GAP + 16);
}

function frontier(p: G, data: ComparisonData, points: Indexed[], x: Linear, y: Linear): void {
  const on = points.filter(({ point }) => point.onFrontier).sort((a, b) => a.point.meanCost - b.point.meanCost);
  if (on.length === 0) return;
  // A step: spending up to the next frontier cost buys no more than the cheaper frontier strategy does.
  // past the dearest frontier strategy, more money buys nothing more: the step runs on to the edge
  const steps: [number, number][] = on.map(({ point }) => [x(point.meanCost), y(point.avoided)]);
  steps.push([x.range()[1], steps[steps.length - 1][1]]);
  const path = p.append('path').attr('class', 'mark frontier')
    .attr('d', line().curve(curveStepAfter)(steps) ?? '')
    .attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 1.25).attr('stroke-dasharray', '5 3');
  const rows = on.map(({ point }) => `${point.name}: ${formatMoney(point.meanCost, data.currency)}, avoids ${withUnit(point.avoided, data.unit)}`);
  hover(path, () => ['Frontier: no other strategy is both cheaper and better', ...rows].join('\n'));
}

function costPoint(p: G, data: ComparisonData, { point, index }: Indexed, x: Linear, y: Linear): void {
  const mark = symbolMark(p, index, x(point.meanCost), y(point.avoided)).attr('class', 'mark cost-point').attr('data-series', point.id)
    .attr('data-frontier', String(point.onFrontier));
  hover(mark, () => `${point.name}: mean cost ${formatMoney(point.meanCost, data.currency)}, shortfall avoided ${withUnit(point.avoided, data.unit)}${point.onFrontier ? ' (on the frontier)' : ''}`);
}

interface LabelBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const LABEL_FONT = LABEL_SIZE - 1;

/**
 * Names every point: each label takes the first place around its point that overlaps no label or
 * point, cutting the name shorter when no place fits it whole.
 */
function pointLabels(p: G, points: Indexed[], x: Linear, y: Linear, box: Box): void {
  const taken: LabelBox[] = points.map(({ point }) => around(x(point.meanCost), y(point.avoided), 6));
  const panelWidth = box.right - box.left;
  for (const { point } of points) {
    const cx = x(point.meanCost);
    const cy = y(point.avoided);
    const boxOf = (text: string, pl: Place) => labelBox(cx + pl.dx, cy + pl.dy, textWidth(text, LABEL_FONT), pl.anchor);
    const inside = (b: LabelBox) => b.x0 >= box.left - 40 && b.x1 <= box.right + PAD - 2;
    const texts = [0.75, 0.5, 0.3].map((f) => truncate(point.name, Math.max(60, panelWidth * f), LABEL_FONT));
    let chosen: { text: string; place: Place } | null = null;
    for (const text of texts) {
      const place = PLACES.find((pl) => inside(boxOf(text, pl)) && !taken.some((t) => overlaps(t, boxOf(text, pl))));
      if (place) {
        chosen = { text, place };
        break;
      }
    }
    const short = texts[texts.length - 1];
    chosen ??= { text: short, place: PLACES.find((pl) => inside(boxOf(short, pl))) ?? PLACES[0] };
    taken.push(boxOf(chosen.text, chosen.place));
    p.append('text').attr('class', 'point-label').attr('data-series', point.id)
      .attr('x', cx + chosen.place.dx).attr('y', cy + chosen.place.dy).attr('text-anchor', chosen.place.anchor)
      .attr('font-size', LABEL_FONT).attr('fill', INK).text(chosen.text);
  }
}

interface Place {
  dx: number;
  dy: number;
  anchor: 'start' | 'end';
}

// Right of the point first, then left; each side above, below, then a line further out.
const PLACES: Place[] = [-6, 14, -18, 26].flatMap((dy) => [
  { dx: 8, dy, anchor: 'start' as const },
  { dx: -8, dy, anchor: 'end' as const },
]).sort((a, b) => Math.abs(a.dy + 2) - Math.abs(b.dy + 2) || b.dx - a.dx);

const around = (x: number, y: number, r: number): LabelBox => ({ x0: x - r, x1: x + r, y0: y - r, y1: y + r });

function labelBox(x: number, baseline: number, w: number, anchor: 'start' | 'end'): LabelBox {
  const x0 = anchor === 'start' ? x : x - w;
  return { x0, x1: x0 + w, y0: baseline - LABEL_FONT, y1: baseline + 3 };
}

const overlaps = (a: LabelBox, b: LabelBox): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

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
