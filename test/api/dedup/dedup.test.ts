/**
 * 查重 (issue 16) through the API: catalog systems carry a 功能清单; a check needs no project; a
 * restatement in other words finds the system as the top `high` hit with shared phrases marked in
 * both texts, an unrelated proposal of the same domain gets no `high`; 负面清单 hits cite their
 * entry; a submission stores its check; the review cannot conclude while a `high` hit is
 * unacknowledged, and only the reviewer (not the submitter) acknowledges.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  expectStatus,
  FIVE_OPINIONS,
  jurisdictionId,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

const ELDERLY = {
  name: '大同市居家养老服务管理系统',
  purpose: '为辖区老年人提供居家养老服务，管理服务机构、助餐助浴上门服务订单和服务补贴。',
  functions: [
    '老年人信息登记',
    '养老服务机构管理',
    '上门服务派单',
    '助餐助浴服务记录',
    '服务补贴结算',
    '服务满意度回访',
  ],
};

const RESTATED = {
  name: '智慧养老一体化平台',
  summary: '建设智慧养老平台，面向全市高龄老人开展居家上门服务，对服务商进行统一管理，并按月结算政府补助。',
  functions: ['长者档案采集', '服务商管理', '上门服务工单', '助餐、助浴服务记录', '补助结算', '服务评价回访'],
};

const systemBody = (extra: Record<string, unknown>) => ({
  purpose: '',
  status: 'in_operation',
  deployment: 'city_cloud',
  networks: ['extranet'],
  mlpsLevel: 2,
  projectRefs: [],
  resourceCodes: [],
  sharedOnPlatform: false,
  sharedResourceCount: 0,
  cloudMigration: 'migrated',
  cloudMigrationDate: '2024-06-30',
  ...extra,
});

type Mark = { field: 'name' | 'text' | 'items'; index?: number; start: number; end: number };
const marked = (texts: { name: string; text: string; items: string[] }, m: Mark) =>
  (m.field === 'name' ? texts.name : m.field === 'text' ? texts.text : texts.items[m.index ?? -1]).slice(
    m.start,
    m.end,
  );

describe('查重', () => {
  let elderlyId = '';

  test('a catalog system carries its 功能清单 (function list) and purpose', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request('POST', '/api/catalog/systems', systemBody(ELDERLY));
    expectStatus(res, 201, 'register');
    elderlyId = res.json().system.id;
    assert.deepEqual(res.json().system.functions, ELDERLY.functions);
    const read = await staff.request('GET', `/api/catalog/systems/${elderlyId}`);
    assert.deepEqual(read.json().system.functions, ELDERLY.functions);
    const patched = await staff.request('PATCH', `/api/catalog/systems/${elderlyId}`, {
      remarks: '查重测试',
      version: 1,
    });
    expectStatus(patched, 200, 'patch');
    assert.deepEqual(patched.json().system.functions, ELDERLY.functions, 'a patch keeps the list');
  });

  test('DT-01/DT-12a a restatement in other words finds the system as the top high hit, phrases marked in both texts', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request('POST', '/api/dedup/check', RESTATED);
    expectStatus(res, 200, 'check');
    const [top] = res.json().hits;
    assert.equal(top.kind, 'system');
    assert.equal(top.id, elderlyId);
    assert.equal(top.level, 'high');
    assert.ok(top.score >= 0.37 && top.score <= 1, String(top.score));
    assert.ok(top.phrases.length > 0);
    const query = { name: RESTATED.name, text: RESTATED.summary, items: RESTATED.functions };
    const queryMarked = top.queryMarks.map((m: Mark) => marked(query, m));
    const candidateMarked = top.candidateMarks.map((m: Mark) => marked(top.candidate, m));
    assert.ok(queryMarked.includes('上门服务'), queryMarked.join('|'));
    assert.ok(candidateMarked.includes('上门服务'), candidateMarked.join('|'));
    // Synonyms are shared phrases too: 补助结算 (proposal) ~ 补贴结算 (system).
    assert.ok(queryMarked.includes('补助结算'), queryMarked.join('|'));
  });

  test('DT-01 an unrelated proposal of the same domain gets no high hit', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request('POST', '/api/dedup/check', {
      name: '婚姻登记管理系统',
      summary: '办理结婚登记、离婚登记和补领婚姻登记证，管理婚姻登记档案。',
      functions: ['结婚登记', '离婚登记', '补领婚姻登记证', '婚姻登记档案管理'],
    });
    expectStatus(res, 200, 'check');
    assert.deepEqual(
      res.json().hits.filter((h: { level: string }) => h.level === 'high'),
      [],
    );
  });

  test('SC-26 data items a proposal would collect are matched with the registered resource that shares them', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request('POST', '/api/dedup/check', {
      name: '学校信息采集系统',
      summary: '采集全市学校的名称、地址、办学类型和联系电话',
      dataItems: ['学校名称', '学校地址', '办学类型', '联系电话'],
    });
    expectStatus(res, 200, 'check');
    const hit = res.json().hits.find((h: { kind: string; name: string }) => h.kind === 'resource');
    assert.ok(hit, res.body);
    assert.equal(hit.name, '大同市学校基本信息');
    assert.ok(['high', 'partial'].includes(hit.level));
    assert.ok(
      hit.phrases.some((p: string) => p.includes('学校')),
      hit.phrases.join('|'),
    );
  });

  test('查重 checks compare within the caller’s jurisdictions: another jurisdiction is refused at the field', async () => {
    const staff = await sessions.as('dt.staff');
    const sc = await jurisdictionId(staff, 'SC');
    const res = await staff.request('POST', '/api/dedup/check', { ...RESTATED, jurisdictionId: sc });
    expectStatus(res, 400, 'other jurisdiction');
    assert.equal(res.json().code, 'JURISDICTION_NOT_FOUND');
    assert.equal(res.json().field, 'jurisdictionId');
    // SC's department does not see DT's system.
    const scStaff = await sessions.as('sc.staff');
    const scRes = await scStaff.request('POST', '/api/dedup/check', RESTATED);
    expectStatus(scRes, 200, 'sc check');
    assert.ok(scRes.json().hits.every((h: { id: string }) => h.id !== elderlyId));
  });

  test('SC-12 负面清单 and 统建清单 are kept by the authority of the jurisdiction; hits cite the entry', async () => {
    const reviewer = await sessions.as('dt.reviewer');
    const created = await reviewer.request('POST', '/api/dedup/lists', {
      list: 'negative',
      code: 'FM-01',
      name: '部门自建机房',
      description: '各部门不得新建、扩建自用机房，应使用政务云',
      phrases: ['机房', '服务器'],
      basis: '大同市政务信息化项目管理办法',
    });
    expectStatus(created, 201, 'create');
    const entryId = created.json().id;
    const twice = await reviewer.request('POST', '/api/dedup/lists', {
      list: 'negative',
      code: 'FM-01',
      name: '重复编号',
      phrases: ['x'],
    });
    expectStatus(twice, 409, 'duplicate code');
    assert.equal(twice.json().field, 'code');

    const staff = await sessions.as('dt.staff');
    const lists = (await staff.request('GET', '/api/dedup/lists?list=negative')).json().items;
    assert.ok(lists.some((e: { id: string }) => e.id === entryId));
    const scLists = (await (await sessions.as('sc.staff')).request('GET', '/api/dedup/lists')).json().items;
    assert.ok(
      scLists.every((e: { id: string }) => e.id !== entryId),
      'another jurisdiction does not see it',
    );

    const check = await staff.request('POST', '/api/dedup/check', {
      name: '教育数据中心建设',
      summary: '新建本局数据中心，采购存储设备',
      functions: [],
    });
    const hit = check.json().hits.find((h: { id: string }) => h.id === entryId);
    assert.ok(hit, check.body);
    assert.equal(hit.kind, 'negative');
    assert.equal(hit.level, 'high');
    assert.match(hit.detail, /负面清单 FM-01 · 依据：大同市政务信息化项目管理办法/);

    const stale = await reviewer.request('PUT', `/api/dedup/lists/${entryId}`, {
      code: 'FM-01',
      name: '部门自建机房',
      phrases: ['机房'],
      active: false,
      version: 9,
    });
    expectStatus(stale, 409, 'stale');
    const off = await reviewer.request('PUT', `/api/dedup/lists/${entryId}`, {
      code: 'FM-01',
      name: '部门自建机房',
      phrases: ['机房'],
      active: false,
      version: 1,
    });
    expectStatus(off, 204, 'deactivate');
    const again = await staff.request('POST', '/api/dedup/check', {
      name: '教育数据中心建设',
      summary: '新建本局数据中心，采购存储设备',
    });
    assert.ok(
      again.json().hits.every((h: { id: string }) => h.id !== entryId),
      'inactive entries do not match',
    );
  });

  test('查重 list entries of another jurisdiction cannot be changed or seen', async () => {
    const reviewer = await sessions.as('dt.reviewer');
    const created = await reviewer.request('POST', '/api/dedup/lists', {
      list: 'unified',
      code: 'TJ-01',
      name: '统一身份认证',
      phrases: ['统一身份认证'],
    });
    expectStatus(created, 201, 'create');
    const sc = await sessions.as('sc.reviewer');
    const res = await sc.request('PUT', `/api/dedup/lists/${created.json().id}`, {
      code: 'TJ-01',
      name: '改名',
      phrases: ['x'],
      version: 1,
    });
    expectStatus(res, 404, 'other jurisdiction');
    const foreignTarget = await reviewer.request('POST', '/api/dedup/lists', {
      list: 'unified',
      code: 'TJ-02',
      name: '电子印章',
      phrases: ['电子印章'],
      jurisdictionId: await jurisdictionId(reviewer, 'SC'),
    });
    expectStatus(foreignTarget, 400, 'foreign jurisdiction');
    assert.equal(foreignTarget.json().field, 'jurisdictionId');
  });

  test('DT-12a/SC-12 a submission stores its check; the review cannot conclude while a high hit is unacknowledged', async () => {
    const staff = await sessions.as('dt.staff');
    const ownSystem = await catalogSystem(ctx, staff, 'DT', '大同市教育局', 'under_construction');
    const entryId = await approvedPlanEntry(sessions, 'dt.reviewer', 'dt.gov', '大同市教育局', RESTATED.name);
    const { id } = await draftProject(staff, {
      planEntryId: entryId,
      name: RESTATED.name,
      summary: `${RESTATED.summary}功能包括${RESTATED.functions.join('、')}。`,
      systems: [{ systemId: ownSystem, name: null, relation: 'builds' }],
    });
    await uploadMissing(staff, id);
    expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');

    const view = await staff.request('GET', `/api/projects/${id}/dedup`);
    expectStatus(view, 200, 'view');
    assert.equal(view.json().canAcknowledge, false, 'the applicant does not acknowledge');
    const [check] = view.json().checks;
    assert.equal(check.submissionSeq, 1);
    assert.equal(check.input.name, RESTATED.name);
    const high = check.hits.find((h: { targetId: string }) => h.targetId === elderlyId);
    assert.ok(high, JSON.stringify(check.hits.map((h: { name: string }) => h.name)));
    assert.equal(high.level, 'high');
    assert.ok(
      check.hits.every((h: { targetId: string }) => h.targetId !== ownSystem),
      'the system the project builds is not its own duplicate',
    );

    const reviewer = await sessions.as('dt.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    const refused = await decide(reviewer, id, 'dt.review.assessment');
    expectStatus(refused, 422, 'unacknowledged');
    assert.equal(refused.json().code, 'DEDUP_HIGH_UNACKNOWLEDGED');
    assert.equal(refused.json().field, 'dedup');
    assert.ok(refused.json().article);
    assert.match(refused.json().message, /大同市居家养老服务管理系统/);

    const byApplicant = await staff.request('POST', `/api/projects/${id}/dedup/hits/${high.id}/acknowledge`, {
      note: '不是重复',
      version: high.version,
    });
    expectStatus(byApplicant, 403, 'applicant');

    const reviewerView = (await reviewer.request('GET', `/api/projects/${id}/dedup`)).json();
    assert.equal(reviewerView.canAcknowledge, true);
    const empty = await reviewer.request('POST', `/api/projects/${id}/dedup/hits/${high.id}/acknowledge`, {
      note: '',
      version: high.version,
    });
    expectStatus(empty, 400, 'empty note');
    const blank = await reviewer.request('POST', `/api/projects/${id}/dedup/hits/${high.id}/acknowledge`, {
      note: '   ',
      version: high.version,
    });
    expectStatus(blank, 400, 'blank note');
    assert.equal(blank.json().code, 'NOTE_REQUIRED');
    assert.equal(blank.json().field, 'note');
    for (const hit of reviewerView.checks[0].hits.filter((h: { level: string }) => h.level === 'high')) {
      const ack = await reviewer.request('POST', `/api/projects/${id}/dedup/hits/${hit.id}/acknowledge`, {
        note: '与市民政局居家养老服务管理系统重复，应合并建设',
        version: hit.version,
      });
      expectStatus(ack, 204, 'acknowledge');
    }
    const twice = await reviewer.request('POST', `/api/projects/${id}/dedup/hits/${high.id}/acknowledge`, {
      note: '再次确认',
      version: high.version + 1,
    });
    expectStatus(twice, 409, 'twice');
    const acked = (await reviewer.request('GET', `/api/projects/${id}/dedup`))
      .json()
      .checks[0].hits.find((h: { id: string }) => h.id === high.id);
    assert.equal(acked.acknowledgementNote, '与市民政局居家养老服务管理系统重复，应合并建设');
    assert.ok(acked.acknowledgedByName);
    const audits = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'dedup.acknowledge'));
    assert.ok(audits.some((a) => a.outcome === 'success' && a.objectId === id));

    expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'concludes once acknowledged');
  });

  test('查重 results of a project are visible only to those who see the project', async () => {
    const staff = await sessions.as('dt.staff');
    const { id } = await draftProject(staff, { name: '查重可见性测试项目' });
    const other = await sessions.as('sc.staff');
    expectStatus(await other.request('GET', `/api/projects/${id}/dedup`), 404, 'other jurisdiction');
    expectStatus(await staff.request('GET', `/api/projects/${id}/dedup`), 200, 'own department');
  });
});
