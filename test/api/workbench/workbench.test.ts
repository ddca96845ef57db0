/**
 * 工作台 (issue 17): a task opens the page where its work is done (the five-dimension review opens
 * the review page, not a bare 办理 page); 到达时间 is when the task arrived and 催办 does not make it
 * look new; working days waited come from the holiday table; 待办 lists the oldest task first; due
 * dates come from the rulebook's obligations (none for plan → 立项 steps: shown as no time limit).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCalendar } from '../../../shared/dates/workdays.ts';
import { dueOf } from '../../../src/projects/deadlines.ts';
import type { Obligation } from '../../../src/rules/index.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  draftProject,
  expectStatus,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;

interface Task {
  projectId: string;
  kind: string;
  workPath: string;
  stepId: string;
  since: string;
  waitedWorkdays: number | null;
  dueDate: string | null;
  remainingWorkdays: number | null;
  overdue: boolean;
  urged: number;
}

async function submitted(name: string): Promise<string> {
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

async function tasksOf(username: string): Promise<Task[]> {
  const res = await (await sessions.as(username)).request('GET', '/api/tasks');
  expectStatus(res, 200, 'tasks');
  return res.json().items;
}

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

describe('待办', () => {
  test('the five-dimension review task opens the review page; 催办 does not move 到达时间; oldest first', async () => {
    const first = await submitted('工作台测试项目一');
    const submittedAt = ctx.clock.now().toISOString();
    let task = (await tasksOf('dt.reviewer')).find((t) => t.projectId === first);
    assert.ok(task, 'the reviewer has the task');
    assert.equal(task.kind, 'review');
    assert.equal(task.stepId, 'dt.review.assessment');
    assert.equal(task.workPath, `/projects/${first}/review`);
    assert.equal(task.since, submittedAt);
    assert.equal(task.waitedWorkdays, 0);
    assert.equal(task.dueDate, null, 'no article sets a time limit for the review');
    assert.equal(task.overdue, false);

    // Monday 2026-11-23 → Thursday 2026-11-26: three working days later the applicant urges.
    ctx.clock.advance(3 * 86_400_000);
    sessions = new Sessions(ctx); // the sessions of Monday have timed out
    const urge = await (await sessions.as('dt.staff')).request(
      'POST',
      `/api/projects/${first}/steps/dt.review.assessment/urge`,
      { message: '请尽快审核' },
    );
    expectStatus(urge, 200, 'urge');
    const second = await submitted('工作台测试项目二');

    const tasks = (await tasksOf('dt.reviewer')).filter(
      (t) => t.projectId === first || t.projectId === second,
    );
    task = tasks.find((t) => t.projectId === first);
    assert.ok(task);
    assert.equal(task.since, submittedAt, '催办 does not make the task look new');
    assert.equal(task.waitedWorkdays, 3);
    assert.equal(task.urged, 1);
    assert.deepEqual(
      tasks.map((t) => t.projectId),
      [first, second],
      'oldest first',
    );

    // The project page shows the same arrival and wait on its open step.
    const detail = (await (await sessions.as('dt.reviewer')).request('GET', `/api/projects/${first}`)).json();
    const open = detail.workflow.openSteps.find(
      (x: { stepId: string }) => x.stepId === 'dt.review.assessment',
    );
    assert.equal(open.since, submittedAt);
    assert.equal(open.waitedWorkdays, 3);
    assert.equal(open.dueDate, null);
  });
});

describe('materials in words', () => {
  test('an expert opinion given on the platform no longer shows as missing on the review step', async () => {
    const id = await submitted('专家意见材料项目');
    const reviewer = await sessions.as('dt.reviewer');
    const material = async () =>
      (await reviewer.request('GET', `/api/projects/${id}`))
        .json()
        .workflow.openSteps.find((x: { stepId: string }) => x.stepId === 'dt.review.assessment')
        .materials.find((m: { code: string }) => m.code === 'expert_opinion');
    assert.equal((await material()).provided, false);
    const pool = (await reviewer.request('GET', '/api/experts')).json();
    const expert = pool.candidates.find((c: { username: string }) => c.username === 'dt.expert');
    const inPool = pool.items.some((e: { userId: string }) => e.userId === expert.userId);
    if (!inPool)
      expectStatus(
        await reviewer.request('POST', '/api/experts', {
          userId: expert.userId,
          fields: ['information_systems'],
          employerOrganisationId: (await reviewer.request('GET', '/api/organisations'))
            .json()
            .items.find((o: { name: string }) => o.name === '大同市政务信息化专家咨询委员会').id,
          title: '教授',
        }),
        201,
        'pool',
      );
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/experts`, {
        userId: expert.userId,
        kind: 'expert',
        field: 'information_systems',
      }),
      201,
      'assign',
    );
    expectStatus(
      await (await sessions.as('dt.expert')).request('POST', `/api/projects/${id}/expert-opinion`, {
        opinion: '方案可行，建议复用统一身份认证。',
        conclusion: 'agree',
      }),
      200,
      'opinion',
    );
    assert.equal((await material()).provided, true, '论证意见 arrived: not 缺 any more');
  });
});

describe('due dates', () => {
  const calendar = createCalendar([], [2026]);
  const obligation = (dueDate: string | null): Obligation =>
    ({
      deadlineId: 'x.deadline',
      name: '合同备案',
      obligation: '报送合同',
      owedBy: { role: 'dept_staff' },
      stepId: 'x.step',
      anchor: 'contract_signed',
      anchorDate: '2026-11-20',
      amount: 5,
      unit: 'working_days',
      dueDate,
      calendarKnown: dueDate !== null,
      unknownYears: dueDate === null ? [2099] : [],
      extended: false,
      extensionPending: false,
      status: 'open',
      late: false,
      articles: ['DT-19'],
    }) as unknown as Obligation;

  test('working days left, overdue as negative days, and an unknown year stays unknown', () => {
    const today = '2026-11-23';
    assert.equal(dueOf([], 'x.step', { calendar, today }).dueDate, null);
    const ahead = dueOf([obligation('2026-11-27')], 'x.step', { calendar, today });
    assert.deepEqual([ahead.dueDate, ahead.remainingWorkdays, ahead.overdue], ['2026-11-27', 4, false]);
    const late = dueOf([obligation('2026-11-18')], 'x.step', { calendar, today });
    assert.deepEqual([late.remainingWorkdays, late.overdue], [-3, true]);
    const unknown = dueOf([obligation(null)], 'x.step', { calendar, today });
    assert.deepEqual(
      [unknown.dueDate, unknown.calendarKnown, unknown.remainingWorkdays],
      [null, false, null],
    );
  });
});
