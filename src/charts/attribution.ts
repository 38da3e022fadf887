/**
 * Where the shortfall comes from: the mean shortfall per trial attributed to each disruption, to the
 * chain itself (structural) and to the interaction of disruptions (negative when overlapping events
 * hit the same flow), sorted, for one strategy: the baseline unless another is chosen.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { ChartOptions } from './types.ts';
import type { AttributionData, AttributionKind, AttributionPart, AttributionSeries } from './data-types.ts';
import { createFrame, hover, LABEL_SIZE, PAD, type G } from './frame.ts';
import { legend, type LegendItem } from './legend.ts';
import { gridX, xAxis, type Linear } from './axes.ts';
import { INK, OKABE_ITO } from './palette.ts';
import { textWidth, truncate, withUnit, wrapLines } from './format.ts';

export interface AttributionOptions extends ChartOptions {
  /** the id of the strategy to draw; the first of the data (the baseline) by default */
  strategy?: string;
}

export const ATTRIBUTION_TITLE = 'Where the shortfall comes from';

/** Fill per kind of part; the kind is also written in each part's name, so colour is never alone. */
export const ATTRIBUTION_COLOURS: Record<AttributionKind, string> = {
  disruption: OKABE_ITO.blue,
  structural: OKABE_ITO.orange,
  interaction: OKABE_ITO.reddishPurple,
};

const KIND_LABELS: Record<AttributionKind, string> = {
  disruption: 'Disruption',
  structural: 'Structural (no disruptions)',
  interaction: 'Interaction (may be negative)',
};

const KIND_DETAILS: Record<AttributionKind, string> = {
  disruption: 'mean shortfall with every disruption minus that without this one',
  structural: 'mean shortfall of the same trials with no disruptions at all',
  interaction: 'the rest of the total; negative when overlapping events hit the same flow',
};

const BOTTOM = 42;
const HEAD = 22;

/** The strategy an attribution chart draws: the chosen id, else the first (the baseline). */
export function attributionSeries(data: AttributionData, id?: string): AttributionSeries | undefined {
  return data.strategies.find((s) => s.id === id) ?? data.strategies[0];
}

/** The parts sorted from the largest to the smallest (most negative) mean shortfall. */
export function sortedParts(series: AttributionSeries): AttributionPart[] {
  return [...series.parts].sort((a, b) => b.value - a.value);
}

/** Horizontal bars of mean shortfall per trial attributed to each disruption, the structural part and the interaction. */
export function attributionChart(data: AttributionData, options: AttributionOptions = {}): SVGSVGElement {
  const series = attributionSeries(data, options.strategy);
  const parts = series ? sortedParts(series) : [];
  const frame = createFrame(options, {
    name: 'attribution',
    width: 720,
    height: Math.max(400, 170 + 34 * parts.length),
    title: ATTRIBUTION_TITLE,
    reading: attributionReading(data, series),
  });
  const top = legend(frame.svg, legendItems(), frame.top, frame.width) + HEAD;
  const g = frame.svg.append('g').attr('class', 'plot').attr('data-series', series?.id ?? '');
  if (!series || series.trials === 0) {
    g.append('text').attr('class', 'empty').attr('x', PAD).attr('y', top + 20).attr('fill', INK)
      .text('Attribution was not computed for this run.');
    return frame.svg.node()!;
  }
  g.append('text').attr('class', 'panel-title').attr('x', PAD).attr('y', top - 8).attr('font-weight', 'bold').attr('fill', INK)
    .text(truncate(`${series.name}: mean shortfall per trial by cause, first ${series.trials} trials`, frame.width - 2 * PAD, LABEL_SIZE));
  drawBars(g, data.unit, series, parts, { top, bottom: frame.height - BOTTOM, width: frame.width });
  return frame.svg.node()!;
}

/** The reading: the total and its largest part. */
export function attributionReading(data: AttributionData, series?: AttributionSeries): string {
  if (!series || series.parts.length === 0) return 'No attribution to show.';
  const total = series.parts.reduce((a, p) => a + p.value, 0);
  const largest = sortedParts(series)[0];
  const share = total > 0 ? ` (${Math.round((100 * largest.value) / total)}%)` : '';
  return `${series.name}: the parts add up to the mean shortfall of ${withUnit(total, data.unit)} per trial; the largest is ${largest.name}, ${withUnit(largest.value, data.unit)}${share}.`;
}

function legendItems(): LegendItem[] {
  return (Object.keys(KIND_LABELS) as AttributionKind[]).map((kind) => ({
    label: KIND_LABELS[kind],
    colour: ATTRIBUTION_COLOURS[kind],
    swatch: 'rect',
    series: kind,
    detail: KIND_DETAILS[kind],
  }));
}

function drawBars(g: G, unit: string, series: AttributionSeries, parts: AttributionPart[], at: { top: number; bottom: number; width: number }): void {
  const labelWidth = Math.round(at.width * 0.36);
  const left = PAD + labelWidth + 8;
  const right = at.width - PAD;
  const x = valueScale(parts, unit, left, right);
  const y = scaleBand<string>().domain(parts.map((p) => p.id)).range([at.top, at.bottom]).padding(0.22);
  gridX(g, x, at.top, at.bottom, 5);
  for (const part of parts) drawPart(g, unit, series, part, x, y.bandwidth(), y(part.id)!, labelWidth);
  g.append('line').attr('class', 'zero').attr('x1', x(0)).attr('x2', x(0)).attr('y1', at.top).attr('y2', at.bottom)
    .attr('stroke', INK).attr('stroke-width', 1);
  xAxis(g, x, at.bottom, { label: `Mean shortfall per trial (${unit})`, ticks: 5 });
}

// The domain leaves room beyond the longest bar at each end for its value label.
function valueScale(parts: AttributionPart[], unit: string, left: number, right: number): Linear {
  const lo = Math.min(0, ...parts.map((p) => p.value));
  const hi = Math.max(0, ...parts.map((p) => p.value));
  const labelPx = Math.max(...parts.map((p) => textWidth(withUnit(p.value, unit), LABEL_SIZE - 1))) + 8;
  const span = hi - lo || 1;
  const perPx = span / Math.max(1, right - left - 2 * labelPx);
  return scaleLinear()
    .domain([lo < 0 ? lo - labelPx * perPx : 0, hi + labelPx * perPx])
    .range([left, right]);
}

function drawPart(g: G, unit: string, series: AttributionSeries, part: AttributionPart, x: Linear, height: number, y: number, labelWidth: number): void {
  const x0 = x(Math.min(0, part.value));
  const x1 = x(Math.max(0, part.value));
  const bar = g.append('rect').attr('class', 'mark bar').attr('data-part', part.id).attr('data-kind', part.kind)
    .attr('data-series', series.id)
    .attr('x', x0).attr('y', y).attr('width', Math.max(0.5, x1 - x0)).attr('height', height)
    .attr('fill', ATTRIBUTION_COLOURS[part.kind]).attr('stroke', INK).attr('stroke-width', 0.5);
  hover(bar, () => `${part.name} (${part.kind}): ${withUnit(part.value, unit)} mean shortfall per trial`);
  const mid = y + height / 2;
  // long disruption names take a second line when the bar is tall enough for one
  const lines = wrapLines(part.name, labelWidth, LABEL_SIZE, height >= 2 * LABEL_SIZE + 2 ? 2 : 1);
  const label = g.append('text').attr('class', 'part-label').attr('data-part', part.id).attr('x', PAD)
    .attr('y', mid - ((lines.length - 1) * LABEL_SIZE * 1.1) / 2).attr('dy', '0.35em').attr('fill', INK);
  lines.forEach((l, i) => label.append('tspan').attr('x', PAD).attr('dy', i === 0 ? '0.35em' : `${LABEL_SIZE * 1.1}`).text(l));
  label.attr('dy', null);
  const negative = part.value < 0;
  g.append('text').attr('class', 'value-label').attr('data-part', part.id)
    .attr('x', negative ? x0 - 4 : x1 + 4).attr('y', mid).attr('dy', '0.35em')
    .attr('text-anchor', negative ? 'end' : 'start').attr('font-size', LABEL_SIZE - 1).attr('fill', INK)
    .text(withUnit(part.value, unit));
}
