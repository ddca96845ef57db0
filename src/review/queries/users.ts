/** Display names of users, for the review's pages (the reviewer, the assigned experts). */
import { inArray } from 'drizzle-orm';
import { users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';

/** Display names of the given users (unknown ids are left out). */
export async function usersByIds(db: Queryable, ids: readonly string[]) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
}
