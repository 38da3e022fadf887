/** Building HTML as text, escaped: every string from a scenario or result goes through escapeHtml. */

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Already-escaped HTML, so that cells can hold markup (links, <code>) next to plain text. */
export class Html {
  constructor(readonly html: string) {}
}

export type Cell = string | number | Html | null | undefined;

/** A cell's HTML: escaped text, raw Html, or a dash for a missing value. */
export function cellHtml(cell: Cell): string {
  if (cell instanceof Html) return cell.html;
  if (cell === null || cell === undefined || cell === '') return '–';
  return escapeHtml(cell);
}

export interface TableSpec {
  caption?: string;
  head: string[];
  rows: Cell[][];
  /** first column as row headers (strategy or node names) */
  rowHeaders?: boolean;
  /** columns holding numbers, right-aligned */
  numeric?: number[];
  className?: string;
}

/** A table with a header row; `numeric` columns are right-aligned, the first column a row header if asked. */
export function table(spec: TableSpec): string {
  const numeric = new Set(spec.numeric ?? []);
  const cls = (j: number) => (numeric.has(j) ? ' class="num"' : '');
  const head = spec.head.map((h, j) => `<th scope="col"${cls(j)}>${escapeHtml(h)}</th>`).join('');
  const rows = spec.rows
    .map((row) => `<tr>${row.map((c, j) => (j === 0 && spec.rowHeaders ? `<th scope="row">${cellHtml(c)}</th>` : `<td${cls(j)}>${cellHtml(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  const caption = spec.caption ? `<caption>${escapeHtml(spec.caption)}</caption>` : '';
  return `<table${spec.className ? ` class="${escapeHtml(spec.className)}"` : ''}>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>`;
}

/** A link to an http(s) address (anything else, e.g. javascript:, is shown as plain text), opening outside the report. */
export function link(url: string, text: string): Html {
  if (!/^https?:\/\//i.test(url.trim())) return new Html(escapeHtml(text));
  return new Html(`<a href="${escapeHtml(url.trim())}" rel="noopener noreferrer">${escapeHtml(text)}</a>`);
}

/** Inline code: ids and commands. */
export const code = (text: string | number): Html => new Html(`<code>${escapeHtml(text)}</code>`);
