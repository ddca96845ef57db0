import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let admin: Session;
let staff: Session;

before(async () => {
  ctx = await setup();
  admin = await login(ctx, 'demo.sysadmin');
  staff = await login(ctx, 'dt.staff');
});
after(async () => {
  await ctx.close();
});

/** The 2027 arrangement as a sys_admin enters it once the State Council publishes it. */
const ARRANGEMENT_2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
  { date: '2027-02-06', kind: 'holiday', name: '春节' },
  { date: '2027-02-07', kind: 'holiday', name: '春节' },
  { date: '2027-02-08', kind: 'holiday', name: '春节' },
  { date: '2027-02-09', kind: 'holiday', name: '春节' },
  { date: '2027-02-10', kind: 'holiday', name: '春节' },
  { date: '2027-02-11', kind: 'holiday', name: '春节' },
  { date: '2027-02-12', kind: 'holiday', name: '春节' },
  { date: '2027-02-13', kind: 'holiday', name: '春节' },
  { date: '2027-02-14', kind: 'holiday', name: '春节' },
  { date: '2027-02-20', kind: 'workday', name: '春节' },
];
const REF = '国办发明电〔2026〕7号';
const COMPUTE_2027 = '/api/calendar/compute?from=2026-12-28&amount=5&unit=working_days';

const yearSaves = () =>
  ctx.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'calendar.year_save'), eq(auditEvents.objectId, '2027')))
    .orderBy(auditEvents.id);

describe('calendar API: access and input', () => {
  test('reads need a session (401), writes need sys_admin (403), and a refusal changes nothing', async () => {
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/calendar/years' });
    assert.equal(anonymous.statusCode, 401);
    const put = await staff.request('PUT', '/api/calendar/years/2027', {
      rows: ARRANGEMENT_2027,
      publishedRef: REF,
      updatedAt: null,
    });
    assert.equal(put.statusCode, 403);
    assert.equal(put.json().code, 'FORBIDDEN');
    const year = await staff.request('GET', '/api/calendar/years/2027');
    assert.equal(year.statusCode, 200);
    assert.equal(year.json().known, false);
    assert.deepEqual(year.json().rows, []);
  });

  test('the compute query is validated: a bad unit or an impossible date is a 400', async () => {
    const unit = await staff.request('GET', '/api/calendar/compute?from=2026-05-06&amount=5&unit=weeks');
    assert.equal(unit.statusCode, 400);
    assert.equal(unit.json().field, 'unit');
    const date = await staff.request(
      'GET',
      '/api/calendar/compute?from=2026-02-30&amount=5&unit=working_days',
    );
    assert.equal(date.statusCode, 400);
    assert.equal(date.json().code, 'INVALID_DATE');
  });

  test('bad rows are refused with 400, the field of each problem and Chinese messages; nothing is stored', async () => {
    const res = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-30', kind: 'holiday', name: '春节' },
        { date: '2027-02-10', kind: 'day_off', name: '春节' },
        { date: '2027-02-09', kind: 'workday', name: '' },
      ],
      publishedRef: REF,
      updatedAt: null,
    });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.code, 'HOLIDAY_ROWS_INVALID');
    assert.equal(body.field, 'rows.1.date');
    assert.match(body.message, /日期无效/);
    const fields = body.problems
      .filter((p: { severity: string }) => p.severity === 'error')
      .map((p: { field: string }) => p.field);
    assert.deepEqual(fields, ['rows.1.date', 'rows.2.kind', 'rows.3.kind', 'rows.3.name']);
    assert.equal((await admin.request('GET', '/api/calendar/years/2027')).json().known, false);
    assert.equal((await yearSaves()).length, 0);
  });

  test('a row in the last week of the year’s own December is pointed to the next year', async () => {
    const res = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: [...ARRANGEMENT_2027, { date: '2027-12-31', kind: 'holiday', name: '元旦' }],
      publishedRef: REF,
      updatedAt: null,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().field, `rows.${ARRANGEMENT_2027.length}.date`);
    assert.match(res.json().message, /2028 年/);
  });

  test('an unknown field and a missing published reference are 400s', async () => {
    const extra = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: ARRANGEMENT_2027,
      publishedRef: REF,
      updatedAt: null,
      source: 'chinese-days',
    });
    assert.equal(extra.statusCode, 400);
    assert.equal(extra.json().field, 'source');
    const noRef = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: ARRANGEMENT_2027,
      publishedRef: '  ',
      updatedAt: null,
    });
    assert.equal(noRef.statusCode, 400);
    assert.equal(noRef.json().field, 'publishedRef');
  });
});

describe('entering the 2027 arrangement', () => {
  test('a due date in 2027 is calendar-unknown; once 2027 is entered it is known and later (元旦 is a holiday)', async () => {
    const before = await staff.request('GET', COMPUTE_2027);
    assert.equal(before.statusCode, 200);
    assert.deepEqual(before.json(), {
      from: '2026-12-28',
      amount: 5,
      unit: 'working_days',
      date: '2027-01-04',
      known: false,
      unknownYears: [2027],
    });

    const list = (await admin.request('GET', '/api/calendar/years')).json().items;
    const y2026 = list.find((y: { year: number }) => y.year === 2026);
    const y2027 = list.find((y: { year: number }) => y.year === 2027);
    assert.equal(y2026.known, true);
    assert.equal(y2026.source, 'chinese-days');
    assert.ok(y2026.holidays > 20 && y2026.workdays > 0);
    assert.deepEqual(
      { known: y2027.known, holidays: y2027.holidays, source: y2027.source },
      { known: false, holidays: 0, source: null },
    );

    const saved = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: ARRANGEMENT_2027,
      publishedRef: REF,
      updatedAt: null,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const body = saved.json();
    assert.equal(body.year.known, true);
    assert.equal(body.year.source, 'admin');
    assert.equal(body.year.publishedRef, REF);
    assert.equal(body.year.rows.length, ARRANGEMENT_2027.length);
    assert.ok(body.year.rows.every((r: { source: string }) => r.source === 'admin'));
    assert.ok(Array.isArray(body.warnings));

    const afterSave = await staff.request('GET', COMPUTE_2027);
    assert.deepEqual(
      {
        date: afterSave.json().date,
        known: afterSave.json().known,
        unknownYears: afterSave.json().unknownYears,
      },
      { date: '2027-01-05', known: true, unknownYears: [] },
    );
    // 春节 2027: 02-05 (Fri) + 1 working day skips the holiday week to Monday 02-15.
    const spring = await staff.request(
      'GET',
      '/api/calendar/compute?from=2027-02-05&amount=1&unit=working_days',
    );
    assert.equal(spring.json().date, '2027-02-15');
    // The make-up Saturday 02-20 counts as a working day.
    const makeUp = await staff.request(
      'GET',
      '/api/calendar/compute?from=2027-02-19&amount=1&unit=working_days',
    );
    assert.equal(makeUp.json().date, '2027-02-20');

    const events = await yearSaves();
    assert.equal(events.length, 1);
    assert.equal(events[0].outcome, 'success');
    assert.equal(events[0].objectType, 'calendar_year');
    assert.deepEqual(
      {
        holidays: events[0].details?.holidays,
        workdays: events[0].details?.workdays,
        ref: events[0].details?.publishedRef,
      },
      { holidays: 12, workdays: 1, ref: REF },
    );
  });

  test('a save with a stale or missing updatedAt is a 409 VERSION_CONFLICT; with the current one it replaces the rows', async () => {
    const current = (await admin.request('GET', '/api/calendar/years/2027')).json();
    assert.ok(current.updatedAt);
    const stale = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: ARRANGEMENT_2027,
      publishedRef: REF,
      updatedAt: null,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'VERSION_CONFLICT');
    const omitted = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: ARRANGEMENT_2027,
      publishedRef: REF,
    });
    assert.equal(omitted.statusCode, 409);

    const corrected = ARRANGEMENT_2027.filter((r) => r.date !== '2027-02-14');
    const ok = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: corrected,
      publishedRef: REF,
      updatedAt: current.updatedAt,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().year.rows.length, corrected.length);
    assert.notEqual(ok.json().year.updatedAt, current.updatedAt);

    const again = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: corrected,
      publishedRef: REF,
      updatedAt: current.updatedAt,
    });
    assert.equal(again.statusCode, 409);
    const outcomes = (await yearSaves()).map((e) => e.outcome);
    assert.deepEqual(outcomes, ['success', 'refused', 'refused', 'success', 'refused']);
  });

  test('a weekend holiday standing alone is saved with a warning', async () => {
    const current = (await admin.request('GET', '/api/calendar/years/2027')).json();
    const res = await admin.request('PUT', '/api/calendar/years/2027', {
      rows: [
        ...current.rows.map(({ source: _s, ...r }: { source: string }) => r),
        { date: '2027-05-15', kind: 'holiday', name: '劳动节' },
      ],
      publishedRef: REF,
      updatedAt: current.updatedAt,
    });
    assert.equal(res.statusCode, 200, res.body);
    const warning = res.json().warnings.find((w: { code: string }) => w.code === 'HOLIDAY_ON_WEEKEND');
    assert.ok(warning);
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.field, `rows.${current.rows.length}.date`);
  });
});
