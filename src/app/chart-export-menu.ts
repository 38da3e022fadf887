/**
 * Download buttons for one chart: SVG, PNG at 1x and 2x, a print PNG at 300 dpi for a width in mm,
 * and the chart's data as CSV. Every file is made with the fixed export options of src/export, so it
 * is the same as the command line's --out file for the same scenario and seed.
 */
import { CHART_TITLES, type ChartName } from '../charts/index.ts';
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import type { Analyses } from '../export/analysis-files.ts';
import { exportChartCsv } from '../export/chart-csv.ts';
import { exportChartSvg } from '../export/chart-svg.ts';
import { downloadBlob } from '../export/download.ts';
import { downloadName } from '../export/file-names.ts';
import { svgToPngBlob } from '../export/png-browser.ts';
import { DEFAULT_PRINT_WIDTH_MM, PRINT_DPI, printWidthPx, type PngScale } from '../export/png-size.ts';

/** What a download needs: the run shown and its scenario (and the analyses run on it, for the report), or null before the first result. */
export type ExportContext = { result: RunResult; scenario: Scenario; analyses?: Analyses } | null;

const MIN_PRINT_MM = 20;
const MAX_PRINT_MM = 1000;

/** A small group of download buttons for chart `name`; `getContext` is asked at each click. */
export function chartExportMenu(name: ChartName, getContext: () => ExportContext, doc: Document = document): HTMLElement {
  const title = CHART_TITLES[name];
  const menu = doc.createElement('div');
  menu.className = 'chart-export-menu';
  menu.setAttribute('role', 'group');
  menu.setAttribute('aria-label', `Download ${title}`);
  const status = doc.createElement('span');
  status.className = 'chart-export-status';
  status.setAttribute('role', 'status');

  const widthField = doc.createElement('input');
  widthField.type = 'number';
  widthField.min = String(MIN_PRINT_MM);
  widthField.max = String(MAX_PRINT_MM);
  widthField.step = '1';
  widthField.value = String(DEFAULT_PRINT_WIDTH_MM);
  widthField.className = 'chart-export-width';
  widthField.setAttribute('aria-label', 'Print width in millimetres');
  const widthLabel = doc.createElement('label');
  widthLabel.append(widthField, ' mm');

  /** Runs one download, reporting a missing run or a failure next to the buttons instead of throwing. */
  const action = (label: string, make: (ctx: NonNullable<ExportContext>) => Promise<{ blob: Blob; fileName: string }>) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.title = `Download "${title}" as ${label}`;
    button.addEventListener('click', async () => {
      const ctx = getContext();
      if (!ctx) {
        status.textContent = 'Run the scenario first.';
        return;
      }
      status.textContent = '';
      button.disabled = true;
      try {
        const { blob, fileName } = await make(ctx);
        downloadBlob(blob, fileName, doc);
      } catch (error) {
        status.textContent = `Could not make the file: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        button.disabled = false;
      }
    });
    return button;
  };

  const svgOf = (ctx: NonNullable<ExportContext>) => exportChartSvg(name, ctx.result, ctx.scenario, { document: doc });
  const png = (scale: PngScale, variant: string, dpi?: number) => async (ctx: NonNullable<ExportContext>) => ({
    blob: await svgToPngBlob(svgOf(ctx), scale, { document: doc, dpi }),
    fileName: downloadName(ctx.result, name, 'png', variant),
  });
  const printWidthMm = (): number => {
    const mm = Number(widthField.value);
    if (!(mm >= MIN_PRINT_MM && mm <= MAX_PRINT_MM)) throw new Error(`the print width must be ${MIN_PRINT_MM} to ${MAX_PRINT_MM} mm`);
    return mm;
  };

  menu.append(
    action('SVG', async (ctx) => ({
      blob: new Blob([svgOf(ctx)], { type: 'image/svg+xml;charset=utf-8' }),
      fileName: downloadName(ctx.result, name, 'svg'),
    })),
    action('PNG 1x', png(1, '')),
    action('PNG 2x', png(2, '@2x')),
    action('PNG print (300 dpi)', async (ctx) => {
      const mm = printWidthMm();
      return png({ widthPx: printWidthPx({ mm }) }, `-${mm}mm-${PRINT_DPI}dpi`, PRINT_DPI)(ctx);
    }),
    widthLabel,
    action('CSV', async (ctx) => ({
      blob: new Blob([exportChartCsv(name, ctx.result, ctx.scenario)], { type: 'text/csv;charset=utf-8' }),
      fileName: downloadName(ctx.result, name, 'csv'),
    })),
    status,
  );
  return menu;
}
