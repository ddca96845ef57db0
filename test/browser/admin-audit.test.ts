/**
 * Issue 17 items 8 and 9 in the browser: the system administrator resets a user's password from
 * 用户管理 (the user must change it at the next login); the audit administrator reads the log in
 * Chinese — event names, people's names instead of ids, a search by a Chinese name that finds the
 * events, and the chain-verify button that reports the result.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { browserHarness, RESULTS } from './harness.ts';

const ui = browserHarness({ viewport: { width: 1440, height: 900 } });
const TEMPORARY = 'Temporary#Reset-2026-ux';

test('the system administrator resets a password; the user must change it at the next login', async () => {
  const page = await ui.signIn('demo.sysadmin');
  await page.goto(`${ui.url}/admin/users`);
  await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).fill('dt.gov');
  await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).press('Enter');
  const row = page.locator('tr', { hasText: 'dt.gov' });
  await row.waitFor({ timeout: 30_000 });
  await row.getByRole('button', { name: '重置密码' }).click();
  const dialog = page.locator('.ant-modal', { hasText: '临时密码' });
  await dialog.waitFor();
  assert.match((await dialog.textContent()) ?? '', /会话立即失效/, 'the consequence is stated');
  await dialog.getByLabel('临时密码').fill(TEMPORARY);
  await dialog.getByLabel('再次输入').fill(`${TEMPORARY}x`);
  await dialog.getByRole('button', { name: '确认重置' }).click();
  await dialog.getByText('两次输入的密码不一致').waitFor();
  await dialog.getByLabel('再次输入').fill(TEMPORARY);
  await page.screenshot({ path: path.join(RESULTS, 'admin-password-reset.png') });
  await dialog.getByRole('button', { name: '确认重置' }).click();
  await page.getByText(/已重置 .* 的密码/).waitFor({ timeout: 30_000 });
  // An administrator's account offers no reset (三员分立).
  await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).fill('demo.secadmin');
  await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).press('Enter');
  const admin = page.locator('tr', { hasText: 'demo.secadmin' });
  await admin.waitFor();
  assert.equal(await admin.getByRole('button', { name: '重置密码' }).count(), 0);
  await page.close();

  const old = await fetch(`${ui.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'dt.gov', password: DEMO_PASSWORD }),
  });
  assert.equal(old.status, 401, 'the old password no longer works');
  const fresh = await fetch(`${ui.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'dt.gov', password: TEMPORARY }),
  });
  assert.equal(fresh.status, 200);
  assert.equal(
    ((await fresh.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword,
    true,
  );
});

test('the audit log reads in Chinese, finds a person by Chinese name, and verifies its chain', async () => {
  const page = await ui.signIn('demo.auditadmin');
  await page.goto(`${ui.url}/audit`);
  const table = page.locator('.ant-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 30_000 });
  const first = (await table.textContent()) ?? '';
  assert.match(first, /登录/, 'event names in Chinese');
  assert.doesNotMatch(first, /user #|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/, 'no raw ids in the visible text');

  await page.getByPlaceholder('姓名或用户名').fill('系统管理员');
  await page.getByRole('button', { name: /查\s?询/ }).click();
  const reset = table.locator('tr', { hasText: '重置密码' });
  await reset.first().waitFor({ timeout: 30_000 });
  const text = (await reset.first().textContent()) ?? '';
  assert.match(text, /系统管理员（演示）/, 'the actor’s name');
  assert.match(text, /用户：周斌（市政府）/, 'the object’s name, not its id');
  const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
  assert.ok(rows.length > 0 && rows.every((r) => r.includes('demo.sysadmin')), 'only that person’s events');
  await page.screenshot({ path: path.join(RESULTS, 'audit-log.png'), fullPage: true });

  await page.getByRole('button', { name: '校验日志完整性' }).click();
  const result = page.locator('.ant-modal-confirm');
  await result.waitFor({ timeout: 30_000 });
  assert.match((await result.textContent()) ?? '', /未发现篡改、删除或插入/);
  await page.screenshot({ path: path.join(RESULTS, 'audit-verify.png') });
  await page.close();
});

test("the administrators' lists page, filter and sort on the server (filters and sort in the URL)", async () => {
  const page = await ui.signIn('demo.sysadmin');
  await page.goto(`${ui.url}/admin/users?q=demo.`);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await page.locator('tr', { hasText: 'demo.auditadmin' }).waitFor({ timeout: 30_000 });
  const header = page.locator('th', { hasText: '用户名' });
  await header.click();
  await page.waitForURL(/sort=username/);
  await header.click();
  await page.waitForURL(/sort=-username/);
  await page.waitForFunction(
    () => document.querySelector('.ant-table-tbody tr.ant-table-row')?.textContent?.includes('demo.sysadmin'),
    undefined,
    { timeout: 30_000 },
  );
  assert.match((await rows.last().textContent()) ?? '', /demo\.auditadmin/, 'descending by user name');
  await page.getByText(/共 \d+ 个账号/).waitFor();

  await page.goto(`${ui.url}/admin/organisations?kind=finance&pageSize=10`);
  await rows.first().waitFor({ timeout: 30_000 });
  const total = Number(
    /共 (\d+) 个单位/.exec((await page.getByText(/共 \d+ 个单位/).textContent()) ?? '')?.[1],
  );
  const api = await page.evaluate(async () => {
    const res = await fetch('/api/organisations?kind=finance&limit=10', { credentials: 'same-origin' });
    return (await res.json()) as { total: number };
  });
  assert.equal(total, api.total, 'the count is the server total');
  for (const text of await rows.allTextContents()) assert.match(text, /财政部门/);
  await page.locator('th', { hasText: '单位名称' }).click();
  await page.waitForURL(/sort=name/);
  await page.screenshot({ path: path.join(RESULTS, 'admin-organisations-paged.png') });
  await page.close();
});
