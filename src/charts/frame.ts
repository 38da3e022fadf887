/**
 * The root of every chart: a detached <svg> made on the given document (observablehq/plot's
 * context.js does the same), with size, viewBox, system font, a white background, and the title
 * and one-line reading drawn as text so that an exported file keeps them.
 */
import { select, type Selection } from 'd3';
import type { AnalysisChartName, ChartName, ChartOptions } from './types.ts';
import { INK, INK_SOFT } from './palette.ts';
import { wrapLines } from './format.ts';

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type G = Selection<SVGGElement, unknown, null, undefined>;

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** A system font stack: no web fonts, so the file looks the same offline, in Inkscape or a word processor. */
export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';

export const TITLE_SIZE = 15;
export const READING_SIZE = 12;
export const LABEL_SIZE = 11;

/** Space kept free at the edges of the whole chart. */
export const PAD = 12;

export interface FrameDefaults {
  /** the run's charts by name, an analysis chart (exposure, survival, tornado), or the optimiser's frontier */
  name: ChartName | AnalysisChartName | 'frontier';
  width: number;
  height: number;
  title: string;
  reading: string;
}

export interface Frame {
  svg: Svg;
  width: number;
  height: number;
  /** the y just below the title and reading, where the legend or the plot starts */
  top: number;
}

/** The document charts render on: the option's, else the global one (the browser's). */
export function chartDocument(options: ChartOptions): Document {
  const doc = options.document ?? globalThis.document;
  if (!doc) throw new Error('charts: no document; pass options.document (for example a jsdom document) outside a browser');
  return doc;
}

/** Creates the root svg with its background, title and reading; sizes come from options, else the defaults. */
export function createFrame(options: ChartOptions, defaults: FrameDefaults): Frame {
  const width = options.width ?? defaults.width;
  const height = options.height ?? defaults.height;
  const title = options.title ?? defaults.title;
  const reading = options.reading ?? defaults.reading;
  const svg = select(chartDocument(options).createElementNS(SVG_NS, 'svg')) as Svg;
  svg
    .attr('xmlns', SVG_NS)
    .attr('class', `chart chart-${defaults.name}`)
    .attr('data-chart', defaults.name)
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('font-family', FONT_FAMILY)
    .attr('font-size', LABEL_SIZE)
    .attr('fill', INK)
    .attr('role', 'img')
    .attr('aria-label', `${title}. ${reading}`);
  // title and desc first: screen readers and file browsers read them as the image's name
  svg.append('title').text(title);
  svg.append('desc').text(reading);
  // an opaque background keeps black text readable when the file lands on a dark page or slide
  svg.append('rect').attr('class', 'background').attr('width', width).attr('height', height).attr('fill', '#ffffff');
  return { svg, width, height, top: header(svg, width, title, reading) };
}

// A reading that names long strategies may need a third line; past that it is cut (the full text is in its hover).
const READING_LINES = 3;

/** The y below the title and reading of a chart of this width: where createFrame's `top` will be. */
export function frameTop(width: number, reading: string): number {
  const lines = wrapLines(reading, width - 2 * PAD, READING_SIZE, READING_LINES).length;
  return PAD + TITLE_SIZE + 6 + READING_SIZE + (lines - 1) * READING_SIZE * 1.3 + 10;
}

/** Draws the title and the reading (at most three lines) and returns the y below them. */
function header(svg: Svg, width: number, title: string, reading: string): number {
  const g = svg.append('g').attr('class', 'header');
  g.append('text')
    .attr('class', 'chart-title')
    .attr('x', PAD)
    .attr('y', PAD + TITLE_SIZE)
    .attr('font-size', TITLE_SIZE)
    .attr('font-weight', 'bold')
    .attr('fill', INK)
    .text(title);
  const lines = wrapLines(reading, width - 2 * PAD, READING_SIZE, READING_LINES);
  const text = g
    .append('text')
    .attr('class', 'chart-reading')
    .attr('x', PAD)
    .attr('y', PAD + TITLE_SIZE + 6 + READING_SIZE)
    .attr('font-size', READING_SIZE)
    .attr('fill', INK_SOFT);
  lines.forEach((line, i) => text.append('tspan').attr('x', PAD).attr('dy', i === 0 ? 0 : READING_SIZE * 1.3).text(line));
  text.append('title').text(reading);
  return frameTop(width, reading);
}

/** Appends a <title> child (the hover tooltip, kept in exported files) to every element of the selection. */
export function hover<E extends Element, D>(sel: Selection<E, D, any, any>, text: (d: D, i: number) => string): void {
  sel.append('title').text(text);
}
