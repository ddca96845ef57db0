import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { CryptoError } from './errors.ts';
import { generateKeyFileContent, Keyring, rotate } from './keyring.ts';
import {
  decryptBlob,
  decryptEnvelope,
  encryptBlob,
  encryptToEnvelope,
  envelopeKeyId,
  isEnvelope,
  reencryptEnvelope,
} from './sm4.ts';

const smCrypto = createRequire(import.meta.url)('sm-crypto') as {
  sm4: {
    encrypt(input: number[], key: string, options: { mode: 'cbc'; iv: string; output: 'array' }): number[];
  };
};

const hex = (s: string) => Buffer.from(s, 'hex');

/** SM4 in CBC mode without padding: with a zero IV the first block is the bare block cipher. */
function sm4CbcNoPadding(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('sm4-cbc', key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

describe('SM4 known-answer tests (GB/T 32907-2016 Appendix A)', () => {
  const key = hex('0123456789abcdeffedcba9876543210');

  it('A.1: one block, key = plaintext = 0123456789abcdeffedcba9876543210', () => {
    const block = sm4CbcNoPadding(key, Buffer.alloc(16), key);
    assert.equal(block.toString('hex'), '681edf34d206965e86b3e94f536e4246');
  });

  it('A.2: 1,000,000 iterated encryptions', () => {
    // CBC over 10^6 zero blocks with IV = P gives C_i = E(C_{i-1} ⊕ 0), i.e. E iterated 10^6 times,
    // so the vector is checked through the CBC mode the product uses, without ECB.
    const out = sm4CbcNoPadding(key, key, Buffer.alloc(16 * 1_000_000));
    assert.equal(out.subarray(-16).toString('hex'), '595298c7c6fd271f0402f804c33d3f66');
  });

  it('SM4-CBC through OpenSSL matches the independent sm-crypto implementation', () => {
    const k = randomBytes(16);
    const iv = randomBytes(16);
    const data = randomBytes(16 * 37);
    const ours = sm4CbcNoPadding(k, iv, data);
    const theirs = smCrypto.sm4.encrypt(Array.from(data), k.toString('hex'), {
      mode: 'cbc',
      iv: iv.toString('hex'),
      output: 'array',
    });
    // sm-crypto always pads (PKCS#7): compare the data blocks.
    assert.deepEqual(Buffer.from(theirs).subarray(0, data.length), ours);
  });
});

const newKeyring = () => Keyring.parse(generateKeyFileContent());

function assertCryptoError(fn: () => unknown, code: string): void {
  assert.throws(fn, (error: unknown) => error instanceof CryptoError && error.code === code);
}

/** Flips one bit of the base64url part `index` of a text envelope (keeping it valid base64url). */
function flipPart(envelope: string, index: number): string {
  const parts = envelope.split('.');
  const bytes = Buffer.from(parts[index], 'base64url');
  bytes[0] ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('text envelope', () => {
  const keyring = newKeyring();

  it('round-trips text, bytes and the empty string', () => {
    for (const value of ['110101199003071234', '投标报价 ¥1,234,567.89', '', 'x'.repeat(10_000)]) {
      assert.equal(decryptEnvelope(keyring, encryptToEnvelope(keyring, value)).toString('utf8'), value);
    }
    const bytes = randomBytes(333);
    assert.deepEqual(decryptEnvelope(keyring, encryptToEnvelope(keyring, bytes)), bytes);
  });

  it('has the form v1.<keyId>.<iv>.<ct>.<tag> and hides the plaintext', () => {
    const envelope = encryptToEnvelope(keyring, '13812345678');
    const [version, keyId, iv, ct, tag] = envelope.split('.');
    assert.equal(version, 'v1');
    assert.equal(keyId, keyring.activeKeyId);
    assert.equal(Buffer.from(iv, 'base64url').length, 16);
    assert.equal(Buffer.from(ct, 'base64url').length, 16);
    assert.equal(Buffer.from(tag, 'base64url').length, 32);
    assert.ok(!envelope.includes('13812345678'));
    assert.ok(isEnvelope(envelope));
    assert.ok(!isEnvelope('13812345678'));
  });

  it('uses a fresh IV each time (same plaintext, different envelopes)', () => {
    const a = encryptToEnvelope(keyring, 'same');
    const b = encryptToEnvelope(keyring, 'same');
    assert.notEqual(a, b);
    assert.notEqual(a.split('.')[2], b.split('.')[2]);
  });

  it('detects a flipped bit in iv, ciphertext and tag', () => {
    const envelope = encryptToEnvelope(keyring, 'secret', 'aad');
    for (const index of [2, 3, 4]) {
      assertCryptoError(
        () => decryptEnvelope(keyring, flipPart(envelope, index), 'aad'),
        'ENVELOPE_AUTH_FAILED',
      );
    }
  });

  it('detects a changed key id (unknown → UNKNOWN_KEY_ID; another known key → auth failure)', () => {
    const envelope = encryptToEnvelope(keyring, 'secret');
    const parts = envelope.split('.');
    parts[1] = `${parts[1].slice(0, -1)}${parts[1].endsWith('a') ? 'b' : 'a'}`;
    assertCryptoError(() => decryptEnvelope(keyring, parts.join('.')), 'UNKNOWN_KEY_ID');

    const rotated = Keyring.parse(rotate(keyring));
    const old = encryptToEnvelope(rotated, 'secret').split('.');
    old[1] = keyring.activeKeyId; // claim the other (older) key of the same keyring
    assertCryptoError(() => decryptEnvelope(rotated, old.join('.')), 'ENVELOPE_AUTH_FAILED');
  });

  it('rejects truncation, extra parts, other versions and non-canonical base64url as malformed', () => {
    const envelope = encryptToEnvelope(keyring, 'secret');
    const parts = envelope.split('.');
    const bad = [
      parts.slice(0, 4).join('.'),
      `${envelope}.x`,
      ['v2', ...parts.slice(1)].join('.'),
      [...parts.slice(0, 3), parts[3].slice(0, -2), parts[4]].join('.'), // ciphertext not whole blocks
      [...parts.slice(0, 4), `${parts[4]}A`].join('.'),
      [...parts.slice(0, 2), `${parts[2]}=`, ...parts.slice(3)].join('.'),
      'not an envelope',
      '',
    ];
    for (const candidate of bad)
      assertCryptoError(() => decryptEnvelope(keyring, candidate), 'ENVELOPE_MALFORMED');
  });

  it('binds associated data: wrong or missing AAD fails, matching AAD succeeds', () => {
    const envelope = encryptToEnvelope(keyring, '110101199003071234', 'users.id_number.42');
    assert.equal(decryptEnvelope(keyring, envelope, 'users.id_number.42').toString(), '110101199003071234');
    assertCryptoError(() => decryptEnvelope(keyring, envelope, 'users.id_number.43'), 'ENVELOPE_AUTH_FAILED');
    assertCryptoError(() => decryptEnvelope(keyring, envelope), 'ENVELOPE_AUTH_FAILED');
    const noAad = encryptToEnvelope(keyring, 'x');
    assertCryptoError(() => decryptEnvelope(keyring, noAad, 'users.id_number.42'), 'ENVELOPE_AUTH_FAILED');
  });

  it('does not decrypt under another keyring that happens to use the same key id', () => {
    const other = Keyring.parse(generateKeyFileContent());
    const envelope = encryptToEnvelope(keyring, 'secret').split('.');
    envelope[1] = other.activeKeyId;
    assertCryptoError(() => decryptEnvelope(other, envelope.join('.')), 'ENVELOPE_AUTH_FAILED');
  });
});

describe('rotation', () => {
  it('keeps old envelopes readable, seals new ones with the new key, and re-encrypts on demand', () => {
    const before = newKeyring();
    const old = encryptToEnvelope(before, '旧数据', 'aad');
    const oldBlob = encryptBlob(before, Buffer.from('old attachment'), 'file-1');

    const after = Keyring.parse(rotate(before));
    assert.notEqual(after.activeKeyId, before.activeKeyId);
    assert.deepEqual(after.keyIds, [before.activeKeyId, after.activeKeyId]);

    assert.equal(decryptEnvelope(after, old, 'aad').toString(), '旧数据');
    assert.equal(decryptBlob(after, oldBlob, 'file-1').toString(), 'old attachment');

    const fresh = encryptToEnvelope(after, '新数据');
    assert.equal(envelopeKeyId(fresh), after.activeKeyId);
    assert.equal(envelopeKeyId(old), before.activeKeyId);

    const migrated = reencryptEnvelope(after, old, 'aad');
    assert.equal(envelopeKeyId(migrated), after.activeKeyId);
    assert.equal(decryptEnvelope(after, migrated, 'aad').toString(), '旧数据');
    assert.equal(reencryptEnvelope(after, migrated, 'aad'), migrated);
    assertCryptoError(() => reencryptEnvelope(after, old, 'wrong'), 'ENVELOPE_AUTH_FAILED');

    // The pre-rotation keyring cannot read data sealed under the new key.
    assertCryptoError(() => decryptEnvelope(before, fresh), 'UNKNOWN_KEY_ID');
  });
});

describe('binary envelope (attachments)', () => {
  const keyring = newKeyring();

  it('round-trips empty, small and 24 MB buffers', () => {
    for (const size of [0, 1, 15, 16, 17, 4096]) {
      const data = randomBytes(size);
      assert.deepEqual(decryptBlob(keyring, encryptBlob(keyring, data, 'a'), 'a'), data, `size ${size}`);
    }
    const large = Buffer.alloc(24 * 1024 * 1024, 0x5a);
    const blob = encryptBlob(keyring, large, 'attachment:1');
    assert.ok(decryptBlob(keyring, blob, 'attachment:1').equals(large));
  });

  it('names its key id and detects any flipped byte (header, IV, ciphertext, tag) or truncation', () => {
    const data = Buffer.from('attachment body '.repeat(8));
    const blob = encryptBlob(keyring, data, 'aad');
    assert.equal(envelopeKeyId(blob), keyring.activeKeyId);
    const idEnd = 5 + keyring.activeKeyId.length;
    for (const offset of [idEnd - 1, idEnd, idEnd + 16, blob.length - 33, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[offset] ^= 0x01;
      assert.throws(() => decryptBlob(keyring, tampered, 'aad'), CryptoError, `offset ${offset}`);
    }
    assertCryptoError(
      () => decryptBlob(keyring, blob.subarray(0, blob.length - 1), 'aad'),
      'ENVELOPE_MALFORMED',
    );
    assertCryptoError(() => decryptBlob(keyring, Buffer.from('PK\x03\x04 a zip file')), 'ENVELOPE_MALFORMED');
    assertCryptoError(() => decryptBlob(keyring, blob, 'other'), 'ENVELOPE_AUTH_FAILED');
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const blob = encryptBlob(keyring, Buffer.from('view'));
    const padded = Buffer.concat([Buffer.alloc(7), blob, Buffer.alloc(5)]);
    const view = new Uint8Array(padded.buffer, padded.byteOffset + 7, blob.length);
    assert.equal(decryptBlob(keyring, view).toString(), 'view');
  });
});
