/** Browser test of the 查重 panel on the application form: live, debounced, shared phrases marked. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { browserHarness, RESULTS } from './harness.ts';

const ui = browserHarness();

test('DT-01 the application form checks the proposal while it is typed and marks the shared phrases of the existing system', async () => {
  const page = await ui.signIn('dt.staff');
  await page.goto(`${ui.url}/projects/new`);
  await page.locator('#name').waitFor({ timeout: 30_000 });
  await page.locator('#name').fill('医院门诊预约挂号平台');
  await page.locator('#summary').fill('为全市各医疗机构提供统一的门诊预约挂号、号源管理和候诊排队服务');
  const first = page.locator('.dedup-panel .dedup-hit').first();
  await first.waitFor({ timeout: 30_000 });
  const text = (await first.textContent()) ?? '';
  assert.match(text, /大同市预约挂号服务平台/);
  const levels = await page
    .locator('.dedup-panel .dedup-hit [data-level]')
    .first()
    .getAttribute('data-level');
  assert.ok(levels === 'high' || levels === 'partial', String(levels));
  // Shared phrases are marked in both texts: the proposal (本次内容) and the existing system.
  const marks = await first.locator('mark.dedup-mark').allTextContents();
  assert.ok(marks.filter((m) => m.includes('预约')).length >= 2, marks.join('|'));
  await page.screenshot({ path: path.join(RESULTS, 'dedup-panel.png'), fullPage: true });

  // Typing something unrelated replaces the result (no stale hit stays).
  await page.locator('#name').fill('森林防火监测预警');
  await page.locator('#summary').fill('高点视频和热成像识别林区烟火并报警');
  await page.waitForFunction(
    () => !document.querySelector('.dedup-panel')?.textContent?.includes('大同市预约挂号服务平台'),
    undefined,
    { timeout: 30_000 },
  );
});

test('SC-12 the authority keeps the 负面清单 and a planned proposal that hits an entry cites it', async () => {
  const page = await ui.signIn('dt.reviewer');
  await page.goto(`${ui.url}/dedup/negative`);
  await page.getByRole('button', { name: /新增条目/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#code').fill('FM-B1');
  await dialog.locator('#name').fill('部门自建机房');
  await dialog.locator('#phrases').fill('机房');
  await dialog.locator('#phrases').press('Enter');
  await dialog.locator('#basis').fill('大同市政务信息化项目管理办法');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page
    .locator('.ant-table-row', { hasText: 'FM-B1' })
    .waitFor({ timeout: 30_000 })
    .catch(async (e) => {
      await page.screenshot({ path: path.join(RESULTS, 'dedup-negative-list-failed.png'), fullPage: true });
      throw e;
    });

  const staff = await ui.signIn('dt.staff');
  await staff.goto(`${ui.url}/dedup/check`);
  await staff.locator('#name').fill('教育数据机房改造');
  await staff.locator('#summary').fill('新建本局机房并采购存储设备');
  const hit = staff.locator('.dedup-panel .dedup-hit[data-kind="negative"]').first();
  await hit.waitFor({ timeout: 30_000 });
  const text = (await hit.textContent()) ?? '';
  assert.match(text, /部门自建机房/);
  assert.match(text, /负面清单 FM-B1 · 依据：大同市政务信息化项目管理办法/);
  await staff.screenshot({ path: path.join(RESULTS, 'dedup-negative-list.png'), fullPage: true });
});
