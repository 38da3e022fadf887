/** Number and text formatting shared by the charts; text widths are estimated because jsdom cannot measure. */
import { format } from 'd3';

const thousands = format(',.0f');
const oneDecimal = format(',.1~f');
const threeSignificant = format('.3~r');
const si = format('.3~s');

/** A quantity in material units: whole numbers from 100 up, three significant digits below. */
export function formatUnits(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 100) return thousands(x).replace('-', '−');
  if (a >= 10) return oneDecimal(x).replace('-', '−');
  if (a === 0) return '0';
  return threeSignificant(x).replace('-', '−');
}

/** A quantity with its unit: "148 t". */
export const withUnit = (x: number, unit: string): string => `${formatUnits(x)} ${unit}`;

/** Money in SI short form with billions as B, which readers of cost tables expect: "52.5M USD". */
export function formatMoney(x: number, currency?: string): string {
  const s = si(x).replace('G', 'B').replace('-', '−');
  return currency ? `${s} ${currency}` : s;
}

/** A fraction 0..1 as a whole percentage: "82%". */
export const formatShare = (f: number): string => `${Math.round(f * 100)}%`;

/** A value already in percent, to one decimal when it is not whole: "97.5%". */
export const formatPct = (p: number): string => `${Number.isInteger(p) ? p : p.toFixed(1)}%`;

// The mean advance of a glyph as a fraction of the font size, taken on the wide side (DejaVu Sans,
// Linux's usual system-ui, is wider than Segoe UI or San Francisco) so that estimated text fits.
const CHAR_WIDTH = 0.6;

/** Estimated width in pixels of text set at fontSize. */
export const textWidth = (text: string, fontSize: number): number => text.length * fontSize * CHAR_WIDTH;

/** Cuts text to fit maxWidth pixels, ending it with an ellipsis when cut. */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(maxWidth / (fontSize * CHAR_WIDTH)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/**
 * Breaks text into lines of at most maxWidth pixels without losing a character: at spaces, and inside a
 * word only when the word alone is longer than a line (a long id such as "eu-stockpile-and-refinery").
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const max = Math.max(1, Math.floor(maxWidth / (fontSize * CHAR_WIDTH)));
  const lines: string[] = [];
  let line = '';
  for (const whole of text.split(/\s+/).filter(Boolean)) {
    // a word longer than a line is cut into line-sized pieces, after hyphens where it has them
    const pieces = whole.length <= max ? [whole] : splitWord(whole, max);
    for (const word of pieces) {
      const next = line ? `${line} ${word}` : word;
      if (next.length <= max || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

function splitWord(word: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > max) {
    const hyphen = rest.lastIndexOf('-', max - 1);
    const cut = hyphen > 0 ? hyphen + 1 : max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Breaks text into at most maxLines lines of maxWidth pixels, the last cut with an ellipsis if needed. */
export function wrapLines(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines = wrapText(text, maxWidth, fontSize);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines - 1);
  // the rest is longer than one line, so truncate ends it with an ellipsis
  kept.push(truncate(lines.slice(maxLines - 1).join(' '), maxWidth, fontSize));
  return kept;
}
