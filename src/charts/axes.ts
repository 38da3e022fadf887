/**
 * Axes with their unit in the label, in the manner of observablehq/plot: the y label sits above
 * the axis ("↑ Fulfilment (%)"), the x label at the right end below it ("Month →").
 * d3-axis draws in currentColor with its own font; both are replaced by plain attributes, which
 * every SVG reader (Inkscape, word processors) understands and which follow the root's font stack.
 */
import { axisBottom, axisLeft, axisRight, type Axis, type NumberValue, type ScaleLinear } from 'd3';
import { GRID, INK, INK_SOFT } from './palette.ts';
import { LABEL_SIZE, type G, type Svg } from './frame.ts';

export type Linear = ScaleLinear<number, number>;

/** A plot's two scales and its edges in pixels (a time-series panel). */
export interface Plot {
  x: Linear;
  y: Linear;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface AxisSpec {
  /** the label, with its unit: "Total shortfall per trial (t)"; empty for none */
  label: string;
  ticks?: number;
  /** the tick values themselves, in place of `ticks` (the replay chart's first months of quarters) */
  values?: number[];
  format?: (x: number) => string;
  /** how far above the top of the range a y label sits (default 9) */
  labelRaise?: number;
}

const TICK_SIZE = LABEL_SIZE - 1;

/** A bottom axis at y, labelled at its right end. */
export function xAxis(parent: G | Svg, scale: Linear, y: number, spec: AxisSpec): G {
  const g = drawAxis(parent, axisBottom(scale), spec).attr('class', 'axis axis-x').attr('transform', `translate(0,${y})`);
  const [, right] = scale.range();
  if (!spec.label) return g;
  g.append('text')
    .attr('class', 'axis-label')
    .attr('x', right)
    .attr('y', 30)
    .attr('text-anchor', 'end')
    .attr('fill', INK)
    .attr('font-size', LABEL_SIZE)
    .text(`${spec.label} →`);
  return g;
}

/** A left axis at x, labelled above its top. */
export function yAxis(parent: G | Svg, scale: Linear, x: number, spec: AxisSpec): G {
  const g = drawAxis(parent, axisLeft(scale), spec).attr('class', 'axis axis-y').attr('transform', `translate(${x},0)`);
  if (!spec.label) return g;
  g.append('text')
    .attr('class', 'axis-label')
    .attr('x', -x + 12)
    .attr('y', Math.min(...scale.range()) - (spec.labelRaise ?? 9))
    .attr('text-anchor', 'start')
    .attr('fill', INK)
    .attr('font-size', LABEL_SIZE)
    .text(`↑ ${spec.label}`);
  return g;
}

/** A right axis at x, labelled above its top, right-aligned. */
export function yAxisRight(parent: G | Svg, scale: Linear, x: number, spec: AxisSpec, rightEdge: number): G {
  const g = drawAxis(parent, axisRight(scale), spec).attr('class', 'axis axis-y-right').attr('transform', `translate(${x},0)`);
  if (!spec.label) return g;
  g.append('text')
    .attr('class', 'axis-label')
    .attr('x', rightEdge - x)
    .attr('y', Math.min(...scale.range()) - (spec.labelRaise ?? 9))
    .attr('text-anchor', 'end')
    .attr('fill', INK)
    .attr('font-size', LABEL_SIZE)
    .text(`${spec.label} ↑`);
  return g;
}

function drawAxis(parent: G | Svg, axis: Axis<NumberValue>, spec: AxisSpec): G {
  if (spec.ticks !== undefined) axis.ticks(spec.ticks);
  if (spec.values !== undefined) axis.tickValues(spec.values);
  if (spec.format) axis.tickFormat((d) => spec.format!(Number(d)));
  const g = (parent as G).append('g');
  g.call(axis);
  g.attr('font-family', null).attr('font-size', TICK_SIZE);
  g.selectAll('[stroke="currentColor"]').attr('stroke', INK_SOFT);
  g.selectAll('[fill="currentColor"]').attr('fill', INK);
  return g;
}

/** Horizontal grid lines at the scale's ticks, from x0 to x1; drawn before the marks so they sit behind. */
export function gridY(parent: G | Svg, scale: Linear, x0: number, x1: number, ticks?: number): G {
  const g = (parent as G).append('g').attr('class', 'grid').attr('stroke', GRID).attr('stroke-width', 0.75);
  for (const t of scale.ticks(ticks)) g.append('line').attr('x1', x0).attr('x2', x1).attr('y1', scale(t)).attr('y2', scale(t));
  return g;
}

/** Vertical grid lines at the scale's ticks, from y0 to y1. */
export function gridX(parent: G | Svg, scale: Linear, y0: number, y1: number, ticks?: number): G {
  const g = (parent as G).append('g').attr('class', 'grid').attr('stroke', GRID).attr('stroke-width', 0.75);
  for (const t of scale.ticks(ticks)) g.append('line').attr('y1', y0).attr('y2', y1).attr('x1', scale(t)).attr('x2', scale(t));
  return g;
}
