/**
 * Factories for the XZ money API tests (issue 13): an XZ project taken to 立项 through the XZ chain,
 * the 财务科's budget review and the contract the construction module signs.
 */

import type { TestContext } from '../support/helper.ts';
import { recordBudgetReview } from './funds.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  type Sessions,
  uploadMissing,
} from './projects.ts';

/** The contract of the XZ project: procured, signed, with the deliverables XZ-12 names. */
export const XZ_CONTRACT = {
  number: 'XZJT-2026-031',
  procurementMethod: 'public_tender',
  procurementResult: '忻州交信科技有限公司中标',
  contractorName: '忻州交信科技有限公司',
  amount: '1000000.00',
  signedOn: '2026-11-23',
  ownershipClause: true,
  deliverables: [
    { kind: 'design_documents', name: '详细设计说明书' },
    { kind: 'source_code', name: '全部源代码' },
    { kind: 'test_documents', name: '测试报告' },
  ],
};

/** An XZ project of 公路事业发展中心 taken to 立项 through the XZ chain (XZ-07, XZ-10a). */
export async function establishedXzProject(
  ctx: TestContext,
  sessions: Sessions,
  dataCenterUser: string,
  declarations: Record<string, boolean> = {},
): Promise<string> {
  const entryId = await approvedPlanEntry(
    sessions,
    'xz.reviewer',
    ['xz.party', 'xz.cityreviewer'],
    '忻州市公路事业发展中心',
    '养护巡检',
  );
  const staff = await sessions.as('xz.staff');
  const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
  const { id } = await draftProject(staff, {
    name: '公路养护巡检系统升级项目',
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'changes' }],
    declarations: { interoperable: true, onExtranet: true, onCloud: true, ...declarations },
  });
  await uploadMissing(staff, id);
  const dataCenter = await sessions.as(dataCenterUser, EXTRA_PASSWORD);
  expectStatus(await dataCenter.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  const reviewer = await sessions.as('xz.reviewer');
  expectStatus(
    await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
    200,
    'review',
  );
  expectStatus(await decide(reviewer, id, 'xz.review.data_center'), 200, 'data center');
  expectStatus(
    await decide(await sessions.as('xz.party'), id, 'xz.review.party_consent', {
      outcome: 'consent_given',
      opinion: '局党组会议同意',
    }),
    200,
    'party',
  );
  expectStatus(await decide(await sessions.as('xz.cityreviewer'), id, 'xz.review.city_review'), 200, 'city');
  // XZ 第七条/第十条: 市政府 consents, then the 市政务信息管理局 grants 立项 (XZ-10a).
  expectStatus(
    await decide(await sessions.as('xz.citygov'), id, 'xz.review.city_government'),
    200,
    '市政府 consent',
  );
  const established = await decide(
    await sessions.as('xz.cityapprover'),
    id,
    'xz.filing_approval.establishment',
  );
  expectStatus(established, 200, 'establishment');
  return id;
}

/** The 财务科's budget review of the XZ project (XZ-11). */
export const XZ_REVIEW = {
  opinion: '经财务科审定，预算合理。',
  lines: [
    { year: 2026, costItem: '软件开发', kind: 'construction', requested: '600000', approved: '600000' },
    { year: 2026, costItem: '运维服务', kind: 'om', requested: '100000', approved: '100000' },
    { year: 2027, costItem: '系统集成', kind: 'construction', requested: '500000', approved: '500000' },
  ],
  shares: [],
};

/**
 * The XZ money helpers of one test file, on the context and sessions `env()` returns once its
 * `before` has run: an established XZ project, submitted by a staff member of the 数据中心 (XZ-08a)
 * created with the file's first project.
 */
export function xzFundsHelpers(env: () => { ctx: TestContext; sessions: Sessions }) {
  let dataCenterUser: Promise<string> | undefined;
  /** An XZ project of 公路事业发展中心 taken to 立项 through the XZ chain (XZ-07, XZ-10a). */
  const establishedXz = async (declarations: Record<string, boolean> = {}) => {
    const { ctx, sessions } = env();
    dataCenterUser ??= extraUser(ctx, sessions, 'dept_staff', '忻州市交通运输数据中心').then(
      (u) => u.username,
    );
    return establishedXzProject(ctx, sessions, await dataCenterUser, declarations);
  };
  return {
    establishedXz,
    /** Such a project with the 财务科's budget review (XZ_REVIEW) recorded (XZ-11). */
    budgetedXz: async () => {
      const id = await establishedXz();
      await recordBudgetReview(await env().sessions.as('xz.finance'), id, XZ_REVIEW);
      return id;
    },
  };
}
