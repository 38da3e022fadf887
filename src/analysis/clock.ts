/**
 * Wall time for an analysis to report how long it took: performance.now, which Node and browsers both have,
 * reached without the DOM's types (src/analysis builds in the DOM-free engine configuration).
 */
export const nowMs = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();
