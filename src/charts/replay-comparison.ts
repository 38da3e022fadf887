/**
 * Model against what was reported (historical replays): one panel per observed series, each with the
 * model's flow relative to its planned flow over time (mean line, P5-P95 band, steps: a period's value
 * holds for the month), the reported points as % of the series' normal (a span of months as a bar
 * across it), the scripted events shaded, and under the plot each comparison with its verdict in words.
 */
import { area, curveStepAfter, line, scaleLinear, symbol as d3symbol, symbolCircle, symbolDiamond } from 'd3';
import type { ChartOptions } from './types.ts';
import type { DisruptionWindow, ReplayData, ReplayModelPoint, ReplayObservedPoint, ReplayPanel } from './data-types.ts';
import { createFrame, frameTop, hover, LABEL_SIZE, PAD, type G } from './frame.ts';
import { legend, legendHeight, type LegendItem } from './legend.ts';
import { gridY, xAxis, yAxis, type Linear, type Plot } from './axes.ts';
import { INK, INK_SOFT, SHADE, strategyColour, strategyDash } from './palette.ts';
import { formatUnits, truncate, wrapText } from './format.ts';
import { monthAt, shortMonth } from '../model/calendar.ts';

export type ReplayComparisonOptions = ChartOptions;

export const REPLAY_TITLE = 'Model against what was reported';

// the right margin leaves room for half of the last tick's label ("Jan 2025")
const MARGIN = { left: 52, right: 30 };
const PLOT_HEIGHT = 190;
const HEAD_LINE = LABEL_SIZE + 4;
const NOTE_SIZE = LABEL_SIZE - 1;
const NOTE_LINE = NOTE_SIZE + 4;
const AXIS_SPACE = 40;
const PANEL_GAP = 22;
const EMPTY_HEIGHT = 120;

/** The model's band and mean against the reported points, one panel per observed series, with the scripted events and the comparisons' verdicts. */
export function replayChart(data: ReplayData, options: ReplayComparisonOptions = {}): SVGSVGElement {
  const width = options.width ?? 720;
  const reading = options.reading ?? replayReading(data);
  const items = legendItems(data);
  const layouts = data.panels.map((panel) => panelLayout(panel, width));
  const height = data.panels.length === 0
    ? EMPTY_HEIGHT
    : Math.ceil(frameTop(width, reading) + legendHeight(items, width) + layouts.reduce((h, l) => h + l.height + PANEL_GAP, 0));
  const frame = createFrame({ ...options, reading }, { name: 'replay', width, height, title: REPLAY_TITLE, reading });
  if (data.panels.length === 0) return frame.svg.node()!;
  let top = legend(frame.svg, items, frame.top, frame.width) + 6;
  const x = scaleLinear().domain(monthDomain(data)).range([MARGIN.left, width - MARGIN.right]);
  data.panels.forEach((panel, i) => {
    const g = frame.svg.append('g').attr('class', 'panel').attr('data-panel', panel.id);
    drawPanel(g, panel, data, layouts[i], x, top, width);
    top += layouts[i].height + PANEL_GAP;
  });
  return frame.svg.node()!;
}

/** The reading: how many comparisons hold, then what the marks are. */
export function replayReading(data: ReplayData): string {
  if (data.panels.length === 0) return 'This scenario has no observed series: the chart is drawn for the historical replays (scenarios/replays/).';
  const comparisons = data.panels.flatMap((p) => p.comparisons);
  const run = comparisons.filter((c) => c.verdict !== 'not-run');
  const passed = run.filter((c) => c.verdict === 'pass').length;
  const what = "Lines: the model's mean flow as % of its planned flow, bands: P5–P95 of trials; points: what was reported, as % of the series' normal.";
  return comparisons.length === 0 ? what : `${passed} of ${run.length} comparisons within tolerance. ${what}`;
}

// ---- layout --------------------------------------------------------------------------------------

interface PanelLayout {
  title: string[];
  subtitle: string[];
  notes: string[][];
  height: number;
}

function panelLayout(panel: ReplayPanel, width: number): PanelLayout {
  const textWidth = width - 2 * PAD;
  const title = wrapText(panel.title, textWidth, LABEL_SIZE + 1).slice(0, 2);
  const subtitle = wrapText(subtitleText(panel), textWidth, NOTE_SIZE);
  const notes = panel.comparisons.map((c) => wrapText(c.text, textWidth - 10, NOTE_SIZE));
  const noteLines = notes.reduce((n, l) => n + l.length, 0);
  const height = title.length * HEAD_LINE + subtitle.length * NOTE_LINE + 18 + PLOT_HEIGHT + AXIS_SPACE + noteLines * NOTE_LINE;
  return { title, subtitle, notes, height };
}

function subtitleText(panel: ReplayPanel): string {
  const normal = panel.normal
    ? `Reported points as % of ${formatUnits(panel.normal.value)} ${panel.unit} (${panel.normal.period}, the normal).`
    : 'The series names no normal, so its points are not drawn (they are in the data table).';
  const model = panel.model.length > 0 ? `Model: ${panel.flowLabel}; ${panel.strategy.name}.` : `The run has no model flow for this series (${panel.flowLabel}).`;
  return `${model} ${normal}`;
}

/** Months from month 0 the x axis spans: the horizon and every reported point. */
function monthDomain(data: ReplayData): [number, number] {
  let lo = 0;
  let hi = data.horizonMonths;
  for (const p of data.panels) {
    for (const o of p.observed) {
      lo = Math.min(lo, o.fromMonth);
      hi = Math.max(hi, o.toMonth + 1);
    }
  }
  return [lo, hi];
}

/** Ticks on the first month of each quarter, half year or year, whichever leaves room for the labels. */
function monthTicks(x: Linear, monthZero: string): number[] {
  const [lo, hi] = x.domain();
  const [r0, r1] = x.range();
  const room = Math.max(1, Math.floor((r1 - r0) / 62));
  const step = [3, 6, 12, 24, 60].find((s) => (hi - lo) / s <= room) ?? 120;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo); k <= Math.floor(hi); k++) {
    const calendar = Number(monthAt(monthZero, k).slice(5)) - 1;
    const year = Number(monthAt(monthZero, k).slice(0, 4));
    if (calendar % Math.min(step, 12) === 0 && (step <= 12 || year % (step / 12) === 0)) ticks.push(k);
  }
  return ticks;
}

// ---- one panel -----------------------------------------------------------------------------------

function drawPanel(g: G, panel: ReplayPanel, data: ReplayData, layout: PanelLayout, x: Linear, top: number, width: number): void {
  let y0 = top;
  const head = g.append('g').attr('class', 'panel-head');
  for (const line of layout.title) {
    y0 += HEAD_LINE;
    head.append('text').attr('class', 'panel-title').attr('x', PAD).attr('y', y0 - 4).attr('font-size', LABEL_SIZE + 1).attr('font-weight', 'bold').attr('fill', INK).text(line);
  }
  for (const line of layout.subtitle) {
    y0 += NOTE_LINE;
    head.append('text').attr('class', 'panel-subtitle').attr('x', PAD).attr('y', y0 - 3).attr('font-size', NOTE_SIZE).attr('fill', INK_SOFT).text(line);
  }
  const plotTop = y0 + 18;
  const plot: Plot = {
    x,
    y: scaleLinear().domain([0, yMax(panel)]).nice().range([plotTop + PLOT_HEIGHT, plotTop]),
    top: plotTop,
    bottom: plotTop + PLOT_HEIGHT,
    left: MARGIN.left,
    right: width - MARGIN.right,
  };
  const body = g.append('g').attr('class', 'plot');
  gridY(body, plot.y, plot.left, plot.right, 5);
  planLine(body, plot);
  drawWindows(body, data.windows, plot, data.monthZero);
  drawModel(body, panel, plot, data);
  drawObserved(body, panel, plot, data.monthZero);
  xAxis(body, plot.x, plot.bottom, { label: 'Month', format: (k) => shortMonth(monthAt(data.monthZero, Math.round(k))), values: monthTicks(plot.x, data.monthZero) });
  yAxis(body, plot.y, plot.left, { label: '% of planned flow (reported: % of normal)', ticks: 5, format: (v) => `${v}%`, labelRaise: 8 });
  drawComparisons(g, panel, layout, plot.bottom + AXIS_SPACE);
}

function yMax(panel: ReplayPanel): number {
  let hi = 110;
  for (const p of panel.model) hi = Math.max(hi, p.p95 ?? 0, p.mean ?? 0);
  for (const o of panel.observed) hi = Math.max(hi, o.pct ?? 0);
  return hi * 1.05;
}

/** A rule at 100%: the planned flow (model) and the normal (reported). */
function planLine(g: G, plot: Plot): void {
  g.append('line').attr('class', 'plan-line').attr('x1', plot.left).attr('x2', plot.right).attr('y1', plot.y(100)).attr('y2', plot.y(100))
    .attr('stroke', INK_SOFT).attr('stroke-width', 1).attr('stroke-dasharray', '2 3');
}

function drawWindows(g: G, windows: DisruptionWindow[], plot: Plot, monthZero: string): void {
  const layer = g.append('g').attr('class', 'windows');
  const [lo, hi] = plot.x.domain();
  windows.forEach((w, i) => {
    const x0 = plot.x(Math.min(hi, Math.max(lo, w.startMonth)));
    const x1 = plot.x(Math.min(hi, Math.max(lo, w.endMonth)));
    const rect = layer.append('rect').attr('class', 'mark window').attr('data-window', w.id)
      .attr('x', x0).attr('y', plot.top).attr('width', Math.max(1, x1 - x0)).attr('height', plot.bottom - plot.top)
      .attr('fill', SHADE).attr('fill-opacity', 0.2);
    hover(rect, () => `${w.name}: scripted from ${monthText(monthZero, w.startMonth)} for ${round1(w.endMonth - w.startMonth)} months`);
    // a rule at each start keeps back-to-back events (a suspension, then a quota) apart where their shading meets
    layer.append('line').attr('class', 'window-start').attr('x1', x0).attr('x2', x0).attr('y1', plot.top).attr('y2', plot.bottom)
      .attr('stroke', INK_SOFT).attr('stroke-width', 0.75);
    layer.append('text').attr('class', 'window-label').attr('x', x0 + 3).attr('y', plot.top + 11 + (i % 3) * (LABEL_SIZE + 1))
      .attr('font-size', NOTE_SIZE).attr('fill', INK).text(truncate(w.name, Math.max(60, plot.right - x0 - 3), NOTE_SIZE));
  });
}

function drawModel(g: G, panel: ReplayPanel, plot: Plot, data: ReplayData): void {
  if (panel.model.length === 0) return;
  const colour = strategyColour(panel.strategy.index);
  const points = withClosingStep(panel.model, data.periodMonths);
  const s = g.append('g').attr('class', 'series').attr('data-series', panel.strategy.id);
  const band = area<ReplayModelPoint>().curve(curveStepAfter).defined((p) => p.p5 !== null && p.p95 !== null)
    .x((p) => plot.x(p.month)).y0((p) => plot.y(p.p5!)).y1((p) => plot.y(p.p95!))(points) ?? '';
  const bandPath = s.append('path').attr('class', 'mark band').attr('d', band).attr('fill', colour).attr('fill-opacity', 0.15).attr('stroke', 'none');
  hover(bandPath, () => `${panel.strategy.name}: P5–P95 of the model's flow, % of planned`);
  const mean = line<ReplayModelPoint>().curve(curveStepAfter).defined((p) => p.mean !== null).x((p) => plot.x(p.month)).y((p) => plot.y(p.mean!))(points) ?? '';
  const meanPath = s.append('path').attr('class', 'mark mean').attr('d', mean).attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 1.75)
    .attr('stroke-dasharray', strategyDash(panel.strategy.index) || null);
  hover(meanPath, () => `${panel.strategy.name}: mean of the model's flow, % of planned (${panel.flowLabel})`);
  // one transparent strip a period, so that hovering anywhere gives that month's numbers
  const strips = g.append('g').attr('class', 'hover-strips');
  for (const p of panel.model) {
    const x0 = plot.x(p.month);
    const rect = strips.append('rect').attr('class', 'hover-strip').attr('x', x0).attr('y', plot.top)
      .attr('width', Math.max(0.5, plot.x(p.month + data.periodMonths) - x0)).attr('height', plot.bottom - plot.top)
      .attr('fill', '#ffffff').attr('fill-opacity', 0);
    hover(rect, () => p.mean === null
      ? `${monthText(data.monthZero, p.month)}: nothing planned`
      : `${monthText(data.monthZero, p.month)}: model mean ${p.mean}% of planned (P5–P95 ${p.p5}–${p.p95}%)`);
  }
}

function drawObserved(g: G, panel: ReplayPanel, plot: Plot, monthZero: string): void {
  const layer = g.append('g').attr('class', 'observed');
  for (const o of panel.observed) {
    if (o.pct === null) continue;
    const y = plot.y(o.pct);
    const mark = layer.append('g').attr('class', 'mark reported').attr('data-period', o.period);
    if (o.toMonth > o.fromMonth) {
      mark.append('line').attr('x1', plot.x(o.fromMonth)).attr('x2', plot.x(o.toMonth + 1)).attr('y1', y).attr('y2', y)
        .attr('stroke', INK).attr('stroke-width', 2);
    }
    mark.append('path').attr('transform', `translate(${plot.x((o.fromMonth + o.toMonth + 1) / 2)},${y})`)
      .attr('d', d3symbol(o.normal ? symbolDiamond : symbolCircle, o.normal ? 56 : 40)())
      .attr('fill', o.normal ? '#ffffff' : INK).attr('stroke', o.normal ? INK : '#ffffff').attr('stroke-width', o.normal ? 1.5 : 0.75);
    hover(mark, () => observedText(o, panel, monthZero));
  }
}

function observedText(o: ReplayObservedPoint, panel: ReplayPanel, monthZero: string): string {
  const when = o.fromMonth === o.toMonth ? monthText(monthZero, o.fromMonth) : `${monthText(monthZero, o.fromMonth)} to ${monthText(monthZero, o.toMonth)} (a month on average)`;
  const lines = [
    `Reported, ${when}: ${formatUnits(o.value)} ${panel.unit} = ${o.pct}% of normal${o.normal ? ' (this is the normal)' : ''}`,
    o.source ? `Source: ${o.source.title}, ${o.source.url}` : 'Source: not given',
  ];
  if (o.note) lines.push(`Note: ${o.note}`);
  return lines.join('\n');
}

function drawComparisons(g: G, panel: ReplayPanel, layout: PanelLayout, top: number): void {
  const layer = g.append('g').attr('class', 'comparisons');
  let y = top;
  panel.comparisons.forEach((c, i) => {
    const text = layer.append('text').attr('class', 'comparison-note').attr('data-comparison', c.id).attr('data-verdict', c.verdict)
      .attr('x', PAD).attr('font-size', NOTE_SIZE).attr('fill', INK);
    layout.notes[i].forEach((line, k) => {
      y += NOTE_LINE;
      // the verdict in bold at the start of the first line, so that a column of them reads at a glance
      const cut = k === 0 ? line.indexOf(':') + 1 : 0;
      if (cut > 0) text.append('tspan').attr('x', PAD).attr('y', y - 3).attr('font-weight', 'bold').text(line.slice(0, cut));
      text.append('tspan').attr('x', cut > 0 ? null : PAD + 10).attr('y', y - 3).text(cut > 0 ? line.slice(cut) : line);
    });
    text.append('title').text(`${c.id}: ${c.reason}`);
  });
}

// ---- legend and small helpers --------------------------------------------------------------------

function legendItems(data: ReplayData): LegendItem[] {
  const strategies = new Map(data.panels.filter((p) => p.model.length > 0).map((p) => [p.strategy.id, p.strategy]));
  const items: LegendItem[] = [...strategies.values()].map((s) => ({
    label: `Model mean and P5–P95, ${s.name}`,
    colour: strategyColour(s.index),
    dash: strategyDash(s.index),
    swatch: 'band',
    series: s.id,
  }));
  const observed = data.panels.flatMap((p) => p.observed).filter((o) => o.pct !== null);
  if (observed.some((o) => !o.normal && o.toMonth === o.fromMonth)) items.push({ label: 'Reported month', colour: INK, swatch: 'symbol', symbol: symbolCircle });
  if (observed.some((o) => !o.normal && o.toMonth > o.fromMonth)) items.push({ label: 'Reported average over months', colour: INK, swatch: 'line', symbol: symbolCircle });
  if (observed.some((o) => o.normal)) items.push({ label: 'Reported normal (= 100%)', colour: '#ffffff', stroke: INK, swatch: 'symbol', symbol: symbolDiamond });
  if (data.windows.length > 0) items.push({ label: 'Scripted event', colour: SHADE, swatch: 'rect' });
  items.push({ label: '100%: planned flow, reported normal', colour: INK_SOFT, swatch: 'line', dash: '2 3' });
  return items;
}

// A step curve ends at its last point; repeating it one period later draws the last period too.
function withClosingStep(points: ReplayModelPoint[], periodMonths: number): ReplayModelPoint[] {
  if (points.length === 0) return points;
  const last = points[points.length - 1];
  return [...points, { ...last, month: last.month + periodMonths }];
}

const monthText = (monthZero: string, month: number): string => shortMonth(monthAt(monthZero, Math.floor(month)));
const round1 = (x: number): number => Math.round(x * 10) / 10;
