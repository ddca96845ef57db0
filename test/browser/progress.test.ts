/**
 * Browser test of the 进度与调整 page (DT-20, DT-21): a DT project taken to 立项 over HTTP with a
 * baseline and one report; the department sees the computed variance, risk and chart and files a
 * 调整申请; the authority evaluates it and its leader approves it, which makes baseline 2.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { normalOutcome } from '../support/outcomes.ts';
import { browserHarness, RESULTS } from './harness.ts';
import { httpLogin, submittedDtProject } from './http-session.ts';

const ui = browserHarness();

const FIVE_OPINIONS = {
  need: { score: 90, opinion: '需求来源清楚，建设必要。' },
  consolidation: { score: 85, opinion: '依托政务云和电子政务外网，复用统一身份认证。' },
  feasibility: { score: 88, opinion: '技术路线成熟，方案可行。' },
  budget: { score: 80, opinion: '预算测算基本合理。' },
  targets: { score: 86, opinion: '绩效目标明确、可量化。' },
};

async function expect(p: Promise<{ status: number; json: () => unknown }>, status: number, label: string) {
  const r = await p;
  assert.equal(r.status, status, `${label}: ${JSON.stringify(r.json())}`);
}

test('DT-20/DT-21 the department sees variance and risk and applies for an adjustment; the authority evaluates and approves it', async () => {
  const id = await submittedDtProject(ui.url, '进度页面测试项目');
  const reviewer = await httpLogin(ui.url, 'dt.reviewer');
  await expect(
    reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
    200,
    'review',
  );
  const step = (s: typeof reviewer, stepId: string) =>
    s.request('POST', `/api/projects/${id}/steps/${stepId}/decision`, {
      outcome: normalOutcome(stepId),
      opinion: '同意',
    });
  await expect(step(reviewer, 'dt.review.assessment'), 200, 'assessment');
  await expect(step(await httpLogin(ui.url, 'dt.authlead'), 'dt.review.filing'), 200, 'filing');
  await expect(
    step(await httpLogin(ui.url, 'dt.approver'), 'dt.filing_approval.establishment'),
    200,
    'establishment',
  );
  const staff = await httpLogin(ui.url, 'dt.staff');
  await expect(
    staff.request('POST', `/api/projects/${id}/progress/baseline`, {
      startOn: '2026-09-01',
      milestones: [
        { name: '需求分析', plannedOn: '2026-09-30' },
        { name: '系统开发', plannedOn: '2026-11-30' },
        { name: '试运行', plannedOn: '2027-01-31' },
      ],
      plannedFunds: [
        { period: '2026-09', amount: '200000' },
        { period: '2026-10', amount: '300000' },
        { period: '2026-11', amount: '300000' },
      ],
    }),
    201,
    'baseline',
  );
  for (const [period, percentDone, fundsUsed] of [
    ['2026-09', 30, '200000'],
    ['2026-10', 45, '600000'],
  ] as const) {
    await expect(
      staff.request('POST', `/api/projects/${id}/progress/reports`, {
        period,
        milestones: [{ name: '需求分析', doneOn: '2026-09-25' }],
        percentDone,
        fundsUsed,
        note: '',
      }),
      201,
      `report ${period}`,
    );
  }

  const page = await ui.signIn('dt.staff');
  await page.goto(`${ui.url}/projects/${id}/progress`);
  await page.getByText('项目进度与调整申请').waitFor({ timeout: 30_000 });
  await page
    .getByText(/风险(高|中|低)/)
    .first()
    .waitFor();
  assert.match((await page.locator('body').textContent()) ?? '', /资金使用超出完成工作量/);
  await page.locator('[role="img"][aria-label^="计划与实际进度对比图"] canvas').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'progress-department.png'), fullPage: true });

  await page.getByRole('button', { name: '提交调整申请' }).click();
  const dialog = page.locator('.ant-modal');
  await dialog.getByText('建设进度', { exact: true }).click();
  await dialog.locator('#description').fill('系统开发顺延一个月，总投资不变。');
  await dialog.locator('#reason').fill('上级接口规范调整，建设条件发生重大变化。');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await page.getByText('待处理').waitFor({ timeout: 30_000 });

  const authority = await ui.signIn('dt.reviewer');
  await authority.goto(`${ui.url}/projects/${id}/progress`);
  await authority.getByRole('button', { name: '综合评估' }).click();
  await authority.locator('.ant-modal #opinion').fill('经综合评估，调整必要。');
  await authority
    .locator('.ant-modal')
    .getByRole('button', { name: /提\s*交/ })
    .click();
  await authority.getByText('已综合评估，待决定').waitFor({ timeout: 30_000 });

  const leader = await ui.signIn('dt.authlead');
  await leader.goto(`${ui.url}/projects/${id}/progress`);
  await leader.getByRole('button', { name: /^决\s*定$/ }).click();
  await leader.locator('.ant-modal').getByText('通过（形成新版进度计划）').click();
  await leader.locator('.ant-modal #opinion').fill('同意调整。');
  await leader
    .locator('.ant-modal')
    .getByRole('button', { name: /提\s*交/ })
    .click();
  await leader.getByText('第 2 版（现行）').waitFor({ timeout: 30_000 });
  await leader.getByText('第 1 版').waitFor();
  await leader.screenshot({ path: path.join(RESULTS, 'progress-approved.png'), fullPage: true });
});
