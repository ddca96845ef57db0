import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRulebook } from './index.ts';
import { calendar, ev, evaluate } from './test-support.ts';

const DT = getRulebook('DT');
const SC = getRulebook('SC');

describe('obligations (deadline engine)', () => {
  test('the 2026 arrangement the deadline tests rely on: 春节 15–23 Feb off, 14 and 28 Feb worked; 国庆 1–7 Oct off, 10 Oct worked', () => {
    for (const d of ['2026-02-15', '2026-02-18', '2026-02-23', '2026-10-01', '2026-10-07']) {
      assert.deepEqual(calendar.isWorkingDay(d), { working: false, known: true }, d);
    }
    for (const d of ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']) {
      assert.deepEqual(calendar.isWorkingDay(d), { working: true, known: true }, d);
    }
    assert.equal(calendar.knownYears().includes(2027), false);
  });

  test('DT-19 events dated after "today" are ignored: the evaluation is as of that day', () => {
    const events = [ev('contract_signed', '2026-09-28'), ev('contract_filed', '2026-10-09')];
    const before = evaluate(DT, {}, events, '2026-10-08');
    assert.equal(before.obligations.length, 1);
    const after = evaluate(DT, {}, events, '2026-10-09');
    assert.equal(after.obligations.length, 0);
    assert.equal(after.allObligations[0].late, false);
  });

  test('SC-16/SC-21 open obligations are sorted by due date, unknown due dates last', () => {
    const r = evaluate(
      SC,
      {},
      [
        ev('acceptance_passed', '2026-12-01'),
        ev('contract_signed', '2026-11-02', { ref: 'late' }),
        ev('contract_signed', '2026-10-12', { ref: 'early' }),
      ],
      '2026-12-02',
    );
    assert.deepEqual(
      r.obligations.map((o) => [o.deadlineId, o.ref ?? null, o.dueDate]),
      [
        ['sc.deadline.contract_filing', 'early', '2026-10-19'],
        ['sc.deadline.contract_filing', 'late', '2026-11-09'],
        ['sc.deadline.acceptance_report', null, null],
      ],
    );
    assert.equal(r.obligations[0].overdue, true);
    assert.equal(r.obligations[0].workingDaysOverdue, 32);
  });

  test('DT-29 a terminated project has no open obligations or open steps', () => {
    const r = evaluate(
      DT,
      {},
      [ev('contract_signed', '2026-04-01'), ev('terminated', '2026-04-02')],
      '2026-05-01',
    );
    assert.equal(r.status, 'terminated');
    assert.deepEqual(r.obligations, []);
    assert.equal(r.allObligations.length, 1);
  });

  test('an invalid "today" or event date is refused as invalid input', () => {
    assert.throws(() => evaluate(DT, {}, [], '2026-02-30'), /日期无效/);
    assert.throws(() => evaluate(DT, {}, [ev('contract_signed', '2026-13-01')]), /事件日期无效/);
  });
});
