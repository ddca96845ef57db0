/**
 * What every browser test file starts with: one server process on a fresh data folder and one
 * Chromium (test/browser/chromium.ts) for the whole file, and signing in as a demo account.
 */
import { after, before } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { type ServerProcess, startServer } from '../server-process.ts';
import { launch } from './chromium.ts';

export { RESULTS } from './chromium.ts';

export interface BrowserHarness {
  readonly url: string;
  readonly context: BrowserContext;
  /** A new page signed in as `username` (demo password), on the landing page. */
  signIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
}

export interface HarnessOptions {
  /** Environment of the server process (e.g. MFA_REQUIRED). */
  env?: Record<string, string>;
  /** The viewport signIn sets when none is given (Chromium's default otherwise). */
  viewport?: { width: number; height: number };
  /**
   * Fixtures to create once the server is up (e.g. a submitted project). Use this, not a second
   * top-level `before`: Node 20 runs a file's top-level `before` hooks concurrently.
   */
  ready?: (url: string) => Promise<void>;
}

export function browserHarness(options: HarnessOptions = {}): BrowserHarness {
  let server: ServerProcess | undefined;
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  before(async () => {
    server = await startServer(options.env);
    browser = await launch();
    await options.ready?.(server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !browser) throw new Error('the browser harness has not started (used outside a test?)');
    return { server, browser };
  };
  return {
    get url() {
      return started().server.url;
    },
    get context() {
      return started().browser.context;
    },
    async signIn(username, viewport = options.viewport) {
      const { server, browser } = started();
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`${server.url}/login`);
      await page.locator('#username').fill(username);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
      return page;
    },
  };
}
