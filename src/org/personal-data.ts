/**
 * Personal data of user accounts (SECURITY.md 30, 34; 等保 个人信息保护): the optional mobile or
 * office phone number and the 居民身份证号 (GB 11643-1999). Pure: normalisation and validation
 * before a value is encrypted (src/platform/crypto/fields.ts), so that the blind index of equal numbers is
 * equal however they were typed.
 */

/** Digits with an optional leading '+'; spaces and hyphens dropped; full-width digits folded. */
export function normalisePhone(input: string): string | null {
  const compact = input.normalize('NFKC').replace(/[\s-]/g, '');
  return /^\+?[0-9]{5,20}$/.test(compact) ? compact : null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** An 18-character 身份证号 with a valid birth date and check character, upper-case X; or null. */
export function normaliseIdNumber(input: string): string | null {
  const value = input.normalize('NFKC').trim().toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(value)) return null;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return idNumberCheckChar(value) === value[17] ? value : null;
}
