/**
 * Download buttons for an analysis chart (exposure, survival, tornado): SVG, PNG at 1x and 2x, a print
 * PNG at 300 dpi, and the chart's data as CSV, made with the fixed export options of src/export, so each
 * is the command line's --out file for the same scenario, seed and choice.
 */
import type { Analyses, AnalysisChart } from '../export/analysis-files.ts';
import { analysisChartCsv, analysisChartName, analysisChartSvg } from '../export/analysis-files.ts';
import { serializeSvg } from '../charts/index.ts';
import { downloadBlob } from '../export/download.ts';
import { downloadName } from '../export/file-names.ts';
import { svgToPngBlob } from '../export/png-browser.ts';
import { DEFAULT_PRINT_WIDTH_MM, PRINT_DPI, printWidthPx, type PngScale } from '../export/png-size.ts';
import { el } from './dom.ts';

/** What a download needs: the chart chosen, the analyses, and the run they came from (for the file name). */
export type AnalysisExportContext = { chart: AnalysisChart; analyses: Analyses; scenario: { id: string; hash: string }; seed: number | string } | null;

/** A group of download buttons; `getContext` is asked at each click. */
export function analysisExportMenu(title: string, getContext: () => AnalysisExportContext): HTMLElement {
  const status = el('span', { class: 'chart-export-status', role: 'status' });
  const width = el('input', { type: 'number', min: 20, max: 1000, step: 1, value: DEFAULT_PRINT_WIDTH_MM, class: 'chart-export-width', 'aria-label': 'Print width in millimetres' });
  const action = (label: string, make: (ctx: NonNullable<AnalysisExportContext>) => Promise<{ blob: Blob; fileName: string }>) => {
    const button = el('button', { type: 'button', title: `Download "${title}" as ${label}` }, label);
    button.addEventListener('click', async () => {
      const ctx = getContext();
      if (!ctx) {
        status.textContent = 'Run the analysis first.';
        return;
      }
      status.textContent = '';
      button.disabled = true;
      try {
        const { blob, fileName } = await make(ctx);
        downloadBlob(blob, fileName);
      } catch (error) {
        status.textContent = `Could not make the file: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        button.disabled = false;
      }
    });
    return button;
  };
  const svgOf = (ctx: NonNullable<AnalysisExportContext>) => serializeSvg(analysisChartSvg(ctx.chart, ctx.analyses, { document }));
  const name = (ctx: NonNullable<AnalysisExportContext>, ext: string, variant = '') => downloadName(ctx, analysisChartName(ctx.chart), ext, variant);
  const png = (scale: PngScale, variant: string, dpi?: number) => async (ctx: NonNullable<AnalysisExportContext>) => ({
    blob: await svgToPngBlob(svgOf(ctx), scale, { document, dpi }),
    fileName: name(ctx, 'png', variant),
  });
  return el(
    'div',
    { class: 'chart-export-menu', role: 'group', 'aria-label': `Download ${title}` },
    action('SVG', async (ctx) => ({ blob: new Blob([svgOf(ctx)], { type: 'image/svg+xml;charset=utf-8' }), fileName: name(ctx, 'svg') })),
    action('PNG 1x', png(1, '')),
    action('PNG 2x', png(2, '@2x')),
    action('PNG print (300 dpi)', async (ctx) => {
      const mm = Number(width.value);
      if (!(mm >= 20 && mm <= 1000)) throw new Error('the print width must be 20 to 1000 mm');
      return png({ widthPx: printWidthPx({ mm }) }, `-${mm}mm-${PRINT_DPI}dpi`, PRINT_DPI)(ctx);
    }),
    el('label', {}, width, ' mm'),
    action('CSV', async (ctx) => ({ blob: new Blob([analysisChartCsv(ctx.chart, ctx.analyses)], { type: 'text/csv;charset=utf-8' }), fileName: name(ctx, 'csv') })),
    status,
  );
}
