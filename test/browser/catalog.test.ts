/** Browser test of the catalog pages: the authority's 只减不增 chart and a department's 一数一源 notice. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { browserHarness, RESULTS } from './harness.ts';

const ui = browserHarness();

test('DT-01 the authority sees the 只减不增 chart with the seeded increase flagged and explained', async () => {
  const page = await ui.signIn('dt.reviewer');
  await page.goto(`${ui.url}/catalog/system-count`);
  await page.getByText('总量增加的月份').waitFor({ timeout: 30_000 });
  await page.locator('canvas').first().waitFor();
  const text = (await page.locator('body').textContent()) ?? '';
  assert.match(text, /违反“只减不增”/);
  assert.match(text, /\+1 增加/);
  assert.match(text, /报废 “大同市旧版预约挂号系统”/);
  await page.screenshot({ path: path.join(RESULTS, 'catalog-system-count.png'), fullPage: true });
});

test('SC-26 a department sees the 一数一源 notice with the proposed single source', async () => {
  const page = await ui.signIn('sc.staff2');
  await page.goto(`${ui.url}/catalog/resources`);
  await page.getByText('建议数源').first().waitFor({ timeout: 30_000 });
  const text = (await page.locator('body').textContent()) ?? '';
  assert.match(text, /一数一源提示（SC-26）：1 个信息项/);
  assert.match(text, /建议数源：朔城区教育科技局/);
  await page.screenshot({ path: path.join(RESULTS, 'catalog-resources-sc.png'), fullPage: true });
});
