/**
 * Data scoping and the workflow verbs on a DT project (SECURITY.md 14–16, 36–37): department A does
 * not see department B's project; experts see only what is assigned to them and never a project of
 * their own organisation; contractors and experts cannot read review scores; a submitter cannot
 * approve their own application; 转办, 催办, 撤回 and comments; N parallel approvals make one
 * transition; last year's department assessment is shown to the reviewer (DT-31).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  openStepIds,
  organisationId,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let projectId = '';
let materialId = '';

/** A submitted, planned DT project of 大同市教育局 waiting for the five-dimension review. */
async function submittedProject(name: string): Promise<string> {
  const entryId = await approvedPlanEntry(sessions, 'dt.reviewer', 'dt.gov', '大同市教育局', name);
  const staff = await sessions.as('dt.staff');
  const systemId = await catalogSystem(ctx, staff, 'DT', '大同市教育局');
  const { id } = await draftProject(staff, {
    name,
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'changes' }],
  });
  await uploadMissing(staff, id);
  expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  return id;
}

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  projectId = await submittedProject('教育城域网优化项目');
  const detail = (await (await sessions.as('dt.staff')).request('GET', `/api/projects/${projectId}`)).json();
  materialId = detail.materials[0].id;
});
after(async () => {
  await ctx.close();
});

describe('who sees a project', () => {
  test('department A cannot list, read or download department B’s project (404 or empty list)', async () => {
    const other = await sessions.as('dt.staff2');
    const list = (await other.request('GET', '/api/projects')).json();
    assert.ok(!list.items.some((p: { id: string }) => p.id === projectId));
    expectStatus(await other.request('GET', `/api/projects/${projectId}`), 404, 'read');
    expectStatus(await other.request('GET', `/api/projects/${projectId}/timeline`), 404, 'timeline');
    expectStatus(
      await other.request('GET', `/api/projects/${projectId}/materials/${materialId}/download`),
      404,
      'download',
    );
    const own = await sessions.as('dt.staff');
    const download = await own.request('GET', `/api/projects/${projectId}/materials/${materialId}/download`);
    expectStatus(download, 200, 'own download');
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(download.rawPayload.toString('latin1'), /^%PDF-/);
  });

  test('a co-building department sees the project it builds with the lead department', async () => {
    const staff = await sessions.as('dt.staff');
    const coBuilder = await organisationId(staff, '大同市卫生健康委员会');
    const { id } = await draftProject(staff, { name: '医教协同平台', coBuilderIds: [coBuilder] });
    const other = await sessions.as('dt.staff2');
    expectStatus(await other.request('GET', `/api/projects/${id}`), 200, 'co-builder read');
  });

  test('the authority sees its jurisdiction’s submitted projects but not drafts, nor other jurisdictions’', async () => {
    const staff = await sessions.as('dt.staff');
    const { id: draftId } = await draftProject(staff, { name: '尚未提交的草稿' });
    const reviewer = await sessions.as('dt.reviewer');
    const ids = (await reviewer.request('GET', '/api/projects'))
      .json()
      .items.map((p: { id: string }) => p.id);
    assert.ok(ids.includes(projectId));
    assert.ok(!ids.includes(draftId));
    expectStatus(await reviewer.request('GET', `/api/projects/${draftId}`), 404, 'draft');
    const scReviewer = await sessions.as('sc.reviewer');
    expectStatus(await scReviewer.request('GET', `/api/projects/${projectId}`), 404, 'other jurisdiction');
  });

  test('contractors and experts cannot read review scores', async () => {
    const contractor = await sessions.as('dt.contractor');
    const scores = await contractor.request('GET', `/api/projects/${projectId}/review`);
    expectStatus(scores, 403, 'contractor review');
    assert.equal(scores.json().code, 'FORBIDDEN');
    expectStatus(await contractor.request('GET', `/api/projects/${projectId}`), 403, 'contractor read');
    assert.deepEqual((await contractor.request('GET', '/api/projects')).json().items, []);
    expectStatus(
      await (await sessions.as('dt.expert')).request('GET', `/api/projects/${projectId}/review`),
      403,
      'expert review',
    );
  });
});

describe('experts', () => {
  test('DT-09d an expert cannot see unassigned projects; once assigned by field, sees it and gives a signed opinion', async () => {
    const expert = await sessions.as('dt.expert');
    assert.deepEqual((await expert.request('GET', '/api/projects')).json().items, []);
    expectStatus(await expert.request('GET', `/api/projects/${projectId}`), 404, 'unassigned read');
    const opinionEarly = await expert.request('POST', `/api/projects/${projectId}/expert-opinion`, {
      opinion: '方案可行',
      conclusion: 'agree',
    });
    expectStatus(opinionEarly, 404, 'unassigned opinion');

    const reviewer = await sessions.as('dt.reviewer');
    const pool = (await reviewer.request('GET', '/api/experts')).json();
    const candidate = pool.candidates.find((c: { username: string }) => c.username === 'dt.expert');
    assert.ok(candidate);
    // An expert who is not in the pool is refused.
    const outsider = await extraUser(ctx, sessions, 'expert', '大同市政务信息化专家咨询委员会');
    const notInPool = await reviewer.request('POST', `/api/projects/${projectId}/experts`, {
      userId: outsider.userId,
      kind: 'expert',
      field: 'information_systems',
    });
    expectStatus(notInPool, 400, 'not in pool');
    assert.equal(notInPool.json().code, 'EXPERT_NOT_IN_POOL');
    expectStatus(
      await reviewer.request('POST', '/api/experts', {
        userId: candidate.userId,
        fields: ['information_systems', 'cost'],
        employerOrganisationId: await organisationId(reviewer, '大同市政务信息化专家咨询委员会'),
        title: '教授',
      }),
      201,
      'pool',
    );
    const wrongField = await reviewer.request('POST', `/api/projects/${projectId}/experts`, {
      userId: candidate.userId,
      kind: 'expert',
      field: 'audit',
    });
    expectStatus(wrongField, 400, 'field');
    assert.equal(wrongField.json().code, 'EXPERT_FIELD_MISMATCH');
    expectStatus(
      await reviewer.request('POST', `/api/projects/${projectId}/experts`, {
        userId: candidate.userId,
        kind: 'expert',
        field: 'information_systems',
      }),
      201,
      'assign',
    );

    const seen = (await expert.request('GET', '/api/projects')).json().items.map((p: { id: string }) => p.id);
    assert.deepEqual(seen, [projectId]);
    const tasks = (await expert.request('GET', '/api/tasks')).json().items;
    assert.ok(
      tasks.some(
        (t: { kind: string; projectId: string }) => t.kind === 'expert_opinion' && t.projectId === projectId,
      ),
    );
    expectStatus(
      await expert.request('GET', `/api/projects/${projectId}/materials/${materialId}/download`),
      200,
      'expert download',
    );
    const opinion = await expert.request('POST', `/api/projects/${projectId}/expert-opinion`, {
      opinion: '系统设计合理，建议复用统一身份认证。',
      conclusion: 'agree_with_changes',
    });
    expectStatus(opinion, 200, 'opinion');
    assert.equal(opinion.json().items.length, 1);
    assert.equal(opinion.json().items[0].verified, true);
    const all = (await reviewer.request('GET', `/api/projects/${projectId}/experts`)).json().items;
    assert.equal(all[0].conclusionName, '修改后同意');
  });

  test('an expert from the applicant’s organisation cannot be assigned (回避)', async () => {
    const reviewer = await sessions.as('dt.reviewer');
    const { userId } = await extraUser(ctx, sessions, 'expert', '大同市政务信息化专家咨询委员会');
    expectStatus(
      await reviewer.request('POST', '/api/experts', {
        userId,
        fields: ['information_systems'],
        employerOrganisationId: await organisationId(reviewer, '大同市教育局'),
        title: '高级工程师',
      }),
      201,
      'pool',
    );
    const res = await reviewer.request('POST', `/api/projects/${projectId}/experts`, {
      userId,
      kind: 'expert',
      field: 'information_systems',
    });
    expectStatus(res, 409, 'conflict of interest');
    assert.equal(res.json().code, 'EXPERT_CONFLICT_OF_INTEREST');

    // Also when the expert holds a role in the applicant department itself.
    const insider = await extraUser(ctx, sessions, 'expert', '大同市政务信息化专家咨询委员会', [
      { role: 'dept_leader', organisationName: '大同市教育局' },
    ]);
    expectStatus(
      await reviewer.request('POST', '/api/experts', {
        userId: insider.userId,
        fields: ['hardware'],
        employerOrganisationId: null,
        title: '',
      }),
      201,
      'pool insider',
    );
    const again = await reviewer.request('POST', `/api/projects/${projectId}/experts`, {
      userId: insider.userId,
      kind: 'expert',
      field: 'hardware',
    });
    expectStatus(again, 409, 'insider');
  });

  test('DT-31 the reviewer sees the department’s assessment of last year', async () => {
    const reviewer = await sessions.as('dt.reviewer');
    expectStatus(
      await reviewer.request('POST', '/api/department-assessments', {
        organisationId: await organisationId(reviewer, '大同市教育局'),
        year: 2025,
        score: 86,
        grade: 'good',
        summary: '项目按期建成，数据共享率有待提高。',
      }),
      201,
      'assessment',
    );
    const view = (await reviewer.request('GET', `/api/projects/${projectId}/review`)).json();
    assert.equal(view.lastAssessment.year, 2025);
    assert.equal(view.lastAssessment.gradeName, '良好');
    assert.match(view.lastAssessment.summary, /数据共享率/);
  });
});

describe('workflow verbs', () => {
  test('a submitter cannot approve their own application', async () => {
    const both = await extraUser(ctx, sessions, 'dept_staff', '大同市教育局', [
      { role: 'authority_reviewer', organisationName: '大同市数字政府服务中心' },
    ]);
    const s = await sessions.as(both.username, EXTRA_PASSWORD);
    const entryId = await approvedPlanEntry(sessions, 'dt.reviewer', 'dt.gov', '大同市教育局', '自审项目');
    const systemId = await catalogSystem(ctx, s, 'DT', '大同市教育局');
    const { id } = await draftProject(s, {
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    await uploadMissing(s, id);
    expectStatus(await s.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const own = await decide(s, id, 'dt.review.assessment');
    expectStatus(own, 403, 'self approval');
    assert.equal(own.json().code, 'SELF_APPROVAL');
  });

  test('转办 hands the review to a colleague; 催办 notifies the holder; comments go into the history', async () => {
    const colleague = await extraUser(ctx, sessions, 'authority_reviewer', '大同市数字政府服务中心');
    const reviewer = await sessions.as('dt.reviewer');
    const wrong = await reviewer.request(
      'POST',
      `/api/projects/${projectId}/steps/dt.review.assessment/reassign`,
      {
        userId: (await sessions.as('dt.authlead')).userId,
        note: '',
      },
    );
    expectStatus(wrong, 400, 'reassign to another role');
    expectStatus(
      await reviewer.request('POST', `/api/projects/${projectId}/steps/dt.review.assessment/reassign`, {
        userId: colleague.userId,
        note: '请陈处长出差期间代为审核',
      }),
      200,
      'reassign',
    );
    const blocked = await reviewer.request('PUT', `/api/projects/${projectId}/review`, {
      opinions: FIVE_OPINIONS,
    });
    expectStatus(blocked, 403, 'old holder');
    const holder = await sessions.as(colleague.username, EXTRA_PASSWORD);
    const tasks = (await holder.request('GET', '/api/tasks')).json().items;
    assert.ok(
      tasks.some(
        (t: { projectId: string; stepId: string }) =>
          t.projectId === projectId && t.stepId === 'dt.review.assessment',
      ),
    );
    assert.ok(
      !(await reviewer.request('GET', '/api/tasks'))
        .json()
        .items.some((t: { projectId: string }) => t.projectId === projectId),
    );

    const staff = await sessions.as('dt.staff');
    const urged = await staff.request('POST', `/api/projects/${projectId}/steps/dt.review.assessment/urge`, {
      message: '请尽快审核',
    });
    expectStatus(urged, 200, 'urge');
    assert.equal(urged.json().notified, 1);
    const notes = (await holder.request('GET', '/api/notifications')).json();
    assert.ok(
      notes.items.some(
        (n: { kind: string; message: string }) => n.kind === 'urged' && /请尽快审核/.test(n.message),
      ),
    );
    const urgedTask = (await holder.request('GET', '/api/tasks'))
      .json()
      .items.find((t: { projectId: string }) => t.projectId === projectId);
    assert.equal(urgedTask.urged, 1);
    const first = notes.items.find((n: { kind: string }) => n.kind === 'urged');
    expectStatus(await holder.request('POST', `/api/notifications/${first.id}/read`), 200, 'read');

    expectStatus(
      await staff.request('POST', `/api/projects/${projectId}/comments`, { text: '已补充说明材料' }),
      201,
      'comment',
    );
    const timeline = (await staff.request('GET', `/api/projects/${projectId}/timeline`)).json().items;
    const kinds = timeline.map((t: { kind: string }) => t.kind);
    for (const k of ['reassigned', 'urged', 'comment']) assert.ok(kinds.includes(k), k);
  });

  test('撤回 takes back a decision while the next step has not acted, not after', async () => {
    const id = await submittedProject('撤回测试项目');
    const reviewer = await sessions.as('dt.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment');
    const back = await reviewer.request('POST', `/api/projects/${id}/withdraw`, { reason: '评分有误' });
    expectStatus(back, 200, 'withdraw');
    assert.deepEqual(openStepIds(back.json()), ['dt.review.assessment']);
    expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment again');
    expectStatus(await decide(await sessions.as('dt.authlead'), id, 'dt.review.filing'), 200, 'filing');
    const late = await reviewer.request('POST', `/api/projects/${id}/withdraw`, { reason: '再次撤回' });
    expectStatus(late, 409, 'too late');
    assert.equal(late.json().code, 'WITHDRAW_NOT_ALLOWED');

    // The applicant withdraws a submission before the authority acts.
    const staff = await sessions.as('dt.staff');
    const id2 = await submittedProject('申请撤回测试');
    const withdrawn = await staff.request('POST', `/api/projects/${id2}/withdraw`, { reason: '补充材料' });
    expectStatus(withdrawn, 200, 'applicant withdraw');
    assert.equal(withdrawn.json().state, 'withdrawn');
    assert.equal(withdrawn.json().permissions.canEdit, true);
  });

  test('N parallel approve calls on one step cause exactly one transition', async () => {
    const id = await submittedProject('并发审批测试项目');
    const reviewer = await sessions.as('dt.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment');
    const leader = await sessions.as('dt.authlead');
    expectStatus(await decide(leader, id, 'dt.review.filing'), 200, 'filing');
    const approver = await sessions.as('dt.approver');
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        decide(approver, id, 'dt.filing_approval.establishment', { opinion: '准予立项' }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [200, 409, 409, 409, 409], results.map((r) => r.body).join('\n'));
    const timeline = (await approver.request('GET', `/api/projects/${id}/timeline`)).json().items;
    assert.equal(timeline.filter((t: { event: string }) => t.event === 'establishment_approved').length, 1);

    // An Idempotency-Key retry has a single effect.
    const id2 = await submittedProject('幂等重试测试项目');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id2}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    const key = { 'idempotency-key': 'retry-0001' };
    const once = await reviewer.request(
      'POST',
      `/api/projects/${id2}/steps/dt.review.assessment/decision`,
      { outcome: 'review_completed', opinion: '完成' },
      key,
    );
    const twice = await reviewer.request(
      'POST',
      `/api/projects/${id2}/steps/dt.review.assessment/decision`,
      { outcome: 'review_completed', opinion: '完成' },
      key,
    );
    expectStatus(once, 200, 'once');
    expectStatus(twice, 200, 'twice');
    const events = (await reviewer.request('GET', `/api/projects/${id2}/timeline`)).json().items;
    assert.equal(events.filter((t: { event: string }) => t.event === 'review_completed').length, 1);
  });

  test('a concurrent edit of the same version gets 409 VERSION_CONFLICT', async () => {
    const staff = await sessions.as('dt.staff');
    const { id, body } = await draftProject(staff, { name: '并发编辑测试项目' });
    const [a, b] = await Promise.all([
      staff.request('PATCH', `/api/projects/${id}`, { summary: '甲', version: body.version }),
      staff.request('PATCH', `/api/projects/${id}`, { summary: '乙', version: body.version }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  });
});
