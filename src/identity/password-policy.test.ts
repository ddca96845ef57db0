import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hash, verify } from '@node-rs/argon2';
import fc from 'fast-check';
import { DomainError } from '../platform/errors.ts';
import {
  assertPasswordAcceptable,
  characterClasses,
  checkPassword,
  isCommonPassword,
  isPasswordExpired,
  isReused,
  normalisePassword,
  PASSWORD_HISTORY_DEPTH,
  PASSWORD_POLICY_HINT,
  passwordExpiresAt,
  passwordReusedProblem,
} from './password-policy.ts';

const user = { username: 'liming', displayName: '李明' };
const codes = (password: string, context = user) => checkPassword(password, context).map((p) => p.code);

describe('checkPassword (SECURITY.md 1; 等保 8.1.4.1a; ASVS 6.2)', () => {
  it('accepts a strong password and a long passphrase', () => {
    assert.deepEqual(codes('Jade-River-42'), []);
    assert.deepEqual(codes('correct horse battery staple 7 Lantern'), []);
  });

  it('rejects fewer than 8 characters and recommends 12 in the message', () => {
    const problems = checkPassword('Ab1!xyz', user);
    assert.deepEqual(
      problems.map((p) => p.code),
      ['PASSWORD_TOO_SHORT'],
    );
    assert.match(problems[0].message, /至少 8 位/);
    assert.match(problems[0].message, /12 位/);
    assert.equal(problems[0].field, 'newPassword');
    assert.deepEqual(codes('Ab1!xyzw'), []);
  });

  it('honours a larger configured minimum, never a smaller one', () => {
    assert.deepEqual(codes('Ab1!xyzw', { ...user, minLength: 12 } as typeof user), ['PASSWORD_TOO_SHORT']);
    assert.deepEqual(checkPassword('Ab1!xyzw', { username: 'liming', minLength: 4 }), []);
    assert.deepEqual(
      checkPassword('Ab1!xyz', { username: 'liming', minLength: 4 }).map((p) => p.code),
      ['PASSWORD_TOO_SHORT'],
    );
  });

  it('counts length in characters (code points), not UTF-16 units or bytes', () => {
    assert.deepEqual(codes('政务云平台Ab7'), []); // 8 characters
    assert.deepEqual(codes('政务云台Ab7'), ['PASSWORD_TOO_SHORT']); // 7 characters
    assert.deepEqual(codes('😀😀😀😀Ab7x'), []); // astral characters count once
  });

  it('requires at least 3 of the 4 character classes', () => {
    assert.deepEqual(codes('kestrelplume'), ['PASSWORD_TOO_SIMPLE']);
    assert.deepEqual(codes('kestrelplume42'), ['PASSWORD_TOO_SIMPLE']);
    assert.deepEqual(codes('KESTRELPLUME42'), ['PASSWORD_TOO_SIMPLE']);
    assert.deepEqual(codes('Kestrelplume42'), []);
    assert.deepEqual(codes('kestrel-plume42'), []);
    assert.deepEqual(codes('Kestrel-Plume'), []);
    assert.match(checkPassword('kestrelplume', user)[0].message, /至少三类/);
  });

  it('counts Chinese characters as the symbol class, and accented letters by their case', () => {
    assert.deepEqual(characterClasses('统筹'), { upper: false, lower: false, digit: false, symbol: true });
    assert.deepEqual(codes('kestrel统筹42'), []);
    assert.deepEqual(characterClasses('Ñandú'), { upper: true, lower: true, digit: false, symbol: false });
    assert.deepEqual(codes('Ñandúpluma7'), []);
    assert.deepEqual(characterClasses('a b'), { upper: false, lower: true, digit: false, symbol: true });
  });

  it('rejects common passwords case-insensitively, with stripped decorations and leetspeak', () => {
    for (const password of [
      'Password123!',
      'PASSWORD123',
      'P@ssw0rd',
      'P@ssw0rd!2024',
      'Passw0rd!',
      'Aa123456',
      'Aa123456!',
      'Qq123456',
      'Woaini1314!',
      'Abc123456.',
      '1qaz@WSX',
      '1QAZ2wsx!@',
      'Admin@123',
      'Huawei@123',
      '2024Password!',
      'Zhang123456!',
      'Tongchou@2025',
      'Iloveyou520!',
      'Qwe123!@#',
    ]) {
      assert.ok(codes(password).includes('PASSWORD_COMMON'), password);
    }
    assert.equal(isCommonPassword('Jade-River-42'), false);
    assert.equal(isCommonPassword('dragonfly-Orbit-9'), false);
  });

  it('rejects common passwords typed in full-width characters (NFKC first)', () => {
    assert.equal(normalisePassword('Ｐａｓｓｗｏｒｄ１２３！'), 'Password123!');
    assert.ok(codes('Ｐａｓｓｗｏｒｄ１２３！').includes('PASSWORD_COMMON'));
  });

  it('rejects a password containing the user name or its reverse, case-insensitively', () => {
    assert.deepEqual(codes('xx-LiMing-2024'), ['PASSWORD_CONTAINS_USERNAME']);
    assert.deepEqual(codes('Gnimil#2024x'), ['PASSWORD_CONTAINS_USERNAME']);
    assert.deepEqual(
      checkPassword('Ab-zhang.wei-77', { username: 'zhang.wei' }).map((p) => p.code),
      ['PASSWORD_CONTAINS_USERNAME'],
    );
    assert.deepEqual(
      checkPassword('Ab-ZhangWei-77', { username: 'zhang.wei' }).map((p) => p.code),
      ['PASSWORD_CONTAINS_USERNAME'],
    );
    assert.deepEqual(
      checkPassword('Kestrel-Wangfei-7', { username: 'wangfei@gov.cn' }).map((p) => p.code),
      ['PASSWORD_CONTAINS_USERNAME'],
    );
  });

  it('ignores user names shorter than 3 characters', () => {
    assert.deepEqual(checkPassword('Jade-River-42', { username: 'jr' }), []);
    assert.deepEqual(checkPassword('Jade-River-42', { username: 'ade' }).length, 1);
  });

  it('rejects a password containing the display name, Chinese from 2 characters', () => {
    assert.deepEqual(codes('李明Kestrel-42'), ['PASSWORD_CONTAINS_NAME']);
    assert.deepEqual(
      checkPassword('Kestrel-Wang Fang-42', { username: 'wf01', displayName: 'Wang Fang' }).map(
        (p) => p.code,
      ),
      ['PASSWORD_CONTAINS_NAME'],
    );
    assert.deepEqual(checkPassword('Kestrel-Al-42', { username: 'wf01', displayName: 'Al' }), []);
  });

  it('accepts 64 and 128 characters and any Unicode; rejects more than 128 clearly', () => {
    const base = 'Kestrel-统筹-42-';
    const make = (n: number) => [...base.repeat(20)].slice(0, n).join('');
    assert.deepEqual(codes(make(64)), []);
    assert.deepEqual(codes(make(128)), []);
    const long = checkPassword(make(129), user);
    assert.deepEqual(
      long.map((p) => p.code),
      ['PASSWORD_TOO_LONG'],
    );
    assert.match(long[0].message, /不能超过 128 个字符/);
    assert.deepEqual(codes('A1-'.repeat(100_000)), ['PASSWORD_TOO_LONG']);
  });

  it('measures the length after NFKC, which may expand a character', () => {
    // U+FDFA expands to 18 characters under NFKC.
    assert.equal([...normalisePassword('\uFDFA')].length, 18);
    assert.deepEqual(codes(`Ab1${'\uFDFA'.repeat(7)}`), ['PASSWORD_TOO_LONG']);
  });

  it('rejects control characters and unpaired surrogates', () => {
    for (const bad of [
      'Kestrel-42\u0000x',
      'Kestrel-42\nx',
      'Kestrel-42\u007fx',
      'Kestrel-42\u0085x',
      'Kestrel-42\ud800x',
    ]) {
      assert.deepEqual(codes(bad), ['PASSWORD_INVALID_CHARACTERS'], JSON.stringify(bad));
    }
  });

  it('reports every problem at once, and never echoes the password', () => {
    const problems = checkPassword('limingx', user);
    assert.deepEqual(
      problems.map((p) => p.code),
      ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_SIMPLE', 'PASSWORD_CONTAINS_USERNAME'],
    );
    for (const p of checkPassword('Password123!', user)) assert.doesNotMatch(p.message, /assword/i);
  });

  it('never throws and always answers with newPassword problems (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 20 }), (pw, name) => {
        const problems = checkPassword(pw, { username: name, displayName: name });
        for (const p of problems) {
          assert.equal(p.field, 'newPassword');
          assert.ok(p.message.length > 0);
        }
      }),
    );
  });

  it('assertPasswordAcceptable throws a DomainError listing all problems', () => {
    assert.doesNotThrow(() => assertPasswordAcceptable('Jade-River-42', user));
    assert.throws(
      () => assertPasswordAcceptable('limingx', user),
      (error: unknown) =>
        error instanceof DomainError &&
        error.kind === 'invalid' &&
        error.code === 'PASSWORD_TOO_SHORT' &&
        error.field === 'newPassword' &&
        Array.isArray(error.details?.problems) &&
        error.details.problems.length === 3,
    );
  });

  it('has a hint for the form that states the rules', () => {
    assert.match(PASSWORD_POLICY_HINT, /至少 8 位/);
    assert.match(PASSWORD_POLICY_HINT, /三类/);
  });
});

describe('password age (SECURITY.md 2; 等保 定期更换)', () => {
  const changed = new Date('2025-01-01T00:00:00Z');
  const day = 24 * 60 * 60 * 1000;

  it('expires exactly maxAgeDays after the change', () => {
    assert.equal(isPasswordExpired(changed, new Date(changed.getTime() + 90 * day - 1), 90), false);
    assert.equal(isPasswordExpired(changed, new Date(changed.getTime() + 90 * day), 90), true);
    assert.equal(passwordExpiresAt(changed, 30).toISOString(), '2025-01-31T00:00:00.000Z');
  });

  it('treats a password never changed by the user (initial secret) as expired', () => {
    assert.equal(isPasswordExpired(null, changed, 90), true);
  });

  it('refuses a maximum age above 90 days, below 1 or fractional', () => {
    for (const bad of [91, 0, -1, 1.5, Number.NaN]) {
      assert.throws(() => isPasswordExpired(changed, changed, bad), RangeError, String(bad));
    }
  });
});

describe('password reuse (SECURITY.md 2)', () => {
  const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

  it('rejects any of the last 5 passwords and ignores older ones', async () => {
    const history = [
      'Older-Pass-06',
      'Older-Pass-05',
      'Older-Pass-04',
      'Older-Pass-03',
      'Older-Pass-02',
      'Older-Pass-01',
    ];
    // newest first: index 0 is the current password
    const hashes = await Promise.all([...history].reverse().map((pw) => hash(pw, cheap)));
    const newestFirst = hashes.reverse();
    assert.equal(PASSWORD_HISTORY_DEPTH, 5);
    for (const pw of history.slice(0, 5)) assert.equal(await isReused(pw, newestFirst, verify), true, pw);
    assert.equal(await isReused('Older-Pass-01', newestFirst, verify), false);
    assert.equal(await isReused('Brand-New-07', newestFirst, verify), false);
  });

  it('verifies the NFKC form, so a full-width retype is a reuse', async () => {
    const stored = await hash(normalisePassword('Kestrel-42'), cheap);
    assert.equal(await isReused('Ｋｅｓｔｒｅｌ－４２', [stored], verify), true);
  });

  it('stops at the first match and never verifies more than 5', async () => {
    const seen: string[] = [];
    const fake = async (h: string) => {
      seen.push(h);
      return h === 'h2';
    };
    assert.equal(await isReused('x', ['h1', 'h2', 'h3'], fake), true);
    assert.deepEqual(seen, ['h1', 'h2']);
    seen.length = 0;
    await isReused('x', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], fake);
    assert.deepEqual(seen, ['a', 'b', 'c', 'd', 'e']);
  });

  it('has a problem for the reuse case', () => {
    assert.deepEqual(passwordReusedProblem().code, 'PASSWORD_REUSED');
    assert.match(passwordReusedProblem().message, /最近 5 次/);
  });
});
