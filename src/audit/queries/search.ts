/** The audit log page's search and the export's filter: typed, parameterised conditions, no raw SQL. */
import { and, count, desc, eq, gte, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import { users } from '../../identity/index.ts';
import { auditEvents } from '../../platform/audit-log/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: string;
}

/** Parameterised conditions only; the actor filter escapes LIKE wildcards (SECURITY.md 26). */
export function auditCondition(q: AuditQuery): SQL | undefined {
  const where: SQL[] = [];
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from)));
  if (q.to) where.push(lte(auditEvents.at, new Date(q.to)));
  if (q.actor) {
    // The user name as recorded, or the person's Chinese name (王敏 finds dt.staff's events).
    const pattern = `%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(auditEvents.actorName, pattern),
        sql`${auditEvents.actorUserId} in (select ${users.id} from ${users} where ${users.displayName} ilike ${pattern})`,
      ) as SQL,
    );
  }
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.outcome) where.push(eq(auditEvents.outcome, q.outcome));
  return where.length ? and(...where) : undefined;
}

/** One page of the audit log (newest first) with the people's and objects' names, and the total. */
export async function searchAudit(db: Db, q: AuditQuery & { limit?: number; offset?: number }) {
  const condition = auditCondition(q);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: auditEvents.actorName,
      actorDisplayName: sql<
        string | null
      >`(select u.display_name from users u where u.id = ${auditEvents.actorUserId})`,
      role: auditEvents.role,
      organisationName: organisations.name,
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      objectName: sql<string | null>`case ${auditEvents.objectType}
        when 'user' then (select u.display_name from users u where u.id::text = ${auditEvents.objectId})
        when 'project' then (select p.name from projects p where p.id::text = ${auditEvents.objectId})
        when 'organisation' then (select o.name from organisations o where o.id::text = ${auditEvents.objectId})
        end`,
      outcome: auditEvents.outcome,
      sourceIp: auditEvents.sourceIp,
      requestId: auditEvents.requestId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(condition)
    .orderBy(desc(auditEvents.id))
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0);
  const [{ total }] = await db.select({ total: count() }).from(auditEvents).where(condition);
  return { rows, total: Number(total) };
}
