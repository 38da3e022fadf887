/** Small helpers that keep validation messages uniform: shown values, JSON pointers, lists of names. */

const SHOWN_LENGTH = 40;

/** A value as a message shows it: JSON-encoded and cut to about 40 characters. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify would turn NaN and Infinity into null, hiding what was actually given.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/** A number without floating-point noise (0.30000000000000004 shows as 0.3). */
export const num = (x: number): string => String(Number(x.toPrecision(12)));

/** Extends a JSON pointer by segments, escaping "~" and "/" as RFC 6901 requires. */
export const at = (base: string, ...segments: (string | number)[]): string =>
  base + segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Quoted names joined for a sentence: "a", "b" or "c". */
export function names(list: readonly string[], conjunction = 'or'): string {
  const quoted = list.map((n) => JSON.stringify(n));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** A list of known names worth showing in a message: short lists in full, long ones not at all. */
export function knownNames(label: string, list: readonly string[], limit = 8): string {
  if (list.length === 0) return `; there are no ${label}`;
  return list.length <= limit ? `; ${label}: ${names(list, 'and')}` : '';
}
