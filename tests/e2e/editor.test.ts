/**
 * The whole editor in Chromium: every field of a scenario shown in the form with its value (the
 * optimiser, references, month zero, and a replay's observed series and comparisons included), kinds
 * switched in place, items added and removed with the focus where a keyboard user expects it, a
 * follow-on and a strategy with a lever of every kind that validate and run, issues beside the new
 * fields, and the JSON view still there for bulk edits.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/schema.ts';
import { openPage, SCREENSHOTS, startApp, type AppUnderTest } from './app-server.ts';
import { editorData, fillPath, openSection, pasteJson, runEnds, shownResult } from './page-helpers.ts';

const example = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8')) as Scenario;
const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;
const replay = (id: string) => JSON.parse(readFileSync(new URL(`../../scenarios/replays/${id}.json`, import.meta.url), 'utf8')) as Scenario;
/** Between them the replays use every kind of comparison, tolerance and counting, a strategy, and series with and without a point's own reference. */
const REPLAYS = ['cobalt-2025', 'gallium-2023', 'graphite-2023', 'nickel-2020'];
const cobalt = replay('cobalt-2025');

let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Every leaf of a JSON value with its pointer. */
function leaves(x: unknown, path = ''): [string, unknown][] {
  if (x !== null && typeof x === 'object') {
    return Object.entries(x).flatMap(([k, v]) => leaves(v, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [[path, x]];
}

/** The leaves no form control shows with their value: none, when the form covers the whole format. */
async function uncovered(scenario: unknown): Promise<string[]> {
  return page.evaluate((all) => {
    const form = document.querySelector('.editor-form')!;
    // A bare number's box and its distribution field share a path: the box is the control.
    const at = (p: string) => form.querySelector<HTMLElement>(`:is(input, select, textarea)[data-path="${CSS.escape(p)}"]`) ?? form.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    const problems: string[] = [];
    for (const [path, value] of all) {
      const parent = path.slice(0, path.lastIndexOf('/'));
      const control = at(path);
      if (control instanceof HTMLInputElement && control.type === 'checkbox') {
        if (control.checked !== (value === true)) problems.push(`${path}: the box says ${control.checked}, the data ${String(value)}`);
      } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) {
        if (control.value !== String(value)) problems.push(`${path}: the form shows "${control.value}", the data ${JSON.stringify(value)}`);
      } else if (/\/\d+$/.test(path) && at(parent)?.classList.contains('checks')) {
        // one id of a list of ids: its box in the group is checked
        const box = at(parent)!.querySelector<HTMLInputElement>(`input[value="${CSS.escape(String(value))}"]`);
        if (!box?.checked) problems.push(`${path}: "${String(value)}" is not checked in ${parent}`);
      } else if (path.endsWith('/target/demand')) {
        const kind = at(`${parent}/kind`) as HTMLSelectElement | null;
        if (kind?.value !== 'demand') problems.push(`${path}: the target kind shows "${kind?.value}"`);
      } else problems.push(`${path}: no control`);
    }
    return problems;
  }, leaves(scenario));
}

/** Every issue the page shows, beside a field or above the JSON: what the user has to fix before a run. */
async function issuesShown(): Promise<string[]> {
  return page.evaluate(() => [
    ...[...document.querySelectorAll('.editor-form .field-error')].filter((e) => e.textContent).map((e) => `${e.closest('[data-path]')?.getAttribute('data-path')}: ${e.textContent}`),
    ...[...document.querySelectorAll('.json-issues li')].map((li) => li.textContent ?? ''),
  ]);
}

/** The issue shown beside the control of a JSON pointer (in the label around it). */
async function beside(path: string): Promise<string | null> {
  return page.locator(`.editor-form [data-path="${path}"]`).locator('xpath=ancestor::label[1]/span[contains(@class, "field-error")]').textContent();
}

/** Opens the sections and cards around an element, as a user would to reach it. */
async function reveal(selector: string): Promise<void> {
  await page.locator(selector).evaluate((e) => {
    for (let d = e.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  });
}

/** Opens every section and card of the form. */
async function openAll(): Promise<void> {
  await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.editor-form details').forEach((d) => (d.open = true)));
}

/** The data-path or data-focus of the focused element. */
async function focused(): Promise<string | undefined> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e?.dataset.focus ?? e?.dataset.path;
  });
}

beforeAll(async () => {
  app = await startApp();
  ({ context, page } = await openPage(app, pageErrors));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the editor', { timeout: 180_000 }, () => {
  it('shows every field of the example scenario (which uses most of the format), of gallium (optimiser, refs, month zero) and of the replays with its value', async () => {
    // the scenarios use what the test is about: were they to lose it, the test would prove nothing
    expect(gallium.optimise && gallium.monthZero && gallium.nodes[0].refs && gallium.optimise.variables[0].refs).toBeTruthy();
    expect(cobalt.observed?.[0].normal && cobalt.comparisons?.length).toBeTruthy();
    await page.goto(`${app.url}#scenario=gallium&trials=10`);
    await runEnds(page);
    expect(await uncovered({ ...gallium, trials: 10 })).toEqual([]);
    for (const id of REPLAYS) {
      await page.goto('about:blank');
      await page.goto(`${app.url}#scenario=${id}&trials=10`);
      await runEnds(page);
      expect({ id, uncovered: await uncovered({ ...replay(id), trials: 10 }) }).toEqual({ id, uncovered: [] });
    }
    await page.setInputFiles('#import-file', { name: 'example.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...example, trials: 10 })) });
    await runEnds(page);
    expect(await uncovered({ ...example, trials: 10 })).toEqual([]);
    await openSection(page, 'strategies');
    await page.evaluate(() => ((document.querySelector('details[data-path="/strategies/1"]') as HTMLDetailsElement).open = true));
    await page.locator('details[data-path="/strategies/1"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}editor-strategy.png` });
  });

  it("edits a reference list, the optimiser's bound and a comparison's tolerance; the JSON view and validation follow", async () => {
    await page.goto('about:blank');
    await page.goto(`${app.url}#scenario=gallium&trials=10`);
    await runEnds(page);
    const refs = '.editor-form [data-path="/nodes/0/refs"]';
    const title = (id: string) => gallium.references!.find((r) => r.id === id)!.title;
    await reveal(refs);
    // the cited references first, in their order, by id and title
    expect(gallium.nodes[0].refs).toEqual(['src-21', 'src-92']);
    expect(await page.$$eval(`${refs} .ref-row`, (rows) => rows.slice(0, 3).map((r) => [r.querySelector('input')!.checked, r.textContent]))).toEqual([
      [true, `src-21${title('src-21')}`],
      [true, `src-92${title('src-92')}`],
      [false, `${gallium.references![1].id}${gallium.references![1].title}`],
    ]);
    // unticked: removed where it was; ticked: added at the end, by keyboard
    await page.uncheck(`${refs} input[value="src-21"]`);
    await page.focus(`${refs} input[value="src-23"]`);
    await page.keyboard.press('Space');
    expect(((await editorData(page)) as Scenario).nodes[0].refs).toEqual(['src-92', 'src-23']);
    expect(await page.textContent(`${refs} > legend`)).toBe('References (2 cited)');
    // An id that names no reference, pasted in the JSON: shown ticked and marked missing, the issue beside the list, kept by other edits.
    const data = (await editorData(page)) as Scenario;
    data.nodes[0].refs = ['src-92', 'no-such-ref'];
    await pasteJson(page, JSON.stringify(data, null, 2));
    await expect.poll(() => page.textContent(`${refs} > .field-error`)).toContain('no reference "no-such-ref" exists');
    const missing = page.locator(`${refs} .ref-row`, { has: page.locator('input[value="no-such-ref"]') });
    expect(await missing.textContent()).toBe('no-such-ref(missing)');
    expect(await missing.locator('input').isChecked()).toBe(true);
    expect(await page.isDisabled('#run-button')).toBe(true);
    await page.check(`${refs} input[value="src-23"]`);
    expect(((await editorData(page)) as Scenario).nodes[0].refs).toEqual(['src-92', 'no-such-ref', 'src-23']);
    await page.uncheck(`${refs} input[value="no-such-ref"]`);
    expect(((await editorData(page)) as Scenario).nodes[0].refs).toEqual(['src-92', 'src-23']);
    await expect.poll(issuesShown).toEqual([]);

    // The optimiser's bound: beyond 100% of demand it is always met, and a probability's bound is 0 to 1.
    const atMost = '/optimise/target/atMost';
    await fillPath(page, atMost, '150');
    expect(((await editorData(page)) as Scenario).optimise!.target.atMost).toBe(150);
    await expect.poll(() => beside(atMost)).toContain('always met');
    await page.focus('.editor-form [data-path="/optimise/target/statistic"]');
    await page.selectOption('.editor-form [data-path="/optimise/target/statistic"]', 'probAbove');
    expect(((await editorData(page)) as Scenario).optimise!.target).toEqual({ of: { country: 'EU' }, measure: 'shortfallPct', statistic: 'probAbove', atMost: 150, above: 10 });
    expect(await focused()).toBe('/optimise/target/statistic');
    await expect.poll(() => beside(atMost)).toContain("a probability's bound must be 0 to 1");
    expect(await page.isDisabled('#run-button')).toBe(true);
    await fillPath(page, atMost, '0.3');
    await expect.poll(issuesShown).toEqual([]);
    // a variable's sizes: the issue beside its range
    await fillPath(page, '/optimise/variables/0/range/min', '13');
    await expect.poll(() => page.textContent('.editor-form [data-path="/optimise/variables/0/range"] > .field-error')).toBe('min (13) must not be above max (12)');
    await fillPath(page, '/optimise/variables/0/range/min', '0');
    expect(((await editorData(page)) as Scenario).optimise!.target).toMatchObject({ statistic: 'probAbove', above: 10, atMost: 0.3 });
    await page.locator('.editor-form details[data-section="optimise"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}editor-optimise.png` });

    // A comparison's tolerance, in a replay.
    await page.goto('about:blank');
    await page.goto(`${app.url}#scenario=cobalt-2025&trials=10`);
    await runEnds(page);
    const tolerance = '/comparisons/1/tolerance/absolute';
    await fillPath(page, tolerance, '-1');
    expect(((await editorData(page)) as Scenario).comparisons![1].tolerance).toEqual({ absolute: -1 });
    await expect.poll(() => beside(tolerance)).toContain('-1');
    expect(await page.isDisabled('#run-button')).toBe(true);
    await fillPath(page, tolerance, '0.05');
    expect(((await editorData(page)) as Scenario).comparisons![1].tolerance).toEqual({ absolute: 0.05 });
    await expect.poll(issuesShown).toEqual([]);
    // The measure makes the kind: a timing switched to a window mean becomes a size, with its tolerance, value and window.
    await reveal('.editor-form [data-path="/comparisons/0/measure"]');
    await page.selectOption('.editor-form [data-path="/comparisons/0/measure"]', 'window-mean');
    const switched = ((await editorData(page)) as Scenario).comparisons![0];
    expect(switched).toMatchObject({ kind: 'size', measure: 'window-mean', observed: 1, tolerance: { absolute: 0.1 }, window: { from: cobalt.monthZero, to: cobalt.monthZero }, threshold: 0.5 });
    expect(Object.keys(switched).slice(0, 4)).toEqual(Object.keys(cobalt.comparisons![0]).slice(0, 4));
    await expect.poll(issuesShown).toEqual([]);
    expect(await page.isDisabled('#run-button')).toBe(false);
    await page.locator('.editor-form details[data-path="/comparisons/0"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}editor-replay.png` });
  });

  it('adds an optimisation and replay data to a scenario without them: valid to start with, or what is missing named beside its field', async () => {
    await page.goto('about:blank');
    await page.goto(`${app.url}#scenario=lithium&trials=10`);
    await runEnds(page);
    expect(await page.$('.editor-form details[data-section="replay"]')).toBeNull();
    await openSection(page, 'optimise');
    await page.click('.editor-form [data-focus="add:/optimise"]');
    const optimise = ((await editorData(page)) as Scenario).optimise!;
    expect(optimise.variables.map((v) => v.sets)).toEqual(['/0/stockpile/months']);
    expect(await focused()).toBe('/optimise/target/statistic');
    // the size's field says it is set by the size
    expect(await page.getAttribute('.editor-form [data-path="/optimise/variables/0/levers/0/stockpile/months"]', 'placeholder')).toBe('the size');
    await expect.poll(issuesShown).toEqual([]);
    expect(await page.isDisabled('#run-button')).toBe(false);
    // replay data: the section appears, open, the focus in the new series; what it still needs is said beside its fields
    await page.click('.editor-form [data-focus="add:/observed"]');
    expect(await page.evaluate(() => (document.querySelector('details[data-section="replay"]') as HTMLDetailsElement | null)?.open)).toBe(true);
    expect(await focused()).toMatch(/^\/observed\/0\//);
    await expect.poll(() => beside('/observed/0/what')).toContain('must be a non-empty text');
    expect(await issuesShown()).toHaveLength(1);
    await fillPath(page, '/observed/0/what', 'Chile lithium exports');
    await expect.poll(issuesShown).toEqual([]);
    await page.click('.editor-form [data-focus="add:/comparisons"]');
    expect(((await editorData(page)) as Scenario).comparisons![0]).toMatchObject({ observedSeries: 'new-series', kind: 'timing', observed: '2026-04' });
    await expect.poll(() => beside('/comparisons/0/derivation')).toContain('must be a non-empty text');
    expect(await issuesShown()).toHaveLength(1);
    // removing them all leaves the section where the user is working, the focus on its Add button
    await page.click('.editor-form [data-focus="remove:/comparisons/0"]');
    await page.click('.editor-form [data-focus="remove:/observed/0"]');
    expect(await focused()).toBe('add:/observed');
    const data = (await editorData(page)) as Scenario;
    expect('observed' in data || 'comparisons' in data).toBe(false);
  });

  it('switches a disruption to another occurrence rule in place, keeping the focus on the switch', async () => {
    await page.goto(`${app.url}#scenario=gallium&trials=10`);
    await runEnds(page);
    await openAll();
    const rule = '.editor-form [data-path="/disruptions/0/occurrence"]';
    await page.focus(rule);
    await page.selectOption(rule, 'probabilityPerYear');
    await expect.poll(async () => ((await editorData(page)) as Scenario).disruptions![0].probabilityPerYear).toBe(0.1);
    const d0 = ((await editorData(page)) as Scenario).disruptions![0];
    expect(d0.start).toBeUndefined();
    expect(Object.keys(d0).indexOf('probabilityPerYear')).toBe(Object.keys(gallium.disruptions![0]).indexOf('start'));
    expect(await focused()).toBe('/disruptions/0/occurrence');
    await fillPath(page, '/disruptions/0/probabilityPerYear', '0.25');
    await page.selectOption(rule, 'correlatedWith');
    await page.selectOption('.editor-form [data-path="/disruptions/0/correlatedWith/id"]', 'cn-licence-delays');
    await fillPath(page, '/disruptions/0/correlatedWith/probability', '0.4');
    expect(((await editorData(page)) as Scenario).disruptions![0].correlatedWith).toEqual({ id: 'cn-licence-delays', probability: 0.4 });
    await expect.poll(() => page.isDisabled('#run-button')).toBe(false);
  });

  it('adds a correlated follow-on that starts with its disruption, and it runs', async () => {
    const before = ((await editorData(page)) as Scenario).disruptions!.length;
    await page.click('.editor-form [data-focus="add:/disruptions/1/follow-on"]');
    const after = ((await editorData(page)) as Scenario).disruptions!;
    expect(after).toHaveLength(before + 1);
    expect(after[before]).toMatchObject({ id: `${gallium.disruptions![1].id}-follow-on`, correlatedWith: { id: gallium.disruptions![1].id, probability: 0.5 }, target: gallium.disruptions![1].target });
    // the focus is in the new disruption's card
    expect(await focused()).toMatch(new RegExp(`^/disruptions/${before}/`));
    await expect.poll(() => page.isDisabled('#run-button')).toBe(false);
    await page.click('#run-button');
    await runEnds(page);
    expect((await shownResult(page)).scenario.disruptions).toHaveLength(before + 1);
  });

  it('removes an item, and the focus goes to the list\'s Add button', async () => {
    const count = ((await editorData(page)) as Scenario).disruptions!.length;
    await page.click(`.editor-form [data-focus="remove:/disruptions/${count - 1}"]`);
    expect(((await editorData(page)) as Scenario).disruptions).toHaveLength(count - 1);
    expect(await focused()).toBe('add:/disruptions');
  });

  it('makes a mine an exploration project with a success probability and a lead time', async () => {
    await openAll();
    await page.focus('.editor-form [data-path="/nodes/1/stage"]');
    await page.selectOption('.editor-form [data-path="/nodes/1/stage"]', 'exploration');
    expect(await focused()).toBe('/nodes/1/stage');
    // an exploration project needs its lead time: said on the node's card
    await expect.poll(() => page.textContent('.editor-form details[data-path="/nodes/1"] > .field-error')).toContain('leadTimeMonths');
    await fillPath(page, '/nodes/1/successProbability', '0.6');
    await page.selectOption('.editor-form [data-focus="kind:/nodes/1/leadTimeMonths"]', 'triangular');
    await fillPath(page, '/nodes/1/leadTimeMonths/triangular/0', '12');
    await fillPath(page, '/nodes/1/leadTimeMonths/triangular/1', '18');
    await fillPath(page, '/nodes/1/leadTimeMonths/triangular/2', '30');
    await fillPath(page, '/nodes/1/rampMonths', '6');
    const node = ((await editorData(page)) as Scenario).nodes[1];
    expect(node).toMatchObject({ stage: 'exploration', successProbability: 0.6, leadTimeMonths: { triangular: [12, 18, 30] }, rampMonths: 6 });
    await expect.poll(() => page.textContent('.editor-form details[data-path="/nodes/1"] > .field-error')).toBe('');
    await expect.poll(() => page.isDisabled('#run-button')).toBe(false);
  });

  it('builds a strategy with a lever of every kind that validates and runs', async () => {
    await page.click('.editor-form [data-focus="add:/strategies"]');
    const index = ((await editorData(page)) as Scenario).strategies!.length - 1;
    const levers = `/strategies/${index}/levers`;
    for (const kind of ['stockpile', 'diversify', 'flexibility', 'recycling', 'substitution', 'newCapacity']) {
      await page.selectOption(`.editor-form [data-focus="kind:${levers}"]`, kind);
      await page.click(`.editor-form [data-focus="add:${levers}"]`);
    }
    const strategy = ((await editorData(page)) as Scenario).strategies![index];
    expect(strategy.levers.map((l) => Object.keys(l)[0])).toEqual(['stockpile', 'diversify', 'flexibility', 'recycling', 'substitution', 'newCapacity']);
    // every parameter has its control: a stockpile sized in units instead of months, a diversification away from a country
    await page.selectOption(`.editor-form [data-path="${levers}/0/stockpile/months|units"]`, 'units');
    await fillPath(page, `${levers}/0/stockpile/units`, '40');
    await fillPath(page, `${levers}/0/stockpile/refillPerMonth`, '2');
    await page.selectOption(`.editor-form [data-path="${levers}/1/diversify/fromCountry|fromNode"]`, 'fromCountry');
    await fillPath(page, `${levers}/1/diversify/fromCountry`, 'CN');
    await fillPath(page, `${levers}/1/diversify/qualificationMonths`, '6');
    await fillPath(page, `${levers}/5/newCapacity/nodes/0/capacity`, '12');
    await fillPath(page, `/strategies/${index}/cost/capex`, '5000000');
    const edited = ((await editorData(page)) as Scenario).strategies![index];
    expect(edited.levers[0]).toEqual({ stockpile: { stage: 'manufacturing', units: 40, refillPerMonth: 2 } });
    expect(edited.levers[1]).toMatchObject({ diversify: { fromCountry: 'CN', qualificationMonths: 6 } });
    expect(edited.cost).toEqual({ capex: 5_000_000 });
    await expect.poll(issuesShown).toEqual([]);
    await page.click('#run-button');
    await runEnds(page);
    expect((await shownResult(page)).result.strategies.map((s) => s.id)).toContain(edited.id);
    await page.locator(`details[data-path="/strategies/${index}"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}editor-new-strategy.png` });
  });

  it('shows an issue about a new field beside it, and takes a bulk edit in the JSON view', async () => {
    await fillPath(page, '/disruptions/0/correlatedWith/probability', '2');
    const error = page.locator('.editor-form [data-path="/disruptions/0/correlatedWith/probability"]').locator('xpath=ancestor::label[1]/span[contains(@class, "field-error")]');
    await expect.poll(() => error.textContent()).toContain('2');
    expect(await page.isDisabled('#run-button')).toBe(true);
    await page.locator('.editor-form [data-path="/disruptions/0/correlatedWith/probability"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}editor-issue-beside-field.png` });
    // Bulk: every disruption twice as long, pasted as JSON; the form follows.
    const data = (await editorData(page)) as Scenario;
    data.disruptions![0].correlatedWith!.probability = 0.4;
    data.routes = [...(data.routes ?? []), { id: 'malacca', name: 'Strait of Malacca' }];
    await pasteJson(page, JSON.stringify(data, null, 2));
    await expect.poll(() => page.inputValue('.editor-form [data-path="/routes/1/id"]').catch(() => '')).toBe('malacca');
    await expect.poll(issuesShown).toEqual([]);
    expect(await page.isDisabled('#run-button')).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
