/**
 * The resource catalog through the HTTP API (DT-10, SC-09b, XZ-08a, SC-26): registration with the
 * quality rules at entry, the lifecycle 注册 → 审核 → 发布 → 下架, 一数一源 notices, the scope of
 * departments and authorities, and the public endpoints.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { usccCheckChar } from '../../../src/catalog/codes.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let leader: Session; // 大同市教育局 (负责人)
let staff2: Session; // 大同市卫生健康委员会
let reviewer: Session; // 大同市数字政府服务中心
let authlead: Session; // 大同市数字政府服务中心
let scReviewer: Session;

before(async () => {
  ctx = await setup();
  [staff, leader, staff2, reviewer, authlead, scReviewer] = await Promise.all(
    ['dt.staff', 'dt.leader', 'dt.staff2', 'dt.reviewer', 'dt.authlead', 'sc.reviewer'].map((u) =>
      login(ctx, u),
    ),
  );
});
after(async () => {
  await ctx.close();
});

function uscc(n: number): string {
  const first17 = `11140200${String(n).padStart(8, '0')}0`;
  return first17 + usccCheckChar(first17);
}

const resource = (name: string, extra: Record<string, unknown> = {}) => ({
  code: '311009001',
  category: 'department',
  name,
  providerCode: uscc(91),
  summary: `${name}的主要内容`,
  formatClass: 'database',
  formatType: '达梦',
  dataItems: [
    { name: '学校名称', dataType: 'string', length: 100 },
    { name: '登记日期', dataType: 'date' },
  ],
  sharing: 'conditional',
  sharingConditions: '仅限履职需要',
  sharingMethods: ['interface'],
  openness: 'none',
  updateCycle: 'monthly',
  relatedCodes: [],
  classified: false,
  ...extra,
});

interface Detail {
  resource: { id: string; code: string; state: string; version: number; actions: string[] };
  conflicts: {
    status: string;
    proposedSource: { provider: string; itemName: string };
    departments: string[];
  }[];
  nearDuplicates: { organisationName: string }[];
}

async function register(
  session: Session,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<Detail> {
  const res = await session.request('POST', '/api/catalog/resources', resource(name, extra));
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function act(session: Session, id: string, path: string, body: Record<string, unknown>) {
  return session.request('POST', `/api/catalog/resources/${id}/${path}`, body);
}

async function auditActions(objectId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action, outcome: auditEvents.outcome })
    .from(auditEvents)
    .where(eq(auditEvents.objectId, objectId))
    .orderBy(auditEvents.id);
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('resource catalog', () => {
  test('DT-10 a department registers a resource with its data items; the platform assigns the 顺序码; it is edited while registered', async () => {
    const first = await register(staff, '大同市学校教职工信息');
    assert.equal(first.resource.code, '311009001/000001');
    assert.equal(first.resource.state, 'registered');
    assert.deepEqual(first.resource.actions, ['submit']);
    const second = await register(staff, '大同市学校校舍信息');
    assert.equal(second.resource.code, '311009001/000002');
    const taken = await staff.request(
      'POST',
      '/api/catalog/resources',
      resource('大同市学校食堂信息', { code: '311009001/000001' }),
    );
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().code, 'RESOURCE_CODE_TAKEN');

    const edited = await staff.request('PATCH', `/api/catalog/resources/${first.resource.id}`, {
      dataItems: [
        { name: '学校名称', dataType: 'string', length: 100 },
        { name: '教职工人数', dataType: 'integer' },
      ],
      version: 1,
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(
      edited.json().resource.dataItems.map((d: { name: string }) => d.name),
      ['学校名称', '教职工人数'],
    );
    assert.equal(edited.json().resource.code, '311009001/000001', 'the code is kept');
    assert.deepEqual(await auditActions(first.resource.id), [
      'catalog.resource_register:success',
      'catalog.resource_update:success',
    ]);
  });

  test('DT-10 SC-09b the quality rules at entry: a 不予共享 resource needs its basis and has no sharing method; each problem has its field and article', async () => {
    const res = await staff.request(
      'POST',
      '/api/catalog/resources',
      resource('大同市学生心理健康档案', {
        sharing: 'none',
        sharingConditions: undefined,
        sharingMethods: ['interface'],
      }),
    );
    assert.equal(res.statusCode, 400);
    const problems = res
      .json()
      .problems.map(
        (p: { field: string; code: string; article?: string }) => `${p.field} ${p.code} ${p.article}`,
      );
    assert.ok(problems.includes('sharingConditions NO_SHARE_REASON_REQUIRED SC-09b'), problems.join('\n'));
    assert.ok(problems.includes('sharingMethods SHARING_METHOD_FOR_UNSHARED SC-09b'), problems.join('\n'));
    assert.match(res.json().message, /不予共享/);

    const missing = await staff.request(
      'POST',
      '/api/catalog/resources',
      resource('大同市学生资助信息', { updateCycle: undefined, openness: undefined }),
    );
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(
      missing
        .json()
        .problems.map((p: { field: string; article: string }) => `${p.field} ${p.article}`)
        .sort(),
      ['openness SC-09b', 'updateCycle DT-10'],
    );
    const badCode = await staff.request(
      'POST',
      '/api/catalog/resources',
      resource('大同市学生奖励信息', { code: '111009001' }),
    );
    assert.equal(badCode.statusCode, 400);
    assert.equal(badCode.json().code, 'RESOURCE_CODE_CATEGORY_MISMATCH');
    const badUscc = await staff.request(
      'POST',
      '/api/catalog/resources',
      resource('大同市学生奖励信息', { providerCode: '111402000000009100' }),
    );
    assert.equal(badUscc.statusCode, 400);
    assert.equal(badUscc.json().field, 'providerCode');
  });

  test('XZ-08a the lifecycle 注册 → 审核 → 发布 → 下架: the department submits, the authority returns, publishes and withdraws', async () => {
    const created = await register(staff, '大同市学前教育机构信息');
    const id = created.resource.id;
    const deptReview = await leader.request('POST', `/api/catalog/resources/${id}/review`, {
      decision: 'publish',
      version: 1,
    });
    assert.equal(deptReview.statusCode, 403, 'a department does not review');
    const early = await act(reviewer, id, 'review', { decision: 'publish', version: 1 });
    assert.equal(early.statusCode, 409, 'not submitted yet');
    assert.equal(early.json().code, 'RESOURCE_STATE');

    const submitted = await act(staff, id, 'submit', { version: 1 });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().resource.state, 'under_review');
    const locked = await staff.request('PATCH', `/api/catalog/resources/${id}`, {
      summary: '审核中修改',
      version: 2,
    });
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.json().code, 'RESOURCE_NOT_EDITABLE');

    const returned = await act(reviewer, id, 'review', {
      decision: 'return',
      note: '请补充信息项的数据长度',
      version: 2,
    });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(returned.json().resource.state, 'registered');
    assert.equal(returned.json().resource.reviewNote, '请补充信息项的数据长度');
    const resubmitted = await act(staff, id, 'submit', { version: 3 });
    assert.equal(resubmitted.json().resource.state, 'under_review');

    const view = await reviewer.request('GET', `/api/catalog/resources/${id}`);
    assert.deepEqual(view.json().resource.actions.sort(), ['publish', 'return']);
    const published = await act(reviewer, id, 'review', { decision: 'publish', version: 4 });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().resource.state, 'published');
    assert.ok(published.json().resource.publishedAt);
    const withdrawnByDept = await staff.request('POST', `/api/catalog/resources/${id}/withdraw`, {
      version: 5,
    });
    assert.equal(withdrawnByDept.statusCode, 403);
    const withdrawn = await act(authlead, id, 'withdraw', { note: '数据更新中', version: 5 });
    assert.equal(withdrawn.statusCode, 200);
    assert.equal(withdrawn.json().resource.state, 'withdrawn');
    const editable = await staff.request('PATCH', `/api/catalog/resources/${id}`, {
      summary: '更新后的摘要',
      version: 6,
    });
    assert.equal(editable.statusCode, 200, '下架后可修改');
    const again = await act(staff, id, 'submit', { version: 7 });
    assert.equal(again.json().resource.state, 'under_review');

    assert.deepEqual(await auditActions(id), [
      'catalog.resource_register:success',
      'catalog.resource_publish:refused',
      'catalog.resource_submit:success',
      'catalog.resource_update:refused',
      'catalog.resource_return:success',
      'catalog.resource_submit:success',
      'catalog.resource_publish:success',
      'catalog.resource_withdraw:success',
      'catalog.resource_update:success',
      'catalog.resource_submit:success',
    ]);
  });

  test('SECURITY-16 the one who submitted a resource cannot approve it; another authority officer can', async () => {
    const own = await register(reviewer, '大同市政务云资源使用信息');
    const submitted = await act(reviewer, own.resource.id, 'submit', { version: 1 });
    assert.equal(submitted.statusCode, 200);
    assert.deepEqual(submitted.json().resource.actions, ['return']);
    const self = await act(reviewer, own.resource.id, 'review', { decision: 'publish', version: 2 });
    assert.equal(self.statusCode, 403);
    assert.equal(self.json().code, 'SELF_APPROVAL');
    const other = await act(authlead, own.resource.id, 'review', { decision: 'publish', version: 2 });
    assert.equal(other.statusCode, 200, other.body);
  });

  test('SC-26 the same data item registered by two departments is flagged to both and to the authority, with the earlier provider as single source', async () => {
    const related = { relatedCodes: ['101001001/000001'] };
    const first = await register(staff, '大同市学生户籍信息', {
      ...related,
      dataItems: [
        { name: '学生姓名', dataType: 'string', length: 50 },
        { name: '公民身份号码', dataType: 'string', length: 18 },
      ],
    });
    assert.equal(first.conflicts.length, 0);
    ctx.clock.advance(60_000);
    const second = await register(staff2, '大同市孕产妇保健信息', {
      ...related,
      code: '312009001',
      providerCode: uscc(92),
      dataItems: [
        { name: '孕产妇姓名', dataType: 'string', length: 50 },
        { name: '身份证号码', dataType: 'string', length: 18 },
      ],
    });
    assert.equal(second.conflicts.length, 1, JSON.stringify(second.conflicts));
    const conflict = second.conflicts[0];
    assert.equal(conflict.status, 'open');
    assert.equal(conflict.proposedSource.provider, '大同市教育局');
    assert.equal(conflict.proposedSource.itemName, '公民身份号码');
    assert.deepEqual(conflict.departments, ['大同市教育局', '大同市卫生健康委员会']);

    for (const session of [staff, staff2, reviewer]) {
      const list = await session.request('GET', '/api/catalog/single-source-conflicts?status=open');
      const items = list.json().items as { itemName: string; departments: string[] }[];
      assert.ok(
        items.some((c) => c.departments.includes('大同市卫生健康委员会') && c.itemName === '公民身份号码'),
        `${session.username} sees the notice`,
      );
    }
    const sc = await scReviewer.request('GET', '/api/catalog/single-source-conflicts');
    assert.ok(
      sc.json().items.every((c: { departments: string[] }) => !c.departments.includes('大同市教育局')),
      'another jurisdiction does not see it',
    );
    assert.ok(
      sc
        .json()
        .items.some((c: { departments: string[] }) => c.departments.includes('朔城区卫生健康和体育局')),
      'the seeded SC overlap is there',
    );

    const fixed = await staff2.request('PATCH', `/api/catalog/resources/${second.resource.id}`, {
      dataItems: [{ name: '孕产妇姓名', dataType: 'string', length: 50 }],
      sharingConditions: '身份证号通过共享平台从教育局获取（一数一源）',
      version: 1,
    });
    assert.equal(fixed.statusCode, 200, fixed.body);
    const resolved = await reviewer.request('GET', '/api/catalog/single-source-conflicts?status=resolved');
    assert.ok(
      resolved
        .json()
        .items.some(
          (c: { itemName: string; resolvedAt: string | null }) =>
            c.itemName === '公民身份号码' && c.resolvedAt,
        ),
    );
  });

  test('DT-10 a near-duplicate resource name of another department is flagged at entry', async () => {
    await register(staff, '大同市学校安全隐患信息');
    const near = await register(staff2, '大同市学校安全隐患信息', {
      code: '312009002',
      providerCode: uscc(92),
    });
    assert.deepEqual(
      near.nearDuplicates.map((d) => d.organisationName),
      ['大同市教育局'],
    );
    const same = await staff.request('POST', '/api/catalog/resources', resource('大同市学校安全隐患 信息'));
    assert.equal(same.statusCode, 409);
    assert.equal(same.json().code, 'DUPLICATE_NAME');
  });

  test('DT-10 department B cannot see or change department A’s resources (404); the authority of the jurisdiction can; another jurisdiction’s cannot', async () => {
    const mine = await register(staff, '大同市校外培训机构信息');
    for (const session of [staff2, scReviewer]) {
      assert.equal(
        (await session.request('GET', `/api/catalog/resources/${mine.resource.id}`)).statusCode,
        404,
      );
      const patch = await session.request('PATCH', `/api/catalog/resources/${mine.resource.id}`, {
        summary: 'x',
        version: 1,
      });
      assert.equal(patch.statusCode, 404);
      const submit = await act(session, mine.resource.id, 'submit', { version: 1 });
      assert.equal(submit.statusCode, 404);
      const list = await session.request('GET', '/api/catalog/resources?keyword=校外培训');
      assert.equal(list.json().total, 0);
    }
    const review = await act(scReviewer, mine.resource.id, 'review', { decision: 'publish', version: 1 });
    assert.equal(review.statusCode, 404);
    const seen = await reviewer.request('GET', `/api/catalog/resources/${mine.resource.id}`);
    assert.equal(seen.statusCode, 200);
  });
});

describe('public resource catalog', () => {
  test('DT-10 SC-09b the public endpoints expose only published resources that are opened, never 不予开放 or 涉密, without internal ids', async () => {
    const publish = async (session: Session, name: string, extra: Record<string, unknown>) => {
      const created = await register(session, name, extra);
      await act(session, created.resource.id, 'submit', { version: 1 });
      const res = await act(authlead, created.resource.id, 'review', { decision: 'publish', version: 2 });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().resource as { code: string };
    };
    const open = await publish(staff, '大同市普通高中招生计划', {
      openness: 'unconditional',
      sharing: 'unconditional',
      sharingConditions: undefined,
    });
    const closed = await publish(staff, '大同市学生家庭经济状况', {});
    const secret = await publish(staff, '大同市考场布设信息', { classified: true });
    const pending = await register(staff, '大同市中考成绩统计', { openness: 'unconditional' });

    const anonymous = (url: string) => ctx.app.inject({ method: 'GET', url });
    const list = await anonymous('/api/public/resources?limit=100');
    assert.equal(list.statusCode, 200);
    assert.ok(list.headers['x-ratelimit-limit'], 'rate-limited');
    const codes = list.json().items.map((i: { code: string }) => i.code);
    assert.ok(codes.includes(open.code));
    for (const hidden of [closed.code, secret.code, pending.resource.code, '311001002/000001']) {
      assert.ok(!codes.includes(hidden), `${hidden} must not be public`);
      const one = await anonymous(`/api/public/resources/${encodeURIComponent(hidden)}`);
      assert.equal(one.statusCode, 404, hidden);
    }
    const detail = await anonymous(`/api/public/resources/${open.code.replace('/', '-')}`);
    assert.equal(detail.statusCode, 200);
    const keys = Object.keys(detail.json());
    for (const internal of [
      'id',
      'providerOrganisationId',
      'providerCode',
      'sharingConditions',
      'submittedBy',
      'reviewNote',
      'version',
    ]) {
      assert.ok(!keys.includes(internal), `${internal} is internal`);
    }
    assert.equal(detail.json().providerName, '大同市教育局');
    assert.doesNotMatch(
      list.body,
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
      'no uuid anywhere',
    );
    for (const item of list.json().items) {
      assert.notEqual(item.openness, 'none');
    }
  });
});
