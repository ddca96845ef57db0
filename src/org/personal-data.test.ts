import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { idNumberCheckChar, normaliseIdNumber, normalisePhone } from './personal-data.ts';

describe('personal data formats (pure)', () => {
  test('phone numbers lose spaces and hyphens, full-width digits fold, anything else is refused', () => {
    assert.equal(normalisePhone('138 1234-5678'), '13812345678');
    assert.equal(normalisePhone('+86 138 1234 5678'), '+8613812345678');
    assert.equal(normalisePhone('１３８１２３４５６７８'), '13812345678');
    assert.equal(normalisePhone('0352-1234567'), '03521234567');
    for (const bad of ['1234', '138-abc-5678', "13812345678'; --", '<script>', '']) {
      assert.equal(normalisePhone(bad), null, bad);
    }
  });

  test('身份证号: 18 characters, a real birth date and the GB 11643 check character', () => {
    assert.equal(idNumberCheckChar('11010519491231002'), 'X');
    assert.equal(normaliseIdNumber('11010519491231002x'), '11010519491231002X');
    assert.equal(normaliseIdNumber(' 110101199003071233 '), '110101199003071233');
    for (const bad of [
      '110101199003071234', // wrong check character
      '110101199002301231', // 30 February
      '110101189003071232', // before 1900
      '11010119900307123', // 17 characters
      '010101199003071233', // region cannot start with 0
    ]) {
      assert.equal(normaliseIdNumber(bad), null, bad);
    }
  });
});
