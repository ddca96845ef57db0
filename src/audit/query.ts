/** The filters of the audit log page and of its export: typed, parameterised, no raw SQL. */
import { and, eq, gte, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { auditEvents, users } from '../db/schema.ts';

/** The filters of the audit log page and of the export. */
export const AuditFilters = {
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  outcome: Type.Optional(Type.Union(['success', 'failure', 'denied', 'refused'].map((v) => Type.Literal(v)))),
};

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
