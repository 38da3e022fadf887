/** A real small run of the example scenario, its chart data, and a jsdom document to render on. */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.ts';
import { validateScenario, formatIssues } from '../../src/model/validate.ts';
import type { Scenario } from '../../src/model/schema.ts';
import type { RunResult } from '../../src/engine/result.ts';
import { chartData } from '../../src/report/chart-data.ts';
import type { ChartDataMap } from '../../src/charts/data-types.ts';

export const TRIALS = 40;

let cached: { scenario: Scenario; result: RunResult; data: ChartDataMap } | null = null;

/** The example scenario run for a few trials (once per test file), and chartData of it. */
export function exampleRun(): { scenario: Scenario; result: RunResult; data: ChartDataMap } {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8'));
  const v = validateScenario(raw);
  if (!v.ok) throw new Error(formatIssues(v.issues));
  const result = runScenario(v.scenario, { trials: TRIALS, seed: 1 });
  cached = { scenario: v.scenario, result, data: chartData(result, v.scenario) };
  return cached;
}

/** A fresh jsdom document, passed to charts as options.document. */
export const newDocument = (): Document => new JSDOM('<!doctype html>').window.document;

/** The elements of `svg` matching the selector. */
export const all = (svg: Element, selector: string): Element[] => Array.from(svg.querySelectorAll(selector));

/** True when the element has a <title> child (the hover text). */
export const hasTitle = (el: Element): boolean => Array.from(el.children).some((c) => c.localName === 'title' && (c.textContent ?? '').length > 0);

/** What every chart must have: size, viewBox and font on the root; title, reading, axis labels with the unit, a legend; a title on every mark. */
export function expectChartBasics(svg: SVGSVGElement, expected: { unitInAxis: string; marks: number }): void {
  expect(svg.localName).toBe('svg');
  expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(Number(svg.getAttribute('width'))).toBeGreaterThan(0);
  expect(svg.getAttribute('font-family')).toMatch(/system-ui.*sans-serif/);
  expect(svg.querySelector('.chart-title')?.textContent?.length).toBeGreaterThan(0);
  expect(svg.querySelector('.chart-reading')?.textContent?.length).toBeGreaterThan(0);
  const axisLabels = all(svg, '.axis-label').map((e) => e.textContent ?? '');
  expect(axisLabels.some((t) => t.includes(expected.unitInAxis)), `an axis label with ${expected.unitInAxis}: ${axisLabels.join(' | ')}`).toBe(true);
  expect(all(svg, '.legend .legend-item').length).toBeGreaterThan(0);
  const marks = all(svg, '.mark');
  expect(marks.length).toBe(expected.marks);
  const untitled = marks.filter((m) => !hasTitle(m));
  expect(untitled.map((m) => m.getAttribute('class'))).toEqual([]);
}

const replays = new Map<string, { scenario: Scenario; result: RunResult; data: ChartDataMap }>();

/** A historical replay (scenarios/replays/<id>.json) run for a few trials (once per test file), and chartData of it. */
export function replayRun(id: string): { scenario: Scenario; result: RunResult; data: ChartDataMap } {
  const seen = replays.get(id);
  if (seen) return seen;
  const v = validateScenario(JSON.parse(readFileSync(new URL(`../../scenarios/replays/${id}.json`, import.meta.url), 'utf8')));
  if (!v.ok) throw new Error(formatIssues(v.issues));
  const result = runScenario(v.scenario, { trials: 20, attribution: false });
  const run = { scenario: v.scenario, result, data: chartData(result, v.scenario) };
  replays.set(id, run);
  return run;
}
