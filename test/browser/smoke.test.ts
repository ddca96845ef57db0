/** Browser smoke test: a demo user logs in through the real UI and sees the home page. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
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

test('a demo department user logs in and sees the home page in Chinese', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/login/);
  await page.locator('#username').fill('dt.staff');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
  const text = (await page.locator('body').textContent()) ?? '';
  assert.match(text, /工作台/);
  assert.match(text, /大同市教育局/);
  await page.screenshot({ path: path.join(RESULTS, 'home-dt-staff.png'), fullPage: true });
});

test('the login page lists demo accounts in demo mode', async () => {
  const context = browser.context;
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByText('dt.reviewer').first().waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'login.png'), fullPage: true });
});

test('an unknown page shows the 404 page', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/login`);
  await page.locator('#username').fill('sc.reviewer');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
  await page.goto(`${server.url}/no/such/page`);
  await page.getByText('页面不存在').first().waitFor();
});
