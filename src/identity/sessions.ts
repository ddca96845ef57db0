/**
 * Server-side sessions (SECURITY.md 9–11). The cookie carries a random token; the database keeps
 * only its SM3 digest. Idle timeout and absolute lifetime are enforced here on every request.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, type Placeholder, sql } from 'drizzle-orm';
import type { Role } from '../access/index.ts';
import type { Actor, Assignment } from '../platform/actor.ts';
import { sm3Hex } from '../platform/crypto/sm3.ts';
import { isDatabaseHandle, type Queryable, type Tx } from '../platform/db/client.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { jsonArray, jsonShape } from '../platform/db/json-rows.ts';
import { preparedPerHandle } from '../platform/db/prepared.ts';
import { isPasswordExpired } from './account-state.ts';
import { roleAssignments, sessions, users } from './tables.ts';

export const SESSION_COOKIE = 'tc_session';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
  /** Maximum password age; an older password marks the actor passwordExpired (default 90). */
  passwordMaxAgeDays?: number;
  /** Second factor required: an actor without one may only enrol (default false). */
  mfaRequired?: boolean;
}

export function hashToken(token: string): string {
  return sm3Hex(token);
}

export async function createSession(
  tx: Tx,
  userId: string,
  now: Date,
  policy: SessionPolicy,
  meta: { sourceIp: string | null; userAgent: string | null },
): Promise<{ token: string; idHash: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const idHash = hashToken(token);
  await tx.insert(sessions).values({
    idHash,
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.maxHours * 3600_000),
    sourceIp: meta.sourceIp,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, idHash, csrfToken };
}

export async function revokeSession(tx: Tx, idHash: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
}

/** Ends every session of a user (password change, role change, disabling: SECURITY.md 11). */
export async function revokeUserSessions(
  tx: Tx,
  userId: string,
  now: Date,
  exceptIdHash?: string,
): Promise<void> {
  const rows = await tx
    .select({ idHash: sessions.idHash })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  for (const row of rows) {
    if (row.idHash !== exceptIdHash) await revokeSession(tx, row.idHash, now);
  }
}

const assignmentColumns = {
  id: roleAssignments.id,
  role: roleAssignments.role,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  jurisdictionId: jurisdictions.id,
  jurisdictionName: jurisdictions.name,
  jurisdictionCode: jurisdictions.code,
};
const assignmentShape = jsonShape(assignmentColumns);

export async function loadAssignments(q: Queryable, userId: string): Promise<Assignment[]> {
  const rows = await q
    .select(assignmentColumns)
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, roleAssignments.jurisdictionId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(roleAssignments.createdAt, roleAssignments.id);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** The same assignments as one JSON array, a column of the session lookup's single statement. */
const assignmentsOfSessionUser = jsonArray(
  assignmentShape,
  sql`from ${roleAssignments} join ${organisations} on ${organisations.id} = ${roleAssignments.organisationId} join ${jurisdictions} on ${jurisdictions.id} = ${roleAssignments.jurisdictionId} where ${roleAssignments.userId} = ${sessions.userId}`,
  sql`${roleAssignments.createdAt}, ${roleAssignments.id}`,
);

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired'; userId: string; idHash: string; reason: 'idle' | 'absolute' }
  | { state: 'active'; actor: Actor; lastSeenAt: Date };

function sessionQuery(q: Queryable, idHash: string | Placeholder) {
  return q
    .select({
      idHash: sessions.idHash,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
      totpEnabledAt: users.totpEnabledAt,
      // One statement per request (issue 11): the roles come with the session.
      assignments: sql<Record<string, unknown>[]>`${assignmentsOfSessionUser}`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
}

/** The session check of every request, as a prepared statement. */
const preparedLookup = preparedPerHandle((db) =>
  sessionQuery(db, sql.placeholder('idHash')).prepare('session_lookup'),
);

/** Resolves a session token to its actor. Revoked or disabled → none; timed out → expired. */
export async function lookupSession(
  q: Queryable,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: 'none' };
  const idHash = hashToken(token);
  const [row] = isDatabaseHandle(q)
    ? await preparedLookup(q).execute({ idHash })
    : await sessionQuery(q, idHash);
  if (!row || row.revokedAt || row.disabled) return { state: 'none' };
  if (now.getTime() >= row.expiresAt.getTime()) {
    return { state: 'expired', userId: row.userId, idHash, reason: 'absolute' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > policy.idleMinutes * 60_000) {
    return { state: 'expired', userId: row.userId, idHash, reason: 'idle' };
  }
  const assignments = row.assignments.map((r) => {
    const a = assignmentShape.decode(r);
    return { ...a, role: a.role as Role };
  });
  return {
    state: 'active',
    lastSeenAt: row.lastSeenAt,
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      mustChangePassword: row.mustChangePassword,
      passwordExpired: isPasswordExpired(row.passwordChangedAt, now, policy.passwordMaxAgeDays ?? 90),
      mfaEnrolled: row.totpEnabledAt !== null,
      mfaEnrolmentRequired: (policy.mfaRequired ?? false) && row.totpEnabledAt === null,
      assignments,
      sessionIdHash: idHash,
      csrfToken: row.csrfToken,
    },
  };
}
