import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CryptoError } from './errors.ts';
import { KEY_ID_PATTERN, type Keyring, type KeyVersion } from './keyring.ts';

/**
 * Authenticated encryption for sensitive fields and attachments (密评 8.4e, SECURITY.md 30):
 * SM4-CBC (GB/T 32907-2016) with a random 16-byte IV and PKCS#7 padding, then HMAC-SM3 over
 *
 *   u64be(len) ‖ "v1" ‖ u64be(len) ‖ keyId ‖ u64be(len) ‖ iv ‖ u64be(len) ‖ ciphertext ‖ u64be(len) ‖ aad
 *
 * (encrypt-then-MAC; every field length-prefixed so no two inputs share a MAC input). Decryption
 * checks the full 32-byte tag in constant time before it touches the ciphertext, so no padding
 * oracle exists. Each key version has its own SM4 key and MAC key (keyring.ts); the envelope names
 * the key version, so rotation keeps old data readable.
 *
 * Associated data binds a ciphertext to its place (e.g. fieldAad('users','id_number',rowId)): the
 * same envelope copied to another row or column no longer decrypts.
 *
 * Formats (both carry the same authenticated fields):
 *   text (DB columns):   v1.<keyId>.<base64url iv>.<base64url ciphertext>.<base64url tag>
 *   binary (attachments): "TCE" 0x01 ‖ u8 keyId length ‖ keyId ‖ iv(16) ‖ ciphertext ‖ tag(32)
 */

export const ENVELOPE_VERSION = 'v1';
export type AssociatedData = string | Uint8Array;

const CIPHER = 'sm4-cbc';
const IV_BYTES = 16;
const BLOCK_BYTES = 16;
const TAG_BYTES = 32;
const BLOB_MAGIC = Buffer.from('TCE\x01', 'latin1');
const VERSION_BYTES = Buffer.from(ENVELOPE_VERSION, 'ascii');
const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface Sealed {
  keyId: string;
  iv: Buffer;
  /** Ciphertext in pieces as the cipher produced them (avoids a copy for large blobs). */
  ciphertext: Buffer[];
  tag: Buffer;
}

function aadBytes(aad: AssociatedData | undefined): Buffer {
  if (aad === undefined) return Buffer.alloc(0);
  return typeof aad === 'string'
    ? Buffer.from(aad, 'utf8')
    : Buffer.from(aad.buffer, aad.byteOffset, aad.byteLength);
}

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64BE(BigInt(length));
  return prefix;
}

function computeTag(
  macKey: Buffer,
  keyId: string,
  iv: Buffer,
  ciphertext: readonly Buffer[],
  aad: Buffer,
): Buffer {
  const hmac = createHmac('sm3', macKey);
  const keyIdBytes = Buffer.from(keyId, 'ascii');
  for (const field of [VERSION_BYTES, keyIdBytes, iv]) hmac.update(lengthPrefix(field.length)).update(field);
  hmac.update(lengthPrefix(ciphertext.reduce((n, part) => n + part.length, 0)));
  for (const part of ciphertext) hmac.update(part);
  return hmac.update(lengthPrefix(aad.length)).update(aad).digest();
}

function seal(keyring: Keyring, plaintext: Uint8Array, aad: AssociatedData | undefined): Sealed {
  const key = keyring.active();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key.sm4Key, iv);
  const ciphertext = [cipher.update(plaintext), cipher.final()];
  return {
    keyId: key.id,
    iv,
    ciphertext,
    tag: computeTag(key.macKey, key.id, iv, ciphertext, aadBytes(aad)),
  };
}

function authFailed(): CryptoError {
  return new CryptoError(
    'ENVELOPE_AUTH_FAILED',
    '密文认证失败：数据被篡改或关联数据不符 / envelope authentication failed: tampered data or wrong associated data',
  );
}

function malformed(detail: string): CryptoError {
  return new CryptoError('ENVELOPE_MALFORMED', `密文格式无效 / malformed envelope: ${detail}`);
}

function open(
  keyring: Keyring,
  keyId: string,
  iv: Buffer,
  ciphertext: Buffer,
  tag: Buffer,
  aad: AssociatedData | undefined,
): Buffer {
  const key: KeyVersion = keyring.key(keyId); // UNKNOWN_KEY_ID before any work
  const expected = computeTag(key.macKey, keyId, iv, [ciphertext], aadBytes(aad));
  if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) throw authFailed();
  try {
    const decipher = createDecipheriv(CIPHER, key.sm4Key, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // Unreachable unless the key file changed under an authenticated envelope.
    throw authFailed();
  }
}

function checkCiphertextLength(length: number): void {
  if (length < BLOCK_BYTES || length % BLOCK_BYTES !== 0) throw malformed('ciphertext length');
}

// ---- text envelope ---------------------------------------------------------------------------

/** Encrypts with the active key; returns `v1.<keyId>.<iv>.<ct>.<tag>` (base64url parts). */
export function encryptToEnvelope(
  keyring: Keyring,
  plaintext: string | Uint8Array,
  aad?: AssociatedData,
): string {
  const sealed = seal(
    keyring,
    typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext,
    aad,
  );
  return [
    ENVELOPE_VERSION,
    sealed.keyId,
    sealed.iv.toString('base64url'),
    Buffer.concat(sealed.ciphertext).toString('base64url'),
    sealed.tag.toString('base64url'),
  ].join('.');
}

interface ParsedText {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function decodePart(part: string, name: string): Buffer {
  if (!BASE64URL.test(part)) throw malformed(name);
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) throw malformed(name); // one encoding per value
  return bytes;
}

function parseText(envelope: string): ParsedText {
  if (typeof envelope !== 'string') throw malformed('not a string');
  const parts = envelope.split('.');
  if (parts.length !== 5) throw malformed('expected 5 dot-separated parts');
  const [version, keyId, ivPart, ctPart, tagPart] = parts;
  if (version !== ENVELOPE_VERSION) throw malformed('unsupported version');
  if (!KEY_ID_PATTERN.test(keyId)) throw malformed('key id');
  const iv = decodePart(ivPart, 'iv');
  const ciphertext = decodePart(ctPart, 'ciphertext');
  const tag = decodePart(tagPart, 'tag');
  if (iv.length !== IV_BYTES) throw malformed('iv length');
  checkCiphertextLength(ciphertext.length);
  if (tag.length !== TAG_BYTES) throw malformed('tag length');
  return { keyId, iv, ciphertext, tag };
}

/**
 * Verifies and decrypts a text envelope with the key it names. Throws CryptoError
 * ENVELOPE_MALFORMED, UNKNOWN_KEY_ID or ENVELOPE_AUTH_FAILED (tampering or wrong `aad`).
 */
export function decryptEnvelope(keyring: Keyring, envelope: string, aad?: AssociatedData): Buffer {
  const p = parseText(envelope);
  return open(keyring, p.keyId, p.iv, p.ciphertext, p.tag, aad);
}

/** Cheap syntactic check (no key, no MAC): does this look like a v1 text envelope? */
export function isEnvelope(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseText(value);
    return true;
  } catch {
    return false;
  }
}

// ---- binary envelope -------------------------------------------------------------------------

/** Encrypts a buffer (attachments; tens of MB are fine) into the binary envelope format. */
export function encryptBlob(keyring: Keyring, data: Uint8Array, aad?: AssociatedData): Buffer {
  const sealed = seal(keyring, data, aad);
  const keyIdBytes = Buffer.from(sealed.keyId, 'ascii');
  const header = Buffer.concat([BLOB_MAGIC, Buffer.from([keyIdBytes.length]), keyIdBytes, sealed.iv]);
  return Buffer.concat([header, ...sealed.ciphertext, sealed.tag]);
}

function parseBlob(blob: Uint8Array): ParsedText {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buf.length < BLOB_MAGIC.length + 1 || !buf.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC)) {
    throw malformed('not a v1 binary envelope');
  }
  const idLength = buf[BLOB_MAGIC.length];
  const idStart = BLOB_MAGIC.length + 1;
  const ivStart = idStart + idLength;
  const ctStart = ivStart + IV_BYTES;
  const ctEnd = buf.length - TAG_BYTES;
  if (ctEnd < ctStart) throw malformed('truncated');
  const keyId = buf.toString('latin1', idStart, ivStart);
  if (!KEY_ID_PATTERN.test(keyId)) throw malformed('key id');
  checkCiphertextLength(ctEnd - ctStart);
  return {
    keyId,
    iv: buf.subarray(ivStart, ctStart),
    ciphertext: buf.subarray(ctStart, ctEnd),
    tag: buf.subarray(ctEnd),
  };
}

/** Verifies and decrypts a binary envelope; same errors as decryptEnvelope. */
export function decryptBlob(keyring: Keyring, blob: Uint8Array, aad?: AssociatedData): Buffer {
  const p = parseBlob(blob);
  return open(keyring, p.keyId, p.iv, p.ciphertext, p.tag, aad);
}

// ---- rotation helpers ------------------------------------------------------------------------

/** The key id an envelope (text or binary) was sealed with, without decrypting it. */
export function envelopeKeyId(envelope: string | Uint8Array): string {
  return typeof envelope === 'string' ? parseText(envelope).keyId : parseBlob(envelope).keyId;
}

/**
 * After a rotation: returns the envelope re-sealed under the active key (after verifying it and its
 * `aad`), or the same string unchanged — and unverified — if it already names the active key.
 */
export function reencryptEnvelope(keyring: Keyring, envelope: string, aad?: AssociatedData): string {
  if (envelopeKeyId(envelope) === keyring.activeKeyId) return envelope;
  return encryptToEnvelope(keyring, decryptEnvelope(keyring, envelope, aad), aad);
}
