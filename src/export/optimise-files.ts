/**
 * An optimisation's files, beside the run's: optimise.json (the whole result), and the frontier chart as
 * charts/frontier.svg and charts/frontier.csv (PNGs are made from the SVG like every chart's). The app's
 * downloads and the command line's --out write the same bytes for the same scenario and seed.
 */
import type { OptimiseResult } from '../analysis/optimise-result.ts';
import { frontierChart } from '../charts/frontier.ts';
import { serializeSvg } from '../charts/serialize.ts';
import { frontierCsv, frontierData } from '../report/frontier-data.ts';
import type { ExportFile } from './bundle.ts';
import { EXPORT_WIDTH } from './chart-svg.ts';

export const FRONTIER_SVG = 'charts/frontier.svg';
export const FRONTIER_CSV = 'charts/frontier.csv';

/** The result as JSON text (NaN as null, like result.json). */
export const optimiseJson = (result: OptimiseResult, indent?: number): string => `${JSON.stringify(result, null, indent)}\n`;

/** The frontier chart as standalone SVG text, with the fixed export width. */
export function frontierSvg(result: OptimiseResult, document: Document): string {
  return serializeSvg(frontierChart(frontierData(result), { document, width: EXPORT_WIDTH }));
}

/** optimise.json and the frontier's SVG and CSV. */
export function optimiseFiles(result: OptimiseResult, document: Document): ExportFile[] {
  return [
    { name: 'optimise.json', content: optimiseJson(result, 2) },
    { name: FRONTIER_SVG, content: frontierSvg(result, document) },
    { name: FRONTIER_CSV, content: frontierCsv(result) },
  ];
}
