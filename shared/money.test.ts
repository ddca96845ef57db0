import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fenToYuan, formatWanYuan, formatYuan, groupThousands, isYuanAmount, yuanToFen } from './money.ts';

describe('money', () => {
  test('yuan decimal strings convert exactly to fen and back', () => {
    assert.equal(yuanToFen('12800000'), 1_280_000_000n);
    assert.equal(yuanToFen('0.1'), 10n);
    assert.equal(yuanToFen('7999999.50'), 799_999_950n);
    assert.equal(fenToYuan(799_999_950n), '7999999.50');
    assert.equal(fenToYuan(5n), '0.05');
  });

  test('only non-negative amounts with at most two decimals are amounts', () => {
    for (const ok of ['0', '1', '99.5', '1280000.00']) assert.ok(isYuanAmount(ok), ok);
    for (const bad of ['', '-1', '1.234', '01', '1e6', '1,000', ' 1']) assert.ok(!isYuanAmount(bad), bad);
    assert.throws(() => yuanToFen('1.234'), RangeError);
  });

  test('amounts are shown in yuan with thousands separators and in 万元 without rounding', () => {
    assert.equal(formatYuan('12800000'), '12,800,000.00元');
    assert.equal(formatYuan('0.5'), '0.50元');
    assert.equal(formatWanYuan('12800000'), '1,280万元');
    assert.equal(formatWanYuan('1234567.8'), '123.45678万元');
    assert.equal(formatWanYuan('0.01'), '0.000001万元');
    assert.equal(groupThousands('1280000'), '1,280,000');
    assert.equal(groupThousands('999'), '999');
  });
});
