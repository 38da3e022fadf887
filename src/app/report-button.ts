/** A button that downloads the run as one self-contained HTML report (src/export/report-html.ts). */
import { version } from '../../package.json';
import { downloadBlob } from '../export/download.ts';
import { downloadName } from '../export/file-names.ts';
import { reportHtml } from '../export/report-html.ts';
import type { ExportContext } from './chart-export-menu.ts';

/** The "Report (HTML)" button with a status line; `getContext` is asked at each click. */
export function reportButton(getContext: () => ExportContext, doc: Document = document): HTMLElement {
  const wrapper = doc.createElement('span');
  wrapper.className = 'report-button';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Report (HTML)';
  button.title = 'Download a report of this run: numbers, charts, assumptions and sources in one file that prints to PDF';
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  button.addEventListener('click', () => {
    const ctx = getContext();
    if (!ctx) {
      status.textContent = 'Run the scenario first.';
      return;
    }
    status.textContent = '';
    try {
      const html = reportHtml(ctx.result, ctx.scenario, { document: doc, appVersion: version, date: new Date(), analyses: ctx.analyses });
      downloadBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), downloadName(ctx.result, 'report', 'html'), doc);
    } catch (error) {
      status.textContent = `Could not make the report: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
  wrapper.append(button, status);
  return wrapper;
}
