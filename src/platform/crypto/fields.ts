import { canonicalJson } from './canonical.ts';
import type { Keyring } from './keyring.ts';
import { hmacSm3Hex } from './sm3.ts';
import { type AssociatedData, decryptEnvelope, encryptToEnvelope } from './sm4.ts';

/**
 * Sensitive fields (ID numbers, phone numbers, bid prices, expert identities — SECURITY.md 30, 34):
 * stored as SM4 envelopes bound to their row and column, searched by blind index, shown masked.
 */

/** Associated data that binds a field envelope to table, column and row (stops ciphertext swapping). */
export function fieldAad(table: string, column: string, rowId: string | number): string {
  return canonicalJson(['field', table, column, String(rowId)]);
}

/** SM4 envelope of a text value (see sm4.ts); pass fieldAad(...) as `aad`. */
export function encryptField(keyring: Keyring, value: string, aad?: AssociatedData): string {
  return encryptToEnvelope(keyring, value, aad);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Verifies and decrypts a field envelope; the same `aad` as at encryption is required. */
export function decryptField(keyring: Keyring, envelope: string, aad?: AssociatedData): string {
  return utf8.decode(decryptEnvelope(keyring, envelope, aad));
}

/**
 * Deterministic HMAC-SM3 of a value under the keyring's blind-index key (stable across rotations),
 * for equality search over encrypted columns. `scope` (e.g. 'users.phone') separates columns so
 * equal values in different columns do not share an index. Values are NFC-normalised; normalise
 * anything else (case of a trailing 'x' in ID numbers, spaces in phone numbers) before calling.
 */
export function blindIndex(keyring: Keyring, value: string, scope = ''): string {
  return hmacSm3Hex(keyring.blindIndexKey, canonicalJson(['blind-index-v1', scope, value.normalize('NFC')]));
}

/**
 * 居民身份证号 masked for lists and logs: first 6 (region) and last 4 kept, e.g.
 * '110101199003071234' → '110101********1234'; 15-digit numbers keep 6 + 4 likewise. Any other
 * length is masked completely.
 */
export function maskIdNumber(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length !== 18 && chars.length !== 15) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
}

/**
 * Phone number masked: mobile numbers keep the first 3 and last 4 digits ('13812345678' →
 * '138****5678', '+86 13812345678' → '+86 138****5678'); other numbers of 8+ characters keep the
 * first 3 and last 4; shorter values are masked completely.
 */
export function maskPhone(value: string): string {
  const trimmed = value.trim();
  const mobile = /^(\+?86[\s-]?)?(1\d{10})$/.exec(trimmed);
  if (mobile) {
    const digits = mobile[2];
    return `${mobile[1] ?? ''}${digits.slice(0, 3)}****${digits.slice(7)}`;
  }
  const chars = Array.from(trimmed);
  if (chars.length < 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
}
