import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { CryptoError } from './errors.ts';
import { generateSm2KeyPair, isValidSm2PublicKey, type Sm2KeyPair, sm2PublicKeyFromPrivate } from './sm2.ts';

/**
 * The keyring (密评 8.4j): keys come from the environment (`TONGCHOU_KEYS`) or from a key file
 * outside the data directory, never from the repository or config files. A keyring holds an active
 * key version and the older ones, so that rotation keeps old ciphertext and signatures verifiable:
 *
 *   - per key version: SM4 key (16 bytes) + HMAC-SM3 key (32 bytes) for the envelopes of sm4.ts,
 *     and an SM2 key pair for content signatures (sm2.ts);
 *   - across versions (kept by rotation): the audit-chain HMAC key and the blind-index HMAC key,
 *     because the audit chain and equality search over encrypted columns must survive rotation.
 *
 * Key file / TONGCHOU_KEYS JSON (hex is lowercase or uppercase; stored lowercase):
 *
 *   { "format": "tongchou-keyring", "version": 1, "active": "<key id>",
 *     "audit": "<64 hex>", "blindIndex": "<64 hex>",
 *     "keys": [ { "id": "<key id>", "createdAt": "<ISO-8601>", "sm4": "<32 hex>", "mac": "<64 hex>",
 *                 "sm2": { "privateKey": "<64 hex>", "publicKey": "04<128 hex>" } } ] }
 *
 * Key ids match [A-Za-z0-9_-]{1,64} (no dots: the text envelope uses '.' as separator).
 * Key material is never logged: Keyring and KeyVersion redact themselves in JSON and util.inspect,
 * and errors name fields, never values.
 */

export const KEYRING_FORMAT = 'tongchou-keyring';
export const KEYRING_ENV = 'TONGCHOU_KEYS';
export const KEY_FILE_ENV = 'TONGCHOU_KEY_FILE';
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface KeyVersionContent {
  id: string;
  createdAt: string;
  sm4: string;
  mac: string;
  sm2: Sm2KeyPair;
}

export interface KeyFileContent {
  format: typeof KEYRING_FORMAT;
  version: 1;
  active: string;
  audit: string;
  blindIndex: string;
  keys: KeyVersionContent[];
}

const REDACTED = '[REDACTED]';

/** One key version. Secrets sit in private fields; JSON and util.inspect show only the id. */
export class KeyVersion {
  readonly id: string;
  readonly createdAt: string;
  readonly sm2PublicKey: string;
  readonly #sm4Key: Buffer;
  readonly #macKey: Buffer;
  readonly #sm2PrivateKey: string;

  constructor(content: KeyVersionContent) {
    this.id = content.id;
    this.createdAt = content.createdAt;
    this.sm2PublicKey = content.sm2.publicKey;
    this.#sm4Key = Buffer.from(content.sm4, 'hex');
    this.#macKey = Buffer.from(content.mac, 'hex');
    this.#sm2PrivateKey = content.sm2.privateKey;
  }

  /** SM4 key, 16 bytes. Do not log or mutate. */
  get sm4Key(): Buffer {
    return this.#sm4Key;
  }

  /** HMAC-SM3 key for envelope tags, 32 bytes. Do not log or mutate. */
  get macKey(): Buffer {
    return this.#macKey;
  }

  sm2KeyPair(): Sm2KeyPair {
    return { privateKey: this.#sm2PrivateKey, publicKey: this.sm2PublicKey };
  }

  toJSON(): Record<string, string> {
    return { id: this.id, createdAt: this.createdAt, keyMaterial: REDACTED };
  }

  toString(): string {
    return `KeyVersion(${this.id}, ${REDACTED})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

const contents = new WeakMap<Keyring, KeyFileContent>();

export class Keyring {
  readonly activeKeyId: string;
  readonly #keys: ReadonlyMap<string, KeyVersion>;
  readonly #auditKey: Buffer;
  readonly #blindIndexKey: Buffer;

  private constructor(content: KeyFileContent) {
    this.activeKeyId = content.active;
    this.#keys = new Map(content.keys.map((k) => [k.id, new KeyVersion(k)]));
    this.#auditKey = Buffer.from(content.audit, 'hex');
    this.#blindIndexKey = Buffer.from(content.blindIndex, 'hex');
    contents.set(this, content);
  }

  /** Validates key file content (see the module comment) and builds a keyring. */
  static fromContent(content: unknown): Keyring {
    return new Keyring(validateContent(content));
  }

  /** Parses key file JSON text. Parse errors never echo the text. */
  static parse(json: string): Keyring {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw invalidKeyring('不是有效的 JSON / not valid JSON');
    }
    return Keyring.fromContent(value);
  }

  /** All key ids, oldest first as in the file. */
  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  active(): KeyVersion {
    return this.key(this.activeKeyId);
  }

  has(id: string): boolean {
    return this.#keys.has(id);
  }

  /** The key version with this id; throws CryptoError UNKNOWN_KEY_ID if the keyring lacks it. */
  key(id: string): KeyVersion {
    const key = this.#keys.get(id);
    if (!key) {
      const shown = KEY_ID_PATTERN.test(id) ? id : '(invalid id)';
      throw new CryptoError('UNKNOWN_KEY_ID', `未知的密钥标识 / unknown key id: ${shown}`);
    }
    return key;
  }

  /** SM2 public keys by key id, safe to publish for external verification. */
  publicKeys(): Record<string, string> {
    return Object.fromEntries([...this.#keys.values()].map((k) => [k.id, k.sm2PublicKey]));
  }

  /** HMAC-SM3 key of the audit hash chain (密评 8.4g), 32 bytes, stable across rotations. */
  get auditKey(): Buffer {
    return this.#auditKey;
  }

  /** HMAC-SM3 key of blind indexes over encrypted fields, 32 bytes, stable across rotations. */
  get blindIndexKey(): Buffer {
    return this.#blindIndexKey;
  }

  toJSON(): Record<string, unknown> {
    return { activeKeyId: this.activeKeyId, keyIds: this.keyIds, keyMaterial: REDACTED };
  }

  toString(): string {
    return `Keyring(active=${this.activeKeyId}, keys=[${this.keyIds.join(', ')}], ${REDACTED})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

// ---- validation ----------------------------------------------------------------------------

export function invalidKeyring(detail: string): CryptoError {
  return new CryptoError('KEYRING_INVALID', `密钥环格式无效 / invalid keyring: ${detail}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkFields(record: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const field of allowed) {
    if (!(field in record)) throw invalidKeyring(`缺少字段 / missing field ${where}${field}`);
  }
  for (const field of Object.keys(record)) {
    if (!allowed.includes(field)) throw invalidKeyring(`未知字段 / unknown field ${where}${field}`);
  }
}

function hexField(value: unknown, bytes: number, where: string): string {
  if (typeof value !== 'string' || !new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(value)) {
    throw invalidKeyring(`${where} 须为 ${bytes} 字节十六进制 / must be ${bytes} bytes of hex`);
  }
  return value.toLowerCase();
}

function validateContent(input: unknown): KeyFileContent {
  if (!isRecord(input)) throw invalidKeyring('根须为对象 / root must be an object');
  checkFields(input, ['format', 'version', 'active', 'audit', 'blindIndex', 'keys'], '');
  if (input.format !== KEYRING_FORMAT) throw invalidKeyring(`format 须为 / must be "${KEYRING_FORMAT}"`);
  if (input.version !== 1) throw invalidKeyring('不支持的版本 / unsupported version');
  if (!Array.isArray(input.keys) || input.keys.length === 0) {
    throw invalidKeyring('keys 须为非空数组 / keys must be a non-empty array');
  }
  const keys = input.keys.map((k: unknown, i) => validateKeyVersion(k, `keys[${i}].`));
  const ids = new Set(keys.map((k) => k.id));
  if (ids.size !== keys.length) throw invalidKeyring('密钥标识重复 / duplicate key id');
  if (typeof input.active !== 'string' || !ids.has(input.active)) {
    throw invalidKeyring('active 须指向 keys 中的密钥 / active must name a key in keys');
  }
  const content: KeyFileContent = {
    format: KEYRING_FORMAT,
    version: 1,
    active: input.active,
    audit: hexField(input.audit, 32, 'audit'),
    blindIndex: hexField(input.blindIndex, 32, 'blindIndex'),
    keys,
  };
  const secrets = [
    content.audit,
    content.blindIndex,
    ...keys.flatMap((k) => [k.sm4, k.mac, k.sm2.privateKey]),
  ];
  if (new Set(secrets).size !== secrets.length) {
    throw invalidKeyring('各密钥须互不相同 / every secret must be distinct (copy-paste error?)');
  }
  return content;
}

function validateKeyVersion(input: unknown, where: string): KeyVersionContent {
  if (!isRecord(input)) throw invalidKeyring(`${where} 须为对象 / must be an object`);
  checkFields(input, ['id', 'createdAt', 'sm4', 'mac', 'sm2'], where);
  if (typeof input.id !== 'string' || !KEY_ID_PATTERN.test(input.id)) {
    throw invalidKeyring(`${where}id 须匹配 / must match ${KEY_ID_PATTERN.source}`);
  }
  if (typeof input.createdAt !== 'string' || Number.isNaN(Date.parse(input.createdAt))) {
    throw invalidKeyring(`${where}createdAt 须为 ISO 时间 / must be an ISO date-time`);
  }
  if (!isRecord(input.sm2)) throw invalidKeyring(`${where}sm2 须为对象 / must be an object`);
  checkFields(input.sm2, ['privateKey', 'publicKey'], `${where}sm2.`);
  const privateKey = hexField(input.sm2.privateKey, 32, `${where}sm2.privateKey`);
  const publicKey = typeof input.sm2.publicKey === 'string' ? input.sm2.publicKey.toLowerCase() : '';
  if (!isValidSm2PublicKey(publicKey)) {
    throw invalidKeyring(`${where}sm2.publicKey 须为曲线上的非压缩点 / must be an uncompressed curve point`);
  }
  let derived: string;
  try {
    derived = sm2PublicKeyFromPrivate(privateKey);
  } catch {
    throw invalidKeyring(`${where}sm2.privateKey 取值无效 / out of range`);
  }
  if (derived !== publicKey) {
    throw invalidKeyring(`${where}sm2 公私钥不匹配 / public key does not match private key`);
  }
  return {
    id: input.id,
    createdAt: input.createdAt,
    sm4: hexField(input.sm4, 16, `${where}sm4`),
    mac: hexField(input.mac, 32, `${where}mac`),
    sm2: { privateKey, publicKey },
  };
}

// ---- generation and rotation -----------------------------------------------------------------

export interface KeyGenOptions {
  /** Clock for createdAt and the id's date part. */
  now?: Date;
}

/** New key id: `k` + UTC date + 6 random hex, e.g. k20250614a1b2c3. */
export function newKeyId(now: Date = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(3).toString('hex')}`;
}

function newKeyVersion(now: Date, taken: ReadonlySet<string>): KeyVersionContent {
  let id = newKeyId(now);
  while (taken.has(id)) id = newKeyId(now);
  return {
    id,
    createdAt: now.toISOString(),
    sm4: randomBytes(16).toString('hex'),
    mac: randomBytes(32).toString('hex'),
    sm2: generateSm2KeyPair(),
  };
}

const serialise = (content: KeyFileContent) => `${JSON.stringify(content, null, 2)}\n`;

/** Fresh key file content (JSON text) with one key version and new audit/blind-index keys. */
export function generateKeyFileContent({ now = new Date() }: KeyGenOptions = {}): string {
  const key = newKeyVersion(now, new Set());
  return serialise({
    format: KEYRING_FORMAT,
    version: 1,
    active: key.id,
    audit: randomBytes(32).toString('hex'),
    blindIndex: randomBytes(32).toString('hex'),
    keys: [key],
  });
}

/**
 * Rotation: returns new key file content (JSON text) whose active key is a fresh version; every
 * older version, the audit key and the blind-index key are kept, so old data stays readable.
 */
export function rotate(keyring: Keyring, { now = new Date() }: KeyGenOptions = {}): string {
  const current = contents.get(keyring);
  if (!current) throw invalidKeyring('不是由本模块创建的密钥环 / keyring not built by this module');
  const key = newKeyVersion(now, new Set(keyring.keyIds));
  return serialise({ ...current, active: key.id, keys: [...current.keys, key] });
}
