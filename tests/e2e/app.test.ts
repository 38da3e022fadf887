/**
 * The browser app end to end, in headless Chromium against the Vite dev server: the default run, the
 * charts' marks, the same numbers as the engine in Node, editing and rerunning, reloads, validation,
 * imports, cancelling and a crashing worker. One page goes through the steps in order, as a user would.
 * Trial counts are small: CI machines have two cores.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_NAMES, CHART_TITLES, drawnChartNames } from '../../src/charts/index.ts';
import type { RunResult } from '../../src/engine/result.ts';
import { runScenario } from '../../src/engine/run-scenario.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { chartData } from '../../src/report/chart-data.ts';
import { formatTable } from '../../src/cli/table.ts';
import { openPage, SCREENSHOTS, startApp, type AppUnderTest } from './app-server.ts';
import { expectedMarks } from './expected-marks.ts';
import { numbersDiffer } from './same-numbers.ts';

const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;
const example = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8')) as Scenario;

const TRIALS = 40;
// gallium is no replay: every chart but the replay chart, whose panel is hidden
const GALLIUM_CHARTS = CHART_NAMES.filter((name) => name !== 'replay').length;
// Generous: a busy two-core CI machine runs the workers several times slower than an idle one.
const RUN_TIMEOUT = 120_000;
/** The severity the tests edit: the first disruption's PERT minimum. */
const SEVERITY_MIN = '/disruptions/0/severity/pert/0';

let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Waits until the run in the page has ended in one of the states. */
async function runEnds(states: string[] = ['complete'], timeout = RUN_TIMEOUT): Promise<string> {
  // The condition runs in the page: it gets the states as its argument, not from this closure.
  await until((wanted) => wanted.includes(document.body.dataset.runState ?? ''), timeout, states);
  return page.evaluate(() => document.body.dataset.runState ?? '');
}

/** Waits for a condition in the page; on a timeout, says what the page showed instead. */
async function until(condition: (arg: string[]) => boolean, timeout: number, arg: string[] = []): Promise<void> {
  try {
    await page.waitForFunction(condition, arg, { timeout });
  } catch (error) {
    const state = await page.evaluate(() => ({
      runState: document.body.dataset.runState,
      progress: document.querySelector('.progress-label')?.textContent,
      banner: document.querySelector('.status-banner')?.textContent,
      caption: document.querySelector('.results-caption')?.textContent,
      hash: location.hash.slice(0, 80),
      workers: window.__test?.poolSize(),
    }));
    throw new Error(`${(error as Error).message.split('\n')[0]}; the page showed ${JSON.stringify(state)}`, { cause: error });
  }
}

/** Clicks Run and waits for the run to end. */
async function runAndWait(states: string[] = ['complete']): Promise<string> {
  await page.click('#run-button');
  return runEnds(states);
}

/** A metric's exact value from the metrics table. */
async function metric(name: string, strategy = 'baseline'): Promise<number> {
  return Number(await page.getAttribute(`td[data-metric="${name}"][data-strategy="${strategy}"]`, 'data-value'));
}

/** What the page shows: its last result (as JSON text, NaN as null) and the scenario it came from. */
async function shown(): Promise<{ json: string; result: RunResult; scenario: Scenario }> {
  return page.evaluate(() => ({ json: JSON.stringify(window.__lastResult), result: window.__lastResult!, scenario: window.__lastScenario! }));
}

/** Opens a section of the editor form by its data-section. */
async function openSection(section: string): Promise<void> {
  await page.evaluate((s) => {
    const details = document.querySelector<HTMLDetailsElement>(`details[data-section="${s}"]`);
    if (details) details.open = true;
  }, section);
}

/**
 * Replaces the JSON view's text the way a paste does (one input event); page.fill types a 35 kB text
 * far more slowly than any user would produce it.
 */
async function pasteJson(text: string): Promise<void> {
  await page.evaluate((t) => {
    const area = document.querySelector<HTMLTextAreaElement>('.json-text')!;
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Types into the form control for a JSON pointer, opening the sections and cards around it as a user would. */
async function fillPath(path: string, value: string): Promise<void> {
  const control = page.locator(`.editor-form [data-path="${path}"]`);
  await control.evaluate((e) => {
    for (let d = e.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  });
  await control.fill(value);
}

beforeAll(async () => {
  app = await startApp();
  ({ context, page } = await openPage(app, pageErrors));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

// Each step waits for runs of a few seconds; on a loaded two-core machine they take several times longer.
describe('the browser app', { timeout: 180_000 }, () => {
  it('opens on the gallium scenario, runs it at once and draws one mark per datum in every chart', async () => {
    await page.goto(`${app.url}#scenario=gallium&trials=${TRIALS}`);
    await runEnds();
    expect(await page.textContent('#scenario-name')).toBe(gallium.name);
    expect(await page.inputValue('#scenario-picker')).toBe('gallium');

    const { result, scenario } = await shown();
    expect(result.trials).toBe(TRIALS);
    const expected = expectedMarks(chartData(result, scenario));
    const counts = await page.evaluate((kinds) => {
      const out: Record<string, Record<string, number>> = {};
      for (const [chart, classes] of Object.entries(kinds)) {
        const svg = document.querySelector(`[data-chart-slot="${chart}"] svg`);
        out[chart] = Object.fromEntries(Object.keys(classes).map((c) => [c, svg ? svg.querySelectorAll(`.mark.${c}`).length : -1]));
        out[chart].total = svg ? svg.querySelectorAll('.mark').length : -1;
      }
      return out;
    }, expected);
    for (const name of drawnChartNames(chartData(result, scenario))) {
      const total = Object.values(expected[name]).reduce((a, b) => a + b, 0);
      expect(counts[name], name).toEqual({ ...expected[name], total });
      expect(total, `${name} draws something`).toBeGreaterThan(0);
    }
    // the attribution chart shows the strategy picked above it
    const other = result.strategies[1].id;
    await page.selectOption('[data-chart-panel="attribution"] select', other);
    const parts = chartData(result, scenario).attribution.strategies[1].parts.length;
    expect(await page.$$eval(`[data-chart-slot="attribution"] .mark.bar[data-series="${other}"]`, (m) => m.length)).toBe(parts);
    await page.selectOption('[data-chart-panel="attribution"] select', 'baseline');
    // each chart has its title, and every mark a hover text
    const titles = await page.$$eval('[data-chart-panel] .chart-heading', (hs) => hs.map((h) => h.textContent));
    expect(titles).toEqual(CHART_NAMES.map((n) => CHART_TITLES[n]));
    expect(await page.$$eval('.chart-slot .mark', (marks) => marks.filter((m) => !m.querySelector('title')?.textContent).length)).toBe(0);
    // the references are listed with their links
    expect(await page.$$eval('.sources .references a[href^="http"]', (a) => a.length)).toBeGreaterThan(0);
    // the downloads give the chart on screen and a report of the run
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart-panel="valueChain"] .chart-export-menu button:text-is("SVG")')]);
    expect(readFileSync(await svg.path(), 'utf8')).toContain('<svg');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart-panel="fulfilment"] .chart-export-menu button:text-is("PNG 1x")')]);
    expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('.report-button button')]);
    expect(report.suggestedFilename()).toMatch(/\.html$/);
    await page.screenshot({ path: `${SCREENSHOTS}app-after-default-run.png` });
    await page.screenshot({ path: `${SCREENSHOTS}app-after-default-run-full.png`, fullPage: true });
  });

  it('gives the numbers of the engine run in Node for the same scenario, trials and seed', async () => {
    // Only the hash changes: the open page follows the link without reloading.
    await page.goto(`${app.url}#scenario=gallium&seed=7&trials=${TRIALS}`);
    await until(() => document.body.dataset.runState === 'complete' && window.__lastResult?.seed === 7, RUN_TIMEOUT);
    const { json, result } = await shown();
    expect(result.seed).toBe(7);
    const web = JSON.parse(json) as RunResult;
    // The app runs the scenario with its seed and trials written in, as a file saved with them would be.
    const node = JSON.parse(JSON.stringify(runScenario({ ...gallium, seed: 7, trials: TRIALS }))) as RunResult;
    expect(numbersDiffer(web, node)).toEqual([]);
    // The command line's way (--seed 7 --trials 40 on the shipped file): the same metrics, only the file's hash differs,
    // and the command line's table of this result reads exactly as that of the Node run.
    const cli = JSON.parse(JSON.stringify(runScenario(gallium, { seed: 7, trials: TRIALS }))) as RunResult;
    expect(numbersDiffer(web.strategies, cli.strategies)).toEqual([]);
    expect(formatTable({ ...web, scenario: cli.scenario })).toBe(formatTable(cli));
    expect(await metric('shortfallPct.mean')).toBeCloseTo(cli.strategies[0].metrics.shortfallPct.mean, 12);
  });

  it('reruns after a disruption is made more severe in the form, and the mean shortfall goes up', async () => {
    const before = await metric('shortfallPct.mean');
    await openSection('disruptions');
    await fillPath(SEVERITY_MIN, '0.9');
    await fillPath('/disruptions/0/severity/pert/1', '0.95');
    expect(await page.isVisible('text=The scenario has changed since these results')).toBe(true);
    await runAndWait();
    const after = await metric('shortfallPct.mean');
    expect(after).toBeGreaterThan(before);
    expect((await shown()).scenario.disruptions![0].severity).toEqual({ pert: [0.9, 0.95, 1] });
  });

  it('keeps the edit across a reload, from the URL and from storage alone', async () => {
    await page.reload();
    await runEnds();
    expect(await page.inputValue(`[data-path="${SEVERITY_MIN}"]`)).toBe('0.9');
    await page.goto(app.url); // no hash: the stored edit of the last scenario
    await runEnds();
    expect(await page.inputValue(`[data-path="${SEVERITY_MIN}"]`)).toBe('0.9');
    expect(await page.textContent('#scenario-picker option[value="gallium"]')).toContain('(edited)');
  });

  it('goes back to the shipped scenario, and a long run cancelled stops at once with its results kept', async () => {
    await page.click('text=Back to the shipped scenario');
    expect(await page.inputValue(`[data-path="${SEVERITY_MIN}"]`)).toBe('0.4');
    expect(await page.textContent('#scenario-picker option[value="gallium"]')).not.toContain('(edited)');
    // A long run (the first results show after 2 s, so the shipped 2,000 trials may end before): wait for them, then cancel.
    await page.goto(`${app.url}#scenario=gallium&trials=20000`);
    await page.reload();
    await until(() => document.body.dataset.runState === 'running' && document.querySelector('.results-caption.partial') !== null, RUN_TIMEOUT);
    await page.click('.progress button:has-text("Cancel")');
    await runEnds(['cancelled'], 2000);
    expect(await page.evaluate(() => window.__test!.poolSize())).toBe(0);
    expect(await page.textContent('.progress-label')).toMatch(/^Cancelled after [\d,]+ of 20,000 trials/);
    const { json, result } = await shown();
    expect(result.trials).toBeLessThan(20000);
    // The bar shows the trials kept, not those simulated in chunks after a gap.
    expect(await page.$eval('.progress progress', (bar) => (bar as HTMLProgressElement).value)).toBe(result.trials);
    // The results kept are those of a run of that many trials (of the scenario as run: 20,000 trials written in).
    expect(numbersDiffer(JSON.parse(json), JSON.parse(JSON.stringify(runScenario({ ...gallium, trials: 20000 }, { trials: result.trials }))))).toEqual([]);
    expect(await page.$$eval('.chart-slot svg', (s) => s.length)).toBe(GALLIUM_CHARTS);
    expect(await page.$$eval('#metrics-shortfall tbody tr', (r) => r.length)).toBe(1 + gallium.strategies!.length);
    await page.screenshot({ path: `${SCREENSHOTS}cancelled-run.png` });
  });

  it('shows validation errors beside their fields and runs nothing while the scenario is invalid', async () => {
    const resultBefore = (await shown()).json;
    await openSection('nodes');
    await fillPath('/nodes/0/capacity', '12kt');
    const errorOf = (path: string) => page.locator(`[data-path="${path}"]`).first().locator('xpath=ancestor-or-self::*[contains(@class, "field")][1]/span[contains(@class, "field-error")]');
    await expect.poll(() => errorOf('/nodes/0/capacity').textContent()).toContain('"12kt"');
    expect(await page.isDisabled('#run-button')).toBe(true);
    expect(await page.evaluate(() => document.body.dataset.runState)).toBe('invalid');

    // Meaning is checked once the structure is sound: a mix that does not add up, a PERT out of order.
    await fillPath('/nodes/0/capacity', '1100');
    await fillPath('/nodes/5/sources/0/share', '0.5');
    await openSection('disruptions');
    await fillPath(SEVERITY_MIN, '0.9');
    await expect.poll(() => errorOf('/nodes/5/sources').textContent()).toContain('the shares must sum to 1, got 0.5');
    await expect.poll(() => errorOf('/disruptions/0/severity').textContent()).toContain('min <= mode <= max');
    expect(await errorOf('/nodes/0/capacity').textContent()).toBe('');
    expect(await page.isDisabled('#run-button')).toBe(true);
    expect((await shown()).json).toBe(resultBefore);
    await page.locator('[data-path="/nodes/5/sources"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}editor-validation-error.png` });

    // A problem no form control shows is listed above the JSON view.
    await fillPath('/nodes/5/sources/0/share', '1');
    await fillPath(SEVERITY_MIN, '0.4');
    await expect.poll(() => page.isDisabled('#run-button')).toBe(false);
    const text = await page.inputValue('.json-text');
    await page.evaluate(() => ((document.querySelector('details.json-view') as HTMLDetailsElement).open = true));
    await pasteJson(`${text.trimEnd()},`);
    await expect.poll(() => page.textContent('.json-issues')).toContain('not valid JSON');
    expect(await page.isDisabled('#run-button')).toBe(true);
    await pasteJson(text);
    await expect.poll(() => page.isDisabled('#run-button')).toBe(false);
    expect(await page.isHidden('.json-issues')).toBe(true);
  });

  it('refuses an invalid import with its problems listed, and takes a valid one', async () => {
    const name = await page.textContent('#scenario-name');
    const text = await page.inputValue('.json-text');
    const broken = { ...gallium, unit: undefined, nodes: gallium.nodes.map((n, i) => (i === 0 ? { ...n, capacity: '12kt' } : n)) };
    await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const report = page.locator('.import-report');
    await expect.poll(() => report.textContent()).toContain('broken.json was not imported');
    expect(await report.textContent()).toContain('/nodes/0/capacity');
    expect(await page.textContent('#scenario-name')).toBe(name);
    expect(await page.inputValue('.json-text')).toBe(text);

    await page.setInputFiles('#import-file', { name: 'example.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...example, trials: 20 })) });
    await expect.poll(() => page.textContent('#scenario-name')).toBe(example.name);
    await runEnds();
    expect(await page.isHidden('.import-report')).toBe(true);
    expect(await page.inputValue('#scenario-picker')).toBe(example.id);

    // Export gives the editor's text back as a file named after the scenario.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export scenario')]);
    expect(download.suggestedFilename()).toBe(`${example.id}.json`);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(exported)).toEqual({ ...example, trials: 20 });
  });

  it('replaces a run in progress when a link opens another scenario', async () => {
    // Enough trials that the run is still going when the link opens (400 trials of gallium take 0.4 s).
    await fillPath('/trials', '6000');
    await page.click('#run-button');
    await page.waitForFunction(() => document.body.dataset.runState === 'running');
    await page.goto(`${app.url}#scenario=gallium&trials=${TRIALS}`);
    await until(() => document.body.dataset.runState === 'complete' && window.__lastResult?.scenario.id === 'gallium', RUN_TIMEOUT);
    expect((await shown()).result.trials).toBe(TRIALS);
  });

  it('reports a worker that crashes, keeps the last results, and runs again on fresh workers', async () => {
    const idBefore = (await shown()).result.scenario.id;
    // Enough trials that the run is still going when the crash lands (400 trials of gallium take 0.4 s).
    await fillPath('/trials', '6000');
    await page.click('#run-button');
    expect(await page.evaluate(() => window.__test!.crashWorker(0))).toBe(true);
    await runEnds(['failed'], 20_000);
    expect(await page.textContent('.status-banner.error')).toContain('simulation worker 1 failed');
    expect(await page.evaluate(() => window.__test!.poolSize())).toBe(0);
    // The last good results (the previous run's, or this run's first chunks) stay on screen.
    expect(await page.evaluate(() => window.__lastResult?.scenario.id)).toBe(idBefore);
    expect(await page.$$eval('.chart-slot svg', (s) => s.length)).toBe(GALLIUM_CHARTS);
    expect(await page.$$eval('#metrics-shortfall tbody tr', (r) => r.length)).toBeGreaterThan(0);
    await fillPath('/trials', String(TRIALS));
    await runAndWait();
    expect(await page.isHidden('.status-banner')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
