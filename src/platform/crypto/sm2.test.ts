import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateKeyFileContent, Keyring, rotate } from './keyring.ts';
import {
  type ContentSignature,
  generateSm2KeyPair,
  isValidSm2PublicKey,
  SM2_DEFAULT_USER_ID,
  signContent,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  verifyContent,
  verifyContentWithPublicKey,
} from './sm2.ts';
import { sm3Hex } from './sm3.ts';

/**
 * Signature example on the recommended 256-bit curve: GM/T 0003.5-2012 / GB/T 32918.5-2017
 * Appendix A (the same vector is used by GmSSL's sm2test and OpenSSL's sm2_internal_test).
 */
const KAT = {
  userId: '1234567812345678',
  message: 'message digest',
  privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKey:
    '04' +
    '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
    'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  z: 'b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3',
  e: 'f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640',
  k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};

const CURVE = {
  a: 'fffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffc',
  b: '28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93',
  gx: '32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7',
  gy: 'bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0',
};

/** A random source that yields `value - 1` as 40 big-endian bytes, so that scalar = value. */
function fixedScalar(valueHex: string): (size: number) => Uint8Array {
  return (size) => {
    assert.equal(size, 40);
    return Buffer.from((BigInt(`0x${valueHex}`) - 1n).toString(16).padStart(80, '0'), 'hex');
  };
}

describe('SM2 known-answer test (GB/T 32918.5-2017 Appendix A, recommended curve)', () => {
  const keyPair = { privateKey: KAT.privateKey, publicKey: KAT.publicKey };

  it('derives the published public key from the private key', () => {
    assert.equal(sm2PublicKeyFromPrivate(KAT.privateKey), KAT.publicKey);
    assert.deepEqual(generateSm2KeyPair(fixedScalar(KAT.privateKey)), keyPair);
    assert.ok(isValidSm2PublicKey(KAT.publicKey));
  });

  it('Z_A and e = SM3(Z_A ‖ M) match the standard (via Node SM3)', () => {
    const id = Buffer.from(KAT.userId, 'utf8');
    const entl = Buffer.alloc(2);
    entl.writeUInt16BE(id.length * 8);
    const z = sm3Hex(
      Buffer.concat([
        entl,
        id,
        ...[CURVE.a, CURVE.b, CURVE.gx, CURVE.gy, KAT.publicKey.slice(2)].map((h) => Buffer.from(h, 'hex')),
      ]),
    );
    assert.equal(z, KAT.z);
    assert.equal(sm3Hex(Buffer.concat([Buffer.from(z, 'hex'), Buffer.from(KAT.message)])), KAT.e);
  });

  it('signing with the standard nonce k reproduces (r, s) exactly', () => {
    const signature = sm2Sign(keyPair, KAT.message, { userId: KAT.userId, random: fixedScalar(KAT.k) });
    assert.equal(signature, KAT.r + KAT.s);
  });

  it('verifies the published signature, and rejects it for another message, id or key', () => {
    assert.equal(SM2_DEFAULT_USER_ID, KAT.userId);
    assert.ok(sm2Verify(KAT.publicKey, KAT.message, KAT.r + KAT.s));
    assert.ok(sm2Verify(KAT.publicKey.toUpperCase(), KAT.message, (KAT.r + KAT.s).toUpperCase()));
    assert.ok(sm2Verify(KAT.publicKey, Buffer.from(KAT.message), KAT.r + KAT.s));
    assert.ok(!sm2Verify(KAT.publicKey, 'message digesT', KAT.r + KAT.s));
    assert.ok(!sm2Verify(KAT.publicKey, KAT.message, KAT.r + KAT.s, { userId: 'ALICE123@YAHOO.COM' }));
    assert.ok(!sm2Verify(generateSm2KeyPair().publicKey, KAT.message, KAT.r + KAT.s));
  });

  it('returns false (never throws) for malformed signatures and keys', () => {
    const sig = KAT.r + KAT.s;
    for (const bad of [
      '',
      'zz',
      sig.slice(0, 126),
      `${sig}00`,
      `${KAT.r}${'0'.repeat(64)}`,
      'g'.repeat(128),
    ]) {
      assert.equal(sm2Verify(KAT.publicKey, KAT.message, bad), false);
    }
    const offCurve = `${KAT.publicKey.slice(0, -1)}${KAT.publicKey.endsWith('3') ? '4' : '3'}`;
    assert.equal(isValidSm2PublicKey(offCurve), false);
    assert.equal(sm2Verify(offCurve, KAT.message, sig), false);
    assert.equal(sm2Verify(`02${KAT.publicKey.slice(2, 66)}`, KAT.message, sig), false);
  });
});

describe('SM2 primitives', () => {
  it('key generation draws from the injected (CSPRNG by default) source and stays in range', () => {
    const a = generateSm2KeyPair();
    const b = generateSm2KeyPair();
    assert.notEqual(a.privateKey, b.privateKey);
    assert.equal(sm2PublicKeyFromPrivate(a.privateKey), a.publicKey);
    assert.ok(isValidSm2PublicKey(a.publicKey));
    // A source of all-0xff bytes still maps into [1, n-2].
    const max = generateSm2KeyPair(() => Buffer.alloc(40, 0xff));
    assert.ok(BigInt(`0x${max.privateKey}`) >= 1n);
    assert.throws(() => sm2PublicKeyFromPrivate('0'.repeat(64)));
    assert.throws(() =>
      sm2PublicKeyFromPrivate('fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122'),
    );
  });

  it('signatures are randomised (fresh nonce each time) and all verify', () => {
    const keyPair = generateSm2KeyPair();
    const one = sm2Sign(keyPair, '同一内容');
    const two = sm2Sign(keyPair, '同一内容');
    assert.notEqual(one, two);
    assert.ok(sm2Verify(keyPair.publicKey, '同一内容', one));
    assert.ok(sm2Verify(keyPair.publicKey, '同一内容', two));
  });
});

describe('content signatures (密评 8.4h)', () => {
  const keyring = Keyring.parse(generateKeyFileContent());
  const approval = {
    projectId: 'p-2025-0042',
    step: 'review.approve',
    approver: { id: 'u-7', name: '张三' },
    opinion: '同意立项，按程序报批。',
    amount: 1234567.89,
    at: '2025-06-14T08:00:00.000Z',
  };

  it('signs canonical JSON with the active key and verifies regardless of key order', () => {
    const sig = signContent(keyring, approval);
    assert.equal(sig.alg, 'SM2-SM3');
    assert.equal(sig.keyId, keyring.activeKeyId);
    assert.match(sig.signature, /^[0-9a-f]{128}$/);
    assert.match(sig.contentHash, /^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(approval).reverse());
    assert.ok(verifyContent(keyring, reordered, sig));
    assert.ok(verifyContentWithPublicKey(keyring.publicKeys()[sig.keyId], approval, sig));
  });

  it('fails on any change of the content', () => {
    const sig = signContent(keyring, approval);
    const changes: unknown[] = [
      { ...approval, opinion: '不同意' },
      { ...approval, amount: 1234567.8 },
      { ...approval, approver: { id: 'u-8', name: '张三' } },
      { ...approval, extra: true },
      (({ at: _omit, ...rest }) => rest)(approval),
      [approval],
      null,
    ];
    for (const changed of changes) assert.equal(verifyContent(keyring, changed, sig), false);
  });

  it('fails on a changed signature, hash, key id or algorithm', () => {
    const sig = signContent(keyring, approval);
    const flip = (h: string, i: number) => `${h.slice(0, i)}${h[i] === '0' ? '1' : '0'}${h.slice(i + 1)}`;
    const tampered: ContentSignature[] = [
      { ...sig, signature: flip(sig.signature, 5) },
      { ...sig, signature: flip(sig.signature, 100) },
      { ...sig, contentHash: flip(sig.contentHash, 0) },
      { ...sig, keyId: 'k-unknown' },
      { ...sig, alg: 'SM2-SHA256' as 'SM2-SM3' },
    ];
    for (const t of tampered) assert.equal(verifyContent(keyring, approval, t), false);
  });

  it('fails under another keyring (other key), even with the same key id', () => {
    const sig = signContent(keyring, approval);
    const other = Keyring.parse(generateKeyFileContent());
    assert.equal(verifyContent(other, approval, sig), false);
    assert.equal(verifyContent(other, approval, { ...sig, keyId: other.activeKeyId }), false);
  });

  it('old signatures still verify after rotation; new ones use the new key', () => {
    const old = signContent(keyring, approval);
    const rotated = Keyring.parse(rotate(keyring));
    assert.ok(verifyContent(rotated, approval, old));
    const fresh = signContent(rotated, approval);
    assert.equal(fresh.keyId, rotated.activeKeyId);
    assert.notEqual(fresh.keyId, old.keyId);
    assert.ok(verifyContent(rotated, approval, fresh));
    assert.equal(verifyContent(keyring, approval, fresh), false);
  });

  it('the signed bytes are the canonical JSON, so an external SM2 verifier can check them', () => {
    const sig = signContent(keyring, { b: 1, a: '中' });
    assert.equal(sig.contentHash, sm3Hex('{"a":"中","b":1}'));
    assert.ok(sm2Verify(keyring.active().sm2PublicKey, '{"a":"中","b":1}', sig.signature));
  });
});
