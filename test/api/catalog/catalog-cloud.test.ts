/**
 * The cloud service catalog through the HTTP API (DT-13, SC-12): the authority compiles, approves
 * (in SC with finance) and publishes; everyone of the jurisdiction reads the published catalog.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { EXTRA_PASSWORD, extraUser, Sessions } from '../../factories/projects.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
const sessions: Record<string, Session> = {};

before(async () => {
  ctx = await setup();
  const names = [
    'dt.staff',
    'dt.reviewer',
    'dt.authlead',
    'dt.finance',
    'dt.contractor',
    'sc.staff',
    'sc.reviewer',
    'sc.finance',
  ];
  const logged = await Promise.all(names.map((u) => login(ctx, u)));
  names.forEach((u, i) => {
    sessions[u] = logged[i];
  });
});
after(async () => {
  await ctx.close();
});

const item = (spec: string, extra: Record<string, unknown> = {}) => ({
  name: '云主机',
  category: 'iaas',
  spec,
  unit: '台·年',
  unitPrice: 2400.5,
  provider: '中国电信股份有限公司大同分公司',
  ...extra,
});

type CloudItem = { id: string; code: string; status: string; version: number; unitPrice: number };

async function create(
  session: Session,
  spec: string,
  extra: Record<string, unknown> = {},
): Promise<CloudItem> {
  const res = await session.request('POST', '/api/catalog/cloud-services', item(spec, extra));
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const batch = (session: Session, action: string, items: CloudItem[]) =>
  session.request('POST', `/api/catalog/cloud-services/${action}`, {
    items: items.map((i) => ({ id: i.id, version: i.version })),
  });

describe('cloud service catalog', () => {
  test('DT-13 the authority compiles, approves and publishes; departments and contractors read only the published catalog', async () => {
    const draft = await create(sessions['dt.reviewer'], '16核32G');
    assert.match(draft.code, /^DT-YF-\d{5}$/);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.unitPrice, 2400.5);
    assert.deepEqual((draft as unknown as { approvalsRequired: string[] }).approvalsRequired, ['authority']);

    const deptCreate = await sessions['dt.staff'].request(
      'POST',
      '/api/catalog/cloud-services',
      item('1核1G'),
    );
    assert.equal(deptCreate.statusCode, 403);

    const seenByDept = async (code: string) =>
      (await sessions['dt.staff'].request('GET', '/api/catalog/cloud-services?limit=500'))
        .json()
        .items.some((i: CloudItem) => i.code === code);
    assert.equal(await seenByDept(draft.code), false, 'a draft is not shown to departments');

    const early = await batch(sessions['dt.reviewer'], 'publish', [draft]);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'CLOUD_NOT_APPROVED');

    const approved = await batch(sessions['dt.authlead'], 'approve', [draft]);
    assert.equal(approved.statusCode, 200, approved.body);
    const afterApproval = approved.json().items[0] as CloudItem;
    assert.equal(afterApproval.status, 'approved');
    const published = await batch(sessions['dt.reviewer'], 'publish', [afterApproval]);
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().items[0].status, 'published');
    assert.equal(await seenByDept(draft.code), true);
    const contractor = await sessions['dt.contractor'].request('GET', '/api/catalog/cloud-services');
    assert.equal(contractor.statusCode, 200);
    assert.ok(contractor.json().items.every((i: CloudItem) => i.status === 'published'));

    const frozen = await sessions['dt.reviewer'].request('PATCH', `/api/catalog/cloud-services/${draft.id}`, {
      unitPrice: 2000,
      version: published.json().items[0].version,
    });
    assert.equal(frozen.statusCode, 409);
    assert.equal(frozen.json().code, 'CLOUD_NOT_DRAFT');

    const actions = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, draft.code))
      .orderBy(auditEvents.id);
    assert.deepEqual(
      actions.map((a) => a.action),
      ['catalog.cloud_approve', 'catalog.cloud_publish'],
    );
  });

  test('DT-13 prices are checked at entry: at most 2 decimals, not negative', async () => {
    const res = await sessions['dt.reviewer'].request(
      'POST',
      '/api/catalog/cloud-services',
      item('2核2G', { unitPrice: 10.005 }),
    );
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().field, 'unitPrice');
    assert.equal(res.json().article, 'DT-13');
    const negative = await sessions['dt.reviewer'].request(
      'POST',
      '/api/catalog/cloud-services',
      item('2核2G', { unitPrice: -1 }),
    );
    assert.equal(negative.json().code, 'PRICE_NEGATIVE');
    await create(sessions['dt.reviewer'], '32核64G');
    const twice = await sessions['dt.reviewer'].request(
      'POST',
      '/api/catalog/cloud-services',
      item('32核64G'),
    );
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, 'DUPLICATE_ENTRY');
  });

  test('SC-12 in SC the 区数字政府服务中心 compiles the catalog; it is published only after the authority and finance have both approved', async () => {
    // SC 第十二条: "区数字政府服务中心负责编制…区政务信息化主管部门会同区财政局负责审批并发布".
    const { username } = await extraUser(
      ctx,
      new Sessions(ctx),
      'authority_reviewer',
      '朔城区数字政府服务中心',
    );
    const center = await login(ctx, username, EXTRA_PASSWORD);
    const byAuthority0 = await sessions['sc.reviewer'].request(
      'POST',
      '/api/catalog/cloud-services',
      item('2核4G', { provider: '中国联合网络通信有限公司朔州市分公司' }),
    );
    assert.equal(byAuthority0.statusCode, 403, 'the authority approves, it does not compile');
    assert.equal(byAuthority0.json().article, 'SC-12');
    const draft = await create(center, '4核16G', {
      provider: '中国联合网络通信有限公司朔州市分公司',
    });
    const ownApproval = await batch(center, 'approve', [draft]);
    assert.equal(ownApproval.statusCode, 403, 'the compiler does not approve its own catalog');
    assert.deepEqual((draft as unknown as { approvalsRequired: string[] }).approvalsRequired, [
      'authority',
      'finance',
    ]);
    const byAuthority = await batch(sessions['sc.reviewer'], 'approve', [draft]);
    assert.equal(byAuthority.statusCode, 200);
    const half = byAuthority.json().items[0];
    assert.equal(half.status, 'draft', 'finance has not approved yet');
    assert.ok(half.authorityApprovedAt);
    const refused = await batch(sessions['sc.reviewer'], 'publish', [half]);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().article, 'SC-12');
    const byFinance = await batch(sessions['sc.finance'], 'approve', [half]);
    assert.equal(byFinance.statusCode, 200, byFinance.body);
    const full = byFinance.json().items[0];
    assert.equal(full.status, 'approved');
    assert.equal(full.financeApproverName, '唐丽（财政评审中心）');
    const financePublish = await batch(sessions['sc.finance'], 'publish', [full]);
    assert.equal(financePublish.statusCode, 403, 'finance approves, the authority publishes');
    const published = await batch(sessions['sc.reviewer'], 'publish', [full]);
    assert.equal(published.json().items[0].status, 'published');
    const reopened = await batch(sessions['sc.reviewer'], 'reopen', [published.json().items[0]]);
    assert.equal(reopened.json().items[0].status, 'draft');
    assert.equal(reopened.json().items[0].financeApprovedAt, null, 'a revision needs approval again');
  });

  test('SC-12 nothing crosses jurisdictions: another jurisdiction neither sees nor approves the items', async () => {
    const dtDraft = await create(sessions['dt.reviewer'], '64核128G');
    const scList = await sessions['sc.reviewer'].request('GET', '/api/catalog/cloud-services?limit=500');
    assert.ok(
      scList.json().items.every((i: { jurisdictionName: string }) => i.jurisdictionName === '朔州市朔城区'),
    );
    const foreign = await batch(sessions['sc.finance'], 'approve', [dtDraft]);
    assert.equal(foreign.statusCode, 404);
    const stale = await batch(sessions['dt.reviewer'], 'approve', [
      { ...dtDraft, version: dtDraft.version + 5 },
    ]);
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'VERSION_CONFLICT');
    const dtFinance = await batch(sessions['dt.finance'], 'approve', [dtDraft]);
    assert.equal(dtFinance.statusCode, 200, 'DT finance may co-approve, the authority still has to');
    assert.equal(dtFinance.json().items[0].status, 'draft');
  });
});
