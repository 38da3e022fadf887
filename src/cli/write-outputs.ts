/**
 * The files of --out DIR (model.md section 7): result.json and bands.csv (and flows.csv when the run has
 * flow series), then every chart as SVG, CSV and PNG (1x, 2x and 300 dpi print) in charts/, and report.html.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../engine/result.ts';
import type { OptimiseResult } from '../analysis/optimise-result.ts';
import type { ExportFile } from '../export/bundle.ts';
import type { Analyses } from '../export/analysis-files.ts';
import type { Scenario } from '../model/schema.ts';
import type { PngScale } from '../export/png-size.ts';
import { PRINT_DPI, printWidthPx } from '../export/png-size.ts';
import { monthAt } from '../model/calendar.ts';
import { version } from '../../package.json';
import { fsReason, UserError } from './user-error.ts';

export const BANDS_HEADER = 'strategy,period,month,p5,p25,p50,p75,p95';
export const FLOWS_HEADER = 'strategy,stage,from,to,counted,period,month,calendar_month,planned,mean,p5,p95';

/** The result (with the analyses run, if any) as the JSON text the command line prints and writes; JSON turns NaN into null. */
export function resultJson(result: RunResult & Analyses, indent?: number): string {
  return `${JSON.stringify(result, null, indent)}\n`;
}

/** Fulfilment bands as CSV: one row per strategy and period, month = period x 12 / periodsPerYear. */
export function bandsCsv(result: RunResult): string {
  const lines = [BANDS_HEADER];
  for (const s of result.strategies) {
    s.bands.fulfilment.forEach((band, period) => {
      lines.push([s.id, period, (period * 12) / result.periodsPerYear, ...band].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Flow series as CSV: one row per strategy, series and period; planned in units per period, mean, p5 and
 * p95 of r = flow / planned (empty where nothing was planned); calendar_month from the scenario's
 * monthZero (empty without one). Null when the run has no flow series.
 */
export function flowsCsv(result: RunResult, monthZero?: string): string | null {
  if (!result.strategies.some((s) => s.flows)) return null;
  const cell = (x: number | null) => (x === null ? '' : String(x));
  const lines = [FLOWS_HEADER];
  for (const s of result.strategies) {
    for (const f of s.flows ?? []) {
      f.planned.forEach((planned, period) => {
        const month = (period * 12) / result.periodsPerYear;
        const calendar = monthZero && Number.isInteger(month) ? monthAt(monthZero, month) : '';
        lines.push([s.id, f.stage, f.from, f.to, f.counted, period, month, calendar, planned, cell(f.mean[period]), cell(f.p5[period]), cell(f.p95[period])].join(','));
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Creates the output directory; called before a run so a bad --out fails in a moment, not after the run. */
export async function prepareOutDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot write to ${JSON.stringify(dir)}: ${fsReason(error)}`);
  }
}

/** The PNGs made of each chart SVG: suffix of the file name, scale, and the resolution stamped in it. */
export const PNG_VARIANTS = [
  { suffix: '', scale: 1 },
  { suffix: '@2x', scale: 2 },
  { suffix: '-print', print: { mm: 170 } },
] as const;

export interface WrittenOutputs {
  /** the paths written, in order */
  files: string[];
  /** problems that did not stop the run, for stderr */
  warnings: string[];
}

/** Writes every file of --out into dir, creating it; returns the paths written. With an optimisation or analyses, their files and report sections too. */
export async function writeOutputs(dir: string, result: RunResult, scenario: Scenario, date: Date = new Date(), extras: { optimise?: OptimiseResult; analyses?: Analyses } = {}): Promise<WrittenOutputs> {
  const warnings: string[] = [];
  const files: ExportFile[] = [
    { name: 'result.json', content: resultJson({ ...result, ...extras.analyses }, 2) },
    { name: 'bands.csv', content: bandsCsv(result) },
    ...flowsFile(result, scenario),
    ...(await chartFiles(result, scenario, date, warnings, extras)),
  ];
  try {
    await mkdir(path.join(dir, 'charts'), { recursive: true });
    for (const f of files) await writeFile(path.join(dir, ...f.name.split('/')), f.content);
  } catch (error) {
    throw new UserError(`cannot write to ${JSON.stringify(dir)}: ${fsReason(error)}`);
  }
  return { files: files.map((f) => path.join(dir, ...f.name.split('/'))), warnings };
}

function flowsFile(result: RunResult, scenario: Scenario): ExportFile[] {
  const content = flowsCsv(result, scenario.monthZero);
  return content === null ? [] : [{ name: 'flows.csv', content }];
}

/** The charts (SVG, CSV, PNGs) and the report; their modules load only here, since jsdom and resvg take a moment. */
async function chartFiles(result: RunResult, scenario: Scenario, date: Date, warnings: string[], extras: { optimise?: OptimiseResult; analyses?: Analyses }): Promise<ExportFile[]> {
  const [{ JSDOM }, { exportFiles }, { svgToPng, pngTextRenders }] = await Promise.all([
    import('jsdom'),
    import('../export/bundle.ts'),
    import('../export/png-node.ts'),
  ]);
  const document = new JSDOM('<!DOCTYPE html>').window.document;
  const exported = exportFiles(result, scenario, { document, appVersion: appVersion(), date, optimise: extras.optimise, analyses: extras.analyses });
  if (!pngTextRenders()) warnings.push('no system font could be loaded for the PNGs, so they have no text; the SVGs and report.html are complete');
  // Each chart's PNGs right after its SVG, so the list on stderr reads chart by chart.
  return exported.flatMap((f) => (f.name.endsWith('.svg') ? [f, ...pngsOf(f.name, f.content as string, svgToPng)] : [f]));
}

/** The PNG variants of one chart's SVG. */
function pngsOf(svgName: string, svg: string, render: (svg: string, scale: PngScale, dpi?: number) => Uint8Array): ExportFile[] {
  return PNG_VARIANTS.map((v): ExportFile => {
    const name = svgName.replace(/\.svg$/, `${v.suffix}.png`);
    return { name, content: 'print' in v ? render(svg, { widthPx: printWidthPx(v.print) }, PRINT_DPI) : render(svg, v.scale) };
  });
}

/** This software's version, from package.json, for the report's reproducibility facts. */
export function appVersion(): string {
  // Imported, not read beside this file at run time: the bundled command line runs from elsewhere.
  return version;
}
