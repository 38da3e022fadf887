/**
 * report.html: one self-contained file with the reproducibility facts, the numbers, every chart and
 * the scenario's assumptions; escaped; opened from file:// in Chromium it requests nothing but itself.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_NAMES, CHART_TITLES } from '../../src/charts/index.ts';
import { evaluateComparisons } from '../../src/analysis/replay-comparisons.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { reportHtml } from '../../src/export/report-html.ts';
import { ARTIFACTS, exampleRun, launchChromium, newDocument, pngStats, replayRun } from './fixture.ts';

const { result, scenario } = exampleRun();
const DATE = new Date(Date.UTC(2026, 0, 2, 3, 4));
const html = reportHtml(result, scenario, { document: newDocument(), appVersion: '9.8.7', date: DATE });
const doc = new JSDOM(html).window.document;
const text = (selector: string) => doc.querySelector(selector)?.textContent ?? '';
const DRAWN = CHART_NAMES.filter((name) => name !== 'replay');

describe('report.html content', () => {
  it('says what was run and how to reproduce it', () => {
    const facts = text('#reproduce');
    for (const fact of [result.scenario.id, result.scenario.hash, `${result.trials} per strategy`, '9.8.7', '2026-01-02 03:04 UTC']) expect(facts).toContain(fact);
    expect(facts).toContain(`--trials ${result.trials} --seed ${result.seed}`);
    expect(text('h1')).toBe(scenario.name);
  });

  it('has the metrics with intervals, the paired comparison and each maker', () => {
    const results = text('#results');
    const base = result.strategies[0];
    const two = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(results).toContain(`${two(base.metrics.shortfallPct.mean)} [${two(base.metrics.shortfallPct.ci95[0])}, ${two(base.metrics.shortfallPct.ci95[1])}]`);
    const vs = result.strategies[1].vsBaseline!;
    expect(results).toContain(`${(100 * vs.probBetter).toFixed(1)}%`);
    for (const m of Object.values(base.metrics.byMaker)) expect(results).toContain(m.name);
    for (const s of result.strategies) expect(results).toContain(s.name);
  });

  it('has every chart under its title, inline, but the replay chart, which only a replay draws', () => {
    expect(doc.querySelector('figure[data-chart-figure="replay"]')).toBeNull();
    expect(doc.querySelector('#comparisons')).toBeNull();
    for (const name of DRAWN) {
      const figure = doc.querySelector(`figure[data-chart-figure="${name}"]`)!;
      expect(figure.querySelector('figcaption')!.textContent).toBe(CHART_TITLES[name]);
      expect(figure.querySelector(`svg[data-chart="${name}"]`)).not.toBeNull();
    }
    expect(html).not.toContain('<?xml');
  });

  it("for a replay, has the comparisons with their verdicts and the replay chart", () => {
    const { result: r, scenario: s } = replayRun();
    const replayDoc = new JSDOM(reportHtml(r, s, { document: newDocument(), appVersion: '9.8.7', date: DATE })).window.document;
    const rows = [...replayDoc.querySelectorAll('#comparisons tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    const outcomes = evaluateComparisons(s, r);
    expect(rows.map((row) => [row[0], row[6]])).toEqual(outcomes.map((o) => [o.id, o.verdict]));
    expect(replayDoc.querySelector('#comparisons .note')?.textContent).toContain(`${outcomes.filter((o) => o.verdict === 'pass').length} of ${outcomes.length} comparisons within tolerance`);
    const figure = replayDoc.querySelector('figure[data-chart-figure="replay"]')!;
    expect(figure.querySelector('figcaption')!.textContent).toBe(CHART_TITLES.replay);
    expect(figure.querySelectorAll('svg .mark.reported').length).toBe(s.observed![0].points.length);
  });

  it("has the scenario's nodes, disruptions, strategies, references and assumptions", () => {
    const assumptions = text('#scenario');
    for (const n of scenario.nodes) expect(assumptions).toContain(n.id);
    for (const d of scenario.disruptions ?? []) expect(assumptions).toContain(d.id);
    for (const s of scenario.strategies ?? []) expect(assumptions).toContain(s.id);
    expect(assumptions).toContain('uniform 50% to 90%');
    expect(assumptions).toContain('mine-au 60%, 1 month in transit');
    const sources = text('#sources');
    for (const r of scenario.references ?? []) expect(sources).toContain(r.title);
    for (const a of scenario.assumptions ?? []) expect(sources).toContain(a.text);
  });

  it('escapes every text from the scenario, and links only http(s) addresses', () => {
    const hostile: Scenario = {
      ...scenario,
      name: '<script>alert(1)</script> & "co"',
      description: '<img src=x onerror=alert(1)>',
      references: [
        { id: 'a', title: 'Bad <b>link</b>', url: 'javascript:alert(1)' },
        { id: 'b', title: 'Good', url: 'https://example.org/?a=1&b="2"' },
      ],
    };
    const out = reportHtml(result, hostile, { document: newDocument(), appVersion: '1', date: 'today' });
    const d = new JSDOM(out).window.document;
    expect(d.querySelectorAll('script, img').length).toBe(0);
    expect(d.querySelector('h1')!.textContent).toBe(hostile.name);
    const links = [...d.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://example.org/?a=1&b="2"');
    expect(links.some((h) => h!.startsWith('javascript:'))).toBe(false);
    expect(d.querySelector('#sources')!.textContent).toContain('Bad <b>link</b>');
  });
});

describe('report.html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens from file:// with no request but itself, shows every chart and the seed and hash, and prints', async () => {
    const file = path.join(ARTIFACTS, 'report.html');
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([url]);
    // The report's Content-Security-Policy forbids even data: images, so screenshots are decoded on another page.
    const decoder = await browser.newPage();

    for (const name of DRAWN) {
      const svg = page.locator(`figure[data-chart-figure="${name}"] svg`);
      await expect(svg.isVisible()).resolves.toBe(true);
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(500);
      const stats = await pngStats(decoder, await svg.screenshot());
      expect(stats.colours).toBeGreaterThan(50);
    }
    const facts = await page.locator('#reproduce').innerText();
    expect(facts).toContain(String(result.seed));
    expect(facts).toContain(result.scenario.hash);

    await page.screenshot({ path: path.join(ARTIFACTS, 'report-screen.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-print.png'), fullPage: true });
    // A4 PDF as "Print to PDF" makes it; the big sections start on new pages, so there are several.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, path: path.join(ARTIFACTS, 'report.pdf') });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(requests).toEqual([url]);
    await page.close();
  }, 60_000);
});
