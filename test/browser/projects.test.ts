/** Browser path for issue 5: a department opens 项目申报 and 我的项目; the authority opens 规划与年度计划. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { type ServerProcess, startServer } from '../server-process.ts';
import { launch, RESULTS } from './chromium.ts';
import { httpLogin } from './http-session.ts';

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

test('XZ-06 the 市政务信息管理局 opens a plan at its step of the chain: steps, the 局党组 decision, and 不予通过', async () => {
  const compiler = await httpLogin(server.url, 'xz.reviewer');
  const created = await compiler.request('POST', '/api/plans', {
    kind: 'annual',
    title: '交通运输信息化年度计划（浏览器）',
    year: 2026,
    summary: '',
  });
  assert.equal(created.status, 201);
  const planId = (created.json() as { id: string }).id;
  const orgs = (await compiler.request('GET', '/api/organisations')).json() as {
    items: { id: string; name: string }[];
  };
  const unit = orgs.items.find((o) => o.name === '忻州市公路事业发展中心');
  assert.ok(unit);
  const entry = await compiler.request('POST', `/api/plans/${planId}/entries`, {
    organisationId: unit.id,
    projectName: '公路桥梁健康监测',
    estimatedBudget: '600000',
    year: 2026,
    summary: '',
  });
  assert.equal(entry.status, 201);
  assert.equal((await compiler.request('POST', `/api/plans/${planId}/submit`)).status, 200);
  const party = await httpLogin(server.url, 'xz.party');
  const consent = await party.request('POST', `/api/plans/${planId}/decision`, {
    decision: 'approve',
    opinion: '局党组会议同意',
  });
  assert.equal(consent.status, 200);

  const page = await signIn('xz.cityreviewer');
  await page.goto(`${server.url}/projects/plans/${planId}`);
  await page.getByText('报批（备案）环节').first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '不予通过' }).waitFor();
  const text = (await page.locator('body').textContent()) ?? '';
  assert.match(text, /局党组同意/);
  assert.match(text, /局党组会议同意/);
  assert.match(text, /市政务信息管理局审查备案/);
  await page.screenshot({ path: path.join(RESULTS, 'projects-plan-chain.png'), fullPage: true });
});
