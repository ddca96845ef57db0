import assert from 'node:assert/strict';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { format, inspect } from 'node:util';
import { CryptoError } from './errors.ts';
import {
  assertKeyFileOutside,
  assertKeyFilePermissions,
  generateKeyFile,
  keyringFromEnvValue,
  loadKeyFile,
  loadKeyring,
  rotateKeyFile,
} from './key-file.ts';
import { generateKeyFileContent, type KeyFileContent, Keyring, rotate } from './keyring.ts';

const posix = process.platform !== 'win32';
const root = mkdtempSync(join(tmpdir(), 'tongchou-keyring-'));
after(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh directory pair: <case>/data (the data directory) and <case>/etc (for key files). */
function layout(): { dataDir: string; etc: string } {
  const base = join(root, `case-${++counter}`);
  const dataDir = join(base, 'data');
  const etc = join(base, 'etc');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(etc, { recursive: true });
  return { dataDir, etc };
}

function isCode(code: string) {
  return (error: unknown) => error instanceof CryptoError && error.code === code;
}

const content = (): KeyFileContent => JSON.parse(generateKeyFileContent()) as KeyFileContent;

describe('key file content', () => {
  it('generated content has the documented shape and sizes', () => {
    const c = content();
    assert.deepEqual(Object.keys(c).sort(), ['active', 'audit', 'blindIndex', 'format', 'keys', 'version']);
    assert.equal(c.format, 'tongchou-keyring');
    assert.equal(c.version, 1);
    assert.equal(c.keys.length, 1);
    const [k] = c.keys;
    assert.equal(c.active, k.id);
    assert.match(k.id, /^k\d{8}[0-9a-f]{6}$/);
    assert.match(k.sm4, /^[0-9a-f]{32}$/);
    assert.match(k.mac, /^[0-9a-f]{64}$/);
    assert.match(k.sm2.privateKey, /^[0-9a-f]{64}$/);
    assert.match(k.sm2.publicKey, /^04[0-9a-f]{128}$/);
    assert.match(c.audit, /^[0-9a-f]{64}$/);
    assert.match(c.blindIndex, /^[0-9a-f]{64}$/);

    const keyring = Keyring.fromContent(c);
    assert.equal(keyring.active().sm4Key.length, 16);
    assert.equal(keyring.active().macKey.length, 32);
    assert.equal(keyring.auditKey.length, 32);
    assert.equal(keyring.blindIndexKey.length, 32);
  });

  it('uses the injected clock for createdAt and the id date', () => {
    const c = JSON.parse(generateKeyFileContent({ now: new Date('2025-03-01T02:03:04Z') })) as KeyFileContent;
    assert.equal(c.keys[0].createdAt, '2025-03-01T02:03:04.000Z');
    assert.match(c.active, /^k20250301/);
  });

  it('rejects invalid content with KEYRING_INVALID and never echoes key material', () => {
    const base = content();
    const secret = base.keys[0].sm4;
    const k0 = base.keys[0];
    const variants: unknown[] = [
      null,
      [],
      { ...base, format: 'other' },
      { ...base, version: 2 },
      { ...base, extra: 1 },
      (({ audit: _a, ...rest }) => rest)(base),
      { ...base, keys: [] },
      { ...base, active: 'missing' },
      { ...base, audit: 'xyz' },
      { ...base, blindIndex: base.audit }, // reused secret
      { ...base, keys: [k0, k0] },
      { ...base, keys: [{ ...k0, id: 'has.dot' }] },
      { ...base, keys: [{ ...k0, sm4: `${secret}00` }] },
      { ...base, keys: [{ ...k0, mac: secret }] },
      { ...base, keys: [{ ...k0, createdAt: 'yesterday' }] },
      { ...base, keys: [{ ...k0, sm2: { ...k0.sm2, publicKey: content().keys[0].sm2.publicKey } }] },
      { ...base, keys: [{ ...k0, sm2: { ...k0.sm2, privateKey: '0'.repeat(64) } }] },
      { ...base, keys: [{ ...k0, unexpected: true }] },
    ];
    for (const [i, variant] of variants.entries()) {
      assert.throws(
        () => Keyring.fromContent(variant),
        (e: unknown) => isCode('KEYRING_INVALID')(e) && !(e as Error).message.includes(secret),
        `variant ${i}`,
      );
    }
    assert.throws(
      () => Keyring.parse(`{"audit":"${secret}", broken`),
      (e: unknown) => isCode('KEYRING_INVALID')(e) && !(e as Error).message.includes(secret),
    );
  });

  it('accepts uppercase hex and normalises it', () => {
    const c = content();
    const upper = JSON.parse(
      JSON.stringify(c).replace(/"([0-9a-f]{32,130})"/g, (_m, h: string) => `"${h.toUpperCase()}"`),
    );
    const keyring = Keyring.fromContent(upper);
    assert.equal(keyring.active().sm2PublicKey, c.keys[0].sm2.publicKey);
  });

  it('looks keys up by id and reports unknown ids', () => {
    const keyring = Keyring.parse(generateKeyFileContent());
    assert.ok(keyring.has(keyring.activeKeyId));
    assert.equal(keyring.key(keyring.activeKeyId).id, keyring.activeKeyId);
    assert.throws(() => keyring.key('k-nope'), isCode('UNKNOWN_KEY_ID'));
    assert.deepEqual(Object.keys(keyring.publicKeys()), [keyring.activeKeyId]);
  });
});

describe('rotation', () => {
  it('adds a new active key, keeps old keys unchanged and keeps the audit and blind-index keys', () => {
    const before = content();
    const once = JSON.parse(rotate(Keyring.fromContent(before))) as KeyFileContent;
    const twice = JSON.parse(rotate(Keyring.fromContent(once))) as KeyFileContent;
    assert.equal(twice.keys.length, 3);
    assert.deepEqual(twice.keys[0], before.keys[0]);
    assert.deepEqual(twice.keys[1], once.keys[1]);
    assert.equal(twice.active, twice.keys[2].id);
    assert.equal(new Set(twice.keys.map((k) => k.id)).size, 3);
    assert.notEqual(twice.keys[2].sm4, before.keys[0].sm4);
    assert.equal(twice.audit, before.audit);
    assert.equal(twice.blindIndex, before.blindIndex);
    const keyring = Keyring.fromContent(twice);
    assert.ok(keyring.auditKey.equals(Keyring.fromContent(before).auditKey));
  });
});

describe('key file location and permissions (密评 8.4j)', () => {
  it('generateKeyFile creates a 0600 file outside the data dir and refuses to overwrite', () => {
    const { dataDir, etc } = layout();
    const path = join(etc, 'keys.json');
    const keyring = generateKeyFile(path, { dataDir });
    if (posix) assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(loadKeyFile(path, { dataDir }).activeKeyId, keyring.activeKeyId);
    assert.throws(() => generateKeyFile(path, { dataDir }), isCode('KEY_FILE_EXISTS'));
    assert.deepEqual(readdirSync(etc), ['keys.json'], 'no temp files left behind');
  });

  it('refuses a key file inside the data directory, with a Chinese and English message', () => {
    const { dataDir } = layout();
    for (const inside of [join(dataDir, 'keys.json'), join(dataDir, 'sub', 'deeper', 'keys.json'), dataDir]) {
      assert.throws(
        () => assertKeyFileOutside(dataDir, inside),
        (e: unknown) =>
          isCode('KEY_FILE_INSIDE_DATA_DIR')(e) &&
          (e as Error).message.includes('密钥文件不得位于数据目录内') &&
          (e as Error).message.includes('key file must be outside the data directory'),
      );
    }
    assert.throws(
      () => generateKeyFile(join(dataDir, 'keys.json'), { dataDir }),
      isCode('KEY_FILE_INSIDE_DATA_DIR'),
    );
  });

  it('resolves .. segments and symlinks before deciding', { skip: !posix }, () => {
    const { dataDir, etc } = layout();
    assert.throws(
      () => assertKeyFileOutside(dataDir, join(etc, '..', 'data', 'k.json')),
      isCode('KEY_FILE_INSIDE_DATA_DIR'),
    );

    // etc/link.json → data/real.json
    writeFileSync(join(dataDir, 'real.json'), generateKeyFileContent(), { mode: 0o600 });
    symlinkSync(join(dataDir, 'real.json'), join(etc, 'link.json'));
    assert.throws(() => loadKeyFile(join(etc, 'link.json'), { dataDir }), isCode('KEY_FILE_INSIDE_DATA_DIR'));

    // etc/dir-link → data, key file etc/dir-link/keys.json (not yet existing)
    symlinkSync(dataDir, join(etc, 'dir-link'));
    assert.throws(
      () => assertKeyFileOutside(dataDir, join(etc, 'dir-link', 'keys.json')),
      isCode('KEY_FILE_INSIDE_DATA_DIR'),
    );

    // `..` after a symlink follows the link (kernel semantics), not the lexical path:
    // etc/sub-link → data/sub, so etc/sub-link/../keys.json is data/keys.json (lexically etc/keys.json).
    mkdirSync(join(dataDir, 'sub'));
    writeFileSync(join(dataDir, 'keys.json'), generateKeyFileContent(), { mode: 0o600 });
    symlinkSync(join(dataDir, 'sub'), join(etc, 'sub-link'));
    const sneaky = `${etc}/sub-link/../keys.json`; // not path.join, which would drop the `..` lexically
    assert.throws(() => loadKeyFile(sneaky, { dataDir }), isCode('KEY_FILE_INSIDE_DATA_DIR'));

    // the data directory itself reached through a symlink
    symlinkSync(dataDir, join(etc, 'data-alias'));
    assert.throws(
      () => assertKeyFileOutside(join(etc, 'data-alias'), join(dataDir, 'k.json')),
      isCode('KEY_FILE_INSIDE_DATA_DIR'),
    );
  });

  it('accepts siblings whose names merely share a prefix with the data directory', () => {
    const { dataDir } = layout();
    assertKeyFileOutside(dataDir, `${dataDir}-keys/keys.json`);
    assertKeyFileOutside(dataDir, `${dataDir}.json`);
    assertKeyFileOutside(join(dataDir, 'nested'), join(dataDir, 'keys.json'));
  });

  it('refuses a key file readable or writable by group/other', { skip: !posix }, () => {
    const { dataDir, etc } = layout();
    const path = join(etc, 'keys.json');
    generateKeyFile(path);
    for (const mode of [0o640, 0o604, 0o660, 0o644, 0o602]) {
      chmodSync(path, mode);
      assert.throws(
        () => loadKeyFile(path, { dataDir }),
        (e: unknown) => isCode('KEY_FILE_PERMISSIONS')(e) && (e as Error).message.includes('chmod 600'),
      );
      assert.throws(() => assertKeyFilePermissions(path), isCode('KEY_FILE_PERMISSIONS'));
    }
    chmodSync(path, 0o400);
    assert.ok(loadKeyFile(path, { dataDir }));
  });

  it('rotateKeyFile replaces the file atomically, keeps mode 0600, and old keys stay', () => {
    const { dataDir, etc } = layout();
    const path = join(etc, 'keys.json');
    const first = generateKeyFile(path, { dataDir });
    const second = rotateKeyFile(path, { dataDir });
    assert.notEqual(second.activeKeyId, first.activeKeyId);
    assert.deepEqual(second.keyIds, [first.activeKeyId, second.activeKeyId]);
    if (posix) assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(loadKeyFile(path, { dataDir }).keyIds, second.keyIds);
    assert.deepEqual(readdirSync(etc), ['keys.json']);
  });
});

describe('loadKeyring sources (takes src/config.ts values, reads no environment)', () => {
  const text = generateKeyFileContent();
  const expected = Keyring.parse(text).activeKeyId;

  it('reads TONGCHOU_KEYS as JSON, base64 or base64url', () => {
    const { dataDir } = layout();
    for (const value of [
      text,
      Buffer.from(text).toString('base64'),
      Buffer.from(text).toString('base64url'),
    ]) {
      assert.equal(loadKeyring({ dataDir, keysFromEnv: value }).activeKeyId, expected);
    }
    assert.throws(() => keyringFromEnvValue('not json, not base64!'), isCode('KEYRING_INVALID'));
    assert.throws(
      () => keyringFromEnvValue(Buffer.from('[1,2]').toString('base64')),
      isCode('KEYRING_INVALID'),
    );
  });

  it('reads the key file, enforcing its location', () => {
    const { dataDir, etc } = layout();
    const path = join(etc, 'keys.json');
    const generated = generateKeyFile(path);
    assert.equal(loadKeyring({ dataDir, keyFile: path }).activeKeyId, generated.activeKeyId);
    assert.throws(() => loadKeyring({ dataDir: etc, keyFile: path }), isCode('KEY_FILE_INSIDE_DATA_DIR'));
  });

  it('TONGCHOU_KEYS wins over the key file (as documented in src/config.ts)', () => {
    const { dataDir, etc } = layout();
    const path = join(etc, 'keys.json');
    generateKeyFile(path);
    assert.equal(loadKeyring({ dataDir, keyFile: path, keysFromEnv: text }).activeKeyId, expected);
  });

  it('reports missing keys clearly', () => {
    const { dataDir, etc } = layout();
    assert.throws(() => loadKeyring({ dataDir }), isCode('KEYRING_MISSING'));
    assert.throws(() => loadKeyring({ dataDir, keysFromEnv: '  ' }), isCode('KEYRING_MISSING'));
    assert.throws(
      () => loadKeyring({ dataDir, keyFile: join(etc, 'absent.json') }),
      (e: unknown) => isCode('KEYRING_MISSING')(e) && (e as Error).message.includes('generateKeyFile'),
    );
  });
});

describe('redaction: key material never reaches logs', () => {
  const c = content();
  const rotated = JSON.parse(rotate(Keyring.fromContent(c))) as KeyFileContent;
  const keyring = Keyring.fromContent(rotated);
  const secrets = [
    rotated.audit,
    rotated.blindIndex,
    ...rotated.keys.flatMap((k) => [k.sm4, k.mac, k.sm2.privateKey]),
  ].flatMap((h) => {
    const bytes = Buffer.from(h, 'hex');
    return [h, h.toUpperCase(), bytes.toString('base64'), bytes.toString('base64url')];
  });
  const renderings = () => [
    JSON.stringify(keyring),
    JSON.stringify({ nested: { keyring, key: keyring.active() } }),
    inspect(keyring),
    inspect(keyring, { showHidden: true, depth: Number.POSITIVE_INFINITY, getters: true }),
    inspect({ keyring, keys: keyring.keyIds.map((id) => keyring.key(id)) }, { depth: 10 }),
    inspect(keyring.active(), { showHidden: true, getters: true }),
    format('%s %o %O %j', keyring, keyring, keyring.active(), keyring),
    String(keyring),
    `${keyring.active()}`,
  ];

  it('JSON.stringify, util.inspect, util.format and String show ids only', () => {
    for (const text of renderings()) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `leak in: ${text.slice(0, 80)}`);
      assert.ok(text.includes(keyring.activeKeyId));
    }
    assert.match(JSON.stringify(keyring), /REDACTED/);
  });

  it('the key file on disk does hold the material (sanity check of the probe)', () => {
    const { etc } = layout();
    const path = join(etc, 'k.json');
    generateKeyFile(path);
    const disk = JSON.parse(readFileSync(path, 'utf8')) as KeyFileContent;
    assert.ok(readFileSync(path, 'utf8').includes(disk.keys[0].sm4));
  });
});
