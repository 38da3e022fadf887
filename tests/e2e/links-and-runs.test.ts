/**
 * Nothing lost, nothing stuck, in Chromium: share links of edited and custom scenarios (short,
 * compressed, opened again in a fresh browser), a link too long to share refused, a hung worker ended
 * by the watchdog with its finished trials kept, a full storage reported, and runs without attribution.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { openPage, startApp, type AppUnderTest } from './app-server.ts';
import { editorData, fillPath, openSection, pasteJson, runEnds, shownResult, until } from './page-helpers.ts';
import { numbersDiffer } from './same-numbers.ts';

const SCENARIOS = new URL('../../scenarios/', import.meta.url);
const SHIPPED_IDS = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => f.replace(/\.json$/, ''));
const gallium = JSON.parse(readFileSync(new URL('gallium.json', SCENARIOS), 'utf8')) as Scenario;
const example = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8')) as Scenario;

let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Opens a link in a browser with nothing stored, and returns the editor's scenario once its run is done. */
async function openFresh(url: string): Promise<{ data: unknown; banner: string | null }> {
  const fresh = await app.browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(url);
    await runEnds(other);
    return { data: await editorData(other), banner: await other.evaluate(() => (document.querySelector('.status-banner:not([hidden])') as HTMLElement | null)?.textContent ?? null) };
  } finally {
    await fresh.close();
  }
}

/** Waits until the address bar holds a link with `part` in it, and returns it. */
async function linkWith(part: string): Promise<string> {
  await until(page, (p: string) => location.hash.includes(p), 10_000, part);
  return page.url();
}

beforeAll(async () => {
  app = await startApp();
  ({ context, page } = await openPage(app, pageErrors, { permissions: ['clipboard-read', 'clipboard-write'] }));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('share links', { timeout: 180_000 }, () => {
  it.each(SHIPPED_IDS)('%s with one field edited: a link under 2 kB that opens the same scenario in a fresh browser', async (id) => {
    await page.goto(`${app.url}#scenario=${id}&trials=10`);
    await runEnds(page);
    await openSection(page, 'nodes');
    await fillPath(page, '/nodes/0/capacity', '1234.5');
    const url = await linkWith('edit=');
    expect(url.length).toBeLessThan(2000);
    expect(new URL(url).hash).toMatch(new RegExp(`^#scenario=${id}&base=[0-9a-f]{8}&edit=[\\w-]+&seed=[^&]+&trials=10$`));
    const edited = await editorData(page);
    expect((edited as Scenario).nodes[0].capacity).toBe(1234.5);
    const opened = await openFresh(url);
    expect(opened.data).toEqual(edited);
    expect(opened.banner).toBeNull();
  });

  it('copies the link of an edited scenario with Copy link', async () => {
    await page.click('text=Copy link');
    await expect.poll(() => page.textContent('.run-note')).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });

  it('writes a wholly custom scenario compressed, and it opens the same in a fresh browser', async () => {
    await page.setInputFiles('#import-file', { name: 'example.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...example, trials: 10 })) });
    await runEnds(page);
    const url = await linkWith('z=');
    const packed = new URLSearchParams(new URL(url).hash.slice(1)).get('z')!;
    const plainBase64 = Buffer.from(JSON.stringify({ ...example, trials: 10 })).toString('base64url');
    expect(packed.length).toBeLessThan(plainBase64.length * 0.6);
    const opened = await openFresh(url);
    expect(opened.data).toEqual({ ...example, trials: 10 });
  });

  it('refuses a link too long to share, says why and what to do, and leaves no half link in the address bar', async () => {
    // Text that does not compress: random words, 60 kB of them.
    const words = Array.from({ length: 9000 }, (_, i) => ((i * 2654435761) % 4294967296).toString(36)).join(' ');
    await pasteJson(page, JSON.stringify({ ...example, trials: 10, description: words }, null, 2));
    await until(page, () => location.hash === '', 10_000);
    await page.click('text=Copy link');
    const banner = page.locator('.status-banner.warning');
    await expect.poll(() => banner.textContent()).toContain('No link was copied');
    const text = (await banner.textContent())!;
    expect(text).toContain('32,768 characters');
    expect(text).toContain('Export the scenario');
    expect(page.url()).not.toContain('#');
    // The edit is not lost: a reload opens it from storage.
    await page.reload();
    await runEnds(page);
    expect(((await editorData(page)) as Scenario).description).toBe(words);
  });
});

describe('runs that cannot get stuck or lose work', { timeout: 180_000 }, () => {
  it('ends a run whose worker stops answering within the watchdog time, keeps the trials done and says so', async () => {
    const limitMs = 2000;
    // Enough trials that the run is still going when a worker is made to hang (400 now take 0.4 s).
    const trials = 6000;
    await page.goto(`${app.url}#scenario=gallium&trials=${trials}`);
    await runEnds(page);
    await page.evaluate((ms) => window.__test!.setWatchdog({ startMs: 30_000, silenceMs: ms, factor: 0 }), limitMs);
    await page.click('#run-button');
    await until(page, () => document.body.dataset.runState === 'running' && Number(document.querySelector('progress')?.value) > 0, 60_000);
    const hungAt = await page.evaluate(() => (window.__test!.hangWorker(0) ? performance.now() : -1));
    expect(hungAt).toBeGreaterThan(0);
    await runEnds(page, ['failed'], 30_000);
    const endedAfter = (await page.evaluate(() => performance.now())) - hungAt;
    // The hung worker finishes the chunk it is in (under a second here), then is silent for the limit;
    // the watchdog checks five times per limit.
    expect(endedAfter).toBeLessThan(limitMs + 3000);
    const banner = (await page.textContent('.status-banner.error'))!;
    expect(banner).toMatch(/simulation worker 1 stopped answering \(no progress for \d+ s, the limit being 2 s\)/);
    expect(await page.evaluate(() => window.__test!.poolSize())).toBe(0);
    const { json, result } = await shownResult(page);
    // Every trial finished without a gap is on screen, the numbers of a run of that many trials.
    expect(banner).toContain(`The results of its first ${result.trials.toLocaleString('en-US')} trials stay on screen`);
    expect(result.trials).toBeGreaterThan(0);
    expect(result.trials).toBeLessThan(trials);
    expect(numbersDiffer(JSON.parse(json), JSON.parse(JSON.stringify(runScenario({ ...gallium, trials }, { trials: result.trials }))))).toEqual([]);
    // A new run starts on fresh workers and completes.
    await page.evaluate(() => window.__test!.setWatchdog(null));
    await fillPath(page, '/trials', '20');
    await page.click('#run-button');
    await runEnds(page);
    expect(await page.isHidden('.status-banner')).toBe(true);
  });

  it('says when an edit cannot be saved because the storage is full, and stops saying it once it can', async () => {
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      (window as unknown as { __restoreStorage: () => void }).__restoreStorage = () => (Storage.prototype.setItem = original);
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.includes(':edit:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        original.call(this, key, value);
      };
    });
    await fillPath(page, '/trials', '21');
    const banner = page.locator('.status-banner.warning');
    await expect.poll(() => banner.textContent()).toContain('Your edit could not be saved in this browser');
    expect(await banner.textContent()).toContain('storage for the simulator is full');
    await page.evaluate(() => (window as unknown as { __restoreStorage: () => void }).__restoreStorage());
    await fillPath(page, '/trials', '22');
    await expect.poll(() => page.isHidden('.status-banner')).toBe(true);
  });

  it('runs without attribution when the switch is off, and with it when it is on again', async () => {
    await page.uncheck('#attribution-switch');
    await page.click('#run-button');
    await runEnds(page);
    const { result } = await shownResult(page);
    expect(result.strategies.every((s) => s.attribution.trials === 0)).toBe(true);
    expect(await page.textContent('[data-chart-slot="attribution"]')).toContain('Attribution was not computed');
    await page.check('#attribution-switch');
    await page.click('#run-button');
    await runEnds(page);
    expect((await shownResult(page)).result.strategies[0].attribution.trials).toBe(22);
    expect(pageErrors).toEqual([]);
  });
});
