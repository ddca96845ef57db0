/** The user of a pending second-factor login, by the token the browser holds. */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { challengeHash } from '../mfa.ts';
import { mfaChallenges } from '../tables.ts';

/** The user of a pending second-factor login, or null for an unknown token. */
export async function mfaChallengeUserId(db: Queryable, token: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: mfaChallenges.userId })
    .from(mfaChallenges)
    .where(eq(mfaChallenges.idHash, challengeHash(token)));
  return row?.userId ?? null;
}
