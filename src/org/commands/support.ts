/** What several org commands share: the personal-data fields an input names, the administrator roles a user holds. */

import { and, eq, inArray } from 'drizzle-orm';
import { ADMIN_ROLES } from '../../access/index.ts';
import { roleAssignments } from '../../identity/index.ts';
import type { Tx } from '../../platform/db/client.ts';

/** Which personal data fields an input names (for the audit details; never the values). */
export const personalFields = (input: { phone?: unknown; idNumber?: unknown }) => [
  ...(input.phone !== undefined ? ['phone'] : []),
  ...(input.idNumber !== undefined ? ['idNumber'] : []),
];

/** The administrator roles the user holds (三员分立 protects these accounts from the system administrator). */
export async function adminRolesOf(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), inArray(roleAssignments.role, [...ADMIN_ROLES])));
  return rows.map((r) => r.role);
}
