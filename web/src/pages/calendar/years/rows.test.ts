import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchProblems, sortRows, weekdayOf } from './rows.ts';

describe('the holiday-year editor', () => {
  it('puts each server problem on the row it names, by the order the rows were sent', () => {
    const { byRow, general } = matchProblems(
      [
        { severity: 'error', code: 'DATE_INVALID', row: 1, field: 'rows.1.date', message: '日期无效' },
        {
          severity: 'warning',
          code: 'HOLIDAY_ON_WEEKEND',
          row: 0,
          field: 'rows.0.date',
          message: '本来就是休息日',
        },
        {
          severity: 'error',
          code: 'PUBLISHED_REF_REQUIRED',
          row: null,
          field: 'publishedRef',
          message: '请填写发布文号',
        },
      ],
      ['a', 'b'],
    );
    assert.deepEqual(byRow.get('b')?.date, [{ severity: 'error', text: '日期无效' }]);
    assert.deepEqual(byRow.get('a')?.date, [{ severity: 'warning', text: '本来就是休息日' }]);
    assert.deepEqual(
      general.map((p) => p.field),
      ['publishedRef'],
    );
  });

  it('names weekdays of civil dates and sorts rows with empty dates last', () => {
    assert.equal(weekdayOf('2027-01-01'), '周五');
    assert.equal(weekdayOf('2027-02-20'), '周六');
    assert.equal(weekdayOf('bad'), '');
    const sorted = sortRows([
      { key: 'x', date: '', kind: 'holiday', name: '' },
      { key: 'y', date: '2027-02-08', kind: 'holiday', name: '春节' },
      { key: 'z', date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    assert.deepEqual(
      sorted.map((r) => r.key),
      ['z', 'y', 'x'],
    );
  });
});
