/** Scenario files in and out: an import is checked in full before it replaces anything; an export downloads the editor's text. */
import type { ValidationIssue } from '../model/validate.ts';
import { el, replaceChildren } from './dom.ts';

export interface ImportExport {
  element: HTMLElement;
}

export interface ImportExportHandlers {
  /** takes a file's text; returns the issues that refuse it, or an empty list when it was taken */
  importText(text: string, fileName: string): ValidationIssue[];
  /** the text and file name to download */
  exportFile(): { text: string; fileName: string };
}

/** Creates the import and export buttons and the place where a refused import's problems are listed. */
export function createImportExport(handlers: ImportExportHandlers): ImportExport {
  const report = el('div', { class: 'import-report', role: 'alert', hidden: true });
  const input = el('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', id: 'import-file' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = ''; // the same file chosen again must fire another change
    if (!file) return;
    showReport(report, file.name, handlers.importText(await file.text(), file.name));
  });
  const exportButton = el('button', { type: 'button', class: 'secondary' }, 'Export scenario');
  exportButton.addEventListener('click', () => download(handlers.exportFile()));
  const element = el(
    'div',
    { class: 'import-export' },
    el('div', { class: 'button-row' }, el('label', { class: 'button secondary', for: 'import-file' }, 'Import scenario…'), input, exportButton),
    report,
  );
  return { element };
}

function showReport(report: HTMLElement, fileName: string, issues: ValidationIssue[]): void {
  report.hidden = issues.length === 0;
  if (issues.length === 0) return replaceChildren(report);
  const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`;
  const dismiss = el('button', { type: 'button', class: 'link' }, 'Dismiss');
  dismiss.addEventListener('click', () => showReport(report, fileName, []));
  replaceChildren(
    report,
    el('p', {}, el('strong', {}, `${fileName} was not imported`), ` (${count}); the scenario you had is unchanged. `, dismiss),
    el('ul', {}, ...issues.map((i) => el('li', {}, el('code', {}, i.path || '/'), ' ', i.message))),
  );
}

function download({ text, fileName }: { text: string; fileName: string }): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = el('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
