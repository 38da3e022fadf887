/**
 * Compares a result computed in Chromium with one computed in Node, bit for bit. Math.exp, Math.log,
 * Math.pow and Math.cos differ in the last bit between V8 versions (Chromium 156 and Node 20 disagree
 * on about one call in ten), so the engine uses portable ones (src/random/portable-math.ts); with them
 * every number must be identical.
 */

/** No tolerance: the same scenario and seed give the same numbers in the app and the CLI. */
const RELATIVE = 0;

/** The places where two JSON values differ beyond last-bit noise; empty when they agree. */
export function numbersDiffer(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return [];
    // Counts, trial numbers and periods are whole numbers: they must match exactly.
    const whole = Number.isInteger(a) && Number.isInteger(b);
    const close = Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(a), Math.abs(b));
    return close && !whole ? [] : [`${path || '/'}: ${a} vs ${b}`];
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? [] : [`${path || '/'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
  if (Array.isArray(a) !== Array.isArray(b)) return [`${path || '/'}: a list and an object`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => numbersDiffer((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`));
}
