/**
 * The answer first, money with its unit, and the map, in headless Chromium against the Vite dev server:
 * the headline's figures are the result's, a cost column names its unit, the map draws every country
 * with a share and an arc per flow between countries at each stage, and report.html opens on the same
 * headline. Screenshots of the default page, the map and the report go to test-results/.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { millions } from '../../src/charts/money.ts';
import { openPage, SCREENSHOTS, startApp, type AppUnderTest } from './app-server.ts';

const TRIALS = 40;
const RUN_TIMEOUT = 120_000;

let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  ({ context, page } = await openPage(app, pageErrors, { acceptDownloads: true }));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** The result and scenario on screen, through the app's test hooks. */
async function shown(): Promise<{ result: RunResult; scenario: Scenario }> {
  return page.evaluate(() => ({ result: window.__lastResult!, scenario: window.__lastScenario! }));
}

/** Every figure of a headline (the page's or the report's): name to exact value. */
async function figures(p: Page, root: string): Promise<Record<string, number>> {
  return p.$$eval(`${root} [data-figure]`, (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-figure'), Number(e.getAttribute('data-value'))])));
}

/** What the headline must say, worked out here from the result itself (gallium has one maker per country). */
function expectedFigures(result: RunResult): Record<string, number> {
  const base = result.strategies[0];
  const worst = Object.entries(base.metrics.byMaker).reduce((a, b) => (b[1].shortfallPct.mean > a[1].shortfallPct.mean ? b : a));
  const others = result.strategies.slice(1);
  const best = others.reduce((a, b) => (b.vsBaseline!.shortfall.mean < a.vsBaseline!.shortfall.mean ? b : a));
  const cheap = others.filter((s) => s.vsBaseline!.costPerUnitAvoided !== null);
  const cheapest = cheap.reduce((a, b) => (b.vsBaseline!.costPerUnitAvoided! < a.vsBaseline!.costPerUnitAvoided! ? b : a));
  const years = result.periods / result.periodsPerYear;
  const out: Record<string, number> = {
    'worst.mean': worst[1].shortfallPct.mean,
    'worst.lo': worst[1].shortfallPct.ci95[0],
    'worst.hi': worst[1].shortfallPct.ci95[1],
    'best.avoided': -best.vsBaseline!.shortfall.mean,
    'best.avoidedLo': -best.vsBaseline!.shortfall.ci95[1],
    'best.avoidedHi': -best.vsBaseline!.shortfall.ci95[0],
    'best.worstCountryMean': best.metrics.byMaker[worst[0]].shortfallPct.mean,
    'best.worstCountryLo': best.metrics.byMaker[worst[0]].shortfallPct.ci95[0],
    'best.worstCountryHi': best.metrics.byMaker[worst[0]].shortfallPct.ci95[1],
    'best.extraCostPerYear': (best.metrics.cost.mean - base.metrics.cost.mean) / years,
    'cheapest.costPerUnitAvoided': cheapest.vsBaseline!.costPerUnitAvoided!,
  };
  if (cheapest !== best) {
    out['cheapest.avoided'] = -cheapest.vsBaseline!.shortfall.mean;
    out['cheapest.extraCostPerYear'] = (cheapest.metrics.cost.mean - base.metrics.cost.mean) / years;
  }
  return out;
}

/** Per stage, the countries with capacity; and the flows between countries, by route and the stage they leave, from the run's network. */
function expectedMap(result: RunResult, scenario: Scenario): { shares: Record<string, string[]>; arcs: number } {
  const shipped = new Set(result.network.links.filter((l) => l.value > 0).map((l) => l.source));
  const column = (n: { id: string; stage: string }) => (n.stage === 'exploration' ? (shipped.has(n.id) ? 'extraction' : null) : n.stage);
  const shares: Record<string, string[]> = {};
  for (const n of result.network.nodes) {
    const stage = column(n);
    if (!stage || !(n.capacity > 0)) continue;
    shares[stage] = [...new Set([...(shares[stage] ?? []), n.country])].sort();
  }
  const byId = new Map(result.network.nodes.map((n) => [n.id, n]));
  const route = new Map(scenario.nodes.flatMap((n) => (n.sources ?? []).map((s) => [`${s.from}>${n.id}`, s.route ?? ''] as const)));
  const arcs = new Set(
    result.network.links
      .filter((l) => l.value > 0 && byId.get(l.source)!.country !== byId.get(l.target)!.country)
      .map((l) => [byId.get(l.source)!.country, byId.get(l.target)!.country, route.get(`${l.source}>${l.target}`) ?? '', column(byId.get(l.source)!)].join('|')),
  );
  return { shares, arcs: arcs.size };
}

describe('the answer first, money with a unit, the map', { timeout: 240_000 }, () => {
  it('opens on a headline whose figures are the result\'s, each line linking to what shows it', async () => {
    await page.goto(`${app.url}#scenario=gallium&trials=${TRIALS}`);
    await page.waitForFunction(() => document.body.dataset.runState === 'complete', undefined, { timeout: RUN_TIMEOUT });
    const { result } = await shown();
    expect(result.trials).toBe(TRIALS);
    expect(result.currency).toBe('USD');
    expect(await figures(page, '.headline')).toEqual(expectedFigures(result));
    const lines = await page.$$eval('.headline [data-headline]', (ps) => ps.map((p) => ({ id: p.getAttribute('data-headline'), text: p.textContent ?? '' })));
    expect(lines.map((l) => l.id)).toEqual(['worst-country', 'best-strategy', 'cheapest-strategy']);
    const worst = expectedFigures(result)['worst.mean'];
    expect(lines[0].text).toContain(`makers lose ${worst.toFixed(1)}%`);
    expect(lines[1].text).toMatch(/USD [\d,.]+ m a year more than the baseline/);
    expect(lines[2].text).toMatch(/USD [\d,]+ per t Ga/);
    // the headline comes before the tables
    expect(await page.evaluate(() => document.querySelector('.headline')!.compareDocumentPosition(document.querySelector('#metrics-shortfall')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    await page.screenshot({ path: `${SCREENSHOTS}headline-default-page.png` });
    await page.screenshot({ path: `${SCREENSHOTS}headline-default-page-full.png`, fullPage: true });

    // a link scrolls to its chart and moves focus there, leaving the shared link in the address bar alone
    const hash = await page.evaluate(() => location.hash);
    await page.click('.headline [data-headline="best-strategy"] a');
    await page.waitForFunction(() => document.activeElement?.id === 'chart-comparison');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    // the scroll is smooth: wait for it to bring the chart to the top of the view
    await page.waitForFunction(() => Math.abs(document.getElementById('chart-comparison')!.getBoundingClientRect().top) < 100, undefined, { timeout: 5000 });
  });

  it('names the unit of every money column, totals in millions', async () => {
    const { result } = await shown();
    const header = (metric: string) =>
      page.evaluate((m) => {
        const cell = document.querySelector(`#metrics-comparison td[data-metric="${m}"]`) as HTMLTableCellElement;
        return cell.closest('table')!.querySelectorAll('thead th')[cell.cellIndex].textContent;
      }, metric);
    expect(await header('cost.mean')).toBe('Mean cost (USD m)');
    expect(await header('vsBaseline.costPerUnitAvoided')).toBe('Cost per t Ga avoided (USD/t Ga)');
    const s = result.strategies[1];
    const cell = page.locator(`#metrics-comparison td[data-metric="cost.mean"][data-strategy="${s.id}"]`);
    expect(Number(await cell.getAttribute('data-value'))).toBe(s.metrics.cost.mean);
    expect(await cell.textContent()).toBe(millions(s.metrics.cost.mean));
    expect(await page.textContent('#metrics-comparison + .table-note, .table-note')).toContain(`baseline mean cost USD ${millions(result.strategies[0].metrics.cost.mean)} m`);
    // the comparison chart's cost axis says the same
    expect(await page.$$eval('[data-chart-slot="comparison"] .axis-label', (ls) => ls.map((l) => l.textContent).join(' '))).toContain('Mean cost (USD m)');
    // the fulfilment axis is zoomed to the bands, and says so
    expect(await page.textContent('[data-chart-slot="fulfilment"] .axis-y .axis-label')).toMatch(/axis starts at \d+%, not 0/);
    await page.locator('[data-chart-panel="fulfilment"]').screenshot({ path: `${SCREENSHOTS}fulfilment-panel.png` });
    await page.locator('[data-chart-panel="comparison"]').screenshot({ path: `${SCREENSHOTS}comparison-panel.png` });
  });

  it('draws every country with a share and an arc per flow between countries, at each stage of the picker', async () => {
    const { result, scenario } = await shown();
    const expected = expectedMap(result, scenario);
    const stages = await page.$$eval('[data-chart-panel="worldMap"] select option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(stages.sort()).toEqual(Object.keys(expected.shares).sort());
    for (const stage of stages) {
      await page.selectOption('[data-chart-panel="worldMap"] select', stage);
      await page.waitForFunction((s) => document.querySelector('[data-chart-slot="worldMap"] svg')?.getAttribute('data-stage') === s, stage);
      const drawn = await page.$$eval('[data-chart-slot="worldMap"] .mark.country', (ms) => ms.map((m) => m.getAttribute('data-country')!).sort());
      expect(drawn, stage).toEqual(expected.shares[stage]);
      expect(await page.$$eval('[data-chart-slot="worldMap"] .mark.flow', (ms) => ms.length)).toBe(expected.arcs);
    }
    // EU has no outline: it is a point, with its figures in the legend
    await page.selectOption('[data-chart-panel="worldMap"] select', 'manufacturing');
    expect(await page.$$eval('[data-chart-slot="worldMap"] .legend-item title', (ts) => ts.map((t) => t.textContent).join('\n'))).toMatch(/EU \(European Union, drawn at Brussels\): \d+% of manufacturing capacity/);
    // China is outlined as the target of its export controls; the Red Sea route's chokepoints too
    expect(await page.$$eval('[data-chart-slot="worldMap"] .target-outline', (os) => os.map((o) => o.getAttribute('data-country')))).toContain('CN');
    expect(await page.$$eval('[data-chart-slot="worldMap"] .chokepoint', (cs) => cs.map((c) => c.getAttribute('data-chokepoint')).sort())).toEqual(['bab-el-mandeb', 'suez']);
    await page.selectOption('[data-chart-panel="worldMap"] select', 'processing');
    await page.locator('[data-chart-panel="worldMap"]').scrollIntoViewIfNeeded();
    await page.locator('[data-chart-panel="worldMap"]').screenshot({ path: `${SCREENSHOTS}world-map-panel.png` });
    // the map downloads like every chart
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart-panel="worldMap"] .chart-export-menu button:text-is("CSV")')]);
    const rows = readFileSync(await csv.path(), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('kind,stage,country,country_name,capacity_t_ga_per_year,share,from,to,route,flow_t_ga_per_year,disruptions');
    expect(rows.filter((r) => r.startsWith('flow,')).length).toBe(expected.arcs);
  });

  it('opens report.html on the same headline, with the map among its charts', async () => {
    const { result } = await shown();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.report-button button')]);
    const path = `${SCREENSHOTS}gallium-report.html`;
    await download.saveAs(path);
    const report = await context.newPage();
    await report.goto(`file://${path}`);
    expect(await figures(report, '#headline')).toEqual(expectedFigures(result));
    // the headline is the first section, and its links reach their targets in the report
    expect(await report.evaluate(() => document.querySelector('main > section')!.id)).toBe('headline');
    const targets = await report.$$eval('#headline a', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    for (const id of targets) expect(await report.evaluate((i) => document.getElementById(i) !== null, id), id).toBe(true);
    expect(await report.$$eval('#chart-worldMap svg .mark.flow', (fs) => fs.length)).toBe(expectedMap(result, (await shown()).scenario).arcs);
    expect(await report.textContent('#results')).toContain('Mean cost (USD m)');
    await report.setViewportSize({ width: 1100, height: 900 });
    await report.screenshot({ path: `${SCREENSHOTS}report-top.png` });
    await report.locator('#chart-worldMap').screenshot({ path: `${SCREENSHOTS}report-world-map.png` });
    await report.close();
    expect(pageErrors).toEqual([]);
  });
});
