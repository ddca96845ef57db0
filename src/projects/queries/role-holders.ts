/** Who holds a role in an organisation, for 转办 (read). */
import { and, asc, eq } from 'drizzle-orm';
import { roleAssignments, users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';

/** The users holding a role in an organisation (for 转办), disabled ones included and flagged. */
export async function roleHolders(db: Queryable, role: string, organisationId: string) {
  return db
    .select({ userId: roleAssignments.userId, name: users.displayName, disabled: users.disabled })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, role), eq(roleAssignments.organisationId, organisationId)))
    .orderBy(asc(users.displayName), asc(roleAssignments.userId));
}
