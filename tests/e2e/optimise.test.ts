/**
 * The optimiser in Chromium (issue 13): gallium's optimise section solved in the app's workers with the
 * frontier drawn (live, then with the strategy found and the scenario's strategies), the same answer as
 * the same optimisation in Node (what the command line runs) for the same trials and seed, Cancel that
 * stops at once, and the strategy found added to the scenario with one click.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimiseOnPool } from '../../src/analysis/optimise-run.ts';
import type { OptimiseResult } from '../../src/analysis/optimise-result.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';
import { openPage, SCREENSHOTS, startApp, type AppUnderTest } from './app-server.ts';
import { editorData, runEnds, until } from './page-helpers.ts';

const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;
const TRIALS = 150;
const TIMEOUT = 240_000;

let app: AppUnderTest;
let page: Page;
const pageErrors: string[] = [];

const state = () => page.evaluate(() => document.querySelector<HTMLElement>('#optimise-panel')?.dataset.optimiseState ?? '');

async function optimiseEnds(states: string[]): Promise<string> {
  await until(page, (wanted: string[]) => wanted.includes(document.querySelector<HTMLElement>('#optimise-panel')?.dataset.optimiseState ?? ''), TIMEOUT, states);
  return state();
}

/** The parts of a result that are the answer: everything the search and the confirmation found, not the time it took. */
const answer = (r: OptimiseResult) => JSON.stringify({ candidates: r.candidates, found: r.found, method: r.method, references: r.references, trials: r.trials, seed: r.seed });

beforeAll(async () => {
  app = await startApp();
  ({ page } = await openPage(app, pageErrors, { viewport: { width: 1440, height: 1100 } }));
  await page.goto(`${app.url}#scenario=gallium&trials=100`);
  await runEnds(page);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the optimiser panel', { timeout: TIMEOUT }, () => {
  it("solves gallium's optimise section in the workers, draws the frontier, and gives the command line's answer", async () => {
    await expect(page.locator('#optimise-panel')).toBeTruthy();
    expect(await page.locator('#optimise-panel').isVisible()).toBe(true);
    expect(await page.textContent('.optimise-target')).toMatch(/mean shortfall of EU makers \(% of their demand\) ≤ 2/);
    await page.fill('#optimise-trials', String(TRIALS));
    await page.click('#optimise-button');
    // The frontier is drawn while the search goes on, before anything is chosen.
    await until(page, () => document.querySelectorAll('[data-optimise-chart] .mark.candidate').length > 0 && document.querySelector<HTMLElement>('#optimise-panel')?.dataset.optimiseState === 'running', TIMEOUT);
    expect(await page.locator('[data-optimise-chart] .mark.found').count()).toBe(0);
    expect(await optimiseEnds(['complete', 'failed'])).toBe('complete');

    const chart = page.locator('[data-optimise-chart] svg');
    expect(await chart.locator('.mark.candidate').count()).toBe(13 * 8);
    expect(await chart.locator('.mark.target-line').count()).toBe(1);
    expect(await chart.locator('.mark.found').count()).toBe(1);
    expect(await chart.locator('.mark.reference').count()).toBe(1 + (gallium.strategies ?? []).length);
    expect(await chart.locator('.axis-x .axis-label').textContent()).toMatch(/Expected total cost over the horizon \(USD m\)/);
    expect(await chart.locator('.axis-y .axis-label').textContent()).toMatch(/mean shortfall of EU makers/);
    // 2% of EU demand is out of reach of a 12-month stockpile and the new refinery: the panel says so
    expect(await page.textContent('.optimise-found')).toMatch(/Closest: EU stockpile \(months\) 12/);
    await page.locator('#optimise-panel').screenshot({ path: `${SCREENSHOTS}optimise-panel.png` });

    const inApp = await page.evaluate(() => window.__lastOptimise!);
    const inNode = await optimiseOnPool(gallium, [createWorkerApi()], { trials: TRIALS });
    expect(answer(inApp)).toBe(answer(inNode));
    expect(pageErrors).toEqual([]);
  });

  it('adds the strategy found to the scenario with one click, valid and ready to run', async () => {
    await page.click('#optimise-add');
    await until(page, () => (document.querySelector<HTMLTextAreaElement>('.json-text')?.value ?? '').includes('"eu-optimised"'), 10_000);
    const data = (await editorData(page)) as Scenario;
    const added = data.strategies!.at(-1)!;
    expect(added.id).toBe('eu-optimised');
    expect(added.levers.map((l) => Object.keys(l)[0])).toEqual(['stockpile', 'newCapacity', 'diversify']);
    // Validation runs a moment after an edit: the scenario with the strategy added, and its optimise section, stay valid.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.body.dataset.runState)).not.toBe('invalid');
    expect(await page.isDisabled('#run-button')).toBe(false);
    expect(await page.isDisabled('#optimise-button')).toBe(false);
    expect(await page.textContent('#optimise-add')).toMatch(/Added as "eu-optimised"/);
  });

  it('cancels at once, with the workers stopped', async () => {
    await page.fill('#optimise-trials', '2000');
    await page.click('#optimise-button');
    await until(page, () => document.querySelector<HTMLElement>('#optimise-panel')?.dataset.optimiseState === 'running', 10_000);
    await page.click('#optimise-panel button.danger');
    expect(await optimiseEnds(['cancelled', 'complete', 'failed'])).toBe('cancelled');
    expect(await page.textContent('.optimise-status')).toMatch(/Cancelled/);
    expect(await page.isDisabled('#optimise-button')).toBe(false);
  });
});
