/** axe-core in a page under test: its default rules, none disabled. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core's violations within `include` (CSS selectors; the whole page by default), each with its elements
 * and what to fix, so a failing test says what is wrong.
 */
export async function axeViolations(page: Page, include?: string[]): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async (within) => {
    type Result = { violations: { id: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<Result> } }).axe;
    const result = within ? await axe.run({ include: within.map((s) => [s]) }) : await axe.run();
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`) }));
  }, include);
}
