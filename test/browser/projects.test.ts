/** Browser path for issue 5: a department opens 项目申报 and 我的项目; the authority opens 规划与年度计划. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserHarness, RESULTS } from './harness.ts';

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
