/**
 * The app's default run as a user sees it: headless Chromium opens the app (the Vite dev server, as
 * `npm start` serves it), which runs gallium at once; the run time is the one the app reports (from the
 * start of the run to the last chart drawn, body[data-run-seconds]).
 */
import { startApp } from '../tests/e2e/app-server.ts';

/** Seconds the app reports for its default run: the median of `runs` page loads after one that warms the dev server's caches. */
export async function appDefaultRunSeconds(runs = 3): Promise<number> {
  const app = await startApp();
  try {
    const seconds: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const page = await app.browser.newPage();
      await page.goto(app.url);
      await page.waitForSelector('body[data-run-state="complete"]', { timeout: 180_000 });
      const reported = Number(await page.getAttribute('body', 'data-run-seconds'));
      await page.close();
      if (i > 0) seconds.push(reported);
    }
    seconds.sort((a, b) => a - b);
    return seconds[seconds.length >> 1];
  } finally {
    await app.close();
  }
}
