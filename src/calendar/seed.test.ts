import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import chineseDays from 'chinese-days';
import { dayOfWeek, formatIsoDate, isIsoDate, parseIsoDate } from '../../shared/dates/dates.ts';
import {
  CHINESE_DAYS_SOURCE,
  chineseHolidayName,
  createSeedCalendar,
  seedRowsFromChineseDays,
} from './seed.ts';

const seed = seedRowsFromChineseDays();

describe('seed from chinese-days', () => {
  test('seed years are exactly the years with data: 2004 through 2026, so 2026 is included and 2027 excluded', () => {
    assert.equal(seed.years.includes(2026), true);
    assert.equal(seed.years.includes(2027), false);
    const expected = Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i);
    assert.deepEqual(seed.years, expected);
    const yearsWithHolidays = [
      ...new Set(seed.rows.filter((r) => r.kind === 'holiday').map((r) => +r.date.slice(0, 4))),
    ];
    assert.deepEqual(yearsWithHolidays.sort(), expected);
  });

  test('chinese-days itself silently treats 2027 as an ordinary year, which is why the seed must not list it', () => {
    assert.equal(chineseDays.isWorkday('2027-01-01'), true);
    assert.equal(
      seed.rows.some((row) => row.date.startsWith('2027-')),
      false,
    );
  });

  test('seed rows are valid, sorted, one per date, of kind holiday or workday, with source chinese-days', () => {
    assert.ok(seed.rows.length > 700);
    const dates = seed.rows.map((row) => row.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(new Set(dates).size, dates.length);
    for (const row of seed.rows) {
      assert.equal(isIsoDate(row.date), true, row.date);
      assert.ok(row.kind === 'holiday' || row.kind === 'workday', row.date);
      assert.equal(row.source, CHINESE_DAYS_SOURCE);
    }
  });

  test('every make-up workday in the seed is a Saturday or Sunday', () => {
    for (const row of seed.rows.filter((r) => r.kind === 'workday')) {
      assert.ok([0, 6].includes(dayOfWeek(row.date)), `${row.date} ${row.name}`);
    }
  });

  test('seed names are the Chinese names, spelled as in the State Council notices', () => {
    const names = new Set(seed.rows.map((row) => row.name));
    for (const name of ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']) {
      assert.ok(names.has(name), name);
    }
    for (const name of names) assert.match(name, /^\p{Script=Han}[\p{Script=Han}0-9]*$/u, name);
    assert.equal(chineseHolidayName('Spring Festival,春节,4'), '春节');
    assert.equal(chineseHolidayName('Mid-autumn Festival,中秋,1'), '中秋节');
    assert.equal(chineseHolidayName('Dragon Boat Festival,端午,1'), '端午节');
    assert.equal(chineseHolidayName('Tomb-sweeping Day,清明,1'), '清明节');
    assert.equal(chineseHolidayName('National Day,国庆节,3'), '国庆节');
    assert.throws(() => chineseHolidayName('Spring Festival,4'));
  });

  test('weekend days inside a holiday block are kept so the UI can show the whole holiday', () => {
    // 春节 2026: Sunday 02-15 and Saturday/Sunday 02-21, 02-22 are listed with the weekdays
    for (const date of ['2026-02-15', '2026-02-21', '2026-02-22']) {
      assert.deepEqual(
        seed.rows.find((row) => row.date === date),
        { date, kind: 'holiday', name: '春节', source: 'chinese-days' },
        date,
      );
    }
  });

  test('2025 keeps 中秋节 on 10-06 inside the 国庆节 block, as the package lists it', () => {
    assert.equal(seed.rows.find((row) => row.date === '2025-10-06')?.name, '中秋节');
    assert.equal(seed.rows.find((row) => row.date === '2025-10-05')?.name, '国庆节');
  });

  test('the seed calendar agrees with chinese-days on every day of 2004–2026', {
    // chinese-days reads date strings in local time and answers wrongly west of UTC (e.g. America/*);
    // our calendar has no such dependency (see dates.test.ts), so only compare where the package is right.
    skip:
      new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset() > 0 ? 'chinese-days is wrong west of UTC' : false,
  }, () => {
    const calendar = createSeedCalendar();
    for (let day = parseIsoDate('2004-01-01'); day <= parseIsoDate('2026-12-31'); day += 1) {
      const date = formatIsoDate(day);
      const ours = calendar.isWorkingDay(date);
      assert.equal(ours.known, true, date);
      assert.equal(ours.working, chineseDays.isWorkday(date), date);
    }
  });
});
