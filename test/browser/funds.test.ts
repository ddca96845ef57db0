/** Browser test of the public 公示 page (DT-15, SC-13): no login, a phone-sized screen, no sideways scroll. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { type ServerProcess, startServer } from '../server-process.ts';
import { launch, RESULTS } from './chromium.ts';

let server: ServerProcess;
let browser: { context: BrowserContext; close: () => Promise<void> };

before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('DT-15 the public 公示 page opens without an account on a phone and fits its width', async () => {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${server.url}/public/notices`);
  await page.getByText('政务信息化项目资金拟分配计划公示').waitFor({ timeout: 30_000 });
  await page.getByText('往期公示').waitFor();
  assert.equal(new URL(page.url()).pathname, '/public/notices', 'not sent to the login page');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width}px wide on a 375px screen`);
  await page.getByText('往期公示').click();
  await page.getByText('暂无公示').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'funds-public-notices.png'), fullPage: true });
});
