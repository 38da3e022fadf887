/**
 * Every exported chart as a user gets it: standalone SVG that parses and references nothing outside
 * itself, opens in Chromium as a file and draws something, the same bytes however it is asked for,
 * and PNGs (resvg) of the right pixel size with text on them.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_NAMES, CHART_TITLES } from '../../src/charts/index.ts';
import { exportFiles } from '../../src/export/bundle.ts';
import { exportChartSvg } from '../../src/export/chart-svg.ts';
import { pngTextRenders, svgToPng } from '../../src/export/png-node.ts';
import { printWidthPx, svgSize } from '../../src/export/png-size.ts';
import { ARTIFACTS, exampleRun, launchChromium, newDocument, pngStats, replayRun } from './fixture.ts';

const { result, scenario } = exampleRun();
const files = exportFiles(result, scenario, { document: newDocument(), appVersion: 'test', date: '2026-01-01' });
// the replay chart exists only for a replay: its files come from a run of one
const replay = replayRun();
const replayFiles = exportFiles(replay.result, replay.scenario, { document: newDocument(), appVersion: 'test', date: '2026-01-01' });
const runOf = (name: string) => (name === 'replay' ? replay : { result, scenario });
const svgOf = (name: string) => (name === 'replay' ? replayFiles : files).find((f) => f.name === `charts/${name}.svg`)!.content as string;

let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 800, height: 700 } });
  page.on('request', (r) => requests.push(r.url()));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('exported chart SVG', () => {
  const parser = new new JSDOM('').window.DOMParser();

  it.each(CHART_NAMES)('%s parses as standalone SVG and references nothing outside itself', (name) => {
    const text = svgOf(name);
    const doc = parser.parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.documentElement.getAttribute('width')).toBe('720');
    expect(doc.documentElement.getElementsByTagName('title')[0].textContent).toBe(CHART_TITLES[name]);
    const hrefs = [...doc.getElementsByTagName('*')].flatMap((el) => [...el.attributes].filter((a) => a.localName === 'href').map((a) => a.value));
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual([]);
    // a hover text may name a source's address (the replay chart's reported points): text, which loads nothing
    const markup = text.replace(/xmlns(:\w+)?="[^"]*"/g, '').replace(/<title>[^<]*<\/title>/g, '');
    expect(markup).not.toMatch(/url\(|https?:|@import|<image|<script|<foreignObject/i);
  });

  it('is the same text from exportChartSvg, from the bundle, and on another document', () => {
    for (const name of CHART_NAMES) {
      const run = runOf(name);
      expect(exportChartSvg(name, run.result, run.scenario, { document: newDocument() })).toBe(svgOf(name));
    }
  });

  it('leaves the replay chart out of a run that is no replay, and puts it, SVG and CSV, in a replay\'s', () => {
    expect(files.filter((f) => f.name.startsWith('charts/replay'))).toEqual([]);
    expect(replayFiles.filter((f) => f.name.startsWith('charts/replay')).map((f) => f.name)).toEqual(['charts/replay.svg', 'charts/replay.csv']);
  });

  it.each(CHART_NAMES)('%s opens in Chromium as a file and draws a chart, not a blank page', async (name) => {
    mkdirSync(path.join(ARTIFACTS, 'charts'), { recursive: true });
    const file = path.join(ARTIFACTS, 'charts', `${name}.svg`);
    writeFileSync(file, svgOf(name));
    const url = pathToFileURL(file).href;
    requests.length = 0;
    await page.goto(url);
    const { width, height } = svgSize(svgOf(name));
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width, height }, path: path.join(ARTIFACTS, 'charts', `${name}-chromium.png`) });
    expect(requests).toEqual([url]);
    const stats = await pngStats(page, shot);
    // A blank or text-less page has a handful of colours; a chart has fills, lines and anti-aliased text.
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.nonWhite / (stats.width * stats.height)).toBeGreaterThan(0.02);
  });
});

describe('PNG with resvg', () => {
  it('finds a system font, so PNGs have their text', () => {
    expect(pngTextRenders()).toBe(true);
  });

  it.each(CHART_NAMES)('%s at 1x, 2x and print size, with pixels drawn', async (name) => {
    const svg = svgOf(name);
    const size = svgSize(svg);
    const one = svgToPng(svg, 1);
    const two = svgToPng(svg, 2);
    const print = svgToPng(svg, { widthPx: printWidthPx({ mm: 170 }) }, 300);
    writeFileSync(path.join(ARTIFACTS, 'charts', `${name}-resvg.png`), one);
    const s1 = await pngStats(page, one);
    const s2 = await pngStats(page, two);
    const sp = await pngStats(page, print);
    expect([s1.width, s1.height]).toEqual([size.width, size.height]);
    expect([s2.width, s2.height]).toEqual([2 * size.width, 2 * size.height]);
    expect(sp.width).toBe(2008);
    expect(sp.height).toBe(Math.round((size.height * 2008) / size.width));
    for (const s of [s1, s2, sp]) {
      expect(s.colours).toBeGreaterThan(50);
      expect(s.nonWhite / (s.width * s.height)).toBeGreaterThan(0.02);
    }
    // pHYs: 300 dpi is 11811 pixels per metre, so a word processor places the PNG at 170 mm.
    const bytes = Buffer.from(print);
    const at = bytes.indexOf('pHYs');
    expect(at).toBeGreaterThan(0);
    expect([bytes.readUInt32BE(at + 4), bytes.readUInt32BE(at + 8), bytes[at + 12]]).toEqual([11811, 11811, 1]);
  });
});
