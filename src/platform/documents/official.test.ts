import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnFractions, signatureIndents, textWidthInChars } from './official.ts';

test('text width counts CJK as one character and ASCII digits as half', () => {
  assert.equal(textWidthInChars('大同市数字政府服务中心'), 11);
  assert.equal(textWidthInChars('2026年11月22日'), 7);
});

test('成文日期 is four characters from the right and 发文机关署名 is centred over it (GB/T 9704 7.3.5.1)', () => {
  // Issuer (11) wider than date (7): the date moves in by half the difference.
  assert.deepEqual(signatureIndents('大同市数字政府服务中心', '2026年11月22日'), { issuer: 4, date: 6 });
  // Issuer (4) narrower than date (7): the issuer moves in.
  assert.deepEqual(signatureIndents('某某中心', '2026年11月22日'), { issuer: 5.5, date: 4 });
});

test('column fractions follow the weights and add up to one', () => {
  const fractions = columnFractions([
    { header: 'a', weight: 1, align: 'center' },
    { header: 'b', weight: 3, align: 'left' },
  ]);
  assert.deepEqual(fractions, [0.25, 0.75]);
});
