/** Users found by phone or 身份证号 through the blind index (read). */
import { eq, or, type SQL } from 'drizzle-orm';
import { users } from '../../identity/index.ts';
import { blindIndex } from '../../platform/crypto/fields.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { checkedIdNumber, checkedPhone, ID_NUMBER_SCOPE, PHONE_SCOPE } from '../user-data.ts';

/** The ids of the users whose phone or 身份证号 equals the given one (blind index, no decryption). */
export async function userIdsByPersonalData(
  q: Queryable,
  keyring: Keyring,
  by: { phone?: string; idNumber?: string },
): Promise<string[]> {
  const conditions: SQL[] = [
    ...(by.phone !== undefined
      ? [eq(users.phoneIndex, blindIndex(keyring, checkedPhone(by.phone), PHONE_SCOPE))]
      : []),
    ...(by.idNumber !== undefined
      ? [eq(users.idNumberIndex, blindIndex(keyring, checkedIdNumber(by.idNumber), ID_NUMBER_SCOPE))]
      : []),
  ];
  const found = await q
    .select({ id: users.id })
    .from(users)
    .where(or(...conditions));
  return found.map((f) => f.id);
}
