import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chineseOrdinal, documentDate, formatChineseDate, quoteChinese } from './format.ts';

describe('document dates', () => {
  test('ISO dates are written as GB/T 9704 成文日期 with Arabic numerals and no leading zeros', () => {
    assert.equal(formatChineseDate('2026-11-22'), '2026年11月22日');
    assert.equal(formatChineseDate('2027-01-05'), '2027年1月5日');
  });

  test('a date-time is read in China Standard Time (UTC+8)', () => {
    assert.deepEqual(documentDate('2026-11-21T18:30:00Z'), { year: 2026, month: 11, day: 22 });
    assert.deepEqual(documentDate('2026-11-22T23:59:59+08:00'), { year: 2026, month: 11, day: 22 });
  });

  test('impossible or malformed dates are refused', () => {
    assert.equal(documentDate('2026-02-30'), undefined);
    assert.equal(documentDate('2026-11-22T10:00'), undefined);
    assert.equal(documentDate('22/11/2026'), undefined);
    assert.throws(() => formatChineseDate('2026-13-01'), RangeError);
  });
});

describe('Chinese text', () => {
  test('heading ordinals', () => {
    assert.deepEqual([1, 2, 9, 10, 11, 20, 21, 99].map(chineseOrdinal), [
      '一',
      '二',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
    ]);
    assert.throws(() => chineseOrdinal(0), RangeError);
    assert.throws(() => chineseOrdinal(100), RangeError);
  });

  test('quotes inside a quoted name become single quotes', () => {
    assert.equal(quoteChinese('“一网通办”平台'), '“‘一网通办’平台”');
    assert.equal(quoteChinese('政务云'), '“政务云”');
  });
});
