import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedRowsFromChineseDays } from './seed.ts';
import { type HolidayProblem, type HolidayRowDraft, hasErrors, validateHolidayYear } from './validate.ts';

/** A plausible 2027 arrangement (元旦, 春节 with make-up weekends, 国庆节), as a sys_admin enters it. */
const plausible2027: HolidayRowDraft[] = [
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
  { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-07', kind: 'holiday', name: '国庆节' },
  { date: '2027-10-09', kind: 'workday', name: '国庆节' },
];

const brief = (problems: HolidayProblem[]) =>
  problems.map((p) => `${p.severity} ${p.code} ${p.row}.${p.field}`);

describe('validating an admin-entered holiday year', () => {
  test('a plausible 2027 arrangement has no problems', () => {
    assert.deepEqual(validateHolidayYear(2027, plausible2027), []);
  });

  test('every year of the chinese-days seed passes validation without errors', () => {
    const { rows, years } = seedRowsFromChineseDays();
    for (const year of years) {
      const ofYear = rows.filter((row) => row.date.startsWith(`${year}-`));
      const problems = validateHolidayYear(year, ofYear);
      assert.equal(hasErrors(problems), false, `${year}: ${JSON.stringify(problems)}`);
    }
  });

  test('an invalid or loosely formatted date is an error on that row’s date field', () => {
    const problems = validateHolidayYear(2027, [
      { date: '2027-02-30', kind: 'holiday', name: '春节' },
      { date: '2027/02/03', kind: 'holiday', name: '春节' },
      { kind: 'holiday', name: '春节' },
    ]);
    assert.deepEqual(brief(problems), [
      'error DATE_INVALID 0.date',
      'error DATE_INVALID 1.date',
      'error DATE_INVALID 2.date',
    ]);
    assert.match(problems[0].message, /日期无效：“2027-02-30”/);
    assert.match(problems[2].message, /未填写/);
  });

  test('a date outside the year is an error, except a previous-December date of a 元旦 arrangement, which warns', () => {
    const problems = validateHolidayYear(2027, [
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2028-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-12-31', kind: 'holiday', name: '元旦' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    assert.deepEqual(brief(problems), [
      'error DATE_OUTSIDE_YEAR 0.date',
      'error DATE_OUTSIDE_YEAR 1.date',
      'warning DATE_PREVIOUS_DECEMBER 2.date',
    ]);
    assert.equal(problems[0].message, '日期 2026-10-01 不在 2027 年内');
    assert.equal(hasErrors(problems.slice(2)), false);
  });

  test('a date entered twice is an error on the later row naming the first', () => {
    const problems = validateHolidayYear(2027, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-01', kind: 'workday', name: '元旦' },
    ]);
    assert.deepEqual(brief(problems), ['error DATE_DUPLICATE 1.date']);
    assert.equal(problems[0].message, '日期 2027-01-01 与第 1 行重复');
  });

  test('kind must be holiday or workday', () => {
    const problems = validateHolidayYear(2027, [{ date: '2027-01-01', kind: '放假', name: '元旦' }]);
    assert.deepEqual(brief(problems), ['error KIND_INVALID 0.kind']);
  });

  test('a make-up workday on a weekday is an error: it is a working day anyway', () => {
    const problems = validateHolidayYear(2027, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'workday', name: '元旦' },
    ]);
    assert.deepEqual(brief(problems), ['error WORKDAY_NOT_WEEKEND 1.kind']);
    assert.equal(problems[0].message, '调休上班日应为周六或周日，2027-01-04（周一） 本来就是工作日');
  });

  test('a weekend holiday alone only warns; inside a block with a weekday holiday it is fine', () => {
    const problems = validateHolidayYear(2027, [
      { date: '2027-06-05', kind: 'holiday', name: '端午节' }, // Saturday, alone
      { date: '2027-06-11', kind: 'holiday', name: '端午节' }, // Friday
      { date: '2027-06-12', kind: 'holiday', name: '端午节' }, // Saturday in the block
      { date: '2027-06-13', kind: 'holiday', name: '端午节' }, // Sunday in the block
      { date: '2027-09-18', kind: 'holiday', name: '中秋节' }, // Saturday; Monday 09-20 is off, Sunday not entered
      { date: '2027-09-20', kind: 'holiday', name: '中秋节' },
    ]);
    assert.deepEqual(brief(problems), ['warning HOLIDAY_ON_WEEKEND 0.date']);
    assert.equal(hasErrors(problems), false);
    assert.match(problems[0].message, /2027-06-05（周六） 本来就是休息日/);
  });

  test('a weekend holiday next to a make-up workday is not in a block', () => {
    const problems = validateHolidayYear(2027, [
      { date: '2027-05-01', kind: 'holiday', name: '劳动节' }, // Saturday
      { date: '2027-05-02', kind: 'workday', name: '劳动节' }, // Sunday worked
      { date: '2027-05-03', kind: 'holiday', name: '劳动节' }, // Monday
    ]);
    assert.deepEqual(brief(problems), ['warning HOLIDAY_ON_WEEKEND 0.date']);
  });

  test('a name is required and limited to 50 characters', () => {
    const problems = validateHolidayYear(2027, [
      { date: '2027-01-01', kind: 'holiday', name: '  ' },
      { date: '2027-01-02', kind: 'holiday' },
      { date: '2027-01-03', kind: 'holiday', name: '节'.repeat(51) },
      { date: '2027-01-04', kind: 'holiday', name: '节'.repeat(50) },
    ]);
    assert.deepEqual(brief(problems), [
      'error NAME_REQUIRED 0.name',
      'error NAME_REQUIRED 1.name',
      'error NAME_TOO_LONG 2.name',
    ]);
  });

  test('several problems of one row are all reported, in row order', () => {
    const problems = validateHolidayYear(2027, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-05-01', kind: 'day off', name: '' },
    ]);
    assert.deepEqual(brief(problems), [
      'error DATE_OUTSIDE_YEAR 1.date',
      'error KIND_INVALID 1.kind',
      'error NAME_REQUIRED 1.name',
    ]);
  });

  test('an empty year and an invalid year are errors of the whole year', () => {
    assert.deepEqual(brief(validateHolidayYear(2027, [])), ['error ROWS_EMPTY null.null']);
    assert.deepEqual(brief(validateHolidayYear(27, plausible2027)), ['error YEAR_INVALID null.null']);
    assert.deepEqual(brief(validateHolidayYear(2027.5, plausible2027)), ['error YEAR_INVALID null.null']);
  });
});
