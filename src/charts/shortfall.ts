/**
 * How bad a run can get: per strategy a histogram of total shortfall per trial, its cumulative
 * share (right axis) and rules at P50, P95 and CVaR 95%. Strategies are small multiples over one
 * shared x axis and one shared count scale, so shapes compare without colour and bars never hide
 * each other.
 */
import { line, scaleLinear } from 'd3';
import type { ChartOptions } from './types.ts';
import type { ShortfallData, ShortfallSeries } from './data-types.ts';
import { createFrame, hover, LABEL_SIZE, type G } from './frame.ts';
import { legend, type LegendItem } from './legend.ts';
import { gridY, xAxis, yAxis, yAxisRight, type Linear } from './axes.ts';
import { INK, strategyColour } from './palette.ts';
import { formatPct, formatUnits, truncate, withUnit } from './format.ts';
import { selectStrategies, type Indexed, type StrategySelection } from './select.ts';

export interface ShortfallOptions extends ChartOptions, StrategySelection {}

export const SHORTFALL_TITLE = 'Total shortfall per trial';

const MARGIN = { left: 50, right: 50, bottom: 42 };
const PANEL_HEAD = 18;
// room above the first panel for the axis labels
const LABEL_ROW = 16;
const PANEL_GAP = 8;

/** The three statistics marked with rules: key, label and dash, so that they differ without colour. */
export const SHORTFALL_RULES = [
  { key: 'p50', label: 'P50', dash: '' },
  { key: 'p95', label: 'P95', dash: '6 3' },
  { key: 'cvar95', label: 'CVaR 95%', dash: '2 2' },
] as const;

interface Panel {
  x: Linear;
  count: Linear;
  cdf: Linear;
  top: number;
  bottom: number;
}

/** Histograms of total shortfall per trial (one panel per strategy) with the CDF and P50, P95, CVaR 95% rules. */
export function shortfallChart(data: ShortfallData, options: ShortfallOptions = {}): SVGSVGElement {
  const series = selectStrategies(data.strategies, options.strategies);
  const frame = createFrame(options, {
    name: 'shortfall',
    width: 720,
    height: Math.max(400, 150 + 100 * series.length),
    title: SHORTFALL_TITLE,
    reading: shortfallReading(data, series),
  });
  const top = legend(frame.svg, legendItems(series), frame.top, frame.width) + LABEL_ROW;
  const bottom = frame.height - MARGIN.bottom;
  const [lo, hi] = edgeDomain(data.edges);
  const x = scaleLinear().domain([lo, hi]).range([MARGIN.left, frame.width - MARGIN.right]);
  const maxCount = Math.max(1, ...series.flatMap((s) => s.item.counts));
  const g = frame.svg.append('g').attr('class', 'plot');
  const n = Math.max(1, series.length);
  const step = (bottom - top) / n;
  series.forEach((s, i) => {
    const panelTop = top + i * step + PANEL_HEAD;
    const panelBottom = top + (i + 1) * step - (i < n - 1 ? PANEL_GAP : 0);
    const panel: Panel = {
      x,
      top: panelTop,
      bottom: panelBottom,
      count: scaleLinear().domain([0, maxCount]).nice(3).range([panelBottom, panelTop]),
      cdf: scaleLinear().domain([0, 100]).range([panelBottom, panelTop]),
    };
    drawPanel(g, s, data, panel, { first: i === 0, width: frame.width });
  });
  xAxis(g, x, bottom, { label: `Total shortfall per trial (${data.unit})`, ticks: 8, format: formatUnits });
  return frame.svg.node()!;
}

/** The reading: what the panels show, and the first strategy's P50, P95 and CVaR 95%. */
export function shortfallReading(data: ShortfallData, series: Indexed<ShortfallSeries>[]): string {
  const what = `Trials by total shortfall over the horizon (${data.trials} trials); the line is the cumulative share of trials.`;
  const first = series[0]?.item;
  if (!first) return what;
  return `${what} ${first.name}: P50 ${withUnit(first.p50, data.unit)}, P95 ${withUnit(first.p95, data.unit)}, CVaR 95% ${withUnit(first.cvar95, data.unit)}.`;
}

function legendItems(series: Indexed<ShortfallSeries>[]): LegendItem[] {
  return [
    ...series.map(({ item, index }): LegendItem => ({ label: item.name, colour: strategyColour(index), swatch: 'rect', series: item.id })),
    { label: 'Cumulative % of trials (right axis)', colour: INK, swatch: 'line' },
    ...SHORTFALL_RULES.map((r): LegendItem => ({ label: r.label, colour: INK, swatch: 'line', dash: r.dash })),
  ];
}

function drawPanel(g: G, s: Indexed<ShortfallSeries>, data: ShortfallData, panel: Panel, at: { first: boolean; width: number }): void {
  const p = g.append('g').attr('class', 'panel').attr('data-series', s.item.id);
  p.append('text')
    .attr('class', 'panel-title')
    .attr('x', MARGIN.left)
    .attr('y', panel.top - 6)
    .attr('font-weight', 'bold')
    .attr('fill', INK)
    .text(truncate(s.item.name, at.width - MARGIN.left - MARGIN.right, LABEL_SIZE));
  gridY(p, panel.count, MARGIN.left, at.width - MARGIN.right, 3);
  drawBars(p, s, data, panel);
  drawCdf(p, s, data, panel);
  drawRules(p, s, data, panel, at.width);
  // axis labels only above the first panel: one label per axis is enough
  const labelRaise = PANEL_HEAD + 8;
  yAxis(p, panel.count, MARGIN.left, { label: at.first ? 'Trials' : '', ticks: 3, format: formatUnits, labelRaise });
  yAxisRight(p, panel.cdf, at.width - MARGIN.right, { label: at.first ? 'Cumulative (%)' : '', ticks: 2, labelRaise }, at.width - 12);
}

function drawBars(p: G, { item, index }: Indexed<ShortfallSeries>, data: ShortfallData, panel: Panel): void {
  const total = item.counts.reduce((a, b) => a + b, 0);
  item.counts.forEach((count, k) => {
    if (count <= 0) return;
    const x0 = panel.x(data.edges[k]);
    const x1 = panel.x(data.edges[k + 1]);
    const bar = p
      .append('rect')
      .attr('class', 'mark bar')
      .attr('data-series', item.id)
      .attr('data-bin', k)
      .attr('x', x0 + 0.5)
      .attr('width', Math.max(0.5, x1 - x0 - 1))
      .attr('y', panel.count(count))
      .attr('height', panel.bottom - panel.count(count))
      .attr('fill', strategyColour(index))
      .attr('fill-opacity', 0.55);
    hover(bar, () => `${item.name}: ${count} trials (${formatPct(round1((100 * count) / total))}) with total shortfall ${formatUnits(data.edges[k])}–${withUnit(data.edges[k + 1], data.unit)}`);
  });
}

/** Cumulative share of trials (%) at each bin's upper edge, starting from 0 at the first edge. */
export function cumulativePct(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  let sum = 0;
  return [0, ...counts.map((c) => (total > 0 ? (100 * (sum += c)) / total : 0))];
}

function drawCdf(p: G, { item, index }: Indexed<ShortfallSeries>, data: ShortfallData, panel: Panel): void {
  const cdf = cumulativePct(item.counts);
  const points = cdf.map((pct, k) => [panel.x(data.edges[k]), panel.cdf(pct)] as [number, number]);
  const path = p
    .append('path')
    .attr('class', 'mark cdf')
    .attr('data-series', item.id)
    .attr('d', line()(points) ?? '')
    .attr('fill', 'none')
    .attr('stroke', strategyColour(index))
    .attr('stroke-width', 1.75);
  const rows = cdf.slice(1).map((pct, k) => `≤ ${withUnit(data.edges[k + 1], data.unit)}: ${formatPct(round1(pct))}`);
  hover(path, () => [`${item.name}: cumulative share of trials`, ...rows].join('\n'));
}

function drawRules(p: G, { item }: Indexed<ShortfallSeries>, data: ShortfallData, panel: Panel, width: number): void {
  SHORTFALL_RULES.forEach((r, row) => {
    const value = item[r.key];
    const x = panel.x(value);
    const rule = p
      .append('line')
      .attr('class', 'mark rule')
      .attr('data-series', item.id)
      .attr('data-stat', r.key)
      .attr('x1', x)
      .attr('x2', x)
      .attr('y1', panel.top)
      .attr('y2', panel.bottom)
      .attr('stroke', INK)
      .attr('stroke-width', 1.25)
      .attr('stroke-dasharray', r.dash || null);
    hover(rule, () => `${item.name}: ${r.label} of total shortfall per trial ${withUnit(value, data.unit)}`);
    // staggered rows keep close statistics (P95 and CVaR often are) legible; flip left near the right edge
    const flip = x > width - MARGIN.right - 90;
    p.append('text')
      .attr('class', 'rule-label')
      .attr('data-stat', r.key)
      .attr('x', flip ? x - 3 : x + 3)
      .attr('y', panel.top + 9 + row * (LABEL_SIZE + 1))
      .attr('text-anchor', flip ? 'end' : 'start')
      .attr('font-size', LABEL_SIZE - 1)
      .attr('fill', INK)
      .text(`${r.label} ${withUnit(value, data.unit)}`);
  });
}

function edgeDomain(edges: number[]): [number, number] {
  if (edges.length < 2) return [0, 1];
  return [edges[0], edges[edges.length - 1]];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
