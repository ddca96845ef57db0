import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_BITS,
  verifyRecoveryCode,
} from './recovery-codes.ts';

const key = Buffer.alloc(32, 7);

describe('recovery codes (SECURITY.md 4–5, 7; ASVS 6.5)', () => {
  it('generates 10 distinct XXXX-XXXX-XXXX codes of at least 60 bits from an unambiguous alphabet', () => {
    const { codes, hashes } = generateRecoveryCodes(key);
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    assert.equal(hashes.length, 10);
    assert.ok(RECOVERY_CODE_BITS >= 60);
    assert.equal(RECOVERY_CODE_ALPHABET.length, 32);
    assert.doesNotMatch(RECOVERY_CODE_ALPHABET, /[01OI]/);
    for (const code of codes) assert.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  });

  it('uses the whole alphabet (no bias towards a subset)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++)
      for (const code of generateRecoveryCodes(key).codes) for (const c of code) seen.add(c);
    seen.delete('-');
    assert.equal(seen.size, 32);
  });

  it('stores only keyed SM3 digests, never the codes', () => {
    const { codes, hashes } = generateRecoveryCodes(key);
    for (const [i, digest] of hashes.entries()) {
      assert.match(digest, /^[0-9a-f]{64}$/);
      assert.equal(digest, hashRecoveryCode(key, codes[i]));
      assert.ok(!digest.includes(codes[i].replaceAll('-', '').toLowerCase()));
    }
    const other = hashRecoveryCode(Buffer.alloc(32, 8), codes[0]);
    assert.notEqual(other, hashes[0], 'the digest depends on the key');
  });

  it('verifies a code once: the match is removed from the remaining digests', () => {
    const { codes, hashes } = generateRecoveryCodes(key);
    const first = verifyRecoveryCode(key, codes[3], hashes);
    assert.ok(first.ok);
    assert.equal(first.hash, hashes[3]);
    assert.equal(first.remaining.length, 9);
    assert.ok(!first.remaining.includes(hashes[3]));
    assert.deepEqual(verifyRecoveryCode(key, codes[3], first.remaining), { ok: false });
    const second = verifyRecoveryCode(key, codes[4], first.remaining);
    assert.ok(second.ok);
    assert.equal(second.remaining.length, 8);
  });

  it('forgives case, spaces, missing or full-width hyphens', () => {
    const { codes, hashes } = generateRecoveryCodes(key);
    const code = codes[0];
    const compact = code.replaceAll('-', '');
    for (const typed of [
      code.toLowerCase(),
      compact,
      ` ${compact.slice(0, 6)} ${compact.slice(6)} `,
      code.replaceAll('-', '—'),
      [...code].map((c) => (c === '-' ? '－' : String.fromCodePoint(c.codePointAt(0)! + 0xfee0))).join(''),
    ]) {
      assert.equal(verifyRecoveryCode(key, typed, hashes).ok, true, typed);
    }
  });

  it('refuses wrong, malformed and ambiguous-letter input', () => {
    const { hashes } = generateRecoveryCodes(key);
    for (const bad of [
      '',
      'ABCD-EFGH-JKL',
      'ABCD-EFGH-JKLMN',
      'ABCD-EFGH-JK0M',
      'ABCD-EFGH-JKOM',
      'x'.repeat(1000),
    ]) {
      assert.deepEqual(verifyRecoveryCode(key, bad, hashes), { ok: false }, bad);
    }
    assert.equal(normaliseRecoveryCode('ABCD-EFGH-JK1M'), null);
    assert.equal(normaliseRecoveryCode('abcd efgh jkmn'), 'ABCDEFGHJKMN');
    assert.deepEqual(verifyRecoveryCode(key, 'ABCD-EFGH-JKMN', hashes), { ok: false });
  });

  it('ignores malformed stored digests instead of throwing', () => {
    const { codes, hashes } = generateRecoveryCodes(key, 2);
    const result = verifyRecoveryCode(key, codes[1], ['', 'zz', hashes[0], hashes[1]]);
    assert.ok(result.ok);
    assert.equal(result.hash, hashes[1]);
  });

  it('refuses a short key and an unreasonable count', () => {
    assert.throws(() => generateRecoveryCodes(randomBytes(8)), RangeError);
    assert.throws(() => generateRecoveryCodes(key, 0), RangeError);
    assert.throws(() => generateRecoveryCodes(key, 1.5), RangeError);
  });
});
