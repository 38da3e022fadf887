/**
 * The historical replays in the app, in Chromium: listed in the picker under their own heading, picked
 * and run as a user would, and drawn in the chart "model against what was reported" with every reported
 * point and each comparison's verdict, with no axe-core violation; a scenario that is no replay shows no
 * such panel.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateComparisons } from '../../src/analysis/replay-comparisons.ts';
import { runScenario } from '../../src/engine/run-scenario.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { chartData } from '../../src/report/chart-data.ts';
import { openPage, SCREENSHOTS, startApp, type AppUnderTest } from './app-server.ts';
import { axeViolations } from './axe.ts';
import { runEnds, shownResult } from './page-helpers.ts';
import { numbersDiffer } from './same-numbers.ts';

const DIR = new URL('../../scenarios/replays/', import.meta.url);
const replays = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Scenario);
const REPLAY = 'cobalt-2025';

let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  ({ context, page } = await openPage(app, pageErrors));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('historical replays in the app', { timeout: 180_000 }, () => {
  it('are listed under their own heading, and a scenario that is no replay has no replay panel', async () => {
    await page.goto(`${app.url}#scenario=gallium&trials=20`);
    await runEnds(page);
    expect(await page.isHidden('[data-chart-panel="replay"]')).toBe(true);
    expect(await page.$$eval('[data-chart-slot="replay"] svg', (s) => s.length)).toBe(0);
    const listed = await page.$$eval('#scenario-picker optgroup[label="Historical replays"] option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(listed.sort()).toEqual(replays.map((s) => [s.id, s.name]).sort());
    const shipped = await page.$$eval('#scenario-picker optgroup[label="Shipped scenarios"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(shipped).toContain('gallium');
    for (const r of replays) expect(shipped).not.toContain(r.id);
  });

  it('runs a replay picked in the picker and draws the model against every reported point, with the verdicts', async () => {
    await page.selectOption('#scenario-picker', REPLAY);
    await runEnds(page);
    const { json, result, scenario } = await shownResult(page);
    expect(result.scenario.id).toBe(REPLAY);
    expect(await page.textContent('.scenario-meta')).toContain('Month 0 is October 2024');
    // the same numbers as the engine in Node, flow series included
    const node = runScenario(scenario, { trials: result.trials });
    expect(node.strategies[0].flows?.length).toBeGreaterThan(0);
    expect(numbersDiffer(JSON.parse(json), JSON.parse(JSON.stringify(node)))).toEqual([]);

    expect(await page.isVisible('[data-chart-panel="replay"]')).toBe(true);
    const svg = page.locator('[data-chart-slot="replay"] svg');
    const expected = chartData(result, scenario).replay;
    const points = expected.panels.reduce((n, p) => n + p.observed.filter((o) => o.pct !== null).length, 0);
    expect(points).toBeGreaterThan(0);
    expect(await svg.locator('.mark.reported').count()).toBe(points);
    expect(await svg.locator('.mark.mean').count()).toBe(expected.panels.length);
    // each reported point names its source in its hover
    const hovers = await svg.locator('.mark.reported > title').allTextContents();
    for (const h of hovers) expect(h).toMatch(/Source: .+, https:\/\//);
    const verdicts = await svg.locator('.comparison-note').evaluateAll((ns) => ns.map((n) => [n.getAttribute('data-comparison'), n.getAttribute('data-verdict')]));
    expect(verdicts).toEqual(evaluateComparisons(scenario, result).map((o) => [o.id, o.verdict]));
    // its data table, one click away
    await page.click('[data-chart-table="replay"] summary');
    // The table is drawn on the details' toggle event, a task after the click.
    const rows = expected.panels.reduce((n, p) => n + p.model.length + p.observed.length + p.comparisons.length, 0);
    await expect.poll(() => page.locator('[data-chart-table="replay"] tbody tr').count()).toBe(rows);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-chart-table="replay"] summary');
    await page.locator('[data-chart-panel="replay"]').screenshot({ path: `${SCREENSHOTS}replay-chart.png` });
    await page.screenshot({ path: `${SCREENSHOTS}replay-page.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('hides the replay panel again when a scenario that is no replay is picked and run', async () => {
    await page.selectOption('#scenario-picker', 'gallium');
    await runEnds(page, ['complete', 'cancelled']);
    expect(await page.isHidden('[data-chart-panel="replay"]')).toBe(true);
  });
});
