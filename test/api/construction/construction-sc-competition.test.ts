/**
 * SC 第十六条 (issue 10 items 3/12): "对于项目内容复杂、技术要求高的…通过市场竞争方式确定项目承建单位".
 * The 立项 body (or the reviewer) records the finding `complexProject` with a reason; the contract
 * signing then asks for competition only when it holds. On stored SC projects.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scBudgetThroughFunds } from '../../factories/funds.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  expectStatus,
  FIVE_OPINIONS,
  Sessions,
  setupProjects,
  upload,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  ctx.clock.set('2026-09-28T02:00:00.000Z');
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

/** An SC project through 立项 and budget, with the 立项 body's finding on `complexProject`. */
async function atContract(name: string, complex: boolean | null): Promise<string> {
  const entryId = await approvedPlanEntry(sessions, 'sc.reviewer', 'sc.gov', '朔城区教育科技局', name);
  const staff = await sessions.as('sc.staff');
  const systemId = await catalogSystem(ctx, staff, 'SC', '朔城区教育科技局', 'under_construction');
  const { id } = await draftProject(staff, {
    name,
    type: 'new',
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'builds' }],
  });
  await uploadMissing(staff, id);
  expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  const reviewer = await sessions.as('sc.reviewer');
  expectStatus(
    await reviewer.request('PUT', `/api/projects/${id}/review`, {
      opinions: FIVE_OPINIONS,
      findings: { interoperable: true },
      sharingAnalysisOpinion: '共享分析篇可行。',
    }),
    200,
    'review',
  );
  expectStatus(await decide(reviewer, id, 'sc.review.assessment'), 200, 'assessment');
  const approver = await sessions.as('sc.approver');
  if (complex !== null) {
    const finding = await approver.request(
      'PUT',
      `/api/projects/${id}/steps/sc.filing_approval.establishment/findings`,
      {
        fact: 'complexProject',
        value: complex,
        reason: complex ? '涉及多源数据融合与视频智能分析，技术要求高' : '标准化设备采购与部署，内容简单',
      },
    );
    expectStatus(finding, 200, 'finding');
  }
  expectStatus(
    await upload(approver, id, 'approval_document', { stepId: 'sc.filing_approval.establishment' }),
    201,
    'doc',
  );
  expectStatus(await decide(approver, id, 'sc.filing_approval.establishment'), 200, '立项');
  await scBudgetThroughFunds(ctx, sessions, id);
  expectStatus(
    await upload(staff, id, 'project_owner', { stepId: 'sc.construction.contract' }),
    201,
    'owner',
  );
  return id;
}

const singleSource = (number: string) => ({
  number,
  procurementMethod: 'single_source',
  procurementResult: '朔州智联信息技术有限公司（单一来源）',
  contractorName: '朔州智联信息技术有限公司',
  amount: '300000',
  signedOn: '2026-09-28',
  ownershipClause: false,
  deliverables: [],
});

describe('SC-16 competition only for complex or technically demanding projects', () => {
  test('SC-16 a project the 立项 body found complex cannot sign without competition; one it found simple can', async () => {
    const staff = await sessions.as('sc.staff');
    const complex = await atContract('视频智能分析平台', true);
    const refusedSigning = await staff.request(
      'POST',
      `/api/projects/${complex}/contracts`,
      singleSource('SC-C-1'),
    );
    expectStatus(refusedSigning, 422, 'complex: single source refused');
    assert.equal(refusedSigning.json().code, 'COMPETITION_REQUIRED');
    assert.equal(refusedSigning.json().article, 'SC-16');

    const simple = await atContract('校园广播设备更新', false);
    const signed = await staff.request('POST', `/api/projects/${simple}/contracts`, singleSource('SC-C-2'));
    expectStatus(signed, 201, 'simple: single source allowed');
  });
});
