/**
 * Browser test of the SC-27 daily monitoring page: the SC authority opens 政务信息资源日常监测, picks
 * today, sees a running system without today's entry and records it; the row leaves the list.
 */
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
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

async function signIn(username: string): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
  return page;
}

test('SC-27 the SC authority records a day’s monitoring of a running system on 政务信息资源日常监测', async () => {
  const page = await signIn('sc.reviewer');
  await page.goto(`${server.url}/operations/monitoring`);
  await page.getByText('尚无监测记录的运行系统').first().waitFor({ timeout: 30_000 });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const picker = page.locator('.ant-card-extra .ant-picker input');
  await picker.fill(today);
  await picker.press('Enter');
  await page.getByText(`${today} 尚无监测记录的运行系统`).waitFor({ timeout: 30_000 });
  const rows = page.locator('.ant-table-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const before = await rows.count();
  await page.screenshot({ path: path.join(RESULTS, 'operations-monitoring.png'), fullPage: true });
  await rows.first().getByRole('button', { name: '登记监测' }).click();
  const dialog = page.locator('.ant-modal');
  await dialog.locator('#status').click();
  await page.locator('.ant-select-item-option', { hasText: '正常' }).click();
  await dialog.locator('#handler').fill('罗明');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await page.waitForFunction((n) => document.querySelectorAll('.ant-table-row').length === n - 1, before, {
    timeout: 30_000,
  });
  await page.screenshot({ path: path.join(RESULTS, 'operations-monitoring-recorded.png'), fullPage: true });
});
