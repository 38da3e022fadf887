/**
 * The stress test and the sensitivity analysis in the browser app (issue 12), end to end in headless
 * Chromium: the gallium stress test over 2,000 trials with its progress bar, the same numbers as in Node,
 * the tornado, Cancel, the samples CSV and the report with both analyses in it.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/schema.ts';
import { inProcessStress, runStressTest } from '../../src/analysis/stress-run.ts';
import { inProcessSensitivity, runSensitivity } from '../../src/analysis/sensitivity-run.ts';
import { openPage, SCREENSHOTS, startApp, type AppUnderTest } from './app-server.ts';
import { axeViolations } from './axe.ts';
import { runEnds, shownResult, until } from './page-helpers.ts';

const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;
const TRIALS = 40;
/** The stress test of 2,000 trials on two busy cores: about a minute, several on a loaded machine. */
const STRESS_TIMEOUT = 600_000;

let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  ({ context, page } = await openPage(app, pageErrors, { acceptDownloads: true }));
  await page.goto(`${app.url}#scenario=gallium&trials=${TRIALS}`);
  await runEnds(page);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** Waits for an analysis panel to end in one of the states. */
async function panelEnds(id: string, states: string[], timeout: number): Promise<string> {
  await until(page, ([panel, wanted]: [string, string[]]) => wanted.includes(document.getElementById(panel)?.dataset.state ?? ''), timeout, [id, states] as [string, string[]]);
  return page.evaluate((panel) => document.getElementById(panel)!.dataset.state!, id);
}

/** The text of a downloaded file, after clicking `selector`. */
async function download(selector: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('analyses in the app', () => {
  it('runs the gallium stress test over 2,000 trials with a progress bar, and draws the ranking and each maker\'s survival', { timeout: STRESS_TIMEOUT + 60_000 }, async () => {
    await page.fill('#stress-trials', '2000');
    await page.click('#stress-run');
    // the bar moves while the analysis runs
    await until(page, () => {
      const bar = document.querySelector<HTMLProgressElement>('#stress-panel progress');
      return !!bar && bar.value > 0 && bar.value < bar.max && bar.max === 2000;
    }, 120_000);
    expect(await page.textContent('#stress-panel .analysis-phase')).toMatch(/Cutting every target/);
    expect(await panelEnds('stress-panel', ['complete', 'failed'], STRESS_TIMEOUT)).toBe('complete');
    expect(await page.textContent('#stress-caption')).toContain('2,000 trials');
    // every node and every country at each stage was cut, at each duration
    const stress = await page.evaluate(() => (window as unknown as { __lastStress: { trials: number; targets: { kind: string }[]; durations: { months: number; ranking: unknown[]; strategies: unknown[] }[] } }).__lastStress);
    expect(stress.trials).toBe(2000);
    expect(stress.durations.map((d) => d.months)).toEqual([3, 6, 12]);
    expect(stress.targets.filter((t) => t.kind === 'node')).toHaveLength(gallium.nodes.length);
    expect(stress.targets.filter((t) => t.kind === 'country').length).toBeGreaterThan(5);
    expect(stress.durations[0].strategies).toHaveLength(gallium.strategies!.length);
    const bars = await page.locator('[data-analysis-slot="exposure"] svg rect.mark.bar').count();
    expect(bars).toBeGreaterThan(5);
    await page.selectOption('#stress-duration', '12');
    await page.selectOption('#stress-maker', 'maker-eu');
    expect(await page.getAttribute('[data-analysis-slot="survival"] svg', 'data-maker')).toBe('maker-eu');
    expect(await page.locator('[data-analysis-slot="survival"] svg .mark.box').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-stress-table="strategies"] tbody tr').count()).toBeGreaterThan(0);
    await page.locator('#stress-panel').screenshot({ path: `${SCREENSHOTS}stress-panel.png` });
  });

  it('gives the numbers of the same stress test in Node, and Cancel stops a run and keeps the last result', { timeout: 240_000 }, async () => {
    await page.fill('#stress-months', '4');
    await page.fill('#stress-trials', '30');
    await page.uncheck('#stress-strategies');
    await page.click('#stress-run');
    expect(await panelEnds('stress-panel', ['complete', 'failed'], 120_000)).toBe('complete');
    const inPage = await page.evaluate(() => JSON.stringify((window as unknown as { __lastStress: unknown }).__lastStress));
    const { scenario } = await shownResult(page);
    const inNode = await runStressTest(scenario, { trials: 30, months: [4], strategies: [] }, inProcessStress());
    expect(inPage).toBe(JSON.stringify(inNode));
    // a long run, cancelled at once: the panel says so and the last result stays
    await page.fill('#stress-trials', '5000');
    await page.click('#stress-run');
    await until(page, () => (document.querySelector<HTMLProgressElement>('#stress-panel progress')?.value ?? 0) > 0, 60_000);
    await page.click('#stress-panel .progress button.danger');
    expect(await panelEnds('stress-panel', ['cancelled'], 30_000)).toBe('cancelled');
    expect(await page.textContent('#stress-panel .progress-label')).toContain('The last stress test stays on screen');
    expect(await page.textContent('#stress-caption')).toContain('30 trials');
  });

  it('runs the sensitivity analysis for the baseline and a strategy, with the numbers of Node, and draws the tornado', { timeout: 300_000 }, async () => {
    await page.click('#sensitivity-strategy');
    await page.selectOption('#sensitivity-strategy', 'eu-stockpile-6m');
    await page.fill('#sensitivity-trials', '24');
    await page.click('#sensitivity-run');
    expect(await panelEnds('sensitivity-panel', ['complete', 'failed'], 240_000)).toBe('complete');
    const inPage = await page.evaluate(() => JSON.stringify((window as unknown as { __lastSensitivity: unknown }).__lastSensitivity));
    const { scenario } = await shownResult(page);
    const inNode = await runSensitivity(scenario, { trials: 24, strategy: 'eu-stockpile-6m' }, inProcessSensitivity());
    expect(inPage).toBe(JSON.stringify(inNode));
    expect(await page.getAttribute('[data-analysis-slot="tornado"] svg', 'data-strategy')).toBe('eu-stockpile-6m');
    expect(await page.locator('[data-analysis-slot="tornado"] svg .row').count()).toBe(15);
    await page.locator('#sensitivity-panel').screenshot({ path: `${SCREENSHOTS}sensitivity-panel.png` });
  });

  it('downloads the run\'s samples and a report with the ranking and the tornado', { timeout: 120_000 }, async () => {
    const { result } = await shownResult(page);
    const samples = await download('#samples-button');
    expect(samples.name).toBe(`gallium-samples-seed${result.seed}.csv`);
    const lines = samples.text.trim().split('\n');
    expect(lines[0]).toMatch(/^strategy,trial,shortfall_t_ga,shortfall_pct,worst_fulfilment,cost,ttr_months,ttr_status,shortfall_maker-cn_t_ga/);
    expect(lines).toHaveLength(1 + TRIALS * result.strategies.length);
    const report = await download('.report-button button');
    expect(report.text).toContain('<section id="stress"');
    expect(report.text).toContain('Stress test: where the chain breaks first');
    expect(report.text).toContain('<section id="sensitivity"');
    expect(report.text).toContain('data-analysis-chart="tornado"');
    // the exposure chart downloads as the command line writes it
    const svg = await download('[data-analysis-figure="exposure"] .chart-export-menu button:text-is("SVG")');
    expect(svg.name).toBe(`gallium-exposure-4m-seed${result.seed}.svg`);
    expect(svg.text).toContain('data-chart="exposure"');
    // both panels with their results, and the report with both analyses, pass axe-core's checks
    await page.click('[data-analysis-figure="exposure"] .analysis-data-table summary');
    expect(await axeViolations(page, ['#stress-panel', '#sensitivity-panel', '.results-head'])).toEqual([]);
    // The report forbids scripts (its Content-Security-Policy); axe is a script, so this one context ignores it.
    const reader = await app.browser.newContext({ bypassCSP: true });
    try {
      const reportPage = await reader.newPage();
      await reportPage.setContent(report.text);
      expect(await axeViolations(reportPage)).toEqual([]);
    } finally {
      await reader.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
