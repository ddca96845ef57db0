/** Browser path for issue 5: a department opens 项目申报 and 我的项目; the authority opens 规划与年度计划. */
import assert from 'node:assert/strict';
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

test('a department user opens the application form and the project list', async () => {
  const page = await signIn('dt.staff');
  await page.goto(`${server.url}/projects/new`);
  await page.getByText('项目类型（DT-03a）').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'projects-new.png'), fullPage: true });
  await page.goto(`${server.url}/projects/list`);
  await page.getByText('我的项目').first().waitFor();
  const text = (await page.locator('body').textContent()) ?? '';
  assert.doesNotMatch(text, /页面不存在|无权访问/);
});

test('the authority opens the plans page of its jurisdiction', async () => {
  const page = await signIn('dt.reviewer');
  await page.goto(`${server.url}/projects/plans`);
  await page.locator('th', { hasText: '条目' }).first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'projects-plans.png'), fullPage: true });
  const text = (await page.locator('body').textContent()) ?? '';
  assert.doesNotMatch(text, /页面不存在|无权访问/);
});
