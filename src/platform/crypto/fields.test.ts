import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CryptoError } from './errors.ts';
import { blindIndex, decryptField, encryptField, fieldAad, maskIdNumber, maskPhone } from './fields.ts';
import { generateKeyFileContent, Keyring, rotate } from './keyring.ts';
import { sm3Hex } from './sm3.ts';

const newKeyring = () => Keyring.parse(generateKeyFileContent());

describe('encryptField / decryptField', () => {
  const keyring = newKeyring();

  it('round-trips and keeps the value out of the stored text', () => {
    for (const value of ['110101199003071234', '13812345678', '专家：李四', '']) {
      const aad = fieldAad('experts', 'identity', 'e-1');
      const stored = encryptField(keyring, value, aad);
      if (value) assert.ok(!stored.includes(value));
      assert.equal(decryptField(keyring, stored, aad), value);
    }
  });

  it('a ciphertext swapped to another row or column does not decrypt', () => {
    const stored = encryptField(keyring, '110101199003071234', fieldAad('users', 'id_number', 1));
    assert.equal(decryptField(keyring, stored, fieldAad('users', 'id_number', '1')), '110101199003071234');
    for (const aad of [
      fieldAad('users', 'id_number', 2),
      fieldAad('users', 'phone', 1),
      fieldAad('experts', 'id_number', 1),
    ]) {
      assert.throws(
        () => decryptField(keyring, stored, aad),
        (e: unknown) => e instanceof CryptoError && e.code === 'ENVELOPE_AUTH_FAILED',
      );
    }
  });

  it('fieldAad is unambiguous even when names contain separators', () => {
    assert.notEqual(fieldAad('a.b', 'c', 1), fieldAad('a', 'b.c', 1));
    assert.notEqual(fieldAad('a","b', 'c', 1), fieldAad('a', 'b","c', 1));
  });
});

describe('blindIndex', () => {
  const keyring = newKeyring();

  it('is deterministic, value-sensitive and scope-separated', () => {
    const a = blindIndex(keyring, '13812345678', 'users.phone');
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.equal(blindIndex(keyring, '13812345678', 'users.phone'), a);
    assert.notEqual(blindIndex(keyring, '13812345679', 'users.phone'), a);
    assert.notEqual(blindIndex(keyring, '13812345678', 'experts.phone'), a);
    assert.notEqual(blindIndex(keyring, '13812345678'), a);
  });

  it('is keyed: differs from a plain hash and between keyrings', () => {
    const a = blindIndex(keyring, '110101199003071234');
    assert.notEqual(a, sm3Hex('110101199003071234'));
    assert.notEqual(blindIndex(newKeyring(), '110101199003071234'), a);
  });

  it('survives key rotation (equality search keeps working)', () => {
    const rotated = Keyring.parse(rotate(keyring));
    assert.equal(
      blindIndex(rotated, '13812345678', 'users.phone'),
      blindIndex(keyring, '13812345678', 'users.phone'),
    );
  });

  it('normalises Unicode to NFC', () => {
    assert.equal(blindIndex(keyring, 'e\u0301'), blindIndex(keyring, '\u00e9'));
  });
});

describe('masking', () => {
  it('maskIdNumber keeps region code and last four', () => {
    assert.equal(maskIdNumber('110101199003071234'), '110101********1234');
    assert.equal(maskIdNumber('11010119900307123X'), '110101********123X');
    assert.equal(maskIdNumber('110101900307123'), '110101*****7123');
    assert.equal(maskIdNumber(' 110101199003071234 '), '110101********1234');
    assert.equal(maskIdNumber('12345'), '*****');
    assert.equal(maskIdNumber(''), '');
  });

  it('maskPhone keeps the first three and last four digits', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskPhone('+8613812345678'), '+86138****5678');
    assert.equal(maskPhone('+86 13812345678'), '+86 138****5678');
    assert.equal(maskPhone('010-12345678'), '010*****5678');
    assert.equal(maskPhone('1234567'), '*******');
  });

  it('never shows the middle digits', () => {
    assert.ok(!maskIdNumber('110101199003071234').includes('19900307'));
    assert.ok(!maskPhone('13812345678').includes('1234'));
  });
});
