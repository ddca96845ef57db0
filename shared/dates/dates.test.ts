import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  dateParts,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  isoDateFromParts,
  isWeekend,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  parseIsoDate,
} from './dates.ts';

const MS_PER_DAY = 86_400_000;

describe('ISO date parsing', () => {
  test('parseIsoDate gives days since 1970-01-01 and formatIsoDate reverses it', () => {
    assert.equal(parseIsoDate('1970-01-01'), 0);
    assert.equal(parseIsoDate('1970-01-02'), 1);
    assert.equal(parseIsoDate('1969-12-31'), -1);
    assert.equal(parseIsoDate('2026-10-01'), Date.UTC(2026, 9, 1) / MS_PER_DAY);
    assert.equal(formatIsoDate(parseIsoDate('2026-10-01')), '2026-10-01');
    assert.equal(formatIsoDate(parseIsoDate('0001-01-01')), '0001-01-01');
    assert.equal(formatIsoDate(parseIsoDate('9999-12-31')), '9999-12-31');
  });

  test('day numbers agree with Date.UTC for every representable day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY_NUMBER, max: MAX_DAY_NUMBER }), (day) => {
        const reference = new Date(day * MS_PER_DAY);
        const iso = formatIsoDate(day);
        assert.equal(iso, reference.toISOString().slice(0, 10));
        assert.equal(parseIsoDate(iso), day);
        assert.equal(dayOfWeek(iso), reference.getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  test('strict parsing rejects impossible dates and loose formats with INVALID_DATE', () => {
    const bad = [
      '2026-02-30',
      '2026-02-29',
      '2025-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0000-01-01',
      '2026-2-3',
      '26-02-03',
      '20260203',
      '2026/02/03',
      ' 2026-02-03',
      '2026-02-03 ',
      '2026-02-03T00:00:00Z',
      '２０２６-02-03',
      '',
    ];
    for (const value of bad) {
      assert.equal(isIsoDate(value), false, value);
      assert.throws(() => parseIsoDate(value), { code: 'INVALID_DATE' }, value);
    }
    assert.equal(isIsoDate(20260203), false);
    assert.equal(isIsoDate(null), false);
  });

  test('leap days exist only in leap years (2024 and 2000 yes; 2026 and 1900 no)', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2000-02-29'), true);
    assert.equal(isLeapYear(2024), true);
    assert.equal(isLeapYear(2000), true);
    assert.equal(isLeapYear(1900), false);
    assert.equal(isLeapYear(2026), false);
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2026, 2), 28);
    assert.equal(daysInMonth(2026, 4), 30);
    assert.equal(daysInMonth(2026, 12), 31);
  });

  test('dateParts and isoDateFromParts convert both ways and refuse a day that does not exist', () => {
    assert.deepEqual(dateParts('2026-09-28'), { year: 2026, month: 9, day: 28 });
    assert.equal(isoDateFromParts(2026, 9, 28), '2026-09-28');
    assert.throws(() => isoDateFromParts(2026, 2, 30), { code: 'INVALID_DATE' });
    assert.throws(() => isoDateFromParts(2026, 1.5, 1), { code: 'INVALID_DATE' });
  });

  test('formatIsoDate refuses days outside 0001-01-01 … 9999-12-31 and non-integers', () => {
    assert.throws(() => formatIsoDate(MAX_DAY_NUMBER + 1), { code: 'DATE_OUT_OF_RANGE' });
    assert.throws(() => formatIsoDate(MIN_DAY_NUMBER - 1), { code: 'DATE_OUT_OF_RANGE' });
    assert.throws(() => formatIsoDate(0.5), { code: 'INVALID_DATE' });
  });
});

describe('day of week', () => {
  test('dayOfWeek counts 0 = Sunday … 6 = Saturday for ISO dates and day numbers', () => {
    assert.equal(dayOfWeek('1970-01-01'), 4); // Thursday
    assert.equal(dayOfWeek('2026-10-01'), 4); // National Day 2026 is a Thursday
    assert.equal(dayOfWeek('2026-10-10'), 6); // Saturday
    assert.equal(dayOfWeek('2026-09-20'), 0); // Sunday
    assert.equal(dayOfWeek(parseIsoDate('1969-12-28')), 0); // negative day numbers too
  });

  test('isWeekend is true on Saturday and Sunday only', () => {
    assert.equal(isWeekend('2026-02-14'), true);
    assert.equal(isWeekend('2026-02-15'), true);
    assert.equal(isWeekend('2026-02-16'), false);
    assert.equal(isWeekend('2026-02-20'), false);
  });
});

describe('calendar arithmetic', () => {
  test('addDays moves by calendar days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-01-01', 0), '2026-01-01');
    assert.throws(() => addDays('2026-01-01', 1.5), { code: 'INVALID_DAY_COUNT' });
  });

  test('addMonths clamps to the end of the shorter month, leap years included', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2000-01-31', 1), '2000-02-29');
    assert.equal(addMonths('1900-01-31', 1), '1900-02-28');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2023-12-31', 2), '2024-02-29');
    assert.equal(addMonths('2026-08-31', 1), '2026-09-30');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonths('2026-11-15', 2), '2027-01-15');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    assert.equal(addMonths('2026-05-20', 0), '2026-05-20');
  });
});
