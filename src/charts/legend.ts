/** A legend of swatches and names, laid out in rows that wrap at the chart's width. */
import { symbol as d3symbol, type SymbolType } from 'd3';
import { INK, GRID } from './palette.ts';
import { LABEL_SIZE, PAD, type G, type Svg } from './frame.ts';
import { textWidth, truncate } from './format.ts';

export interface LegendItem {
  label: string;
  colour: string;
  /** how the swatch is drawn: a stroke, a filled box, a symbol, or a stroke over a faint band */
  swatch: 'line' | 'rect' | 'symbol' | 'band';
  dash?: string;
  symbol?: SymbolType;
  /** the series id the item stands for, for tests and for linking in the app */
  series?: string;
  /** extra hover text; the full label is always in the hover */
  detail?: string;
}

const SWATCH = 22;
const ROW = 17;
const GAP = 16;
// Long strategy names are cut so that one item never takes a whole row; the hover keeps the full name.
const MAX_LABEL = 260;

/** Draws the legend at y and returns the y below it. */
export function legend(svg: Svg, items: LegendItem[], y: number, width: number): number {
  const g = svg.append('g').attr('class', 'legend').attr('transform', `translate(0,${y})`);
  let x = PAD;
  let row = 0;
  for (const item of items) {
    const label = truncate(item.label, MAX_LABEL, LABEL_SIZE);
    const w = SWATCH + 5 + textWidth(label, LABEL_SIZE);
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      row++;
    }
    legendItem(g, item, label, x, row * ROW);
    x += w + GAP;
  }
  return y + (row + 1) * ROW + 6;
}

function legendItem(parent: G, item: LegendItem, label: string, x: number, y: number): void {
  const g = parent
    .append('g')
    .attr('class', 'legend-item')
    .attr('transform', `translate(${x},${y})`);
  if (item.series !== undefined) g.attr('data-series', item.series);
  swatch(g, item);
  g.append('text')
    .attr('x', SWATCH + 5)
    .attr('y', 0)
    .attr('dy', '0.35em')
    .attr('fill', INK)
    .text(label);
  g.append('title').text(item.detail ? `${item.label}: ${item.detail}` : item.label);
}

function swatch(g: G, item: LegendItem): void {
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
      .attr('fill', item.colour).attr('stroke', '#ffffff').attr('stroke-width', 0.75);
  }
}
