/**
 * Browser test of the 运行与安全 pages: a department records the 等保 grading of one of its systems in
 * 系统安全档案; the authority sees the owed 测评 overdue on 安全概览.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { browserHarness, RESULTS } from './harness.ts';

const ui = browserHarness();

test('DT-35 a department records the 等保 grading; the authority sees the owed 测评 overdue on the overview', async () => {
  const page = await ui.signIn('dt.staff');
  await page.goto(`${ui.url}/operations/systems`);
  await page.getByText('系统安全档案').first().waitFor({ timeout: 30_000 });
  const first = page.locator('.ant-table-row button').first();
  await first.waitFor({ timeout: 30_000 });
  const systemName = ((await first.textContent()) ?? '').replace(/（.*$/, '');
  await first.click();
  await page.getByRole('button', { name: '等保定级备案' }).click();
  const dialog = page.locator('.ant-modal');
  await dialog.locator('#level').fill('3');
  await dialog.locator('#filingNumber').fill('14020099-00001');
  await dialog.locator('#filingDate').fill('2024-01-10');
  await dialog.locator('#filingDate').press('Enter');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page
    .locator('.ant-drawer')
    .getByText('第3级（14020099-00001，2024-01-10）')
    .waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'operations-system.png'), fullPage: true });

  const authority = await ui.signIn('dt.reviewer');
  await authority.goto(`${ui.url}/operations/overview`);
  await authority.getByText('到期与逾期的测评').waitFor({ timeout: 30_000 });
  const row = authority.locator('.ant-table-row', { hasText: systemName }).first();
  await row.waitFor({ timeout: 30_000 });
  const text = (await row.textContent()) ?? '';
  assert.match(text, /已逾期/);
  assert.match(text, /2025-01-10/);
  await authority.screenshot({ path: path.join(RESULTS, 'operations-overview.png'), fullPage: true });
});
