import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rowsFromChineseDaysData } from './chinese-days.ts';

describe('reading chinese-days data', () => {
  test('a year counts as known only with both 春节 and 国庆节 holidays; late-December 元旦 entries do not count', () => {
    const data = {
      holidays: {
        '2030-02-03': 'Spring Festival,春节,4',
        '2030-10-01': 'National Day,国庆节,3',
        '2030-12-31': "New Year's Day,元旦,1",
        '2031-01-01': "New Year's Day,元旦,1",
        '2032-02-10': 'Spring Festival,春节,4',
      },
      workdays: { '2030-12-29': "New Year's Day,元旦,1" },
      inLieuDays: {},
    };
    const { rows, years } = rowsFromChineseDaysData(data);
    assert.deepEqual(years, [2030]);
    assert.deepEqual(
      rows.map((row) => `${row.date} ${row.kind} ${row.name}`),
      [
        '2030-02-03 holiday 春节',
        '2030-10-01 holiday 国庆节',
        '2030-12-29 workday 元旦',
        '2030-12-31 holiday 元旦',
        '2031-01-01 holiday 元旦',
        '2032-02-10 holiday 春节',
      ],
    );
  });

  test('malformed package data is refused loudly instead of seeding a wrong table', () => {
    assert.throws(() => rowsFromChineseDaysData(null), /no "holidays" table/);
    assert.throws(() => rowsFromChineseDaysData({ holidays: {} }), /no "workdays" table/);
    assert.throws(
      () => rowsFromChineseDaysData({ holidays: { '2030-02-30': 'Spring Festival,春节,4' }, workdays: {} }),
      /bad holidays entry/,
    );
    assert.throws(
      () =>
        rowsFromChineseDaysData({
          holidays: { '2030-02-03': 'Spring Festival,春节,4' },
          workdays: { '2030-02-03': 'Spring Festival,春节,4' },
        }),
      /both as a holiday and as a workday/,
    );
  });
});
