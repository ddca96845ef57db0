/**
 * The obligations engine on a stored project (issue 12): an obligation opened inside a command
 * transaction gets its due date from the working-day calendar (the 国庆 week moves it; an unknown
 * year leaves it unstated), the sweep with an injected clock sends the "due soon", "due today" and
 * "overdue" reminders once each and marks it overdue, the board and the export show it, the
 * authority extends or waives (never on its own), and the bell counts and clears notices.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { loadCalendar } from '../../../src/calendar/repository.ts';
import { notifications } from '../../../src/notifications/index.ts';
import { meetObligation, openObligation, runSweep } from '../../../src/obligations/index.ts';
import { runCommand, SYSTEM_CONTEXT } from '../../../src/platform/command.ts';
import { queryRows } from '../../../src/platform/db/client.ts';
import { projects } from '../../../src/projects/tables.ts';
import { expectStatus, ProjectFixtures, Sessions, setupProjects } from '../../factories/projects.ts';
import { login, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let fixtures: ProjectFixtures;
before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  fixtures = new ProjectFixtures(ctx, sessions);
});
after(async () => {
  await ctx.close();
});

const beijing10 = (date: string) => `${date}T02:00:00.000Z`;
/** A fresh session (moving the clock by days ends the cached ones). */
const as = (username: string) => login(ctx, username);

async function openOn(projectId: string, kind: string, anchorDate: string, amount: number, ref = '') {
  const calendar = await loadCalendar(ctx.database.db);
  const [project] = await ctx.database.db.select().from(projects).where(eq(projects.id, projectId));
  return runCommand(ctx.deps, SYSTEM_CONTEXT, { action: 'obligation.remind' }, (tx) =>
    openObligation(
      tx,
      { calendar, now: ctx.clock.now() },
      {
        jurisdictionId: project.jurisdictionId,
        holderOrganisationId: project.ownerOrganisationId,
        projectId,
        kind,
        ref,
        title: '将合同文本报市数字政府服务中心备案',
        articles: ['DT-19'],
        anchorDate,
        amount,
        unit: 'working_days',
        link: `/projects/${projectId}`,
      },
    ),
  );
}

async function reminderNotices(userId: string, obligationId: string) {
  return ctx.database.db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(sql`${notifications.userId} = ${userId} and ${notifications.obligationId} = ${obligationId}`);
}

describe('obligations engine', () => {
  let projectId = '';
  let obligationId = '';

  test('DT-19 an obligation anchored before the 国庆 week is due on the 调休 Saturday after it; an unknown year is not guessed', async () => {
    ctx.clock.set(beijing10('2026-09-28'));
    projectId = await fixtures.submitted();
    ctx.clock.set(beijing10('2026-09-28'));
    const o = await openOn(projectId, 'test.contract_filing', '2026-09-28', 5, 'HT-1');
    obligationId = o.id;
    // 29, 30 Sep; 1–7 Oct holiday; 8, 9 Oct; Sat 10 Oct is a make-up working day.
    assert.equal(o.dueDate, '2026-10-10');
    assert.equal(o.remindOn, '2026-09-30');
    assert.equal(o.state, 'open');
    const unknown = await openOn(projectId, 'test.contract_filing', '2026-12-20', 20, 'HT-2');
    assert.equal(unknown.dueDate, null);
    assert.deepEqual(unknown.unknownYears, [2027]);

    const staff = await as('dt.staff');
    const list = (await staff.request('GET', `/api/obligations?projectId=${projectId}`)).json();
    assert.equal(list.total, 2);
    const shown = list.items.find((i: { ref: string }) => i.ref === 'HT-2');
    assert.equal(shown.calendarUnknown, true);
    assert.equal(shown.dueDate, null);
    const first = list.items.find((i: { ref: string }) => i.ref === 'HT-1');
    assert.equal(first.remainingWorkingDays, 5);
    assert.deepEqual(first.articles, ['DT-19']);

    const dup = await openOn(projectId, 'test.contract_filing', '2026-09-28', 5, 'HT-1').catch((e) => e);
    assert.equal(dup.code, 'OBLIGATION_EXISTS');
  });

  test('the sweep sends "due soon", "due today" and "overdue" once each and marks the obligation overdue', async () => {
    const staff = await as('dt.staff');
    const reviewer = await as('dt.reviewer');
    ctx.clock.set(beijing10('2026-09-29'));
    assert.equal((await runSweep(ctx.deps)).reminders, 0, 'nothing before remind_on');

    ctx.clock.set(beijing10('2026-09-30'));
    assert.equal((await runSweep(ctx.deps)).reminders, 1);
    assert.equal((await runSweep(ctx.deps)).reminders, 0, 'a second pass sends nothing');
    assert.deepEqual(
      (await reminderNotices(staff.userId, obligationId)).map((n) => n.kind),
      ['obligation_before'],
    );

    ctx.clock.set(beijing10('2026-10-10'));
    assert.equal((await runSweep(ctx.deps)).reminders, 1);
    const dueToday = (
      await (await as('dt.staff')).request('GET', `/api/obligations?projectId=${projectId}&state=open`)
    ).json();
    assert.equal(dueToday.items.find((i: { id: string }) => i.id === obligationId).remainingWorkingDays, 0);

    ctx.clock.set(beijing10('2026-10-12'));
    const sweep = await runSweep(ctx.deps);
    assert.equal(sweep.reminders, 1);
    assert.equal(sweep.markedOverdue, 1);
    assert.equal((await runSweep(ctx.deps)).reminders, 0);
    assert.deepEqual((await reminderNotices(staff.userId, obligationId)).map((n) => n.kind).sort(), [
      'obligation_before',
      'obligation_due',
      'obligation_overdue',
    ]);
    // The authority hears about the overdue obligation only.
    assert.deepEqual(
      (await reminderNotices(reviewer.userId, obligationId)).map((n) => n.kind),
      ['obligation_overdue'],
    );
    const listed = (
      await (await as('dt.staff')).request('GET', `/api/obligations?projectId=${projectId}&overdue=true`)
    ).json();
    assert.equal(listed.total, 1);
    assert.equal(listed.items[0].state, 'overdue');
    assert.equal(listed.items[0].remainingWorkingDays, -1);
  });

  test('the supervision board and the export show the overdue obligation by department; a department sees only its own', async () => {
    const reviewer = await as('dt.reviewer');
    const board = (await reviewer.request('GET', '/api/obligations/board?kind=test.contract_filing')).json();
    const row = board.rows.find((r: { holderName: string }) => r.holderName === '大同市教育局');
    assert.ok(row, JSON.stringify(board));
    assert.equal(row.overdue, 1);
    assert.equal(row.live, 2);

    const other = await as('dt.staff2');
    const otherBoard = (await other.request('GET', '/api/obligations/board')).json();
    assert.equal(otherBoard.rows.length, 0);
    assert.equal((await other.request('GET', `/api/obligations?projectId=${projectId}`)).json().total, 0);
    const sc = await as('sc.reviewer');
    assert.equal((await sc.request('GET', '/api/obligations/board')).json().rows.length, 0);

    const csv = await reviewer.request('GET', '/api/obligations/export?overdue=true');
    expectStatus(csv, 200, 'export');
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /大同市教育局/);
    assert.match(csv.body, /已逾期/);
    assert.equal(csv.body.trim().split('\r\n').length, 2);
  });

  test('met after the due date stays visible as late; extend and waive are the authority’s, never on its own', async () => {
    const staff = await as('dt.staff');
    const reviewer = await as('dt.reviewer');
    const calendar = await loadCalendar(ctx.database.db);
    const second = (await staff.request('GET', `/api/obligations?projectId=${projectId}&state=open`)).json()
      .items[0];
    assert.equal(second.ref, 'HT-2');

    expectStatus(
      await staff.request('POST', `/api/obligations/${second.id}/waive`, { reason: '自行豁免', version: 1 }),
      403,
      'department may not waive',
    );
    const otherJurisdiction = await as('sc.reviewer');
    expectStatus(
      await otherJurisdiction.request('POST', `/api/obligations/${second.id}/extend`, {
        until: '2027-01-29',
        reason: '越权延期',
        version: second.version,
      }),
      404,
      'another jurisdiction’s authority does not see it',
    );
    const stale = await reviewer.request('POST', `/api/obligations/${second.id}/extend`, {
      until: '2027-01-29',
      reason: '合同谈判延后',
      version: 9,
    });
    expectStatus(stale, 409, 'stale version');
    const extended = await reviewer.request('POST', `/api/obligations/${second.id}/extend`, {
      until: '2027-01-29',
      reason: '合同谈判延后',
      version: second.version,
    });
    expectStatus(extended, 200, 'extend');
    assert.equal(extended.json().state, 'extended');
    assert.equal(extended.json().dueDate, '2027-01-29');
    assert.equal(extended.json().extensionReason, '合同谈判延后');

    const waived = await reviewer.request('POST', `/api/obligations/${second.id}/waive`, {
      reason: '项目合同取消',
      version: extended.json().version,
    });
    expectStatus(waived, 200, 'waive');
    assert.equal(waived.json().state, 'waived');
    const again = await reviewer.request('POST', `/api/obligations/${second.id}/waive`, {
      reason: '再次豁免',
      version: waived.json().version,
    });
    expectStatus(again, 409, 'already waived');
    assert.equal(again.json().code, 'OBLIGATION_NOT_OPEN');

    ctx.clock.set(beijing10('2026-10-13'));
    const met = await runCommand(ctx.deps, SYSTEM_CONTEXT, { action: 'obligation.remind' }, (tx) =>
      meetObligation(
        tx,
        { calendar, now: ctx.clock.now() },
        { kind: 'test.contract_filing', projectId, ref: 'HT-1' },
        { on: '2026-10-13', by: staff.userId },
      ),
    );
    assert.equal(met.state, 'met');
    assert.equal(met.late, true);
    const board = (
      await (await as('dt.reviewer')).request('GET', '/api/obligations/board?kind=test.contract_filing')
    ).json();
    const row = board.rows.find((r: { holderName: string }) => r.holderName === '大同市教育局');
    assert.equal(row.overdue, 0);
    assert.equal(row.metLate, 1);
    assert.equal(row.waived, 1);
  });

  test('the bell counts unread notices; one or all can be marked read, only one’s own', async () => {
    const staff = await as('dt.staff');
    const count = (await staff.request('GET', '/api/notifications/unread-count')).json().unread;
    assert.ok(count >= 3);
    const list = (await staff.request('GET', '/api/notifications?unreadOnly=true&limit=1')).json();
    assert.equal(list.total, count);
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0].link, `/projects/${projectId}`);
    const reviewer = await as('dt.reviewer');
    expectStatus(
      await reviewer.request('POST', `/api/notifications/${list.items[0].id}/read`),
      404,
      'someone else’s notice',
    );
    expectStatus(await staff.request('POST', `/api/notifications/${list.items[0].id}/read`), 200, 'read');
    assert.equal((await staff.request('GET', '/api/notifications/unread-count')).json().unread, count - 1);
    const all = await staff.request('POST', '/api/notifications/read-all');
    expectStatus(all, 200, 'read all');
    assert.equal(all.json().marked, count - 1);
    assert.equal((await staff.request('GET', '/api/notifications/unread-count')).json().unread, 0);
    const bad = await staff.request('GET', '/api/notifications?limit=501');
    expectStatus(bad, 400, 'limit out of range is an error, not clamped');
    const [{ n }] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from obligation_reminders`,
    );
    assert.equal(n, 3);
  });
});
