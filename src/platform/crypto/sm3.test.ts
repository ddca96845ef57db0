import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { hmacSm3Hex, sm3Hex } from './sm3.ts';

// sm-crypto's pure-JS SM3 serves as an independent second implementation.
const smCrypto = createRequire(import.meta.url)('sm-crypto') as {
  sm3(input: string | number[], options?: { key: string; mode: 'hmac' }): string;
};

describe('SM3 known-answer tests (GB/T 32905-2016 Appendix A)', () => {
  it('A.1: SM3("abc")', () => {
    assert.equal(sm3Hex('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('A.2: SM3("abcd" × 16), a 64-byte message', () => {
    const message = 'abcd'.repeat(16);
    assert.equal(Buffer.byteLength(message), 64);
    assert.equal(sm3Hex(message), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('Buffer and string inputs agree, and match the independent sm-crypto implementation', () => {
    for (const message of ['', 'abc', '国密 SM3 杂凑', 'x'.repeat(1000)]) {
      assert.equal(sm3Hex(Buffer.from(message, 'utf8')), sm3Hex(message));
      assert.equal(sm3Hex(message), smCrypto.sm3(message));
    }
  });
});

/** HMAC per RFC 2104 / GB/T 15852.2 built by hand on SM3 (block size 64 bytes). */
function manualHmacSm3(key: Buffer, data: Buffer): string {
  const block = 64;
  const k0 = Buffer.alloc(block);
  (key.length > block ? createHash('sm3').update(key).digest() : key).copy(k0);
  const xor = (pad: number) => Buffer.from(k0.map((b) => b ^ pad));
  const inner = createHash('sm3').update(xor(0x36)).update(data).digest();
  return createHash('sm3').update(xor(0x5c)).update(inner).digest('hex');
}

describe('HMAC-SM3', () => {
  const cases: Array<[string, Buffer, Buffer]> = [
    ['short key', Buffer.from('key'), Buffer.from('The quick brown fox jumps over the lazy dog')],
    ['32-byte key, empty message', Buffer.alloc(32, 0x0b), Buffer.alloc(0)],
    ['64-byte key (exactly one block)', Buffer.alloc(64, 0xaa), Buffer.from('审计链 audit chain')],
    ['100-byte key (hashed first)', Buffer.alloc(100, 0x5a), Buffer.alloc(1000, 0x01)],
  ];

  for (const [name, key, data] of cases) {
    it(`Node's HMAC equals a manual RFC 2104 construction over SM3: ${name}`, () => {
      assert.equal(hmacSm3Hex(key, data), manualHmacSm3(key, data));
    });
  }

  it('matches the independent sm-crypto HMAC-SM3', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    assert.equal(hmacSm3Hex(key, 'abc'), smCrypto.sm3('abc', { key: key.toString('hex'), mode: 'hmac' }));
  });

  it('depends on the key', () => {
    assert.notEqual(hmacSm3Hex(Buffer.from('k1'), 'm'), hmacSm3Hex(Buffer.from('k2'), 'm'));
  });
});
