/**
 * The app's download buttons (src/app/chart-export-menu.ts, report-button.ts) in Chromium, served by
 * Vite: each button downloads its file under the agreed name, and the SVG and CSV are the very bytes
 * the command line writes for the same run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_NAMES } from '../../src/charts/index.ts';
import { exportChartCsv } from '../../src/export/chart-csv.ts';
import { exportChartSvg } from '../../src/export/chart-svg.ts';
import { exampleRun, launchChromium, newDocument } from './fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { result, scenario } = exampleRun();
const prefix = `${result.scenario.id}-fulfilment-seed${result.seed}`;

let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // configFile false: this page needs none of the app's settings, and must not depend on them.
  server = await createServer({ root: ROOT, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, hmr: false, watch: null } });
  await server.listen();
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
  await page.goto(`${server.resolvedUrls!.local[0]}tests/export/menu-page.html`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks a button and returns the download's file name and bytes. */
async function download(button: ReturnType<Page['getByRole']>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

const menu = () => page.locator('[data-test-chart="fulfilment"]');

describe('chart export menu and report button', () => {
  it('asks for a run first when there is none', async () => {
    await menu().getByRole('button', { name: 'SVG', exact: true }).click();
    await expect(menu().getByRole('status').textContent()).resolves.toBe('Run the scenario first.');
  });

  it('downloads the same SVG and CSV as the command line, and PNGs at 1x, 2x and 300 dpi', async () => {
    await page.evaluate((c) => (window as unknown as { setContext(c: unknown): void }).setContext(c), { result, scenario });
    const svg = await download(menu().getByRole('button', { name: 'SVG', exact: true }));
    expect(svg.name).toBe(`${prefix}.svg`);
    expect(svg.bytes.toString('utf8')).toBe(exportChartSvg('fulfilment', result, scenario, { document: newDocument() }));

    const csv = await download(menu().getByRole('button', { name: 'CSV', exact: true }));
    expect(csv.name).toBe(`${prefix}.csv`);
    expect(csv.bytes.toString('utf8')).toBe(exportChartCsv('fulfilment', result, scenario));

    const one = await download(menu().getByRole('button', { name: 'PNG 1x' }));
    const two = await download(menu().getByRole('button', { name: 'PNG 2x' }));
    expect(one.name).toBe(`${prefix}.png`);
    expect(two.name).toBe(`${prefix}@2x.png`);
    expect(one.bytes.readUInt32BE(16)).toBe(720);
    expect(two.bytes.readUInt32BE(16)).toBe(1440);

    await menu().getByRole('spinbutton').fill('85');
    const print = await download(menu().getByRole('button', { name: 'PNG print (300 dpi)' }));
    expect(print.name).toBe(`${prefix}-85mm-300dpi.png`);
    expect(print.bytes.readUInt32BE(16)).toBe(1004);
    const at = print.bytes.indexOf('pHYs');
    expect(print.bytes.readUInt32BE(at + 4)).toBe(11811);
  });

  it('downloads the report', async () => {
    const report = await download(page.getByRole('button', { name: 'Report (HTML)' }));
    expect(report.name).toBe(`${result.scenario.id}-report-seed${result.seed}.html`);
    const html = report.bytes.toString('utf8');
    expect(html).toContain(result.scenario.hash);
    // the example is no replay, so its report has every chart but the replay chart
    expect(html.match(/<svg /g)?.length).toBe(CHART_NAMES.length - 1);
  });
});
