import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { rowsFromChineseDaysData } from './chinese-days.ts';
import { formatIsoDate, parseIsoDate } from './dates.ts';
import type { HolidayRow } from './types.ts';
import { createCalendar, MAX_WORKING_DAYS } from './workdays.ts';

/** The seed as src/calendar/seed.ts reads it: the package's data file (a test may read a package). */
const seed = rowsFromChineseDaysData(chineseDaysData);
const seedCalendar = createCalendar(seed.rows, seed.years);
const rowOn = (date: string) => seed.rows.find((row) => row.date === date);

const datesBetween = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let day = parseIsoDate(from); day <= parseIsoDate(to); day += 1) dates.push(formatIsoDate(day));
  return dates;
};

/** A plausible 2027 arrangement as a sys_admin would enter it after the State Council publishes it. */
const admin2027: HolidayRow[] = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'admin' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦', source: 'admin' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦', source: 'admin' },
];

describe('working days on the 2026 data from chinese-days', () => {
  test('the seed data has National Day 2026-10-01…10-07 off and Saturday 2026-10-10 as a make-up workday', () => {
    for (const date of datesBetween('2026-10-01', '2026-10-07')) {
      assert.deepEqual(
        { kind: rowOn(date)?.kind, name: rowOn(date)?.name },
        { kind: 'holiday', name: '国庆节' },
        date,
      );
    }
    assert.deepEqual(rowOn('2026-10-10'), {
      date: '2026-10-10',
      kind: 'workday',
      name: '国庆节',
      source: 'chinese-days',
    });
    assert.equal(rowOn('2026-09-20')?.kind, 'workday'); // Sunday before, also 调休上班
  });

  test('2026-09-28 plus 5 working days is Saturday 2026-10-10, a 调休 make-up workday after National Day', () => {
    // 09-29 (1), 09-30 (2), 10-01…10-07 off, 10-08 (3), 10-09 (4), Saturday 10-10 (5)
    assert.deepEqual(seedCalendar.addWorkingDays('2026-09-28', 5), {
      date: '2026-10-10',
      known: true,
      unknownYears: [],
    });
    assert.deepEqual(seedCalendar.isWorkingDay('2026-10-10'), { working: true, known: true });
    assert.deepEqual(seedCalendar.isWorkingDay('2026-10-05'), { working: false, known: true });
  });

  test('the seed data has the Spring Festival 2026 block 02-15…02-23 and make-up Saturdays 02-14 and 02-28', () => {
    for (const date of datesBetween('2026-02-15', '2026-02-23')) {
      assert.equal(rowOn(date)?.kind, 'holiday', date);
      assert.equal(rowOn(date)?.name, '春节', date);
    }
    assert.equal(rowOn('2026-02-14')?.kind, 'workday');
    assert.equal(rowOn('2026-02-28')?.kind, 'workday');
    assert.equal(rowOn('2026-02-24'), undefined);
    assert.deepEqual(seedCalendar.isWorkingDay('2026-02-14'), { working: true, known: true });
    assert.deepEqual(seedCalendar.isWorkingDay('2026-02-16'), { working: false, known: true });
    assert.deepEqual(seedCalendar.isWorkingDay('2026-02-28'), { working: true, known: true });
  });

  test('a contract signed 2026-02-12 before the Spring Festival is due 5 working days later on 2026-02-26, not 02-19', () => {
    // 02-13 Fri (1), Saturday 02-14 make-up (2), 02-15…02-23 off, 02-24 (3), 02-25 (4), 02-26 (5)
    assert.equal(seedCalendar.addWorkingDays('2026-02-12', 5).date, '2026-02-26');
    // without the holiday table the same count would land inside the festival
    assert.equal(createCalendar([], [2026]).addWorkingDays('2026-02-12', 5).date, '2026-02-19');
  });

  test('30 working days from 2026-09-01 jump over Mid-Autumn and National Day and use both make-up days', () => {
    const due = seedCalendar.addWorkingDays('2026-09-01', 30);
    assert.equal(seedCalendar.workingDaysBetween('2026-09-01', due.date).days, 30);
    // 09-02…09-30 has 21 Mon–Fri, minus Friday 09-25 (中秋节), plus Sunday 09-20 (调休) = 21;
    // then 10-01…10-07 off, 10-08 (22), 10-09 (23), Saturday 10-10 (24), 10-12…10-16 (29), 10-19 (30)
    assert.deepEqual(due, { date: '2026-10-19', known: true, unknownYears: [] });
  });

  test('working days between (from, to] skip the Spring Festival block and count the make-up Saturdays', () => {
    // 02-14 (Sat, make-up), 02-24, 02-25, 02-26, 02-27, 02-28 (Sat, make-up)
    assert.deepEqual(seedCalendar.workingDaysBetween('2026-02-13', '2026-02-28'), {
      days: 6,
      known: true,
      unknownYears: [],
    });
    // (09-30, 10-10]: 10-08, 10-09 and Saturday 10-10
    assert.equal(seedCalendar.workingDaysBetween('2026-09-30', '2026-10-10').days, 3);
  });

  test('working days between counts neither the start day nor anything when to is not after from', () => {
    assert.equal(seedCalendar.workingDaysBetween('2026-03-02', '2026-03-03').days, 1);
    assert.equal(seedCalendar.workingDaysBetween('2026-03-02', '2026-03-02').days, 0);
    assert.deepEqual(seedCalendar.workingDaysBetween('2026-03-09', '2026-03-02'), {
      days: 0,
      known: true,
      unknownYears: [],
    });
  });

  test('adding 0 working days returns the start date, even on a holiday; adding 1 finds the next working day', () => {
    assert.deepEqual(seedCalendar.addWorkingDays('2026-10-03', 0), {
      date: '2026-10-03',
      known: true,
      unknownYears: [],
    });
    assert.equal(seedCalendar.addWorkingDays('2026-10-03', 1).date, '2026-10-08');
    assert.equal(seedCalendar.addWorkingDays('2026-10-09', 1).date, '2026-10-10');
    assert.equal(seedCalendar.addWorkingDays('2026-10-10', 1).date, '2026-10-12');
  });

  test('addWorkingDays and workingDaysBetween are inverse on the seed data (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseIsoDate('2004-01-01'), max: parseIsoDate('2026-10-31') }),
        fc.integer({ min: 0, max: 40 }),
        (day, n) => {
          const from = formatIsoDate(day);
          const due = seedCalendar.addWorkingDays(from, n);
          assert.equal(seedCalendar.workingDaysBetween(from, due.date).days, n);
          if (n > 0) {
            assert.equal(seedCalendar.isWorkingDay(due.date).working, true);
            assert.equal(
              seedCalendar.workingDaysBetween(from, formatIsoDate(parseIsoDate(due.date) - 1)).days,
              n - 1,
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('years without calendar data', () => {
  test('the seed does not know 2027, so a due date crossing into 2027 is flagged unknown with a best-effort date', () => {
    assert.equal(seedCalendar.knownYears().includes(2027), false);
    // 12-29 (1), 12-30 (2), 12-31 (3), Friday 2027-01-01 (4, no data), Monday 01-04 (5)
    assert.deepEqual(seedCalendar.addWorkingDays('2026-12-28', 5), {
      date: '2027-01-04',
      known: false,
      unknownYears: [2027],
    });
    assert.deepEqual(seedCalendar.isWorkingDay('2027-01-01'), { working: true, known: false });
    assert.deepEqual(seedCalendar.isWorkingDay('2027-01-02'), { working: false, known: false });
    assert.deepEqual(seedCalendar.workingDaysBetween('2026-12-28', '2027-01-08'), {
      days: 9,
      known: false,
      unknownYears: [2027],
    });
  });

  test('after a sys_admin enters the 2027 元旦 arrangement and marks 2027 known, the same due date is known and moves', () => {
    const calendar = createCalendar([...seed.rows, ...admin2027], [...seed.years, 2027]);
    assert.deepEqual(calendar.knownYears().slice(-2), [2026, 2027]);
    // 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-01…01-03 off, 01-04 (4), 01-05 (5)
    assert.deepEqual(calendar.addWorkingDays('2026-12-28', 5), {
      date: '2027-01-05',
      known: true,
      unknownYears: [],
    });
    assert.deepEqual(calendar.isWorkingDay('2027-01-01'), { working: false, known: true });
    assert.equal(calendar.workingDaysBetween('2026-12-28', '2027-01-08').days, 8);
  });

  test('rows entered for a year not yet marked known are used, but the result stays flagged unknown', () => {
    const calendar = createCalendar([...seed.rows, ...admin2027], seed.years);
    assert.deepEqual(calendar.addWorkingDays('2026-12-28', 5), {
      date: '2027-01-05',
      known: false,
      unknownYears: [2027],
    });
  });

  test('every unknown year crossed is listed once, in order', () => {
    const calendar = createCalendar([], [2026]);
    assert.deepEqual(calendar.addWorkingDays('2025-12-30', 300).unknownYears, [2025, 2027]);
    assert.deepEqual(
      calendar.workingDaysBetween('2024-06-01', '2028-01-03').unknownYears,
      [2024, 2025, 2027, 2028],
    );
  });

  test('only the days after the start are looked at: 0 working days from a date in an unknown year is known', () => {
    assert.deepEqual(seedCalendar.addWorkingDays('2027-03-01', 0), {
      date: '2027-03-01',
      known: true,
      unknownYears: [],
    });
    assert.deepEqual(seedCalendar.addWorkingDays('2026-12-31', 1).unknownYears, [2027]);
  });

  test('calendar months and calendar days do not depend on holiday data and are always known', () => {
    assert.deepEqual(seedCalendar.addCalendarMonths('2026-08-31', 6), {
      date: '2027-02-28',
      known: true,
      unknownYears: [],
    });
    assert.deepEqual(seedCalendar.addCalendarDays('2026-12-20', 30), {
      date: '2027-01-19',
      known: true,
      unknownYears: [],
    });
  });
});

describe('holiday and workday rows', () => {
  test('a holiday row on a weekday removes that day from the working days', () => {
    const plain = createCalendar([], [2030]);
    const withHoliday = createCalendar(
      [{ date: '2030-05-08', kind: 'holiday', name: '测试', source: 'admin' }],
      [2030],
    );
    assert.deepEqual(plain.isWorkingDay('2030-05-08'), { working: true, known: true });
    assert.deepEqual(withHoliday.isWorkingDay('2030-05-08'), { working: false, known: true });
    assert.equal(plain.addWorkingDays('2030-05-07', 1).date, '2030-05-08');
    assert.equal(withHoliday.addWorkingDays('2030-05-07', 1).date, '2030-05-09');
    assert.equal(withHoliday.workingDaysBetween('2030-05-06', '2030-05-10').days, 3);
  });

  test('a workday row on a Saturday makes it a working day', () => {
    const calendar = createCalendar(
      [{ date: '2030-05-11', kind: 'workday', name: '测试', source: 'admin' }],
      [2030],
    );
    assert.deepEqual(calendar.isWorkingDay('2030-05-11'), { working: true, known: true });
    assert.equal(calendar.addWorkingDays('2030-05-10', 1).date, '2030-05-11');
  });

  test('when two rows share a date the later one wins, so admin rows appended after the seed override it', () => {
    const correction: HolidayRow = { date: '2026-10-10', kind: 'holiday', name: '国庆节', source: 'admin' };
    const calendar = createCalendar([...seed.rows, correction], seed.years);
    assert.deepEqual(calendar.isWorkingDay('2026-10-10'), { working: false, known: true });
  });

  test('calendar months clamp to the end of the month, in leap and common years', () => {
    assert.equal(seedCalendar.addCalendarMonths('2026-01-31', 1).date, '2026-02-28');
    assert.equal(seedCalendar.addCalendarMonths('2024-01-31', 1).date, '2024-02-29');
    assert.equal(seedCalendar.addCalendarMonths('2024-02-29', 12).date, '2025-02-28');
    assert.equal(seedCalendar.addCalendarMonths('2026-03-31', 1).date, '2026-04-30');
    assert.equal(seedCalendar.addCalendarMonths('2026-05-15', 1).date, '2026-06-15');
  });

  test('the calendar copies its inputs: changing the arrays afterwards changes nothing', () => {
    const rows: HolidayRow[] = [{ date: '2030-05-08', kind: 'holiday', name: '测试', source: 'admin' }];
    const years = [2030];
    const calendar = createCalendar(rows, years);
    rows.pop();
    years.push(2031);
    calendar.knownYears().push(2032);
    assert.deepEqual(calendar.knownYears(), [2030]);
    assert.equal(calendar.isWorkingDay('2030-05-08').working, false);
  });
});

describe('input validation', () => {
  test('invalid dates are refused with INVALID_DATE by every function', () => {
    assert.throws(() => seedCalendar.isWorkingDay('2026-02-30'), { code: 'INVALID_DATE' });
    assert.throws(() => seedCalendar.addWorkingDays('2026-2-3', 1), { code: 'INVALID_DATE' });
    assert.throws(() => seedCalendar.addCalendarMonths('2026-13-01', 1), { code: 'INVALID_DATE' });
    assert.throws(() => seedCalendar.addCalendarDays('2026-01-32', 1), { code: 'INVALID_DATE' });
    assert.throws(() => seedCalendar.workingDaysBetween('2026-01-01', '2026-02-29'), {
      code: 'INVALID_DATE',
    });
  });

  test('negative, fractional or huge working-day counts are refused with INVALID_DAY_COUNT', () => {
    assert.throws(() => seedCalendar.addWorkingDays('2026-01-05', -1), { code: 'INVALID_DAY_COUNT' });
    assert.throws(() => seedCalendar.addWorkingDays('2026-01-05', 1.5), { code: 'INVALID_DAY_COUNT' });
    assert.throws(() => seedCalendar.addWorkingDays('2026-01-05', Number.NaN), { code: 'INVALID_DAY_COUNT' });
    assert.throws(() => seedCalendar.addWorkingDays('2026-01-05', MAX_WORKING_DAYS + 1), {
      code: 'INVALID_DAY_COUNT',
    });
    assert.throws(() => seedCalendar.addCalendarDays('2026-01-05', 0.5), { code: 'INVALID_DAY_COUNT' });
    assert.throws(() => seedCalendar.addCalendarMonths('2026-01-05', 0.5), { code: 'INVALID_DAY_COUNT' });
  });

  test('a computation running past 9999-12-31 is refused with DATE_OUT_OF_RANGE', () => {
    assert.throws(() => seedCalendar.addWorkingDays('9999-12-30', 5), { code: 'DATE_OUT_OF_RANGE' });
    assert.throws(() => seedCalendar.addCalendarMonths('9999-12-01', 1), { code: 'DATE_OUT_OF_RANGE' });
  });

  test('createCalendar refuses rows with a bad date or kind and bad known years', () => {
    const row = (date: string, kind: string) => ({ date, kind, name: '测试', source: 'admin' }) as HolidayRow;
    assert.throws(() => createCalendar([row('2027-02-30', 'holiday')], []), { code: 'INVALID_DATE' });
    assert.throws(() => createCalendar([row('2027-02-03', 'rest')], []), { code: 'INVALID_HOLIDAY_KIND' });
    assert.throws(() => createCalendar([], [2026.5]), { code: 'INVALID_YEAR' });
    assert.throws(() => createCalendar([], [0]), { code: 'INVALID_YEAR' });
  });
});
