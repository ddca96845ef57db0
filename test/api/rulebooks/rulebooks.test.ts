import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { rulebookVersions } from '../../../src/rulebooks/tables.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let admin: Session;
let staff: Session;
let approver: Session;

before(async () => {
  ctx = await setup();
  admin = await login(ctx, 'demo.sysadmin');
  staff = await login(ctx, 'dt.staff');
  approver = await login(ctx, 'dt.approver');
});
after(async () => {
  await ctx.close();
});

interface Item {
  id: string;
  code?: string;
  amount?: number;
  unit?: string;
  articles: { id: string; citation: string }[];
}
const byId = <T extends { id: string }>(list: T[], id: string): T => {
  const found = list.find((x) => x.id === id);
  assert.ok(found, `${id} missing`);
  return found;
};

/** A county under 大同市 derives its rules from DT, filing contracts within 3 working days (DT-37). */
const COUNTY = {
  baseCode: 'DT',
  jurisdictionCode: '140221',
  jurisdictionName: '阳高县',
  name: '阳高县政务信息化项目规则集',
  effectiveFrom: '2026-01-01',
  changes: [
    { op: 'set_deadline', deadlineId: 'dt.deadline.contract_filing', amount: 3, unit: 'working_days' },
    { op: 'rename_organisation', key: 'dt_authority', name: '县数字政府服务中心' },
  ],
};

describe('rulebooks API: reading', () => {
  test('reads need a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/rulebooks' });
    assert.equal(res.statusCode, 401);
  });

  test('the list has the four built-in rulebooks with their jurisdictions', async () => {
    const res = await staff.request('GET', '/api/rulebooks');
    assert.equal(res.statusCode, 200);
    const items = res.json().items as {
      code: string;
      jurisdictionName: string;
      builtIn: boolean;
      version: number;
    }[];
    assert.deepEqual(items.map((i) => i.code).sort(), ['DT', 'JC', 'SC', 'XZ']);
    const dt = items.find((i) => i.code === 'DT');
    assert.deepEqual(
      { name: dt?.jurisdictionName, builtIn: dt?.builtIn, version: dt?.version },
      { name: '大同市', builtIn: true, version: 1 },
    );
  });

  test('DT shows the DT-19 contract filing deadline, the DT-09c gate, roles and conditions in Chinese', async () => {
    const res = await staff.request('GET', '/api/rulebooks/DT');
    assert.equal(res.statusCode, 200);
    const rb = res.json();
    assert.equal(rb.regulation.title, '大同市政务信息化项目建设应用管理办法');
    assert.equal(rb.regulation.issuer, '大同市人民政府办公室');
    const deadline = byId<Item & { unitName: string; periodText: string }>(
      rb.deadlines,
      'dt.deadline.contract_filing',
    );
    assert.equal(deadline.amount, 5);
    assert.equal(deadline.unit, 'working_days');
    assert.equal(deadline.periodText, '自“签订合同”之日起 5个工作日内');
    assert.equal(deadline.articles[0].id, 'DT-19');
    assert.equal(deadline.articles[0].citation, '《大同市政务信息化项目建设应用管理办法》第十九条（DT-19）');
    const gate = byId<Item & { reason: string; actions: { code: string; name: string }[] }>(
      rb.gates,
      'dt.gate.filing_certificate',
    );
    assert.equal(gate.articles[0].id, 'DT-09c');
    assert.deepEqual(gate.actions, [{ code: 'approve_establishment', name: '立项' }]);
    assert.match(gate.reason, /备案证明/);
    const approverRole = rb.roles.find((r: { code: string }) => r.code === 'approver');
    assert.equal(approverRole.orgName, '市行政审批局');
    assert.equal(approverRole.canonicalName, '审批部门人员');
    const steps = rb.workflow.stages.flatMap((s: { steps: unknown[] }) => s.steps);
    const preReview = byId<Item & { condition: { text: string } }>(steps, 'dt.review.pre_review');
    assert.match(preReview.condition.text, /已纳入政务信息化规划或年度计划/);
    assert.ok(rb.materials.some((m: { code: string }) => m.code === 'filing_certificate'));
    assert.equal(rb.content.id, 'DT');
  });

  test('a jurisdiction code resolves to its rulebook; an unknown one is a 404', async () => {
    const sc = await staff.request('GET', '/api/rulebooks/SC');
    assert.equal(sc.json().jurisdictionName, '朔州市朔城区');
    const none = await staff.request('GET', '/api/rulebooks/SZ');
    assert.equal(none.statusCode, 404);
    assert.equal(none.json().code, 'RULEBOOK_NOT_FOUND');
    const noVersion = await staff.request('GET', '/api/rulebooks/DT?version=9');
    assert.equal(noVersion.statusCode, 404);
  });
});

describe('deriving a county rulebook (DT-37)', () => {
  test('only sys_admin derives (403), broken changes are a 400 with the problems, and nothing is stored', async () => {
    const denied = await staff.request('POST', '/api/rulebooks/DT-YG/versions', COUNTY);
    assert.equal(denied.statusCode, 403);
    const broken = await admin.request('POST', '/api/rulebooks/DT-YG/versions', {
      ...COUNTY,
      changes: [{ op: 'set_deadline', deadlineId: 'dt.deadline.no_such_deadline', amount: 3 }],
    });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().code, 'RULEBOOK_INVALID');
    assert.equal(broken.json().field, 'changes');
    assert.match(broken.json().problems[0], /期限 dt\.deadline\.no_such_deadline 不存在/);
    const badBase = await admin.request('POST', '/api/rulebooks/DT-YG/versions', {
      ...COUNTY,
      baseCode: 'QQ',
    });
    assert.equal(badBase.statusCode, 400);
    assert.equal(badBase.json().field, 'baseCode');
    assert.equal((await ctx.database.db.select().from(rulebookVersions)).length, 0);
  });

  test('DT-37 a derived county rulebook is stored as a new version, GET returns it, and the base DT is unchanged', async () => {
    const res = await admin.request('POST', '/api/rulebooks/DT-YG/versions', COUNTY);
    assert.equal(res.statusCode, 201, res.body);
    const county = res.json();
    assert.equal(county.code, 'DT-YG');
    assert.equal(county.version, 1);
    assert.deepEqual(county.derivedFrom, { code: 'DT', version: 1 });
    assert.equal(county.builtIn, false);
    assert.equal(county.createdByName, '系统管理员（演示）');
    assert.equal(byId<Item>(county.deadlines, 'dt.deadline.contract_filing').amount, 3);

    const got = (await staff.request('GET', '/api/rulebooks/DT-YG')).json();
    assert.equal(got.jurisdictionName, '阳高县');
    assert.equal(byId<Item>(got.deadlines, 'dt.deadline.contract_filing').amount, 3);
    assert.equal(
      got.organisations.find((o: { key: string }) => o.key === 'dt_authority').name,
      '县数字政府服务中心',
    );
    const base = (await staff.request('GET', '/api/rulebooks/DT')).json();
    assert.equal(byId<Item>(base.deadlines, 'dt.deadline.contract_filing').amount, 5);

    const list = (await staff.request('GET', '/api/rulebooks')).json().items;
    assert.ok(list.some((i: { code: string; derivedFrom: unknown }) => i.code === 'DT-YG'));

    const rows = await ctx.database.db.select().from(rulebookVersions);
    assert.equal(rows.length, 1);
    assert.deepEqual(
      [
        rows[0].code,
        rows[0].version,
        rows[0].derivedFromCode,
        rows[0].derivedFromVersion,
        rows[0].jurisdictionCode,
      ],
      ['DT-YG', 1, 'DT', 1, '140221'],
    );
    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'rulebook.derive'));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].objectId, 'DT-YG@1');
    assert.equal(audit[0].details?.baseCode, 'DT');
  });

  test('DT-37 a second derivation becomes version 2; version 1 stays readable', async () => {
    const res = await admin.request('POST', '/api/rulebooks/DT-YG/versions', {
      ...COUNTY,
      effectiveFrom: '2026-07-01',
      changes: [{ op: 'set_deadline', deadlineId: 'dt.deadline.contract_filing', amount: 4 }],
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().version, 2);
    assert.deepEqual(
      res.json().versions.map((v: { version: number }) => v.version),
      [1, 2],
    );
    const v1 = (await staff.request('GET', '/api/rulebooks/DT-YG?version=1')).json();
    assert.equal(byId<Item>(v1.deadlines, 'dt.deadline.contract_filing').amount, 3);
  });
});

describe('evaluating a project against a rulebook', () => {
  test('evaluation is for business roles: the system administrator gets 403', async () => {
    const res = await admin.request('POST', '/api/rulebooks/DT/evaluate', { facts: {}, events: [] });
    assert.equal(res.statusCode, 403);
  });

  test('unknown facts and event types are 400s', async () => {
    const fact = await staff.request('POST', '/api/rulebooks/DT/evaluate', {
      facts: { isGood: true },
      events: [],
    });
    assert.equal(fact.statusCode, 400);
    assert.equal(fact.json().field, 'facts.isGood');
    const event = await staff.request('POST', '/api/rulebooks/DT/evaluate', {
      facts: {},
      events: [{ type: 'party', at: '2026-03-01' }],
    });
    assert.equal(event.statusCode, 400);
  });

  test('DT-09c establishment without the filing certificate is blocked, with the article', async () => {
    const res = await approver.request('POST', '/api/rulebooks/DT/evaluate', {
      facts: { planned: true, interoperable: true },
      events: [
        { type: 'registered', at: '2026-03-02', stepId: 'dt.plan.register' },
        { type: 'submitted', at: '2026-03-03', stepId: 'dt.application.submit' },
      ],
      today: '2026-03-10',
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.roles, ['approver']);
    assert.deepEqual(body.nextSteps, []);
    const establishment = body.gates.find((g: { action: string }) => g.action === 'approve_establishment');
    assert.equal(establishment.allowed, false);
    const certificate = establishment.results.find(
      (r: { gateId: string }) => r.gateId === 'dt.gate.filing_certificate',
    );
    assert.equal(certificate.passed, false);
    assert.equal(certificate.article, 'DT-09c');
    assert.match(certificate.citation, /第九条（DT-09c）/);
    // One per gated action, including 录入/列入目录 (register) and 预算评审 (review_budget).
    assert.equal(body.gates.length, 8);
  });

  test('DT-19 the contract filing obligation is due on the make-up Saturday after National Day', async () => {
    const res = await staff.request('POST', '/api/rulebooks/DT/evaluate', {
      facts: { planned: true },
      events: [{ type: 'contract_signed', at: '2026-09-28', ref: 'HT-1' }],
      today: '2026-10-09',
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const o = body.obligations.find(
      (x: { deadlineId: string }) => x.deadlineId === 'dt.deadline.contract_filing',
    );
    assert.equal(o.dueDate, '2026-10-10');
    assert.equal(o.calendarKnown, true);
    assert.equal(o.periodText, '5个工作日');
    assert.equal(o.owedBy.orgName, '市直部门');
    assert.equal(o.articles[0].id, 'DT-19');
    // The workflow itself starts at registration, the step the department (the caller's role) acts on.
    assert.deepEqual(
      body.nextSteps.map((s: { stepId: string; actor: { orgName: string } }) => [s.stepId, s.actor.orgName]),
      [['dt.plan.register', '市直部门']],
    );
  });

  test('the derived county rulebook gives 3 working days: due on 10-08, past the National Day holidays', async () => {
    const res = await staff.request('POST', '/api/rulebooks/DT-YG/evaluate', {
      facts: {},
      events: [{ type: 'contract_signed', at: '2026-09-28' }],
      today: '2026-10-09',
      version: 1,
    });
    assert.equal(res.statusCode, 200, res.body);
    const o = res
      .json()
      .obligations.find((x: { deadlineId: string }) => x.deadlineId === 'dt.deadline.contract_filing');
    assert.equal(o.dueDate, '2026-10-08');
    assert.equal(o.overdue, true);
  });

  test('a due date in 2027 stays unknown until the 2027 arrangement is entered', async () => {
    const evaluate = () =>
      staff.request('POST', '/api/rulebooks/DT/evaluate', {
        facts: {},
        events: [{ type: 'contract_signed', at: '2026-12-28' }],
        today: '2026-12-29',
      });
    const before = (await evaluate()).json().obligations[0];
    assert.deepEqual(
      { due: before.dueDate, known: before.calendarKnown, years: before.unknownYears },
      { due: null, known: false, years: [2027] },
    );
    const saved = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-08', kind: 'holiday', name: '春节' },
      ],
      publishedRef: '国办发明电〔2026〕7号',
      updatedAt: null,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const afterSave = (await evaluate()).json().obligations[0];
    assert.deepEqual(
      { due: afterSave.dueDate, known: afterSave.calendarKnown },
      { due: '2027-01-05', known: true },
    );
  });
});
