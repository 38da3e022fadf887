/**
 * Usable by all, in Chromium: axe-core (its default rules, none disabled, no region excluded) finds no
 * violation on the page after a run, in the editor with every section and card open and issues shown,
 * with the banners up, and in the downloaded report; every control is reached by Tab; and a
 * keyboard-only walk edits and runs a scenario, opens a chart's data table and downloads the chart.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, SCREENSHOTS, startApp, type AppUnderTest } from './app-server.ts';
import { axeViolations } from './axe.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { editorData, pasteJson, runEnds, shownResult } from './page-helpers.ts';

let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Opens the app at `hash` in a new document (a change of hash alone keeps the page and its open sections). */
async function fresh(hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${app.url}${hash}`);
  await runEnds(page);
}

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. Returns the presses. */
async function tabTo(selector: string, max = 400): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`${selector} was not reached in ${max} presses of Tab`);
}

beforeAll(async () => {
  app = await startApp();
  ({ context, page } = await openPage(app, pageErrors, { acceptDownloads: true }));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('accessibility', { timeout: 180_000 }, () => {
  it('axe finds no violation on the page after a run, with every chart data table open', async () => {
    await page.goto(`${app.url}#scenario=gallium&trials=20`);
    await runEnds(page);
    await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.chart-table').forEach((d) => (d.open = true)));
    // Every chart shown (the replay chart is hidden for a scenario without reported series).
    const charts = await page.$$eval('[data-chart-panel]:not([hidden]) .chart-table', (d) => d.length);
    expect(charts).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.$$eval('[data-chart-panel]:not([hidden]) .chart-table table', (t) => t.length)).toBe(charts);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('axe finds no violation in the editor, every section and card open, with issues beside fields and a banner up', async () => {
    await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.editor-form details, .json-view').forEach((d) => (d.open = true)));
    expect(await page.$$eval('.editor-form :is(input, select, textarea)', (c) => c.length)).toBeGreaterThan(300);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('.editor-form [data-path="/nodes/0/capacity"]', '12kt');
    await page.fill('.editor-form [data-path="/nodes/5/sources/0/share"]', '0.5');
    await page.fill('.editor-form [data-path="/disruptions/0/recoveryMonths"]', '-1');
    // Types are checked before meaning: the two boxes that are not numbers >= 0 (the mix's sum waits for them).
    await expect.poll(() => page.$$eval('.editor-form .has-error', (e) => e.length)).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.editor-form [data-path="/nodes/0/capacity"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}editor-all-open-with-issues.png` });
    // the error banner of a failed run: enough trials that the run is still going when the crash lands
    // (300 trials of gallium take 0.4 s)
    await fresh('#scenario=gallium&trials=6000');
    await page.click('#run-button');
    expect(await page.evaluate(() => window.__test!.crashWorker(0))).toBe(true);
    await runEnds(page, ['failed'], 30_000);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("axe finds no violation in a replay's editor (its observed series and comparisons), every section and card open, with a missing reference and issues shown", async () => {
    await fresh('#scenario=cobalt-2025&trials=20');
    await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.editor-form details').forEach((d) => (d.open = true)));
    expect(await page.$$eval('.editor-form details[data-section="replay"] :is(input, select, textarea)', (c) => c.length)).toBeGreaterThan(40);
    expect(await axeViolations(page)).toEqual([]);
    const data = (await editorData(page)) as Scenario;
    data.nodes[0].refs = ['smm-cobalt-2024', 'no-such-ref'];
    await pasteJson(page, JSON.stringify(data, null, 2));
    await expect.poll(() => page.$$eval('.editor-form .ref-row.missing', (e) => e.length)).toBe(1);
    await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.editor-form details').forEach((d) => (d.open = true)));
    await page.fill('.editor-form [data-path="/comparisons/1/tolerance/absolute"]', '-1');
    await page.fill('.editor-form [data-path="/observed/0/points/1/period"]', '2024-7');
    await expect.poll(() => page.$$eval('.editor-form .has-error', (e) => e.length)).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.editor-form [data-path="/comparisons/1/tolerance/absolute"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}editor-replay-with-issues.png` });
  });

  it('axe finds no violation in the downloaded report', async () => {
    await page.goto(`${app.url}#scenario=gallium&trials=20`);
    await runEnds(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.report-button button')]);
    const html = readFileSync(await download.path(), 'utf8');
    // The report forbids scripts (its Content-Security-Policy); axe is a script, so this one context ignores it.
    const reader = await app.browser.newContext({ bypassCSP: true });
    try {
      const report = await reader.newPage();
      await report.setContent(html);
      expect(await report.$$eval('svg', (s) => s.length)).toBeGreaterThanOrEqual(5);
      expect(await axeViolations(report)).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('reaches every visible control with Tab, in the order of the page', async () => {
    await fresh('#scenario=gallium&trials=20');
    await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.chart-table').forEach((d) => (d.open = true)));
    const controls = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
        (e) => !(e as HTMLButtonElement).disabled && e.checkVisibility() && e.getAttribute('tabindex') !== '-1',
      );
      all.forEach((e, i) => (e.dataset.kbd = String(i)));
      return all.length;
    });
    expect(controls).toBeGreaterThan(40);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: number[] = [];
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press('Tab');
      const k = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kbd);
      if (k !== undefined && !reached.includes(Number(k))) reached.push(Number(k));
    }
    expect(reached.length).toBe(controls);
    // in document order: the focus moves down the page
    expect(reached).toEqual([...reached].sort((a, b) => a - b));
  });

  it('walks by keyboard alone: edits the trials, runs, opens a data table and downloads a chart', async () => {
    await fresh('#scenario=gallium&trials=20');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // the trials box of the open "Run settings" section
    await tabTo('[data-path="/trials"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    // back up to Run, which stays in view in the sidebar's head
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'run-button')); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await runEnds(page);
    expect((await shownResult(page)).result.trials).toBe(30);
    // a closed section opens from the keyboard
    await tabTo('details[data-section="disruptions"] > summary');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.querySelector('details[data-section="disruptions"]') as HTMLDetailsElement).open)).toBe(true);
    // the fulfilment chart's data table, one key press away
    await tabTo('[data-chart-table="fulfilment"] > summary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.$$eval('[data-chart-table="fulfilment"] tbody tr', (r) => r.length)).toBeGreaterThan(10);
    const svgText = await page.getAttribute('[data-chart-slot="fulfilment"] svg', 'aria-label');
    expect(svgText).toMatch(/^Chain fulfilment over time\. .+/);
    // and its SVG download
    await tabTo('[data-chart-panel="fulfilment"] .chart-export-menu button[title$=" as SVG"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/fulfilment.*\.svg$/);
    expect(readFileSync(await download.path(), 'utf8')).toContain('<svg');
    await page.screenshot({ path: `${SCREENSHOTS}keyboard-walk-data-table.png` });
    expect(pageErrors).toEqual([]);
  });
});
