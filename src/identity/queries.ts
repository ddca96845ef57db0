/** The identity module's reads: the pending login a token names, the accounts' security state. */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
import { readAll } from '../platform/db/concurrent.ts';
import { challengeHash } from './mfa.ts';
import { mfaChallenges, users } from './tables.ts';
import {
  countUsers,
  roleAssignmentsOf,
  type UserListFilters,
  userListOrder,
  userListWhere,
  userPage,
} from './user-list.ts';

/** The user of a pending second-factor login, or null for an unknown token. */
export async function mfaChallengeUserId(db: Queryable, token: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: mfaChallenges.userId })
    .from(mfaChallenges)
    .where(eq(mfaChallenges.idHash, challengeHash(token)));
  return row?.userId ?? null;
}

/** One page of the accounts' security state (no personal data), the total, and the page's roles. */
export async function securityUsers(db: Queryable, filters: UserListFilters) {
  const where = userListWhere(filters);
  const { limit, offset } = userPage(filters);
  const [rows, [counted]] = await readAll(db, [
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        disabled: users.disabled,
        disabledReason: users.disabledReason,
        lockedUntil: users.lockedUntil,
        totpEnabledAt: users.totpEnabledAt,
        passwordChangedAt: users.passwordChangedAt,
        lastLoginAt: users.lastLoginAt,
      })
      .from(users)
      .where(where)
      .orderBy(...userListOrder(filters))
      .limit(limit)
      .offset(offset),
    countUsers(db, where),
  ]);
  const roles = rows.length
    ? await roleAssignmentsOf(
        db,
        rows.map((r) => r.id),
      )
    : [];
  return { rows, roles, total: counted?.total ?? 0, limit, offset };
}
