/**
 * Time to survive against time to recover, for one maker: for each cut the maker depends on, the
 * distribution over trials of how long its fulfilment stays at 95% of what it would have been (box: the
 * middle half of trials, whisker: P5 to P95, tick: median), against the cut's duration, which is the time
 * the cut node or route takes to recover (a dashed rule). A box left of the rule is a cut the maker does
 * not ride out; the share of trials in which it does not is written at the end of each row.
 */
import { scaleLinear } from 'd3';
import type { ChartOptions } from './types.ts';
import type { SurvivalData, SurvivalRow } from './analysis-data-types.ts';
import { createFrame, frameTop, hover, LABEL_SIZE, PAD, TITLE_SIZE, type G } from './frame.ts';
import { legend, legendHeight, type LegendItem } from './legend.ts';
import { gridX, xAxis, type Linear } from './axes.ts';
import { INK, INK_SOFT, OKABE_ITO } from './palette.ts';
import { truncate } from './format.ts';
import { rowLabel, ROW_LABEL_HEIGHT } from './row-label.ts';

export type SurvivalOptions = ChartOptions;

export const SURVIVAL_TITLE = 'Time to survive a cut';

const BOX = OKABE_ITO.skyBlue;
const CUT = OKABE_ITO.vermillion;
const ROW = ROW_LABEL_HEIGHT + 4;
const BOTTOM = 44;
const HEAD = 28;
const PROB_WIDTH = 118;

const months = (x: number) => `${Number(x.toFixed(1))} ${x === 1 ? 'month' : 'months'}`;
const share = (p: number) => `${Math.round(100 * p)}%`;

/** Box-and-whisker rows of a maker's time to survive each cut, against the cut's duration. */
export function survivalChart(data: SurvivalData, options: SurvivalOptions = {}): SVGSVGElement {
  const width = options.width ?? 720;
  const reading = options.reading ?? survivalReading(data);
  const items = legendItems(data.months);
  const height = options.height ?? Math.max(280, Math.ceil(frameTop(width, reading) + legendHeight(items, width) + HEAD + ROW * Math.max(1, data.rows.length) + BOTTOM));
  const title = truncate(`${SURVIVAL_TITLE}: ${data.maker.name}${data.strategy.id === 'baseline' ? '' : ` (${data.strategy.name})`}`, width - 2 * PAD, TITLE_SIZE);
  const frame = createFrame({ ...options, reading, height }, { name: 'survival', width, height, title, reading });
  frame.svg.attr('data-maker', data.maker.id).attr('data-strategy', data.strategy.id);
  const top = legend(frame.svg, items, frame.top, width) + HEAD;
  const g = frame.svg.append('g').attr('class', 'plot');
  if (data.rows.length === 0) {
    g.append('text').attr('class', 'empty').attr('x', PAD).attr('y', top + 20).attr('fill', INK).text('No cut this maker depends on was run.');
    return frame.svg.node()!;
  }
  const bottom = frame.height - BOTTOM;
  const labelWidth = Math.round(width * 0.3);
  const left = PAD + labelWidth + 10;
  const right = width - PAD - PROB_WIDTH;
  const x = scaleLinear().domain([0, data.months]).range([left, right]);
  gridX(g, x, top, bottom, 6);
  const head = g.append('text').attr('class', 'prob-head').attr('x', width - PAD).attr('y', top - 20).attr('text-anchor', 'end').attr('fill', INK).attr('font-size', LABEL_SIZE - 1);
  head.append('tspan').attr('x', width - PAD).text('Short before');
  head.append('tspan').attr('x', width - PAD).attr('dy', LABEL_SIZE + 1).text('the cut ends');
  data.rows.forEach((row, i) => drawRow(g, data, row, x, top + i * ROW, labelWidth, width));
  const cx = x(data.months);
  const rule = g.append('line').attr('class', 'mark cut-rule').attr('x1', cx).attr('x2', cx).attr('y1', top - 14).attr('y2', bottom)
    .attr('stroke', CUT).attr('stroke-width', 2).attr('stroke-dasharray', '6 3');
  hover(rule, () => `The cut lasts ${months(data.months)}: the time the cut node or route takes to recover`);
  g.append('text').attr('class', 'cut-label').attr('x', cx - 4).attr('y', top - 18).attr('text-anchor', 'end').attr('fill', INK).attr('font-size', LABEL_SIZE - 1)
    .text(`cut ends: ${months(data.months)}`);
  xAxis(g, x, bottom, { label: 'Months from the cut\'s start until fulfilment falls below 95% of the same trial without it', ticks: 6 });
  if (data.omitted > 0) {
    g.append('text').attr('class', 'omitted').attr('x', PAD).attr('y', bottom + 30).attr('fill', INK_SOFT).attr('font-size', LABEL_SIZE - 1)
      .text(`${data.omitted} more ${data.omitted === 1 ? 'cut' : 'cuts'} in the table`);
  }
  return frame.svg.node()!;
}

/** The reading: the cut the maker is least likely to ride out. */
export function survivalReading(data: SurvivalData): string {
  const [worst] = data.rows;
  if (!worst) return `${data.maker.name} depends on none of the cuts run.`;
  const rideOut = data.rows.filter((r) => r.probBelowCut === 0).length;
  return `${data.maker.name} (${data.maker.country}) falls below 95% of its supply before a ${months(data.months)} cut of ${worst.name} ends in ${share(worst.probBelowCut)} of trials (median ${months(worst.p50)}). ` +
    `Of the ${data.rows.length} cuts shown, it rides out ${rideOut} in every trial.`;
}

function legendItems(cut: number): LegendItem[] {
  return [
    { label: 'Middle half of trials (P25 to P75)', colour: BOX, swatch: 'rect', series: 'box' },
    { label: 'P5 to P95, median as a tick', colour: INK, swatch: 'line', series: 'whisker' },
    { label: `The cut's duration, ${months(cut)}: its time to recover`, colour: CUT, swatch: 'line', dash: '6 3', series: 'cut' },
  ];
}

function drawRow(g: G, data: SurvivalData, row: SurvivalRow, x: Linear, y0: number, labelWidth: number, width: number): void {
  const r = g.append('g').attr('class', 'row').attr('data-target', row.id);
  const mid = y0 + ROW / 2;
  const text = `${row.name}: ${data.maker.name} survives the cut ${months(row.p50)} at the median (P5 ${months(row.p5)}, P25 ${months(row.p25)}, ` +
    `P75 ${months(row.p75)}, P95 ${months(row.p95)}, mean ${months(row.mean)}); it falls short before the cut ends in ${share(row.probBelowCut)} of trials`;
  const whisker = r.append('path').attr('class', 'mark whisker').attr('data-target', row.id)
    .attr('d', `M${x(row.p5)},${mid}H${x(row.p95)}M${x(row.p5)},${mid - 5}V${mid + 5}M${x(row.p95)},${mid - 5}V${mid + 5}`)
    .attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 1.25);
  hover(whisker, () => text);
  const box = r.append('rect').attr('class', 'mark box').attr('data-target', row.id)
    .attr('x', x(row.p25)).attr('y', mid - 7).attr('width', Math.max(2, x(row.p75) - x(row.p25))).attr('height', 14)
    .attr('fill', BOX).attr('stroke', INK).attr('stroke-width', 0.75);
  hover(box, () => text);
  const median = r.append('line').attr('class', 'mark median').attr('data-target', row.id).attr('x1', x(row.p50)).attr('x2', x(row.p50)).attr('y1', mid - 9).attr('y2', mid + 9)
    .attr('stroke', INK).attr('stroke-width', 2.5);
  hover(median, () => text);
  rowLabel(r, { x: PAD, mid, width: labelWidth }, row.name, `median ${months(row.p50)}, mean ${months(row.mean)}`);
  r.append('text').attr('class', 'prob-label').attr('x', width - PAD).attr('y', mid).attr('dy', '0.35em').attr('text-anchor', 'end').attr('fill', INK)
    .attr('font-size', LABEL_SIZE - 1).text(share(row.probBelowCut));
}
