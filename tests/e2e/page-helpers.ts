/** Steps the end-to-end tests share: waiting for a run, reading what the page shows, typing into the editor. */
import type { Page } from 'playwright-core';
import type { RunResult } from '../../src/engine/result.ts';
import type { Scenario } from '../../src/model/schema.ts';

/** Generous: a busy two-core CI machine runs the workers several times slower than an idle one. */
export const RUN_TIMEOUT = 120_000;

/** Waits for a condition in the page; on a timeout, says what the page showed instead. */
export async function until<A>(page: Page, condition: (arg: A) => boolean, timeout: number, arg?: A): Promise<void> {
  try {
    // The condition runs in the page, which gets `arg` serialised; playwright's types cannot follow a generic through that.
    await page.waitForFunction(condition as (a: unknown) => boolean, arg, { timeout });
  } catch (error) {
    const state = await page.evaluate(() => ({
      runState: document.body.dataset.runState,
      progress: document.querySelector('.progress-label')?.textContent,
      banner: document.querySelector('.status-banner')?.textContent,
      hash: location.hash.slice(0, 80),
      workers: window.__test?.poolSize(),
    }));
    throw new Error(`${(error as Error).message.split('\n')[0]}; the page showed ${JSON.stringify(state)}`, { cause: error });
  }
}

/** Waits until the run in the page has ended in one of the states; returns the state. */
export async function runEnds(page: Page, states: string[] = ['complete'], timeout = RUN_TIMEOUT): Promise<string> {
  await until(page, (wanted: string[]) => wanted.includes(document.body.dataset.runState ?? ''), timeout, states);
  return page.evaluate(() => document.body.dataset.runState ?? '');
}

/** The page's last result and the scenario it came from (NaN as null). */
export async function shownResult(page: Page): Promise<{ json: string; result: RunResult; scenario: Scenario }> {
  return page.evaluate(() => ({ json: JSON.stringify(window.__lastResult), result: window.__lastResult!, scenario: window.__lastScenario! }));
}

/** Opens a section of the editor form by its data-section. */
export async function openSection(page: Page, section: string): Promise<void> {
  await page.evaluate((s) => {
    const details = document.querySelector<HTMLDetailsElement>(`details[data-section="${s}"]`);
    if (details) details.open = true;
  }, section);
}

/** Types into the form control for a JSON pointer, opening the sections and cards around it as a user would. */
export async function fillPath(page: Page, path: string, value: string): Promise<void> {
  const control = page.locator(`.editor-form [data-path="${path}"]`);
  await control.evaluate((e) => {
    for (let d = e.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  });
  await control.fill(value);
}

/** Replaces the JSON view's text the way a paste does (one input event). */
export async function pasteJson(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const area = document.querySelector<HTMLTextAreaElement>('.json-text')!;
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** The editor's scenario as data. */
export async function editorData(page: Page): Promise<unknown> {
  return JSON.parse(await page.inputValue('.json-text'));
}
