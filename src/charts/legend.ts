/** A legend of swatches and names, laid out in rows that wrap at the chart's width. */
import { symbol as d3symbol, type SymbolType } from 'd3';
import { INK, GRID } from './palette.ts';
import { LABEL_SIZE, PAD, type G, type Svg } from './frame.ts';
import { textWidth, wrapText } from './format.ts';

export interface LegendItem {
  label: string;
  colour: string;
  /** how the swatch is drawn: a stroke, a filled box, a symbol, a stroke over a faint band, or none (a heading for the items after it) */
  swatch: 'line' | 'rect' | 'symbol' | 'band' | 'none';
  dash?: string;
  symbol?: SymbolType;
  /** the symbol's outline (default white, which sets a dark symbol off; a light symbol needs a dark one) */
  stroke?: string;
  /** the series id the item stands for, for tests and for linking in the app */
  series?: string;
  /** extra hover text; the full label is always in the hover */
  detail?: string;
}

const SWATCH = 22;
const ROW = 17;
const LINE = LABEL_SIZE + 2;
const GAP = 16;
// A long strategy name wraps onto more lines rather than taking a whole row or being cut.
const MAX_LABEL = 260;

/** The lines of a legend label: whole, wrapped at MAX_LABEL pixels (or the chart's width if narrower). */
export function legendLabelLines(label: string, width: number): string[] {
  return wrapText(label, Math.min(MAX_LABEL, width - 2 * PAD - SWATCH - 5), LABEL_SIZE);
}

interface LegendLayout {
  items: { item: LegendItem; lines: string[]; x: number; y: number }[];
  /** the legend's height, gap below included */
  height: number;
}

/** Where each item goes: left to right, wrapping to a new row at the chart's width; a row is as tall as its tallest item. */
function layout(items: LegendItem[], width: number): LegendLayout {
  const placed: LegendLayout['items'] = [];
  let x = PAD;
  let rowTop = 0;
  let rowHeight = ROW;
  for (const item of items) {
    const lines = legendLabelLines(item.label, width);
    const w = textOffset(item) + Math.max(...lines.map((l) => textWidth(l, LABEL_SIZE)));
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      rowTop += rowHeight;
      rowHeight = ROW;
    }
    placed.push({ item, lines, x, y: rowTop });
    rowHeight = Math.max(rowHeight, ROW + (lines.length - 1) * LINE);
    x += w + GAP;
  }
  return { items: placed, height: rowTop + rowHeight + 6 };
}

/** The height the legend of these items takes in a chart of this width (for charts that size themselves to fit). */
export const legendHeight = (items: LegendItem[], width: number): number => layout(items, width).height;

/** Draws the legend at y and returns the y below it. */
export function legend(svg: Svg, items: LegendItem[], y: number, width: number): number {
  const g = svg.append('g').attr('class', 'legend').attr('transform', `translate(0,${y})`);
  const { items: placed, height } = layout(items, width);
  for (const p of placed) legendItem(g, p.item, p.lines, p.x, p.y);
  return y + height;
}

const textOffset = (item: LegendItem): number => (item.swatch === 'none' ? 0 : SWATCH + 5);

function legendItem(parent: G, item: LegendItem, lines: string[], x: number, y: number): void {
  const g = parent
    .append('g')
    .attr('class', 'legend-item')
    .attr('transform', `translate(${x},${y})`);
  if (item.series !== undefined) g.attr('data-series', item.series);
  swatch(g, item);
  const x0 = textOffset(item);
  const text = g.append('text').attr('x', x0).attr('y', 0).attr('fill', INK);
  if (lines.length === 1) text.attr('dy', '0.35em').text(lines[0]);
  else lines.forEach((line, i) => text.append('tspan').attr('x', x0).attr('dy', i === 0 ? '0.35em' : LINE).text(line));
  g.append('title').text(item.detail ? `${item.label}: ${item.detail}` : item.label);
}

function swatch(g: G, item: LegendItem): void {
  if (item.swatch === 'none') return;
  if (item.swatch === 'rect') {
    g.append('rect').attr('x', 3).attr('y', -5).attr('width', SWATCH - 6).attr('height', 10)
      .attr('fill', item.colour).attr('stroke', INK).attr('stroke-width', 0.75);
    return;
  }
  if (item.swatch === 'band') {
    g.append('rect').attr('x', 0).attr('y', -6).attr('width', SWATCH).attr('height', 12)
      .attr('fill', item.colour).attr('fill-opacity', 0.2).attr('stroke', GRID).attr('stroke-width', 0.5);
  }
  if (item.swatch !== 'symbol') {
    g.append('line').attr('x1', 0).attr('x2', SWATCH).attr('y1', 0).attr('y2', 0)
      .attr('stroke', item.colour).attr('stroke-width', 2).attr('stroke-dasharray', item.dash || null);
  }
  if (item.symbol) {
    g.append('path').attr('transform', `translate(${SWATCH / 2},0)`).attr('d', d3symbol(item.symbol, 40)())
      .attr('fill', item.colour).attr('stroke', item.stroke ?? '#ffffff').attr('stroke-width', 0.75);
  }
}
