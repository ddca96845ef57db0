import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMON_PASSWORDS } from './common-passwords.ts';

describe('common password list (SECURITY.md 1, ASVS 6.2.4)', () => {
  it('holds at least the top 1,000 common passwords', () => {
    assert.ok(COMMON_PASSWORDS.size >= 1000, `only ${COMMON_PASSWORDS.size} entries`);
  });

  it('includes the well-known international and Chinese favourites', () => {
    const expected = [
      '123456',
      '123456789',
      '12345678',
      '111111',
      '000000',
      'password',
      'qwerty',
      '5201314',
      'woaini1314',
      'qq123456',
      'a123456',
      'aa123456',
      'abc123',
      'iloveyou',
      'admin',
      'root',
      'p@ssw0rd',
      'passw0rd!',
      '1qaz2wsx',
      'qwe123',
      'zxcvbnm',
      'dearbook',
      'xiazhili',
      'huawei@123',
      'tongchou',
    ];
    for (const entry of expected) assert.ok(COMMON_PASSWORDS.has(entry), entry);
  });

  it('stores lower-case entries without whitespace, ready for case-insensitive lookup', () => {
    for (const entry of COMMON_PASSWORDS) {
      assert.equal(entry, entry.toLowerCase(), entry);
      assert.doesNotMatch(entry, /\s/, entry);
      assert.ok(entry.length > 0);
    }
  });
});
