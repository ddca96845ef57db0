/** An account and its role assignments, as the security administrator sees them after a grant (read). */
import { asc, eq } from 'drizzle-orm';
import { ROLE_NAMES, type Role } from '../../access/index.ts';
import { roleAssignments, users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';

/** What the security administrator gets back after a grant: the account and its roles, no personal data. */
export async function presentUserRoles(q: Queryable, userId: string) {
  const [user] = await q
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  const roles = await q
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      jurisdictionName: jurisdictions.name,
    })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, roleAssignments.jurisdictionId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
  return { ...user, roles: roles.map((r) => ({ ...r, roleName: ROLE_NAMES[r.role as Role] ?? r.role })) };
}
