/**
 * Every export file of a run, as names and contents, in the order the command line writes them:
 * charts/<name>.svg and charts/<name>.csv for every chart the run draws, then report.html. PNGs are made from
 * the SVGs by the caller (resvg in Node: png-node.ts; the browser: png-browser.ts).
 */
import { drawnChartNames, type ChartName } from '../charts/index.ts';
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { chartCsv } from '../report/chart-csv.ts';
import { chartData } from '../report/chart-data.ts';
import { chartSvgFromData } from './chart-svg.ts';
import { reportHtml } from './report-html.ts';
import type { OptimiseResult } from '../analysis/optimise-result.ts';
import { optimiseFiles } from './optimise-files.ts';
import { analysisFiles, type Analyses } from './analysis-files.ts';

export interface ExportFile {
  /** a relative path with forward slashes */
  name: string;
  content: string | Uint8Array;
}

export interface ExportOptions {
  document: Document;
  appVersion: string;
  date: Date | string;
  /** an optimisation whose confirmation run the result is: its files (optimise.json, the frontier chart) and report section too */
  optimise?: OptimiseResult;
  /** the stress test and sensitivity analysis, when run: their files, and their sections in the report */
  analyses?: Analyses;
}

/** The path of chart `name`'s file of extension `ext` within the output directory. */
export const chartFileName = (name: ChartName, ext: string): string => `charts/${name}.${ext}`;

/** The SVG and CSV of every chart the run draws (the replay chart only for a replay) and the report, from one chartData of the run. */
export function exportFiles(result: RunResult, scenario: Scenario, options: ExportOptions): ExportFile[] {
  const data = chartData(result, scenario);
  const charts = drawnChartNames(data).flatMap((name): ExportFile[] => [
    { name: chartFileName(name, 'svg'), content: chartSvgFromData(name, data, { document: options.document }) },
    { name: chartFileName(name, 'csv'), content: chartCsv(name, data[name]) },
  ]);
  const optimised = options.optimise ? optimiseFiles(options.optimise, options.document) : [];
  const analyses = options.analyses ? analysisFiles(options.analyses, options) : [];
  return [...charts, ...optimised, ...analyses, { name: 'report.html', content: reportHtml(result, scenario, { ...options, data }) }];
}
