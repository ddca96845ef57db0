/**
 * Issue 17 in the browser: the reviewer's 待办 shows the task with when it arrived and its time limit,
 * and 去办理 opens the five-dimension review page (item 1); 待办 is paged and filtered by the server
 * (项目名称或编号, 事项类型 in the URL, 共 N 条) and the workbench's badges are the server's counts;
 * the 办理 page preselects nothing, asks for a result at the field and confirms with the consequence
 * (item 2); 退回 needs a reason and the applicant then sees it in a banner (item 5); the tab title
 * names the page (item 13); the system administrator manages accounts in the UI (item 8).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserHarness, RESULTS } from './harness.ts';
import { submittedDtProject } from './http-session.ts';

let projectId = '';
const NAME = '工作台浏览器测试项目';
const ui = browserHarness({
  ready: async (url) => {
    projectId = await submittedDtProject(url, NAME);
  },
});

/** The elements that stick out past the viewport's right edge (for the failure message). */
function overflowing(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 8)
      .map((e) => `${e.tagName}.${String(e.className).slice(0, 60)} → ${e.getBoundingClientRect().right}`)
      .join('; '),
  );
}

test('the landing page is the reviewer’s workbench: 待办 with arrival and time limit, 已办, 我发起的', async () => {
  const page = await ui.signIn('dt.reviewer');
  const workbench = page.locator('[data-testid="workbench"]');
  const row = workbench.locator('tr', { hasText: NAME });
  await row.waitFor({ timeout: 30_000 });
  assert.match((await row.textContent()) ?? '', /办法未规定办理时限/);
  assert.equal(await page.title(), '工作台 - 统筹 · 政务信息化项目管理平台');
  await page.screenshot({ path: path.join(RESULTS, 'workbench-home.png'), fullPage: true });
  await workbench.getByRole('tab', { name: '已办' }).click();
  await page.waitForURL('**/?tab=done');
  await workbench.getByText('暂无已办事项').waitFor();
  await page.close();
});

test('every DT business role lands on its own workbench: its 待办 with arrival and time limit, or none', async () => {
  for (const username of [
    'dt.staff',
    'dt.leader',
    'dt.authlead',
    'dt.approver',
    'dt.finance',
    'dt.gov',
    'dt.expert',
  ]) {
    const page = await ui.signIn(username);
    const workbench = page.locator('[data-testid="workbench"]');
    await workbench.getByRole('tab', { name: /待办/ }).waitFor({ timeout: 30_000 });
    await workbench.locator('.ant-table').first().waitFor();
    const text = (await workbench.textContent()) ?? '';
    assert.match(text, /到达时间|暂无待办/, username);
    // The project waits for the authority's review: it is no other role's task.
    assert.ok(!text.includes('去办理') || username === 'dt.authlead', `${username} has no task on it`);
    await page.screenshot({ path: path.join(RESULTS, `workbench-${username.replace('.', '-')}.png`) });
    await page.close();
  }
});

test('the applicant finds the project by a two-character fragment in the header search', async () => {
  const page = await ui.signIn('dt.staff');
  await page.getByRole('searchbox', { name: '全局搜索' }).fill('浏览');
  await page.getByRole('searchbox', { name: '全局搜索' }).press('Enter');
  await page.waitForURL(/\/search\?q=/);
  const results = page.locator('[data-testid="search-results"]');
  await results.getByRole('link', { name: NAME }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'workbench-search.png'), fullPage: true });
  await results.getByRole('link', { name: NAME }).click();
  await page.waitForURL(`**/projects/${projectId}`);
  await page.close();
});

test('待办 is paged and filtered by the server: 共 N 条, the filters in the URL; the badges count it all', async () => {
  const page = await ui.signIn('dt.reviewer');
  const all = await page.evaluate(async () => {
    const res = await fetch('/api/tasks?limit=1', { credentials: 'same-origin' });
    return (await res.json()) as { total: number; overdue: number; items: unknown[] };
  });
  assert.ok(all.total >= 1 && all.items.length === 1, JSON.stringify(all));

  // The workbench's badges are the server's counts over all 待办 (not the rows of one page). With the
  // 待办 tab open and no filter, its page carries them: one request to /api/tasks, not two.
  const taskRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/tasks') taskRequests.push(new URL(r.url()).search);
  });
  await page.reload();
  const workbench = page.locator('[data-testid="workbench"]');
  const tab = workbench.getByRole('tab', { name: /待办/ });
  const badgesCountAll = async () => {
    await tab.locator(`.ant-scroll-number[title="${all.total}"]`).waitFor({ timeout: 30_000 });
    if (all.overdue > 0) await tab.locator(`.ant-scroll-number[title="逾期 ${all.overdue}"]`).waitFor();
    else assert.doesNotMatch((await tab.textContent()) ?? '', /逾期/);
  };
  await badgesCountAll();
  await workbench.getByText(`共 ${all.total} 条`).waitFor();
  assert.equal(taskRequests.length, 1, taskRequests.join(' '));
  // Its filters live under `todo.`, apart from the 已办 and 我发起的 tabs'.
  await workbench.getByRole('searchbox', { name: '项目名称或编号' }).fill('工作台浏览器');
  await workbench.getByRole('searchbox', { name: '项目名称或编号' }).press('Enter');
  await page.waitForURL(/[?&]todo\.q=/);
  await workbench.locator('tr', { hasText: NAME }).waitFor({ timeout: 30_000 });
  await workbench.getByText('共 1 条').waitFor();
  // A filtered page does not count all 待办: the badges ask on their own (one row) and still count all.
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  await badgesCountAll();
  assert.ok(
    taskRequests.some((q) => new URLSearchParams(q).get('limit') === '1' && !new URLSearchParams(q).has('q')),
    taskRequests.join(' '),
  );

  await page.goto(`${ui.url}/projects/tasks`);
  await page.getByText(`共 ${all.total} 条`).waitFor({ timeout: 30_000 });
  const search = page.getByRole('searchbox', { name: '项目名称或编号' });
  await search.fill('工作台浏览器');
  await search.press('Enter');
  await page.waitForURL(/[?&]q=/);
  assert.equal(new URL(page.url()).searchParams.get('q'), '工作台浏览器');
  const row = page.locator('tr', { hasText: NAME });
  await row.waitFor({ timeout: 30_000 });
  await page.getByText('共 1 条').waitFor();

  // A kind that is not this task's leaves nothing; its own kind brings the row back.
  const pickKind = async (label: string) => {
    await page.getByRole('combobox', { name: '事项类型' }).click();
    await page.locator('.ant-select-item-option', { hasText: label }).click();
  };
  await pickKind('预算');
  await page.waitForURL(/[?&]kind=budget/);
  await page.getByText('暂无待办').waitFor({ timeout: 30_000 });
  assert.equal(await row.count(), 0);
  await page.screenshot({ path: path.join(RESULTS, 'workbench-tasks-filtered-empty.png'), fullPage: true });
  await pickKind('合理性审核');
  await page.waitForURL(/[?&]kind=review/);
  await row.waitFor({ timeout: 30_000 });

  // The filters survive a reload: they are read from the URL.
  await page.reload();
  await row.waitFor({ timeout: 30_000 });
  assert.equal(await search.inputValue(), '工作台浏览器');
  await page.getByText('共 1 条').waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  await page.screenshot({ path: path.join(RESULTS, 'workbench-tasks-filtered.png'), fullPage: true });
  await page.close();
});

test('待办 shows arrival and time limit, and 去办理 opens the five-dimension review page', async () => {
  const page = await ui.signIn('dt.reviewer');
  await page.goto(`${ui.url}/projects/tasks`);
  const row = page.locator('tr', { hasText: NAME });
  await row.waitFor({ timeout: 30_000 });
  const text = (await row.textContent()) ?? '';
  assert.match(text, /合理性审核/);
  assert.match(text, /今日到达|已等待 \d+ 个工作日/);
  assert.match(text, /办法未规定办理时限/);
  assert.equal(await page.title(), '待办 - 统筹 · 政务信息化项目管理平台');
  await page.screenshot({ path: path.join(RESULTS, 'workbench-tasks.png'), fullPage: true });
  await row.getByRole('button', { name: '去办理' }).click();
  await page.waitForURL(`**/projects/${projectId}/review`);
  await page.getByText('五个方面的审核意见').waitFor();
  await page.close();
});

test('at 390 px a leader reads the project and the 办理 page without sideways scrolling', async () => {
  const page = await ui.signIn('dt.reviewer', { width: 390, height: 844 });
  await page.goto(`${ui.url}/projects/${projectId}`);
  await page.getByText('流程').first().waitFor({ timeout: 30_000 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `project page is ${wide}px wide: ${await overflowing(page)}`);
  await page.screenshot({ path: path.join(RESULTS, 'mobile-project.png'), fullPage: true });
  await page.goto(`${ui.url}/projects/${projectId}/steps/dt.review.assessment`);
  await page.getByRole('button', { name: '提交办理结果' }).waitFor({ timeout: 30_000 });
  const stepWide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(stepWide <= 390, `办理 page is ${stepWide}px wide: ${await overflowing(page)}`);
  await page.screenshot({ path: path.join(RESULTS, 'mobile-approval.png'), fullPage: true });
  await page.close();
});

test('the cockpit’s state chart drills down to the filtered project list', async () => {
  const page = await ui.signIn('dt.reviewer');
  await page.goto(`${ui.url}/projects/cockpit`);
  const chart = page.locator('[data-testid="chart-state"]');
  await chart.locator('canvas').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500); // the pie's opening animation
  await page.screenshot({ path: path.join(RESULTS, 'cockpit.png'), fullPage: true });
  const box = await chart.boundingBox();
  assert.ok(box);
  // The only slice (审核中) is the whole ring: click on it above the centre.
  const radius = (Math.min(box.width, box.height) / 2) * 0.54;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - radius);
  await page.waitForURL('**/projects/list?state=in_review');
  await page.locator('tr', { hasText: NAME }).waitFor({ timeout: 30_000 });

  // The departments' grades and the open incidents drill down too (issue 17 cockpit figures).
  await page.goto(`${ui.url}/projects/cockpit`);
  const grades = page.locator('[data-testid="cockpit-grades"]');
  const education = grades.locator('tr', { hasText: '大同市教育局' });
  await education.waitFor({ timeout: 30_000 });
  assert.match((await education.textContent()) ?? '', /良好/);
  await page.locator('[data-testid="cockpit-incidents"]').getByText('未办结', { exact: true }).waitFor();
  await page.getByText('分年度申请、立项与拨付金额（万元）').waitFor();
  await page.getByText('逾期未办事项（按部门、类别）').waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(RESULTS, 'cockpit-full.png'), fullPage: true });
  await education.getByRole('link', { name: '大同市教育局' }).click();
  await page.waitForURL(/\/projects\/list\?organisationId=[0-9a-f-]{36}$/);
  await page.locator('tr', { hasText: NAME }).waitFor({ timeout: 30_000 });
  await page.close();
});

test('the application form checks each rule on the step where its field is, with 万元 hints and a running total', async () => {
  const page = await ui.signIn('dt.staff');
  await page.goto(`${ui.url}/projects/new`);
  await page.getByLabel('项目名称').fill('表单校验测试项目');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('项目总预算（元）').fill('1280000');
  await page.getByText('合 128 万元').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '增加年度' }).click();
  await page.getByPlaceholder('金额（元）').fill('1000000');
  await page
    .getByTestId('budget-running-total')
    .getByText(/各年合计 1,000,000.00 元/)
    .waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('分年度预算之和 1000000.00 元与总预算 1280000.00 元不一致').waitFor();
  await page.getByText('提交前须确定项目责任人').waitFor();
  await page.getByLabel('项目总预算（元）').fill('0');
  await page.getByText('项目总预算须大于 0 元').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'form-budget-step.png'), fullPage: true });
  await page.close();
});

test('办理 preselects nothing, asks for a result, confirms the consequence; 退回 needs a reason', async () => {
  const page = await ui.signIn('dt.reviewer');
  await page.goto(`${ui.url}/projects/${projectId}/steps/dt.review.assessment`);
  await page.getByRole('button', { name: '提交办理结果' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('input[type=radio]:checked').count(), 0, 'nothing preselected');
  await page.getByRole('button', { name: '填写五个方面' }).waitFor();
  await page.getByRole('button', { name: '提交办理结果' }).click();
  await page.getByText('请选择办理结果').waitFor();
  await page.locator('input[type=radio]').first().check();
  await page.getByRole('button', { name: '提交办理结果' }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await confirm.waitFor();
  assert.match((await confirm.textContent()) ?? '', /确认办理结果：.*项目进入下一环节/s);
  await page.screenshot({ path: path.join(RESULTS, 'workbench-confirm.png') });
  await confirm.getByRole('button', { name: '再想想' }).click();

  await page.getByRole('button', { name: /^退\s?回$/ }).click();
  const dialog = page.locator('.ant-modal', { hasText: '退回理由' });
  await dialog.waitFor();
  assert.equal(
    await dialog.getByRole('button', { name: '确认退回' }).isDisabled(),
    true,
    'no reason, no 退回',
  );
  await dialog.locator('textarea').fill('请补充预算测算依据和三年运维费用明细');
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await page.waitForURL(`**/projects/${projectId}`);
  await page.close();

  const staff = await ui.signIn('dt.staff');
  await staff.goto(`${ui.url}/projects/${projectId}`);
  const banner = staff.locator('[data-testid="returned-banner"]');
  await banner.waitFor({ timeout: 30_000 });
  assert.match((await banner.textContent()) ?? '', /请补充预算测算依据和三年运维费用明细/);
  await staff.screenshot({ path: path.join(RESULTS, 'workbench-returned.png') });
  await staff.close();
});

test('the system administrator creates, renames and disables a user', async () => {
  const page = await ui.signIn('demo.sysadmin');
  await page.goto(`${ui.url}/admin/users`);
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.locator('.ant-modal', { hasText: '初始密码' });
  await dialog.waitFor();
  await dialog.getByLabel('用户名').fill('ux.newuser');
  await dialog.getByLabel('姓名').fill('孙新');
  await dialog.getByLabel('初始密码').fill('Ux#Created-2026-abc');
  await dialog.getByRole('button', { name: /创\s?建/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  // The list holds every demo account: find the new one.
  await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).fill('ux.newuser');
  await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).press('Enter');
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
