/**
 * Personal data of user accounts sealed and opened (SECURITY.md 30, 34): phone number and 身份证号
 * as SM4 envelopes bound to the user's row and column, with an HMAC-SM3 blind index for exact lookup.
 */
import { CryptoError } from '../platform/crypto/errors.ts';
import { blindIndex, decryptField, encryptField, fieldAad } from '../platform/crypto/fields.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { invalid } from '../platform/errors.ts';
import { normaliseIdNumber, normalisePhone } from './personal-data.ts';

export const PHONE_SCOPE = 'users.phone';
/** Shown in a list instead of a value whose envelope does not verify. */
export const UNREADABLE = '（数据校验失败）';
export const ID_NUMBER_SCOPE = 'users.id_number';

export interface SealedPersonalData {
  phoneEnc?: string | null;
  phoneIndex?: string | null;
  idNumberEnc?: string | null;
  idNumberIndex?: string | null;
}

export function checkedPhone(value: string): string {
  const phone = normalisePhone(value);
  if (!phone) throw invalid('PHONE_INVALID', '电话号码格式不正确', { field: 'phone' });
  return phone;
}

export function checkedIdNumber(value: string): string {
  const id = normaliseIdNumber(value);
  if (!id) throw invalid('ID_NUMBER_INVALID', '身份证号格式或校验位不正确', { field: 'idNumber' });
  return id;
}

/** Encrypts the given fields for one user row; null clears a field, undefined leaves it alone. */
export function seal(
  keyring: Keyring,
  userId: string,
  input: { phone?: string | null; idNumber?: string | null },
): SealedPersonalData {
  const out: SealedPersonalData = {};
  if (input.phone !== undefined) {
    const phone = input.phone === null ? null : checkedPhone(input.phone);
    out.phoneEnc = phone && encryptField(keyring, phone, fieldAad('users', 'phone_enc', userId));
    out.phoneIndex = phone && blindIndex(keyring, phone, PHONE_SCOPE);
  }
  if (input.idNumber !== undefined) {
    const id = input.idNumber === null ? null : checkedIdNumber(input.idNumber);
    out.idNumberEnc = id && encryptField(keyring, id, fieldAad('users', 'id_number_enc', userId));
    out.idNumberIndex = id && blindIndex(keyring, id, ID_NUMBER_SCOPE);
  }
  return out;
}

export function openPhone(keyring: Keyring, userId: string, envelope: string | null): string | null {
  return envelope && decryptField(keyring, envelope, fieldAad('users', 'phone_enc', userId));
}

export function openIdNumber(keyring: Keyring, userId: string, envelope: string | null): string | null {
  return envelope && decryptField(keyring, envelope, fieldAad('users', 'id_number_enc', userId));
}

/** A masked value, or UNREADABLE when its envelope fails its check (one bad row hides no other). */
export function masked(open: () => string | null, mask: (v: string) => string): string | null {
  try {
    const value = open();
    return value && mask(value);
  } catch (err) {
    if (err instanceof CryptoError) return UNREADABLE;
    throw err;
  }
}
