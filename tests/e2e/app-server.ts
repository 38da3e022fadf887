/** The app under test: a Vite dev server on a free port and a headless Debian Chromium, started together and closed together. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

/** The project's root, where Vite serves index.html from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the tests save their screenshots (git-ignored). */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Where CI's Debian chromium lives; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Headless without a sandbox (containers have none), and none of the background traffic a first run starts.
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface AppUnderTest {
  /** the app's address, ending in "/" */
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the dev server and the browser. */
export async function startApp(): Promise<AppUnderTest> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server: ViteDevServer = await createServer({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'warn',
    clearScreen: false,
    // port 0: the system picks a free port, so parallel test runs never collide
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite dev server did not report its address');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A page of the app in a fresh browser context (1440 x 1000 unless `options` say otherwise), its uncaught errors pushed to `errors`. */
export async function openPage(app: AppUnderTest, errors: string[], options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page };
}
