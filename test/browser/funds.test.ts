/**
 * Browser tests of the money pages: the public 公示 page (DT-15, SC-13) with no login on a phone-sized
 * screen; the project's fund ledger with its chart (审定 vs 已拨, by year) and finance's disbursement
 * queue showing each gate's result with its article, on a DT project taken through the API.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { normalOutcome } from '../support/outcomes.ts';
import { browserHarness, RESULTS } from './harness.ts';
import { type HttpSession, httpLogin, submittedDtProject } from './http-session.ts';

const ui = browserHarness({ viewport: { width: 1440, height: 900 } });

test('DT-15 the public 公示 page opens without an account on a phone and fits its width', async () => {
  await ui.context.clearCookies();
  const page = await ui.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${ui.url}/public/notices`);
  await page.getByText('政务信息化项目资金拟分配计划公示').waitFor({ timeout: 30_000 });
  await page.getByText('往期公示').waitFor();
  assert.equal(new URL(page.url()).pathname, '/public/notices', 'not sent to the login page');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width}px wide on a 375px screen`);
  await page.getByText('往期公示').click();
  await page.getByText('暂无公示').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(RESULTS, 'funds-public-notices.png'), fullPage: true });
});

async function expectOk(s: HttpSession, method: string, url: string, body: unknown, status: number) {
  const res = await s.request(method, url, body);
  assert.equal(res.status, status, `${method} ${url}: ${JSON.stringify(res.json())}`);
  return res.json() as Record<string, unknown>;
}

const OPINIONS = {
  need: { score: 90, opinion: '需求来源清楚，建设必要。' },
  consolidation: { score: 85, opinion: '依托政务云和电子政务外网，复用统一身份认证。' },
  feasibility: { score: 88, opinion: '技术路线成熟，方案可行。' },
  budget: { score: 80, opinion: '预算测算基本合理。' },
  targets: { score: 86, opinion: '绩效目标明确、可量化。' },
};

/** A DT project taken to 立项, its budget reviewed by the commissioned third party, publicized and arranged. */
async function reviewedBudget(name: string): Promise<string> {
  const id = await submittedDtProject(ui.url, name);
  const reviewer = await httpLogin(ui.url, 'dt.reviewer');
  const evaluator = await httpLogin(ui.url, 'dt.evaluator');
  const me = (await evaluator.request('GET', '/api/auth/me')).json() as { user: { id: string } };
  await expectOk(reviewer, 'PUT', `/api/projects/${id}/review`, { opinions: OPINIONS }, 200);
  const dedup = (await reviewer.request('GET', `/api/projects/${id}/dedup`)).json() as {
    checks: { hits: { id: string; level: string; version: number }[] }[];
  };
  for (const hit of dedup.checks[0]?.hits.filter((h) => h.level === 'high') ?? []) {
    await expectOk(
      reviewer,
      'POST',
      `/api/projects/${id}/dedup/hits/${hit.id}/acknowledge`,
      { note: '与现有系统功能不重复，复用其数据接口', version: hit.version },
      204,
    );
  }
  await expectOk(
    reviewer,
    'POST',
    `/api/projects/${id}/experts`,
    { userId: me.user.id, kind: 'evaluator', field: null },
    201,
  );
  const step = (who: HttpSession, stepId: string) =>
    expectOk(
      who,
      'POST',
      `/api/projects/${id}/steps/${stepId}/decision`,
      { outcome: normalOutcome(stepId), opinion: '同意' },
      200,
    );
  await step(reviewer, 'dt.review.assessment');
  await step(await httpLogin(ui.url, 'dt.authlead'), 'dt.review.filing');
  await step(await httpLogin(ui.url, 'dt.approver'), 'dt.filing_approval.establishment');
  await expectOk(
    evaluator,
    'POST',
    `/api/funds/projects/${id}/budget-review`,
    {
      opinion: '经评审，预算基本合理，软件开发费用按功能点核减。',
      lines: [
        {
          year: 2026,
          costItem: '软件开发',
          kind: 'construction',
          requested: '600000',
          approved: '550000',
          cutReason: '开发工作量偏高，按功能点核减',
        },
        { year: 2026, costItem: '运维服务', kind: 'om', requested: '100000', approved: '100000' },
        { year: 2027, costItem: '硬件购置', kind: 'construction', requested: '500000', approved: '500000' },
      ],
      shares: [],
    },
    201,
  );
  // The 公示 (DT-15) and the 财政局's 安排经费: only then may payments be requested (DT-14).
  const notice = await expectOk(
    reviewer,
    'POST',
    '/api/funds/notices',
    {
      title: '资金拟分配计划',
      year: 2026,
      startsOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      endsOn: new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10),
      items: [{ projectId: id, amount: '650000' }],
    },
    201,
  );
  await expectOk(reviewer, 'POST', `/api/funds/notices/${notice.id}/publish`, { version: 1 }, 200);
  await expectOk(
    await httpLogin(ui.url, 'dt.finance'),
    'POST',
    `/api/funds/projects/${id}/budget-steps/dt.budget.funds`,
    { opinion: '已安排建设及运维经费' },
    200,
  );
  return id;
}

test('DT-14 the project’s fund ledger shows its chart and table; finance’s queue shows each gate with its article', async () => {
  const name = '资金台账展示测试项目';
  const id = await reviewedBudget(name);
  const staff = await httpLogin(ui.url, 'dt.staff');
  await expectOk(
    staff,
    'POST',
    '/api/funds/disbursements',
    { projectId: id, year: 2026, kind: 'construction', amount: '120000', purpose: '合同首付款' },
    201,
  );

  const page = await ui.signIn('dt.staff');
  await page.goto(`${ui.url}/funds/projects/${id}`);
  await page.getByText('资金台账（按年度，建设 / 运维）').waitFor({ timeout: 30_000 });
  const chart = page.getByRole('img', { name: '项目资金台账（按年度）' });
  await chart.locator('canvas').waitFor({ timeout: 30_000 });
  const box = await chart.boundingBox();
  assert.ok(box && box.width > 300 && box.height >= 300, `chart box ${JSON.stringify(box)}`);
  const ledgerCard = page.locator('.ant-card', { hasText: '资金台账（按年度，建设 / 运维）' });
  const year2026 = ledgerCard.locator('.ant-table-row', { hasText: '2026' });
  await year2026.waitFor();
  const cells = await year2026.locator('td').allTextContents();
  assert.deepEqual(cells.slice(0, 3), ['2026', '700000.00', '550000.00'], cells.join('|'));
  await page.screenshot({ path: path.join(RESULTS, 'funds-ledger.png'), fullPage: true });

  const finance = await ui.signIn('dt.finance');
  await finance.goto(`${ui.url}/funds/disbursements`);
  const row = finance.locator('.ant-table-row', { hasText: name }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.locator('.ant-table-row-expand-icon').click();
  const gates = finance.locator('.ant-table-expanded-row').first();
  await gates.getByText('拨付条件').first().waitFor({ timeout: 30_000 });
  const gateRows = gates.locator('.ant-table-row');
  assert.ok((await gateRows.count()) > 0, 'every gate of the rulebook is listed');
  const texts = (await gateRows.allTextContents()).join('\n');
  assert.match(texts, /已满足|未满足|不适用/);
  assert.match(texts, /第[一二三四五六七八九十]+条/, 'each gate cites its article');
  // Before acceptance the acceptance-report gate does not apply (DT-26c): said so, not “已满足”.
  assert.match(texts, /不适用.*本笔拨付不涉及：验收报告须备案/);
  await finance.screenshot({ path: path.join(RESULTS, 'funds-queue.png'), fullPage: true });
});
