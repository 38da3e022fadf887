/**
 * The value chain as a Sankey diagram (d3-sankey): mines (and producing exploration projects),
 * refineries and makers in three columns, flows of an undisrupted first year, every node coloured
 * by its country and labelled with its country code. Above each column its concentration (HHI,
 * top country); below the diagram the makers' dependence on one foreign country against the
 * EU Critical Raw Materials Act's 65% benchmark.
 */
import { scaleLinear } from 'd3';
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import type { ChartOptions } from './types.ts';
import type { ChainStage, DependenceBar, StageConcentration, ValueChainData, ValueChainLink, ValueChainNode } from './data-types.ts';
import { createFrame, hover, LABEL_SIZE, PAD, type G } from './frame.ts';
import { legend, type LegendItem } from './legend.ts';
import { xAxis } from './axes.ts';
import { countryColour, INK, INK_SOFT } from './palette.ts';
import { formatShare, textWidth, truncate, withUnit, wrapLines } from './format.ts';

export type ValueChainOptions = ChartOptions;

export const VALUE_CHAIN_TITLE = 'Value chain and concentration';

export const CHAIN_COLUMNS: ChainStage[] = ['extraction', 'processing', 'manufacturing'];

const STAGE_LABELS: Record<ChainStage, string> = {
  extraction: 'Extraction',
  processing: 'Processing',
  manufacturing: 'Manufacturing',
};

const NODE_WIDTH = 12;
const COLUMN_HEAD = 36;
const ROW = 17;
const DEPENDENCE_HEAD = 34;
const DEPENDENCE_AXIS = 38;
const MIN_SANKEY = 120;
/** The share of the width kept right of the diagram for the makers' labels. */
const MAKER_LABELS = 0.24;

type Node = SankeyNode<ValueChainNode, ValueChainLink>;
type Link = SankeyLink<ValueChainNode, ValueChainLink>;

/** The column of a node: exploration projects produce as mines do, so they share the extraction column. */
export const chainColumn = (stage: ValueChainNode['stage']): number => (stage === 'exploration' ? 0 : CHAIN_COLUMNS.indexOf(stage));

/** The links the diagram draws (value > 0) and the nodes they touch. */
export function drawnNetwork(data: ValueChainData): { nodes: ValueChainNode[]; links: ValueChainLink[] } {
  const ids = new Set(data.nodes.map((n) => n.id));
  const links = data.links.filter((l) => l.value > 0 && ids.has(l.source) && ids.has(l.target));
  const touched = new Set(links.flatMap((l) => [l.source, l.target]));
  return { nodes: data.nodes.filter((n) => touched.has(n.id)), links };
}

/** A Sankey of first-year flows by country with each stage's HHI, and the makers' dependence against the 65% benchmark. */
export function valueChainChart(data: ValueChainData, options: ValueChainOptions = {}): SVGSVGElement {
  const network = drawnNetwork(data);
  const frame = createFrame(options, {
    name: 'valueChain',
    width: 720,
    height: 430 + dependenceHeight(data.dependence.length),
    title: VALUE_CHAIN_TITLE,
    reading: valueChainReading(data),
  });
  const top = legend(frame.svg, legendItems(network.nodes, data), frame.top, frame.width) + 4;
  const panelHeight = dependenceHeight(data.dependence.length);
  const sankeyBottom = Math.max(top + COLUMN_HEAD + MIN_SANKEY, frame.height - panelHeight - 8);
  const g = frame.svg.append('g').attr('class', 'plot');
  // the makers' labels get a margin of their own on the right, so no two columns' labels share a gap
  const box = { left: PAD, right: frame.width - PAD - Math.round(frame.width * MAKER_LABELS), top: top + COLUMN_HEAD, bottom: sankeyBottom };
  columnHeads(g, data.stages, box, top);
  drawSankey(g, data.unit, network, box, frame.width);
  if (data.dependence.length > 0) dependencePanel(g, data, { left: PAD, right: frame.width - PAD, top: sankeyBottom + 8, width: frame.width });
  return frame.svg.node()!;
}

/** The reading: the most concentrated stage and how many dependences exceed the benchmark. */
export function valueChainReading(data: ValueChainData): string {
  const what = `Flows of an undisrupted first year (${data.unit} per year), coloured by country.`;
  const most = data.stages.reduce<StageConcentration | null>((a, s) => (!a || s.hhi > a.hhi ? s : a), null);
  const conc = most ? ` Most concentrated: ${STAGE_LABELS[most.stage].toLowerCase()}, HHI ${Math.round(most.hhi)}, ${most.topCountry} ${formatShare(most.topShare)} of capacity.` : '';
  const over = data.dependence.filter((d) => d.share > data.benchmark).length;
  const dep = data.dependence.length > 0 ? ` ${over} of ${data.dependence.length} maker dependences exceed ${formatShare(data.benchmark)}.` : '';
  return what + conc + dep;
}

function legendItems(nodes: ValueChainNode[], data: ValueChainData): LegendItem[] {
  const countries = [...new Set(nodes.map((n) => n.country).concat(data.dependence.map((d) => d.country)))].sort();
  const items: LegendItem[] = countries.map((c) => ({
    label: c === 'XX' ? 'XX (rest of world)' : c,
    colour: countryColour(c),
    swatch: 'rect',
    series: c,
  }));
  if (data.dependence.length > 0) items.push({ label: `${formatShare(data.benchmark)} benchmark (EU CRMA)`, colour: INK, swatch: 'line', dash: '5 3' });
  return items;
}

function dependenceHeight(rows: number): number {
  return rows > 0 ? DEPENDENCE_HEAD + rows * ROW + DEPENDENCE_AXIS : 0;
}

// ---- the Sankey ---------------------------------------------------------------------------------------

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// Heads start at their column's nodes (the last one runs on into the makers' label margin).
function columnX(box: Box, column: number): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const step = (box.right - box.left - NODE_WIDTH) / (CHAIN_COLUMNS.length - 1);
  return { x: box.left + column * step, anchor: 'start' };
}

function columnHeads(g: G, stages: StageConcentration[], box: Box, top: number): void {
  const heads = g.append('g').attr('class', 'column-heads');
  CHAIN_COLUMNS.forEach((stage, column) => {
    const { x, anchor } = columnX(box, column);
    const c = stages.find((s) => s.stage === stage);
    const head = heads.append('text').attr('class', 'column-head').attr('data-stage', stage)
      .attr('x', x).attr('y', top + 12).attr('text-anchor', anchor).attr('fill', INK);
    head.append('tspan').attr('x', x).attr('font-weight', 'bold').text(STAGE_LABELS[stage]);
    if (!c) return;
    head.append('tspan').attr('class', 'hhi').attr('x', x).attr('dy', LABEL_SIZE + 3).attr('fill', INK_SOFT)
      .text(`HHI ${Math.round(c.hhi).toLocaleString('en-US')} · top ${c.topCountry} ${formatShare(c.topShare)}`);
    head.append('title').text(`${STAGE_LABELS[stage]}: Herfindahl-Hirschman index of capacity by country ${c.hhi.toFixed(0)} (0-10000); largest country ${c.topCountry} with ${formatShare(c.topShare)} of capacity`);
  });
}

function layout(network: { nodes: ValueChainNode[]; links: ValueChainLink[] }, box: Box): { nodes: Node[]; links: Link[] } {
  return sankey<ValueChainNode, ValueChainLink>()
    .nodeId((n) => n.id)
    .nodeAlign((n) => chainColumn(n.stage))
    .nodeWidth(NODE_WIDTH)
    .nodePadding(12)
    .extent([[box.left, box.top], [box.right, box.bottom]])({
      nodes: network.nodes.map((n) => ({ ...n })),
      links: network.links.map((l) => ({ ...l })),
    });
}

function drawSankey(g: G, unit: string, network: { nodes: ValueChainNode[]; links: ValueChainLink[] }, box: Box, width: number): void {
  if (network.nodes.length === 0) {
    g.append('text').attr('class', 'empty').attr('x', box.left).attr('y', box.top + 20).attr('fill', INK)
      .text('No material flows in the first year.');
    return;
  }
  const { nodes, links } = layout(network, box);
  const linkLayer = g.append('g').attr('class', 'links').attr('fill', 'none');
  for (const l of links) drawLink(linkLayer, unit, l);
  const nodeLayer = g.append('g').attr('class', 'nodes');
  for (const n of nodes) drawNode(nodeLayer, unit, n);
  const labelLayer = g.append('g').attr('class', 'node-labels');
  for (const label of nodeLabels(nodes, box, width)) drawNodeLabel(labelLayer, label);
}

function drawLink(layer: G, unit: string, l: Link): void {
  const source = l.source as Node;
  const target = l.target as Node;
  const path = layer.append('path').attr('class', 'mark link')
    .attr('data-source', source.id).attr('data-target', target.id).attr('data-series', source.country)
    .attr('d', sankeyLinkHorizontal()(l) ?? '')
    .attr('stroke', countryColour(source.country)).attr('stroke-opacity', 0.45)
    .attr('stroke-width', Math.max(1, l.width ?? 1));
  hover(path, () => `${source.name} (${source.country}) → ${target.name} (${target.country}): ${withUnit(l.value, unit)} per year`);
}

function drawNode(layer: G, unit: string, n: Node): void {
  const [x0, x1, y0, y1] = [n.x0 ?? 0, n.x1 ?? 0, n.y0 ?? 0, n.y1 ?? 0];
  const rect = layer.append('rect').attr('class', 'mark node')
    .attr('data-node', n.id).attr('data-stage', n.stage).attr('data-series', n.country)
    .attr('x', x0).attr('y', y0).attr('width', x1 - x0).attr('height', Math.max(1, y1 - y0))
    .attr('fill', countryColour(n.country)).attr('stroke', INK).attr('stroke-width', 0.75);
  const inflow = sum(n.targetLinks), outflow = sum(n.sourceLinks);
  hover(rect, () => [
    `${n.name} (${n.country}), ${n.stage}`,
    `capacity ${withUnit(n.capacity, unit)} per year`,
    ...(n.targetLinks?.length ? [`receives ${withUnit(inflow, unit)} per year`] : []),
    ...(n.sourceLinks?.length ? [`ships ${withUnit(outflow, unit)} per year`] : []),
  ].join('\n'));
}

interface NodeLabel {
  node: Node;
  x: number;
  /** the vertical centre of the label */
  y: number;
  lines: string[];
}

const LABEL_FONT = LABEL_SIZE - 0.5;
const LABEL_LINE = LABEL_SIZE + 1;

/**
 * Where each node's label goes: right of its node, in the gap to the next column or, for the
 * makers, in the margin kept for them; up to three lines where the node is tall enough. Within a
 * column, labels of small neighbouring nodes are pushed apart so that none overlap.
 */
export function nodeLabels(nodes: Node[], box: Box, width: number): NodeLabel[] {
  const gap = (box.right - box.left - NODE_WIDTH) / (CHAIN_COLUMNS.length - 1) - NODE_WIDTH;
  const labels: NodeLabel[] = nodes.map((node) => {
    const last = chainColumn(node.stage) === CHAIN_COLUMNS.length - 1;
    const x = (node.x1 ?? 0) + 5;
    const height = (node.y1 ?? 0) - (node.y0 ?? 0);
    const maxLines = Math.min(3, Math.max(1, Math.floor((height + 4) / LABEL_LINE)));
    return {
      node,
      x,
      y: ((node.y0 ?? 0) + (node.y1 ?? 0)) / 2,
      lines: labelLines(node, last ? width - PAD - x : gap - 10, maxLines),
    };
  });
  for (let column = 0; column < CHAIN_COLUMNS.length; column++) {
    spreadLabels(labels.filter((l) => chainColumn(l.node.stage) === column), box);
  }
  return labels;
}

const half = (l: NodeLabel): number => (l.lines.length * LABEL_LINE) / 2;

function spreadLabels(column: NodeLabel[], box: Box): void {
  column.sort((a, b) => a.y - b.y);
  for (let i = 1; i < column.length; i++) column[i].y = Math.max(column[i].y, column[i - 1].y + half(column[i - 1]) + half(column[i]));
  const last = column[column.length - 1];
  const overflow = last ? last.y + half(last) - box.bottom : 0;
  if (overflow > 0) {
    last.y -= overflow;
    for (let i = column.length - 2; i >= 0; i--) column[i].y = Math.min(column[i].y, column[i + 1].y - half(column[i + 1]) - half(column[i]));
  }
}

// The country code is the key to the node's colour, so a long name is cut, never the code.
function labelLines(node: Node, maxWidth: number, maxLines: number): string[] {
  const code = ` · ${node.country}`;
  const width = Math.max(60, maxWidth);
  const lines = wrapLines(node.name, width, LABEL_FONT, maxLines);
  const lastLine = lines.pop() ?? '';
  if (textWidth(lastLine + code, LABEL_FONT) <= width) return [...lines, lastLine + code];
  // the code would not fit after a whole last line: on a line of its own if there is one, else cut the line
  if (lines.length + 2 <= maxLines && !lastLine.endsWith('…')) return [...lines, lastLine, code.trim()];
  const room = Math.max(30, width - textWidth(code, LABEL_FONT));
  return [...lines, truncate(lastLine, room, LABEL_FONT) + code];
}

function drawNodeLabel(layer: G, { node, x, y, lines }: NodeLabel): void {
  const text = layer.append('text').attr('class', 'node-label').attr('data-node', node.id)
    .attr('font-size', LABEL_FONT).attr('fill', INK);
  const first = y - ((lines.length - 1) * LABEL_LINE) / 2;
  lines.forEach((line, i) => text.append('tspan').attr('x', x).attr('y', first + i * LABEL_LINE).attr('dy', '0.35em').text(line));
  text.append('title').text(`${node.name} (${node.country})`);
}

const sum = (links?: Link[]): number => (links ?? []).reduce((a, l) => a + l.value, 0);

// ---- dependence panel ------------------------------------------------------------------------------------

const GROUP_LABEL = (group: string): string => (group === 'all' ? 'All makers' : `Makers in ${group}`);

function dependencePanel(g: G, data: ValueChainData, at: { left: number; right: number; top: number; width: number }): void {
  const p = g.append('g').attr('class', 'panel panel-dependence');
  p.append('text').attr('class', 'panel-title').attr('x', at.left).attr('y', at.top + 12).attr('font-weight', 'bold').attr('fill', INK)
    .text(truncate(`Makers' largest share from one foreign country, by stage, against the ${formatShare(data.benchmark)} benchmark`, at.right - at.left, LABEL_SIZE));
  const labelWidth = Math.max(190, Math.round(at.width * 0.3));
  const valueWidth = 150;
  const x = scaleLinear().domain([0, 1]).range([at.left + labelWidth, at.right - valueWidth]);
  const top = at.top + DEPENDENCE_HEAD;
  const bottom = top + data.dependence.length * ROW;
  data.dependence.forEach((d, i) => dependenceRow(p, d, data.benchmark, x, top + i * ROW, labelWidth, at.left));
  benchmarkRule(p, x(data.benchmark), top, bottom, data.benchmark);
  xAxis(p, x, bottom, { label: 'Share of the group\'s supply at that stage (%)', ticks: 5, format: (v) => `${Math.round(v * 100)}` });
}

function dependenceRow(p: G, d: DependenceBar, benchmark: number, x: ReturnType<typeof scaleLinear<number, number>>, y: number, labelWidth: number, left: number): void {
  const over = d.share > benchmark;
  const mid = y + ROW / 2;
  p.append('text').attr('class', 'row-label').attr('x', left).attr('y', mid).attr('dy', '0.35em').attr('fill', INK)
    .text(truncate(`${GROUP_LABEL(d.group)} · ${d.stage}`, labelWidth - 8, LABEL_SIZE));
  const bar = p.append('rect').attr('class', 'mark dependence-bar')
    .attr('data-group', d.group).attr('data-stage', d.stage).attr('data-series', d.country).attr('data-over', String(over))
    .attr('x', x(0)).attr('y', y + 2).attr('width', Math.max(0.5, x(d.share) - x(0))).attr('height', ROW - 4)
    .attr('fill', countryColour(d.country)).attr('stroke', INK).attr('stroke-width', over ? 1.25 : 0.5);
  hover(bar, () => `${GROUP_LABEL(d.group)}, ${d.stage}: ${(d.share * 100).toFixed(1)}% from ${d.country}${over ? ` — over the ${formatShare(benchmark)} benchmark` : ''}`);
  // values in a column right of the scale, so the benchmark rule never crosses them
  p.append('text').attr('class', over ? 'value-label over' : 'value-label').attr('x', x(1) + 8).attr('y', mid).attr('dy', '0.35em')
    .attr('font-size', LABEL_SIZE - 1).attr('font-weight', over ? 'bold' : null).attr('fill', INK)
    .text(`${d.country} ${shareBeside(d.share, benchmark)}${over ? ` ▲ over ${formatShare(benchmark)}` : ''}`);
}

// A share that rounds to the benchmark gets a decimal, so "65% over 65%" never appears.
const shareBeside = (share: number, benchmark: number): string =>
  Math.round(share * 100) === Math.round(benchmark * 100) ? `${(share * 100).toFixed(1)}%` : formatShare(share);

function benchmarkRule(p: G, x: number, top: number, bottom: number, benchmark: number): void {
  p.append('text').attr('class', 'benchmark-label').attr('x', x).attr('y', top - 2).attr('text-anchor', 'middle')
    .attr('font-size', LABEL_SIZE - 1).attr('fill', INK).text(`${formatShare(benchmark)} benchmark`);
  const rule = p.append('line').attr('class', 'benchmark').attr('x1', x).attr('x2', x).attr('y1', top).attr('y2', bottom)
    .attr('stroke', INK).attr('stroke-width', 1.25).attr('stroke-dasharray', '5 3');
  hover(rule, () => `EU Critical Raw Materials Act benchmark: at most ${formatShare(benchmark)} from any single third country at each stage`);
}
