/** Browser path for issue 5: a department opens 项目申报 and 我的项目; the authority opens 规划与年度计划. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { browserHarness, RESULTS } from './harness.ts';
import { httpLogin } from './http-session.ts';

const ui = browserHarness();

test('a department user opens the application form and the project list', async () => {
  const page = await ui.signIn('dt.staff');
  await page.goto(`${ui.url}/projects/new`);
  await page.getByText('项目类型（DT-03a）').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'projects-new.png'), fullPage: true });
  await page.goto(`${ui.url}/projects/list`);
  await page.getByText('我的项目').first().waitFor();
  const text = (await page.locator('body').textContent()) ?? '';
  assert.doesNotMatch(text, /页面不存在|无权访问/);
});

test('the authority opens the plans page of its jurisdiction', async () => {
  const page = await ui.signIn('dt.reviewer');
  await page.goto(`${ui.url}/projects/plans`);
  await page.locator('th', { hasText: '条目' }).first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'projects-plans.png'), fullPage: true });
  const text = (await page.locator('body').textContent()) ?? '';
  assert.doesNotMatch(text, /页面不存在|无权访问/);
});

test('the plans and the expert library page and filter on the server (filters and page in the URL)', async () => {
  const compiler = await httpLogin(ui.url, 'dt.reviewer');
  for (const [i, kind] of ['annual', 'overall', 'annual'].entries()) {
    const created = await compiler.request('POST', '/api/plans', {
      kind,
      title: `浏览器分页规划${i}`,
      year: 2030 + i,
      summary: '',
    });
    assert.equal(created.status, 201);
  }
  const page = await ui.signIn('dt.reviewer');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await page.goto(`${ui.url}/projects/plans?q=${encodeURIComponent('浏览器分页规划')}&kind=annual`);
  await page.locator('tr', { hasText: '浏览器分页规划2' }).waitFor({ timeout: 30_000 });
  await page.getByText('共 2 条').waitFor();
  for (const text of await rows.allTextContents()) assert.match(text, /年度计划/);
  assert.match((await rows.first().textContent()) ?? '', /浏览器分页规划2/, 'newest year first');

  await page.goto(`${ui.url}/projects/experts`);
  await page.getByText('专家库（DT-09d）').waitFor({ timeout: 30_000 });
  const api = await page.evaluate(async () => {
    const res = await fetch('/api/experts?limit=10', { credentials: 'same-origin' });
    return (await res.json()) as { total: number };
  });
  if (api.total > 0) await page.getByText(`共 ${api.total} 条`).first().waitFor({ timeout: 30_000 });
  const text = (await page.locator('body').textContent()) ?? '';
  assert.doesNotMatch(text, /页面不存在|无权访问|请求失败/);
  await page.screenshot({ path: path.join(RESULTS, 'projects-experts-paged.png'), fullPage: true });
  await page.close();
});

test('XZ-06 the 市政务信息管理局 opens a plan at its step of the chain: steps, the 局党组 decision, and 不予通过', async () => {
  const compiler = await httpLogin(ui.url, 'xz.reviewer');
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
  const party = await httpLogin(ui.url, 'xz.party');
  const consent = await party.request('POST', `/api/plans/${planId}/decision`, {
    decision: 'approve',
    opinion: '局党组会议同意',
  });
  assert.equal(consent.status, 200);

  const page = await ui.signIn('xz.cityreviewer');
  await page.goto(`${ui.url}/projects/plans/${planId}`);
  await page.getByText('报批（备案）环节').first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '不予通过' }).waitFor();
  const text = (await page.locator('body').textContent()) ?? '';
  assert.match(text, /局党组同意/);
  assert.match(text, /局党组会议同意/);
  assert.match(text, /市政务信息管理局审查备案/);
  await page.screenshot({ path: path.join(RESULTS, 'projects-plan-chain.png'), fullPage: true });
});
