/**
 * A chart's data as an HTML table under the chart, one click away (a closed <details>), for readers
 * who cannot see the chart and for anyone who wants the numbers: the rows of the chart's CSV download,
 * so the table, the file and the chart always agree. Numbers are shown to six significant digits (the
 * CSV keeps full precision).
 */
import { el } from './dom.ts';

/** Rows of cells from CSV text (RFC 4180: quoted cells, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A CSV column name as a header: "flow_t_ga_per_year" -> "flow t ga per year". */
export function headerText(name: string): string {
  return name.replace(/_/g, ' ');
}

/** A cell as shown: numbers to six significant digits with thousands separators, anything else as written. */
export function cellText(cell: string): string {
  if (cell.trim() === '' || !Number.isFinite(Number(cell))) return cell;
  return Number(cell).toLocaleString('en-US', { maximumSignificantDigits: 6 });
}

/** The table of a CSV text, its first row the header, with a caption. */
export function csvTable(csv: string, caption: string): HTMLTableElement {
  const [head = [], ...body] = parseCsv(csv);
  return el(
    'table',
    { class: 'data-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, headerText(h))))),
    el('tbody', {}, ...body.map((r) => el('tr', {}, ...r.map((c) => el('td', { class: Number.isFinite(Number(c)) && c.trim() !== '' ? 'num' : undefined }, cellText(c)))))),
  );
}
