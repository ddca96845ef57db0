/**
 * One-time recovery codes for the second factor (SECURITY.md 4–5, 7; ASVS 6.5.1–6.5.3).
 *
 * Ten codes of the form 'XXXX-XXXX-XXXX' from a 32-letter alphabet without 0/O and 1/I
 * (23456789ABCDEFGHJKLMNPQRSTUVWXYZ): 12 × 5 = 60 random bits each, shown once. Only a keyed
 * digest is stored: HMAC-SM3 (密评 8.4e) under a subkey derived from the key the caller passes, over a
 * domain-separated canonical form. The codes carry 60 bits of entropy, so a slow password hash adds
 * nothing: without the key, a stolen table cannot be searched offline; with it, 2^60 HMACs remain.
 *
 * The key must outlive key rotation, or every stored code dies with the old key; the keyring's
 * cross-version `blindIndexKey` fits (a different subkey is derived from it here, so the values never
 * collide with blind indexes).
 *
 * Consuming a code is the caller's transaction: delete exactly the matched hash with a conditional
 * statement (DELETE … WHERE user_id = $1 AND code_hash = $2) and treat 0 affected rows as a failed
 * attempt, so two parallel requests cannot both spend one code.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hmacSm3Hex } from '../platform/crypto/sm3.ts';

export const RECOVERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECOVERY_CODE_COUNT = 10;
const GROUPS = 3;
const GROUP_LENGTH = 4;
const CODE_LENGTH = GROUPS * GROUP_LENGTH;
/** Bits of entropy per code: 12 characters × log2(32). */
export const RECOVERY_CODE_BITS = CODE_LENGTH * 5;

const SUBKEY_LABEL = 'tongchou/recovery-code/key/v1';
const DIGEST_PREFIX = 'tongchou/recovery-code/v1\u0000';

function subkey(key: Buffer): Buffer {
  if (key.length < 16) throw new RangeError('recovery code key must be at least 128 bits');
  return Buffer.from(hmacSm3Hex(key, SUBKEY_LABEL), 'hex');
}

function randomCode(): string {
  // 256 is a multiple of 32, so masking each byte to 5 bits is unbiased.
  const chars = [...randomBytes(CODE_LENGTH)].map((byte) => RECOVERY_CODE_ALPHABET[byte & 31]);
  const groups: string[] = [];
  for (let i = 0; i < CODE_LENGTH; i += GROUP_LENGTH) groups.push(chars.slice(i, i + GROUP_LENGTH).join(''));
  return groups.join('-');
}

/**
 * The canonical 12-character form of a typed code, or null when it cannot be one: case, spaces,
 * hyphens and full-width characters are forgiven; anything outside the alphabet is not.
 */
export function normaliseRecoveryCode(input: string): string | null {
  if (input.length > 64) return null;
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—]/g, '');
  if (compact.length !== CODE_LENGTH) return null;
  for (const ch of compact) if (!RECOVERY_CODE_ALPHABET.includes(ch)) return null;
  return compact;
}

/** The stored digest of a code (64 lowercase hex), or null when the input is not a code at all. */
export function hashRecoveryCode(key: Buffer, code: string): string | null {
  const canonical = normaliseRecoveryCode(code);
  return canonical === null ? null : hmacSm3Hex(subkey(key), DIGEST_PREFIX + canonical);
}

/** Ten new codes to show once, and their digests to store. */
export function generateRecoveryCodes(
  key: Buffer,
  count = RECOVERY_CODE_COUNT,
): { codes: string[]; hashes: string[] } {
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new RangeError('count must be 1..100');
  const k = subkey(key);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode());
  const list = [...codes];
  return {
    codes: list,
    hashes: list.map((code) => hmacSm3Hex(k, DIGEST_PREFIX + code.replaceAll('-', ''))),
  };
}

export type RecoveryCodeVerification = { ok: true; hash: string; remaining: string[] } | { ok: false };

/**
 * Checks a typed code against the stored digests. On success returns the matched digest (to delete,
 * see the module comment) and the digests that remain. Compares against every digest in constant
 * time per digest, without stopping early.
 */
export function verifyRecoveryCode(
  key: Buffer,
  input: string,
  storedHashes: readonly string[],
): RecoveryCodeVerification {
  const digest = hashRecoveryCode(key, input);
  if (digest === null) return { ok: false };
  const given = Buffer.from(digest, 'hex');
  let matched = -1;
  storedHashes.forEach((stored, index) => {
    const candidate = Buffer.from(stored, 'hex');
    if (candidate.length === given.length && timingSafeEqual(candidate, given) && matched < 0) {
      matched = index;
    }
  });
  if (matched < 0) return { ok: false };
  return {
    ok: true,
    hash: storedHashes[matched],
    remaining: storedHashes.filter((_, index) => index !== matched),
  };
}
