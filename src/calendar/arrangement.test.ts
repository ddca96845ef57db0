import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { arrangementProblems, arrangementWindow, arrangementYear } from './arrangement.ts';
import { seedRowsFromChineseDays } from './seed.ts';

describe('the arrangement window of a year', () => {
  test('a year runs from the previous 12-25 to its own 12-24', () => {
    assert.deepEqual(arrangementWindow(2027), { from: '2026-12-25', to: '2027-12-24' });
    assert.equal(arrangementYear('2026-12-24'), 2026);
    assert.equal(arrangementYear('2026-12-25'), 2027);
    assert.equal(arrangementYear('2027-01-01'), 2027);
    assert.equal(arrangementYear('2027-12-24'), 2027);
  });

  test('every late-December row of the chinese-days seed is a 元旦 row of the following year', () => {
    const { rows } = seedRowsFromChineseDays();
    const late = rows.filter((r) => r.date.slice(5) >= '12-25');
    assert.ok(late.length > 0);
    for (const row of late) {
      assert.equal(row.name, '元旦', row.date);
      assert.equal(arrangementYear(row.date), Number(row.date.slice(0, 4)) + 1, row.date);
    }
  });

  test('a row in the last week of its own December is refused and pointed to the next year', () => {
    const problems = arrangementProblems(2027, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-12-31', kind: 'holiday', name: '元旦' },
      { date: '2027-12-31', kind: 'holiday', name: '元旦' },
      { date: 'not a date', kind: 'holiday', name: '元旦' },
    ]);
    assert.deepEqual(
      problems.map((p) => [p.code, p.row, p.field]),
      [['DATE_NEXT_ARRANGEMENT', 2, 'date']],
    );
    assert.match(problems[0].message, /2028 年元旦/);
  });
});
