/**
 * Browser test of the 年度考核 pages (issue 14): the authority opens a year from the rounds page and
 * lands on the round page with its tabs (自评价与评分, 应用效能评估, 整改, 结果与报告); the public
 * results page opens without an account.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { browserHarness, RESULTS } from './harness.ts';

const ui = browserHarness();

test('DT-27 the authority opens a year of evaluation from the rounds page; the public results page needs no account', async () => {
  const page = await ui.signIn('dt.reviewer');
  await page.goto(`${ui.url}/evaluation/rounds`);
  await page.getByRole('button', { name: '开启年度考核' }).click();
  const dialog = page.locator('.ant-modal');
  const year = new Date().getFullYear() - 1;
  await dialog.locator('#year').fill(String(year));
  await dialog.locator('#dueDate').fill(`${year + 2}-03-31`);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText(`${year} 年度考核`).first().waitFor({ timeout: 30_000 });
  for (const tab of ['自评价与评分', '应用效能评估', '整改', '结果与报告'])
    assert.ok(await page.getByRole('tab', { name: tab }).isVisible(), tab);
  await page.screenshot({ path: path.join(RESULTS, 'evaluation-round.png'), fullPage: true });
  await page.getByRole('tab', { name: '结果与报告' }).click();
  await page.getByRole('button', { name: '生成汇编与汇总表' }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'evaluation-results.png'), fullPage: true });

  await ui.context.clearCookies();
  const visitor = await ui.context.newPage();
  await visitor.setViewportSize({ width: 390, height: 844 });
  await visitor.goto(`${ui.url}/public/evaluation`);
  await visitor.getByText('政务信息化项目年度考核结果公示').waitFor({ timeout: 30_000 });
  await visitor.screenshot({ path: path.join(RESULTS, 'evaluation-public.png'), fullPage: true });
});
