/** The caller's scope over obligations as one SQL condition (what the list, board, export and decisions read). */
import { and, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { CommandDeps } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Queryable } from '../../platform/db/client.ts';
import {
  jurisdictionSubtree,
  loadDirectory,
  loadWorkflowEnv,
  visibleProjectIds,
} from '../../projects/index.ts';
import { obligations } from '../tables.ts';

/**
 * The caller's scope as one SQL condition: held by the caller's organisation, on a project the
 * caller sees, or (authority) on a catalog system of a jurisdiction the caller oversees.
 */
export async function scopeCondition(deps: CommandDeps & { keyring: Keyring }, actor: Actor): Promise<SQL> {
  const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
  return scopeOf(deps.db, actor, await visibleProjectIds(deps.db, env, actor));
}

/** `scopeCondition` for a caller whose visible projects are already known. */
export async function scopeOf(db: Queryable, actor: Actor, projectIds: readonly string[]): Promise<SQL> {
  const directory = await loadDirectory(db);
  const ownOrgs = [...new Set(actor.assignments.map((a) => a.organisationId))];
  const overseen = [
    ...new Set(
      actor.assignments
        .filter((a) => (AUTHORITY as readonly string[]).includes(a.role))
        .flatMap((a) => jurisdictionSubtree(directory, a.jurisdictionId)),
    ),
  ];
  const parts: SQL[] = [];
  if (ownOrgs.length > 0) parts.push(inArray(obligations.holderOrganisationId, ownOrgs));
  if (projectIds.length > 0) parts.push(inArray(obligations.projectId, [...projectIds]));
  if (overseen.length > 0) {
    parts.push(and(isNull(obligations.projectId), inArray(obligations.jurisdictionId, overseen)) as SQL);
  }
  return parts.length > 0 ? (or(...parts) as SQL) : sql`false`;
}
