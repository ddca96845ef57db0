/**
 * Issue 17 in the browser: a click on the cockpit's overdue-obligations chart lands on the 督办看板
 * filtered by that department and kind, and the list there counts what the bar showed; the 已拨付
 * figure drills down by year; 通知设置 is reachable from the user menu and saves the user's choice.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { browserHarness, RESULTS } from './harness.ts';
import { httpLogin, submittedDtProject } from './http-session.ts';

interface OverdueItem {
  kind: string;
  organisationId: string;
  count: number;
  drill: string;
}

const ui = browserHarness({
  viewport: { width: 1440, height: 900 },
  ready: async (url) => {
    // The cockpit shows its charts once there is a project to count.
    await submittedDtProject(url, '驾驶舱逾期下钻测试项目');
    // Two systems graded in 2024 and never assessed since: their first 测评 is long overdue.
    const staff = await httpLogin(url, 'dt.staff');
    const res = await staff.request('GET', '/api/operations/systems?limit=20');
    assert.equal(res.status, 200);
    const systems = (res.json() as { items: { id: string; name: string }[] }).items.slice(0, 2);
    assert.equal(systems.length, 2, 'two demo systems');
    for (const [i, s] of systems.entries()) {
      const graded = await staff.request('PUT', `/api/operations/systems/${s.id}/grading`, {
        level: 3,
        filingNumber: `14020099-0000${i + 1}`,
        filingDate: '2024-01-10',
        criticalInfrastructure: false,
      });
      assert.equal(graded.status, 200, JSON.stringify(graded.json()));
    }
  },
});

test('a click on the overdue-obligations chart opens the filtered 督办 list with the count clicked', async () => {
  const reviewer = await httpLogin(ui.url, 'dt.reviewer');
  const cockpit = (await reviewer.request('GET', '/api/cockpit')).json() as {
    overdueObligations: OverdueItem[];
  };
  assert.ok(cockpit.overdueObligations.length > 0, JSON.stringify(cockpit.overdueObligations));

  const page = await ui.signIn('dt.reviewer');
  await page.goto(`${ui.url}/projects/cockpit`);
  const chart = page.locator('[data-testid="chart-overdue"]');
  await chart.locator('canvas').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500); // the bars' opening animation
  const box = await chart.boundingBox();
  assert.ok(box);
  // One department: its stacked bar is the plot's only row, centred between the grid's top (16px)
  // and bottom (40px) margins; a point a little past the middle of the width is inside the bar.
  await page.mouse.click(box.x + box.width * 0.55, box.y + 16 + (box.height - 56) / 2);
  await page.waitForURL(/\/projects\/supervision\?overdue=1&kind=[^&]+&holderOrganisationId=[0-9a-f-]{36}$/, {
    timeout: 30_000,
  });
  const params = new URL(page.url()).searchParams;
  const clicked = cockpit.overdueObligations.find(
    (o) => o.kind === params.get('kind') && o.organisationId === params.get('holderOrganisationId'),
  );
  assert.ok(clicked, `the bar clicked (${page.url()}) is one of the cockpit's figures`);
  await page.getByText(`共 ${clicked.count} 项`).waitFor({ timeout: 30_000 });
  // Every row listed is past its due date (the list's page holds up to its page size).
  const rows = page.locator('.ant-table-row').filter({ hasText: /逾期 \d+ 个工作日|已逾期/ });
  await rows.first().waitFor();
  assert.equal(await rows.count(), Math.min(clicked.count, 20), 'every row listed is overdue');
  await page.screenshot({ path: path.join(RESULTS, 'cockpit-overdue-drill.png'), fullPage: true });

  // The 已拨付 list behind a year's figure is filtered by that year.
  await page.goto(`${ui.url}/projects/cockpit/disbursed?year=2026`);
  await page.getByText('2026 年度已拨付清单').waitFor({ timeout: 30_000 });
  await page.getByText('2026 年度已拨付合计（0 笔）').waitFor();
  await page.close();
});

test('通知设置 from the user menu: e-mail address validated at the field, the choice saved', async () => {
  const page = await ui.signIn('dt.staff');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '通知设置' }).click();
  await page.waitForURL('**/account/notifications');
  const form = page.getByTestId('notification-settings');
  await form.waitFor({ timeout: 30_000 });
  await form.locator('#email').fill('不是邮箱');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await form.getByText('邮箱地址格式不正确').first().waitFor();
  await form.locator('#email').fill('wang.jiaoyu@dt.gov.cn');
  await form.getByRole('checkbox', { name: '催办' }).uncheck();
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('通知设置已保存').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'notification-settings.png'), fullPage: true });
  const saved = (
    await (await httpLogin(ui.url, 'dt.staff')).request('GET', '/api/notifications/preferences')
  ).json() as {
    email: string;
    mutedKinds: string[];
    version: number;
  };
  assert.equal(saved.email, 'wang.jiaoyu@dt.gov.cn');
  assert.deepEqual(saved.mutedKinds, ['urged']);
  assert.equal(saved.version, 2);
  await page.close();
});
