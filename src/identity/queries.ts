/** The identity module's reads: the pending login a token names, the accounts' security state. */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { jurisdictions, organisations, roleAssignments, users } from '../db/schema.ts';
import { challengeHash } from './mfa.ts';
import { mfaChallenges } from './tables.ts';

/** The user of a pending second-factor login, or null for an unknown token. */
export async function mfaChallengeUserId(db: Queryable, token: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: mfaChallenges.userId })
    .from(mfaChallenges)
    .where(eq(mfaChallenges.idHash, challengeHash(token)));
  return row?.userId ?? null;
}

/** Every account's security state (no personal data) and every role assignment, by user name. */
export async function securityUsers(db: Queryable) {
  const rows = await db
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
    .orderBy(asc(users.username));
  return { rows, roles: await roleAssignmentRows(db) };
}

/** Every role assignment with its organisation's and jurisdiction's names. */
export function roleAssignmentRows(q: Queryable) {
  return q
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      jurisdictionName: jurisdictions.name,
    })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, roleAssignments.jurisdictionId));
}
