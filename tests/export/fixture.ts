/** A small real run of the example scenario (50 trials, seed 1, in this process), a jsdom document, and Chromium. */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runScenario } from '../../src/engine/run-scenario.ts';
import type { RunResult } from '../../src/engine/result.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { formatIssues, validateScenario } from '../../src/model/validate.ts';

export const TRIALS = 50;
export const SEED = 1;
/** Where the tests save screenshots and files for a person to look at (git-ignored). */
export const ARTIFACTS = fileURLToPath(new URL('../../test-results/export/', import.meta.url));

let cached: { scenario: Scenario; result: RunResult } | null = null;

/** The example scenario, validated, and its run (once per test file). */
export function exampleRun(): { scenario: Scenario; result: RunResult } {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8'));
  const v = validateScenario(raw);
  if (!v.ok) throw new Error(formatIssues(v.issues));
  cached = { scenario: v.scenario, result: runScenario(v.scenario, { trials: TRIALS, seed: SEED }) };
  return cached;
}

let replay: { scenario: Scenario; result: RunResult } | null = null;

/** A historical replay (gallium-2023, the only kind of scenario that draws the replay chart) and its run. */
export function replayRun(): { scenario: Scenario; result: RunResult } {
  if (replay) return replay;
  const v = validateScenario(JSON.parse(readFileSync(new URL('../../scenarios/replays/gallium-2023.json', import.meta.url), 'utf8')));
  if (!v.ok) throw new Error(formatIssues(v.issues));
  replay = { scenario: v.scenario, result: runScenario(v.scenario, { trials: TRIALS, seed: SEED }) };
  return replay;
}

/** A fresh jsdom document to render charts on. */
export const newDocument = (): Document => new JSDOM('<!DOCTYPE html>').window.document;

/** Debian's Chromium, headless, without the background traffic of a first run. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Pixel statistics of a PNG, decoded by the page's own canvas: non-white pixels and distinct colours. */
export async function pngStats(page: Page, png: Uint8Array): Promise<{ width: number; height: number; nonWhite: number; colours: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    // the page may hold an SVG document, where createElement would make an SVG-namespace element
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas') as HTMLCanvasElement;
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    let nonWhite = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) nonWhite++;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { width: canvas.width, height: canvas.height, nonWhite, colours: colours.size };
  }, Buffer.from(png).toString('base64'));
}

/** A small RFC 4180 reader (quoted cells, doubled quotes), enough to read back what chartCsv writes: rows of cells. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  return rows;
}

/** The CSV's rows as records keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const [head, ...body] = parseCsvRows(text);
  return body.map((r) => Object.fromEntries(head.map((h, j) => [h, r[j]])));
}
