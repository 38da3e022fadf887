/**
 * One analysis chart in its panel: its controls (a duration, a maker, a strategy), the chart drawn at the
 * panel's width, its data as a table one click away (the rows of its CSV download) and its downloads.
 */
import { analysisChartCsv, analysisChartSvg } from '../export/analysis-files.ts';
import { analysisExportMenu, type AnalysisExportContext } from './analysis-export-menu.ts';
import { csvTable } from './data-table.ts';
import { el, replaceChildren } from './dom.ts';

const MIN_WIDTH = 560;
const MAX_WIDTH = 1100;

export interface AnalysisFigure {
  element: HTMLElement;
  /** draws the chart the context names (or a notice when there is none) */
  draw(): void;
}

/** A figure for the chart `getContext` names at each draw. */
export function createAnalysisFigure(name: string, title: string, controls: HTMLElement[], getContext: () => AnalysisExportContext): AnalysisFigure {
  const slot = el('div', { class: 'chart-slot', 'data-analysis-slot': name });
  const holder = el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `${title}: data table` });
  const table = el('details', { class: 'analysis-data-table', 'data-analysis-table': name }, el('summary', {}, 'Data table'), holder);
  const drawTable = () => {
    const ctx = getContext();
    if (!table.open || !ctx) return replaceChildren(holder);
    replaceChildren(holder, csvTable(analysisChartCsv(ctx.chart, ctx.analyses), `${title}: the data drawn, as in the CSV download`));
  };
  table.addEventListener('toggle', drawTable);
  const element = el('figure', { class: 'panel chart-panel analysis-figure', 'data-analysis-figure': name },
    el('h3', { class: 'chart-heading' }, title), controls.length > 0 && el('div', { class: 'chart-control' }, ...controls), slot, table, analysisExportMenu(title, getContext));
  return {
    element,
    draw() {
      const ctx = getContext();
      if (!ctx) return replaceChildren(slot, el('p', { class: 'notice' }, 'Run the analysis to see this chart.'));
      const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, slot.clientWidth || 720)));
      try {
        replaceChildren(slot, analysisChartSvg(ctx.chart, ctx.analyses, { document, width }));
        element.classList.add('has-chart');
      } catch (error) {
        element.classList.remove('has-chart');
        replaceChildren(slot, el('p', { class: 'notice error' }, `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`));
      }
      drawTable();
    },
  };
}
