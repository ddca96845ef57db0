/** Issue 17 item 8: the system administrator creates, edits and disables an account in the UI. */
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

test('the system administrator creates, renames and disables a user', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${server.url}/login`);
  await page.locator('#username').fill('demo.sysadmin');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
  await page.goto(`${server.url}/admin/users`);
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.locator('.ant-modal', { hasText: '初始密码' });
  await dialog.waitFor();
  await dialog.getByLabel('用户名').fill('ux.newuser');
  await dialog.getByLabel('姓名').fill('孙新');
  await dialog.getByLabel('初始密码').fill('Ux#Created-2026-abc');
  await dialog.getByRole('button', { name: /创\s?建/ }).click();
  const row = page.locator('tr', { hasText: 'ux.newuser' });
  await row.waitFor({ timeout: 30_000 });

  await row.getByRole('button', { name: /修\s?改/ }).click();
  const edit = page.locator('.ant-modal', { hasText: '修改用户' });
  await edit.getByLabel('姓名').fill('孙新华');
  await edit.getByRole('button', { name: /保\s?存/ }).click();
  await page.locator('tr', { hasText: '孙新华' }).waitFor({ timeout: 30_000 });

  await row.getByRole('button', { name: /停\s?用/ }).click();
  await page.getByRole('button', { name: '确认停用' }).click();
  await row.getByRole('button', { name: /启\s?用/ }).waitFor({ timeout: 30_000 });
  assert.match((await row.textContent()) ?? '', /停用/);
  await page.screenshot({ path: path.join(RESULTS, 'admin-users.png'), fullPage: true });
  await page.close();
});
