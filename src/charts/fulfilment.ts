/**
 * Chain fulfilment over the horizon: per strategy the median line and the P25-P75 and P5-P95
 * bands, with scripted disruptions as shaded spans. Periods are steps (a period's value holds
 * until the next), so an outage shows as the flat dip it is.
 */
import { area, curveStepAfter, line, scaleLinear } from 'd3';
import type { ChartOptions } from './types.ts';
import type { DisruptionWindow, FulfilmentData, FulfilmentPoint, FulfilmentSeries } from './data-types.ts';
import { createFrame, hover, LABEL_SIZE, type G } from './frame.ts';
import { legend, type LegendItem } from './legend.ts';
import { gridY, xAxis, yAxis, type Linear, type Plot } from './axes.ts';
import { INK, SHADE, strategyColour, strategyDash } from './palette.ts';
import { formatPct, truncate } from './format.ts';
import { selectStrategies, type Indexed, type StrategySelection } from './select.ts';

export interface FulfilmentOptions extends ChartOptions, StrategySelection {
  /**
   * The bottom of the y axis in percent: 'auto' by default, which zooms to the lowest P5 drawn (bands
   * that live in 85-100% are unreadable on a 0-100 scale) and marks the cut with an axis break and
   * says so in the axis label; a number fixes it (0 for the full scale).
   */
  yMin?: number | 'auto';
}

export const FULFILMENT_TITLE = 'Chain fulfilment over time';

const MARGIN = { left: 46, right: 18, bottom: 42 };

/** Median and P25-P75 / P5-P95 bands of chain fulfilment (%) per strategy over months, with scripted disruption windows. */
export function fulfilmentChart(data: FulfilmentData, options: FulfilmentOptions = {}): SVGSVGElement {
  const series = selectStrategies(data.strategies, options.strategies);
  const frame = createFrame(options, { name: 'fulfilment', width: 720, height: 400, title: FULFILMENT_TITLE, reading: fulfilmentReading(series) });
  const top = legend(frame.svg, legendItems(series, data.windows.length > 0), frame.top, frame.width) + 22;
  const plot: Plot = {
    top,
    bottom: frame.height - MARGIN.bottom,
    left: MARGIN.left,
    right: frame.width - MARGIN.right,
    x: scaleLinear().domain([0, Math.max(data.horizonMonths, 1e-9)]).range([MARGIN.left, frame.width - MARGIN.right]),
    y: scaleLinear().domain([yFloor(series, options.yMin), 100]).range([frame.height - MARGIN.bottom, top]).clamp(true),
  };
  const floor = plot.y.domain()[0];
  // on a cut axis the ticks fall on the floor's own step, so that the lowest tick names where the axis starts
  const ticks = floor > 0 ? Math.round((100 - floor) / (100 - floor > 20 ? 10 : 5)) : 5;
  const g = frame.svg.append('g').attr('class', 'plot');
  gridY(g, plot.y, plot.left, plot.right, ticks);
  drawWindows(g, data.windows, plot, data.horizonMonths);
  for (const s of series) drawSeries(g, s, plot, data.periodMonths);
  drawHoverStrips(g, series, plot, data.periodMonths);
  xAxis(g, plot.x, plot.bottom, { label: 'Month', ticks: 10 });
  yAxis(g, plot.y, plot.left, { label: floor > 0 ? `Chain fulfilment (%), axis starts at ${floor}%, not 0` : 'Chain fulfilment (%)', ticks });
  if (floor > 0) axisBreak(g, plot.left, plot.bottom, floor);
  return frame.svg.node()!;
}

/** Two slanted strokes across the foot of the y axis: the scale below them is cut away. */
function axisBreak(g: G, x: number, bottom: number, floor: number): void {
  const b = g.append('g').attr('class', 'axis-break').attr('transform', `translate(${x},${bottom - 7})`);
  // a white gap first, so that the break reads as a cut in the axis line
  b.append('rect').attr('x', -5).attr('y', -2.5).attr('width', 10).attr('height', 5).attr('fill', '#ffffff');
  for (const dy of [-2.5, 2.5]) {
    b.append('line').attr('x1', -6).attr('x2', 6).attr('y1', dy + 2).attr('y2', dy - 2).attr('stroke', INK).attr('stroke-width', 1.25);
  }
  b.append('title').text(`The y axis starts at ${floor}%, not at 0: the scale is cut to show the bands`);
}

/**
 * The bottom of the y axis (percent): the option's number, or with 'auto' just below the lowest P5 on
 * a step of 5 (10 when the data spans more than 20 points), at most 90 so that a flat 100% still has
 * a scale, and 0 when the data reaches below 50%, where a cut axis would gain little.
 */
export function yFloor(series: Indexed<FulfilmentSeries>[], yMin: FulfilmentOptions['yMin'] = 'auto'): number {
  if (typeof yMin === 'number') return Math.min(99, Math.max(0, yMin));
  let lowest = 100;
  for (const { item } of series) for (const p of item.points) lowest = Math.min(lowest, p.p5);
  if (lowest < 50) return 0;
  const step = 100 - lowest > 20 ? 10 : 5;
  return Math.min(90, Math.max(0, Math.floor((lowest - 1) / step) * step));
}

/** The reading: what the marks are, and the lowest median among the strategies drawn. */
export function fulfilmentReading(series: Indexed<FulfilmentSeries>[]): string {
  const what = 'Lines: median chain fulfilment; bands: the middle 50% and 90% of trials.';
  let worst: { name: string; p: FulfilmentPoint } | null = null;
  for (const { item } of series) for (const p of item.points) if (!worst || p.p50 < worst.p.p50) worst = { name: item.name, p };
  if (!worst) return what;
  return `${what} Lowest median: ${worst.name}, ${formatPct(worst.p.p50)} in month ${round1(worst.p.month)}.`;
}

function legendItems(series: Indexed<FulfilmentSeries>[], windows: boolean): LegendItem[] {
  const items: LegendItem[] = series.map(({ item, index }) => ({
    label: item.name,
    colour: strategyColour(index),
    dash: strategyDash(index),
    swatch: 'band',
    series: item.id,
  }));
  if (windows) items.push({ label: 'Scripted disruption (mean timing)', colour: SHADE, swatch: 'rect' });
  return items;
}

function drawWindows(g: G, windows: DisruptionWindow[], plot: Plot, horizon: number): void {
  const layer = g.append('g').attr('class', 'windows');
  windows.forEach((w, i) => {
    const from = clamp(w.startMonth, 0, horizon);
    const to = clamp(w.endMonth, 0, horizon);
    const x0 = plot.x(from);
    const width = Math.max(1, plot.x(to) - x0);
    const rect = layer
      .append('rect')
      .attr('class', 'mark window')
      .attr('data-window', w.id)
      .attr('x', x0)
      .attr('y', plot.top)
      .attr('width', width)
      .attr('height', plot.bottom - plot.top)
      .attr('fill', SHADE)
      .attr('fill-opacity', 0.2);
    hover(rect, () => `${w.name}: months ${round1(w.startMonth)}–${round1(w.endMonth)} (scripted; mean start and duration)`);
    // Labels sit near the bottom of the span, where fulfilment lines rarely go, staggered so that
    // overlapping windows stay legible.
    layer
      .append('text')
      .attr('class', 'window-label')
      .attr('x', x0 + 3)
      .attr('y', plot.bottom - 6 - (i % 3) * (LABEL_SIZE + 2))
      .attr('font-size', LABEL_SIZE - 1)
      .attr('fill', INK)
      .text(truncate(w.name, Math.max(60, plot.right - x0 - 3), LABEL_SIZE - 1));
  });
}

function drawSeries(g: G, { item, index }: Indexed<FulfilmentSeries>, plot: Plot, periodMonths: number): void {
  const colour = strategyColour(index);
  const points = withClosingStep(item.points, periodMonths);
  const s = g.append('g').attr('class', 'series').attr('data-series', item.id);
  const band = (lo: keyof FulfilmentPoint, hi: keyof FulfilmentPoint) =>
    area<FulfilmentPoint>().curve(curveStepAfter).x((p) => plot.x(p.month)).y0((p) => plot.y(p[lo])).y1((p) => plot.y(p[hi]))(points) ?? '';
  const outer = s.append('path').attr('class', 'mark band band-outer').attr('data-series', item.id)
    .attr('d', band('p5', 'p95')).attr('fill', colour).attr('fill-opacity', 0.1).attr('stroke', 'none');
  hover(outer, () => `${item.name}: P5–P95 of chain fulfilment; lowest P5 ${lowest(item.points, 'p5')}`);
  const inner = s.append('path').attr('class', 'mark band band-inner').attr('data-series', item.id)
    .attr('d', band('p25', 'p75')).attr('fill', colour).attr('fill-opacity', 0.2).attr('stroke', 'none');
  hover(inner, () => `${item.name}: P25–P75 of chain fulfilment; lowest P25 ${lowest(item.points, 'p25')}`);
  const median = line<FulfilmentPoint>().curve(curveStepAfter).x((p) => plot.x(p.month)).y((p) => plot.y(p.p50))(points) ?? '';
  const path = s.append('path').attr('class', 'mark median').attr('data-series', item.id).attr('d', median)
    .attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 1.75).attr('stroke-dasharray', strategyDash(index) || null);
  hover(path, () => `${item.name}: median chain fulfilment; lowest ${lowest(item.points, 'p50')}`);
}

// Transparent strips on top of the marks, one per period, so that hovering anywhere shows the
// numbers of that month for every strategy drawn (a path's own title can only summarise).
function drawHoverStrips(g: G, series: Indexed<FulfilmentSeries>[], plot: Plot, periodMonths: number): void {
  const first = series[0]?.item.points ?? [];
  const layer = g.append('g').attr('class', 'hover-strips');
  first.forEach((p, i) => {
    const x0 = plot.x(p.month);
    const rect = layer
      .append('rect')
      .attr('class', 'hover-strip')
      .attr('x', x0)
      .attr('y', plot.top)
      .attr('width', Math.max(0.5, plot.x(p.month + periodMonths) - x0))
      .attr('height', plot.bottom - plot.top)
      .attr('fill', '#ffffff')
      .attr('fill-opacity', 0);
    hover(rect, () => monthText(series, i, p.month));
  });
}

function monthText(series: Indexed<FulfilmentSeries>[], i: number, month: number): string {
  const lines = series.map(({ item }) => {
    const p = item.points[i];
    return p
      ? `${item.name}: median ${formatPct(p.p50)} (P25–P75 ${formatPct(p.p25)}–${formatPct(p.p75)}, P5–P95 ${formatPct(p.p5)}–${formatPct(p.p95)})`
      : `${item.name}: no data`;
  });
  return [`Month ${round1(month)}`, ...lines].join('\n');
}

// A step curve ends at its last point; repeating that point one period later draws the last period too.
function withClosingStep(points: FulfilmentPoint[], periodMonths: number): FulfilmentPoint[] {
  if (points.length === 0) return points;
  const last = points[points.length - 1];
  return [...points, { ...last, month: last.month + periodMonths }];
}

function lowest(points: FulfilmentPoint[], key: 'p5' | 'p25' | 'p50'): string {
  let best: FulfilmentPoint | null = null;
  for (const p of points) if (!best || p[key] < best[key]) best = p;
  return best ? `${formatPct(best[key])} in month ${round1(best.month)}` : 'none';
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round1 = (x: number): number => Math.round(x * 10) / 10;
