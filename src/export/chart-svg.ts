/**
 * A chart as the file a user downloads or the command line writes. The options are fixed (width,
 * every strategy, the baseline's attribution, the chart's own title) rather than taken from the
 * app's current view, so that the app's download and the CLI's file are the same bytes for the
 * same scenario and seed.
 */
import { renderChart, serializeSvg, type AnyChartOptions, type ChartDataMap, type ChartName } from '../charts/index.ts';
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { chartData } from '../report/chart-data.ts';

/** Width in CSS pixels of every exported chart (the charts' own default, which fits an A4 page). */
export const EXPORT_WIDTH = 720;

export interface ChartSvgOptions {
  /** the document to render on: the browser's, or a jsdom document in Node */
  document: Document;
  width?: number;
}

/** The fixed chart options of every export: width and document only, so each chart draws all it can. */
export function exportChartOptions(options: ChartSvgOptions): AnyChartOptions {
  return { document: options.document, width: options.width ?? EXPORT_WIDTH };
}

/** Standalone SVG text of chart `name` for a run of a scenario, with the fixed export options. */
export function exportChartSvg(name: ChartName, result: RunResult, scenario: Scenario, options: ChartSvgOptions): string {
  return chartSvgFromData(name, chartData(result, scenario), options);
}

/** The same from chart data already computed (the bundle renders every chart from one chartData). */
export function chartSvgFromData(name: ChartName, data: ChartDataMap, options: ChartSvgOptions): string {
  return serializeSvg(renderChart(name, data, exportChartOptions(options)));
}
