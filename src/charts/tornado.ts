/**
 * Which assumption matters most: a tornado of the sensitivity analysis. For each input, ranked by the
 * swing of mean shortfall between its low and high setting, two bars from the scenario's own mean: the
 * change at the low setting (solid) and at the high setting (hatched), each with its 95% interval and
 * its setting written at its end, so neither colour nor pattern is needed to tell them apart.
 */
import { scaleLinear } from 'd3';
import type { ChartOptions } from './types.ts';
import type { TornadoData, TornadoRow } from './analysis-data-types.ts';
import { createFrame, frameTop, hover, LABEL_SIZE, PAD, SVG_NS, type G, type Svg } from './frame.ts';
import { legend, legendHeight, type LegendItem } from './legend.ts';
import { gridX, xAxis, type Linear } from './axes.ts';
import { INK, INK_SOFT, OKABE_ITO } from './palette.ts';
import { formatUnits, textWidth, withUnit } from './format.ts';
import { rowLabel, ROW_LABEL_HEIGHT } from './row-label.ts';

export type TornadoOptions = ChartOptions;

export const TORNADO_TITLE = 'Which assumption matters most';

const LOW = OKABE_ITO.skyBlue;
const HIGH = OKABE_ITO.vermillion;
const ROW = ROW_LABEL_HEIGHT + 8;
const BOTTOM = 44;
const HEAD = 24;

/** A tornado of the change in mean shortfall at each input's low and high setting. */
export function tornadoChart(data: TornadoData, options: TornadoOptions = {}): SVGSVGElement {
  const width = options.width ?? 720;
  const reading = options.reading ?? tornadoReading(data);
  const items = legendItems(data.strategy.id);
  const height = options.height ?? Math.max(300, Math.ceil(frameTop(width, reading) + legendHeight(items, width) + HEAD + ROW * Math.max(1, data.rows.length) + BOTTOM));
  const frame = createFrame({ ...options, reading, height }, { name: 'tornado', width, height, title: `${TORNADO_TITLE}: ${data.strategy.name}`, reading });
  frame.svg.attr('data-strategy', data.strategy.id);
  hatchPattern(frame.svg, data.strategy.id);
  const top = legend(frame.svg, items, frame.top, width) + HEAD;
  const g = frame.svg.append('g').attr('class', 'plot');
  if (data.rows.length === 0) {
    g.append('text').attr('class', 'empty').attr('x', PAD).attr('y', top + 20).attr('fill', INK).text('No input to show.');
    return frame.svg.node()!;
  }
  const bottom = frame.height - BOTTOM;
  const labelWidth = Math.round(width * 0.32);
  const left = PAD + labelWidth + 10;
  const right = width - PAD;
  const x = valueScale(data, left, right);
  gridX(g, x, top, bottom, 5);
  data.rows.forEach((row, i) => drawRow(g, data, row, i + 1, x, top + i * ROW, labelWidth));
  g.append('line').attr('class', 'zero').attr('x1', x(0)).attr('x2', x(0)).attr('y1', top - 8).attr('y2', bottom).attr('stroke', INK).attr('stroke-width', 1);
  g.append('text').attr('class', 'base-label').attr('x', x(0)).attr('y', top - 12).attr('text-anchor', 'middle').attr('fill', INK).attr('font-size', LABEL_SIZE - 1)
    .text(`scenario as it is: ${withUnit(data.base, data.unit)}`);
  xAxis(g, x, bottom, { label: `Change in mean shortfall per trial, 95% interval (${data.unit})`, ticks: 5, format: formatUnits });
  if (data.omitted > 0) {
    g.append('text').attr('class', 'omitted').attr('x', PAD).attr('y', bottom + 30).attr('fill', INK_SOFT).attr('font-size', LABEL_SIZE - 1)
      .text(`${data.omitted} more ${data.omitted === 1 ? 'input' : 'inputs'} with smaller swings (in the table)`);
  }
  return frame.svg.node()!;
}

/** The reading: the input that moves the mean shortfall most, and by how much. */
export function tornadoReading(data: TornadoData): string {
  const [first, second] = data.rows;
  if (!first) return `${data.strategy.name}: no input to move.`;
  const next = second ? ` Next: ${second.name} (${withUnit(second.swing.mean, data.unit)}).` : '';
  return `${data.strategy.name}: ${first.name} moves the mean shortfall most, by ${withUnit(first.swing.mean, data.unit)} per trial from its low to its high setting ` +
    `(95% interval ${formatUnits(first.swing.lo)} to ${formatUnits(first.swing.hi)}), against ${withUnit(data.base, data.unit)} as the scenario is.${next}`;
}

const patternId = (strategy: string) => `tornado-hatch-${strategy}`;

/** The high setting's hatch: stripes over its colour, so the two bars differ without colour too. */
function hatchPattern(svg: Svg, strategy: string): void {
  const doc = svg.node()!.ownerDocument;
  const defs = doc.createElementNS(SVG_NS, 'defs');
  const pattern = doc.createElementNS(SVG_NS, 'pattern');
  pattern.setAttribute('id', patternId(strategy));
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '6');
  pattern.setAttribute('height', '6');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '6');
  bg.setAttribute('height', '6');
  bg.setAttribute('fill', HIGH);
  const stripe = doc.createElementNS(SVG_NS, 'rect');
  stripe.setAttribute('width', '2');
  stripe.setAttribute('height', '6');
  stripe.setAttribute('fill', '#ffffff');
  pattern.append(bg, stripe);
  defs.append(pattern);
  svg.node()!.insertBefore(defs, svg.node()!.querySelector('rect.background'));
}

function legendItems(strategy: string): LegendItem[] {
  return [
    { label: 'Low setting (P10 of a drawn input, −20% of a number)', colour: LOW, swatch: 'rect', series: 'low' },
    { label: 'High setting (P90, +20%), hatched', colour: `url(#${patternId(strategy)})`, swatch: 'rect', series: 'high' },
    { label: '95% interval (paired trials)', colour: INK, swatch: 'line', series: 'interval' },
  ];
}

function valueScale(data: TornadoData, left: number, right: number): Linear {
  const values = data.rows.flatMap((r) => [r.low.lo, r.low.hi, r.high.lo, r.high.hi, r.low.mean, r.high.mean]);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  // room at each end for the setting labels
  const labelPx = Math.max(...data.rows.map((r) => Math.max(textWidth(r.lowLabel, LABEL_SIZE - 2), textWidth(r.highLabel, LABEL_SIZE - 2)))) + 8;
  const span = hi - lo || 1;
  const perPx = span / Math.max(1, right - left - 2 * labelPx);
  return scaleLinear().domain([lo - labelPx * perPx, hi + labelPx * perPx]).range([left, right]);
}

function drawRow(g: G, data: TornadoData, row: TornadoRow, rank: number, x: Linear, y0: number, labelWidth: number): void {
  const r = g.append('g').attr('class', 'row').attr('data-input', row.id).attr('data-rank', rank);
  const mid = y0 + ROW / 2;
  rowLabel(r, { x: PAD, mid, width: labelWidth }, `${rank}. ${row.name}`, `swing ${withUnit(row.swing.mean, data.unit)} [${formatUnits(row.swing.lo)}, ${formatUnits(row.swing.hi)}] · ${row.kind}`);
  bar(r, data, row, 'low', x, mid - 9);
  bar(r, data, row, 'high', x, mid + 1);
}

function bar(r: G, data: TornadoData, row: TornadoRow, side: 'low' | 'high', x: Linear, y: number): void {
  const v = row[side];
  const h = 8;
  const x0 = x(Math.min(0, v.mean));
  const x1 = x(Math.max(0, v.mean));
  const label = side === 'low' ? row.lowLabel : row.highLabel;
  const text = `${row.name}, ${label}: mean shortfall changes by ${withUnit(v.mean, data.unit)} (95% interval ${formatUnits(v.lo)} to ${withUnit(v.hi, data.unit)})`;
  const rect = r.append('rect').attr('class', `mark bar bar-${side}`).attr('data-input', row.id).attr('data-side', side)
    .attr('x', x0).attr('y', y).attr('width', Math.max(0.5, x1 - x0)).attr('height', h)
    .attr('fill', side === 'low' ? LOW : `url(#${patternId(data.strategy.id)})`).attr('stroke', INK).attr('stroke-width', 0.5);
  hover(rect, () => text);
  const mid = y + h / 2;
  const whisker = r.append('path').attr('class', 'mark whisker').attr('data-input', row.id).attr('data-side', side)
    .attr('d', `M${x(v.lo)},${mid}H${x(v.hi)}M${x(v.lo)},${mid - 3}V${mid + 3}M${x(v.hi)},${mid - 3}V${mid + 3}`)
    .attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 1);
  hover(whisker, () => text);
  // the setting at the bar's outer end, beyond its whisker
  const negative = v.mean < 0;
  const end = negative ? Math.min(x0, x(v.lo)) - 4 : Math.max(x1, x(v.hi)) + 4;
  r.append('text').attr('class', 'setting-label').attr('data-side', side).attr('x', end).attr('y', mid).attr('dy', '0.35em')
    .attr('text-anchor', negative ? 'end' : 'start').attr('font-size', LABEL_SIZE - 2).attr('fill', INK).text(label);
}
