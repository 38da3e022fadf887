/**
 * The app's default run as a user sees it: headless Chromium opens the app as `npm start` serves it (the
 * production build, through `vite preview`), which runs gallium at once; the run time is the one the app
 * reports (from the start of the run to the last chart drawn, body[data-run-seconds]).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../tests/e2e/app-server.ts';

/** Seconds the app reports for its default run: the median of `runs` page loads after one that warms the browser's caches. */
export async function appDefaultRunSeconds(runs = 3): Promise<number> {
  // Built into a directory of its own, so a bench never touches the dist/ a user may be serving.
  const outDir = mkdtempSync(join(tmpdir(), 'bench-app-'));
  try {
    await build({ root: ROOT, configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({ root: ROOT, configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report its address');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const seconds: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForSelector('body[data-run-state="complete"]', { timeout: 180_000 });
        const reported = Number(await page.getAttribute('body', 'data-run-seconds'));
        await page.close();
        if (i > 0) seconds.push(reported);
      }
      seconds.sort((a, b) => a - b);
      return seconds[seconds.length >> 1];
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
