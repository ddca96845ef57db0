/**
 * Storage of the TOTP second factor (SECURITY.md 4–5, 7, 30): the shared secret is kept as an SM4
 * envelope bound to its user and column (associated data), recovery codes as keyed digests under
 * the keyring's rotation-stable blind-index key, and pending logins as the SM3 of a random token.
 */
import { randomBytes } from 'node:crypto';
import { decryptField, encryptField, fieldAad } from '../platform/crypto/fields.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { sm3Hex } from '../platform/crypto/sm3.ts';

/** A pending login (password right, second factor outstanding) lives this long. */
export const MFA_CHALLENGE_MINUTES = 5;

export type TotpColumn = 'totp_secret_enc' | 'totp_pending_enc';

export function sealTotpSecret(keyring: Keyring, userId: string, column: TotpColumn, secret: string): string {
  return encryptField(keyring, secret, fieldAad('users', column, userId));
}

export function openTotpSecret(
  keyring: Keyring,
  userId: string,
  column: TotpColumn,
  envelope: string,
): string {
  return decryptField(keyring, envelope, fieldAad('users', column, userId));
}

/** The key recovery codes are digested under (see recovery-codes.ts: it must survive rotation). */
export function recoveryCodeKey(keyring: Keyring): Buffer {
  return keyring.blindIndexKey;
}

/** A new pending-login token (sent to the browser once) and its digest (stored). */
export function newChallengeToken(): { token: string; idHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, idHash: challengeHash(token) };
}

export function challengeHash(token: string): string {
  return sm3Hex(`mfa-challenge\u0000${token}`);
}
