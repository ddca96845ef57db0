import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { HOTP, TOTP, URI } from 'otpauth';
import {
  newTotpSecret,
  totpCode,
  totpCodeForStep,
  totpQrDataUrl,
  totpStep,
  totpUri,
  verifyTotp,
} from './totp.ts';

/** RFC 6238 Appendix B / RFC 4226 Appendix D key: ASCII '12345678901234567890', in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

/** RFC 4226 dynamic truncation, computed independently of otpauth. */
function referenceHotp(hash: 'sha1' | 'sm3', key: Buffer, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(hash, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

describe('TOTP (RFC 6238; SECURITY.md 4–5)', () => {
  it('matches the RFC 6238 Appendix B test vectors (8 digits, HMAC-SHA-1)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) {
      assert.equal(totpCode(RFC_SECRET, at(seconds), { digits: 8 }), code, `T=${seconds}`);
      const result = verifyTotp(RFC_SECRET, code, at(seconds), undefined, { digits: 8, window: 0 });
      assert.deepEqual(result, { ok: true, step: Math.floor(seconds / 30) }, `T=${seconds}`);
    }
  });

  it('matches the RFC 4226 Appendix D HOTP values (6 digits)', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    for (const [counter, code] of expected.entries())
      assert.equal(totpCodeForStep(RFC_SECRET, counter), code);
  });

  it('uses the authenticator-app standard by default: otpauth default hash is SHA-1, 6 digits, 30 s', () => {
    // Pins the library default that totp.ts relies on without naming it.
    assert.equal(TOTP.defaults.algorithm, 'SHA1');
    assert.equal(HOTP.defaults.algorithm, 'SHA1');
    const key = Buffer.from('12345678901234567890');
    for (const step of [0, 1, 37_037_036, 57_000_000]) {
      assert.equal(totpCodeForStep(RFC_SECRET, step), referenceHotp('sha1', key, step, 6));
    }
    assert.equal(totpStep(at(59)), 1);
    assert.equal(totpStep(at(60)), 2);
  });

  it('accepts codes of the previous, current and next 30-second step, and nothing further', () => {
    const now = at(1_700_000_015);
    const step = totpStep(now);
    for (const delta of [-1, 0, 1]) {
      assert.deepEqual(verifyTotp(RFC_SECRET, totpCodeForStep(RFC_SECRET, step + delta), now), {
        ok: true,
        step: step + delta,
      });
    }
    for (const delta of [-3, -2, 2, 3]) {
      assert.deepEqual(verifyTotp(RFC_SECRET, totpCodeForStep(RFC_SECRET, step + delta), now), {
        ok: false,
        reason: 'mismatch',
      });
    }
    const strict = verifyTotp(RFC_SECRET, totpCodeForStep(RFC_SECRET, step - 1), now, undefined, {
      window: 0,
    });
    assert.equal(strict.ok, false);
  });

  it('accepts each code once: a step at or before the last used step is a replay', () => {
    const now = at(1_700_000_015);
    const code = totpCode(RFC_SECRET, now);
    const first = verifyTotp(RFC_SECRET, code, now);
    assert.equal(first.ok, true);
    assert.ok(first.ok);
    const last = first.step;
    assert.deepEqual(verifyTotp(RFC_SECRET, code, now, last), { ok: false, reason: 'replayed' });
    assert.deepEqual(verifyTotp(RFC_SECRET, code, at(1_700_000_040), last), {
      ok: false,
      reason: 'replayed',
    });
    // an older code still inside the window is refused once a later one was used
    const previous = totpCodeForStep(RFC_SECRET, last - 1);
    assert.deepEqual(verifyTotp(RFC_SECRET, previous, now, last), { ok: false, reason: 'replayed' });
    // the next step's code is fresh
    const next = totpCodeForStep(RFC_SECRET, last + 1);
    assert.deepEqual(verifyTotp(RFC_SECRET, next, at(1_700_000_040), last), { ok: true, step: last + 1 });
    // lastUsedStep null (never used) behaves as undefined
    assert.deepEqual(verifyTotp(RFC_SECRET, code, now, null), { ok: true, step: last });
  });

  it('refuses malformed codes, ignores spaces and accepts full-width digits', () => {
    const now = at(1_700_000_015);
    const code = totpCode(RFC_SECRET, now);
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345a', '-12345', '12345\u0000']) {
      assert.deepEqual(verifyTotp(RFC_SECRET, bad, now), { ok: false, reason: 'malformed' }, bad);
    }
    assert.equal(verifyTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now).ok, true);
    const fullWidth = [...code].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('');
    assert.equal(verifyTotp(RFC_SECRET, fullWidth, now).ok, true);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    assert.equal(verifyTotp(RFC_SECRET, wrong, now).ok, false);
  });

  it('refuses a bad secret and a bad clock', () => {
    assert.throws(() => verifyTotp('not base32!', '123456', at(0)), TypeError);
    assert.throws(() => verifyTotp('ABCDEFGH', '123456', at(0)), TypeError); // 40 bits
    assert.throws(() => verifyTotp(RFC_SECRET, '123456', new Date(Number.NaN)), RangeError);
  });

  it('makes 160-bit random base32 secrets', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newTotpSecret()));
    assert.equal(secrets.size, 50);
    for (const secret of secrets) assert.match(secret, /^[A-Z2-7]{32}$/);
  });

  it('builds an otpauth:// URI that authenticator apps read back', () => {
    const secret = newTotpSecret();
    const uri = totpUri({ issuer: '统筹', account: 'liming', secret });
    assert.match(uri, /^otpauth:\/\/totp\/%E7%BB%9F%E7%AD%B9:liming\?/);
    assert.match(uri, /issuer=%E7%BB%9F%E7%AD%B9/);
    assert.match(uri, new RegExp(`secret=${secret}`));
    assert.match(uri, /algorithm=SHA1/);
    assert.match(uri, /digits=6/);
    assert.match(uri, /period=30/);
    const parsed = URI.parse(uri);
    assert.ok(parsed instanceof TOTP);
    const now = at(1_750_000_000);
    assert.equal(parsed.generate({ timestamp: now.getTime() }), totpCode(secret, now));
    assert.equal(totpUri({ account: 'liming', secret }), uri);
    assert.throws(() => totpUri({ account: 'a:b', secret }), TypeError);
    assert.throws(() => totpUri({ account: '', secret }), TypeError);
  });

  it('renders the URI as a PNG QR code data URL', async () => {
    const url = await totpQrDataUrl(totpUri({ account: 'liming', secret: newTotpSecret() }));
    assert.match(url, /^data:image\/png;base64,/);
    const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('offers HMAC-SM3 as an option (same construction, national hash)', () => {
    const key = Buffer.from('12345678901234567890');
    for (const step of [0, 1, 56_666_666]) {
      const code = totpCodeForStep(RFC_SECRET, step, { algorithm: 'hmac-sm3' });
      assert.equal(code, referenceHotp('sm3', key, step, 6));
    }
    const now = at(1_700_000_015);
    const sm3 = totpCode(RFC_SECRET, now, { algorithm: 'hmac-sm3' });
    assert.notEqual(sm3, totpCode(RFC_SECRET, now));
    assert.equal(verifyTotp(RFC_SECRET, sm3, now, undefined, { algorithm: 'hmac-sm3' }).ok, true);
    assert.match(
      totpUri({ account: 'liming', secret: RFC_SECRET }, { algorithm: 'hmac-sm3' }),
      /algorithm=SM3/,
    );
  });
});
