/**
 * Where the chain breaks first: the stress test's ranking of cuts (a node, a country at a stage, a route,
 * each cut for D months) by the mean extra shortfall it causes, with its 95% interval and its Risk
 * Exposure Index (1 for the worst). Each bar is coloured by kind of target, and the kind is also written
 * under its name, so colour is never alone.
 */
import { scaleLinear } from 'd3';
import type { ChartOptions } from './types.ts';
import type { ExposureBar, ExposureData, ExposureKind } from './analysis-data-types.ts';
import { createFrame, frameTop, hover, LABEL_SIZE, PAD, type G } from './frame.ts';
import { legend, legendHeight, type LegendItem } from './legend.ts';
import { gridX, xAxis } from './axes.ts';
import { INK, INK_SOFT, OKABE_ITO } from './palette.ts';
import { formatUnits, textWidth, withUnit } from './format.ts';
import { rowLabel, ROW_LABEL_HEIGHT } from './row-label.ts';

export type ExposureOptions = ChartOptions;

export const EXPOSURE_TITLE = 'Where the chain breaks first: exposure to a cut';

export const EXPOSURE_COLOURS: Record<ExposureKind, string> = {
  node: OKABE_ITO.blue,
  country: OKABE_ITO.orange,
  route: OKABE_ITO.reddishPurple,
};

const KIND_WORDS: Record<ExposureKind, string> = { node: 'node', country: 'country at a stage', route: 'shipping route' };

const ROW = ROW_LABEL_HEIGHT + 6;
const BOTTOM = 44;
const HEAD = 20;

/** Ranked horizontal bars of mean extra shortfall per trial, one per distinct cut, with 95% intervals and the index. */
export function exposureChart(data: ExposureData, options: ExposureOptions = {}): SVGSVGElement {
  const width = options.width ?? 720;
  const reading = options.reading ?? exposureReading(data);
  const items = legendItems();
  const height = options.height ?? Math.max(300, Math.ceil(frameTop(width, reading) + legendHeight(items, width) + HEAD + ROW * Math.max(1, data.bars.length) + BOTTOM));
  const frame = createFrame({ ...options, reading, height }, { name: 'exposure', width, height, title: `${EXPOSURE_TITLE} of ${data.months} months`, reading });
  const top = legend(frame.svg, items, frame.top, width) + HEAD;
  const g = frame.svg.append('g').attr('class', 'plot');
  if (data.bars.length === 0) {
    g.append('text').attr('class', 'empty').attr('x', PAD).attr('y', top + 20).attr('fill', INK).text('No target to show.');
    return frame.svg.node()!;
  }
  const bottom = frame.height - BOTTOM;
  const labelWidth = Math.round(width * 0.34);
  const left = PAD + labelWidth + 10;
  const right = width - PAD;
  const x = valueScale(data, left, right);
  gridX(g, x, top, bottom, 5);
  data.bars.forEach((bar, i) => drawBar(g, data, bar, i + 1, x, top + i * ROW, labelWidth));
  g.append('line').attr('class', 'zero').attr('x1', x(0)).attr('x2', x(0)).attr('y1', top).attr('y2', bottom).attr('stroke', INK).attr('stroke-width', 1);
  xAxis(g, x, bottom, { label: `Extra shortfall per trial, mean and 95% interval (${data.unit})`, ticks: 5, format: formatUnits });
  if (data.omitted > 0) {
    g.append('text').attr('class', 'omitted').attr('x', PAD).attr('y', bottom + 30).attr('fill', INK_SOFT).attr('font-size', LABEL_SIZE - 1)
      .text(`${data.omitted} more ${data.omitted === 1 ? 'cut' : 'cuts'} below (in the table)`);
  }
  return frame.svg.node()!;
}

/** The reading: the worst cut and how far the next ones fall behind it. */
export function exposureReading(data: ExposureData): string {
  if (data.bars.length === 0) return `No target was cut for ${data.months} months.`;
  const [worst, next] = data.bars;
  const then = next ? ` Next: ${next.name} (index ${next.rei.toFixed(2)}).` : '';
  return `Cut for ${data.months} months, ${worst.name} costs the most: ${withUnit(worst.mean, data.unit)} more shortfall per trial (95% interval ${formatUnits(worst.lo)} to ${formatUnits(worst.hi)}), index 1.${then}`;
}

function legendItems(): LegendItem[] {
  return [
    ...(Object.keys(KIND_WORDS) as ExposureKind[]).map((kind): LegendItem => ({
      label: `Cut of a ${KIND_WORDS[kind]}`, colour: EXPOSURE_COLOURS[kind], swatch: 'rect', series: kind,
    })),
    { label: '95% interval of the mean', colour: INK, swatch: 'line', series: 'interval' },
  ];
}

// Room beyond the longest whisker for its value label.
function valueScale(data: ExposureData, left: number, right: number) {
  const lo = Math.min(0, ...data.bars.map((b) => b.lo));
  const hi = Math.max(0, ...data.bars.map((b) => Math.max(b.hi, b.mean)));
  const labelPx = Math.max(...data.bars.map((b) => textWidth(valueText(b, data.unit), LABEL_SIZE - 1))) + 10;
  const span = hi - lo || 1;
  const perPx = span / Math.max(1, right - left - labelPx);
  return scaleLinear().domain([lo, hi + labelPx * perPx]).range([left, right]);
}

const valueText = (b: ExposureBar, unit: string) => `${withUnit(b.mean, unit)} · index ${b.rei.toFixed(2)}`;

function drawBar(g: G, data: ExposureData, bar: ExposureBar, rank: number, x: ReturnType<typeof scaleLinear<number, number>>, y0: number, labelWidth: number): void {
  const row = g.append('g').attr('class', 'row').attr('data-target', bar.id).attr('data-rank', rank);
  const mid = y0 + ROW / 2;
  const h = 12;
  const x0 = x(Math.min(0, bar.mean));
  const x1 = x(Math.max(0, bar.mean));
  const rect = row.append('rect').attr('class', 'mark bar').attr('data-kind', bar.kind).attr('data-target', bar.id)
    .attr('x', x0).attr('y', mid - h / 2).attr('width', Math.max(0.5, x1 - x0)).attr('height', h)
    .attr('fill', EXPOSURE_COLOURS[bar.kind]).attr('stroke', INK).attr('stroke-width', 0.5);
  const text = `${rank}. ${bar.name} (${KIND_WORDS[bar.kind]}${bar.also.length ? `; the same cut as ${bar.also.join(', ')}` : ''}): ` +
    `${withUnit(bar.mean, data.unit)} extra shortfall per trial, 95% interval ${formatUnits(bar.lo)} to ${withUnit(bar.hi, data.unit)}, P95 ${withUnit(bar.p95, data.unit)}, index ${bar.rei.toFixed(2)}`;
  hover(rect, () => text);
  const [lo, hi] = [x(bar.lo), x(bar.hi)];
  const whisker = row.append('path').attr('class', 'mark whisker').attr('data-target', bar.id)
    .attr('d', `M${lo},${mid}H${hi}M${lo},${mid - 5}V${mid + 5}M${hi},${mid - 5}V${mid + 5}`)
    .attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 1.25);
  hover(whisker, () => text);
  rowLabel(row, { x: PAD, mid, width: labelWidth }, `${rank}. ${bar.name}`, `${KIND_WORDS[bar.kind]}${bar.also.length ? `; also ${bar.also.join(', ')}` : ''}`);
  row.append('text').attr('class', 'value-label').attr('x', Math.max(hi, x1) + 6).attr('y', mid).attr('dy', '0.35em')
    .attr('font-size', LABEL_SIZE - 1).attr('fill', INK).text(valueText(bar, data.unit));
}
