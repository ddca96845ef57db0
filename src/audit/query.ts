/** The filters of the audit log page and of its export: typed, parameterised, no raw SQL. */
import { and, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import { Type } from 'typebox';
import { auditEvents } from '../db/schema.ts';

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
  if (q.actor) where.push(ilike(auditEvents.actorName, `%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.outcome) where.push(eq(auditEvents.outcome, q.outcome));
  return where.length ? and(...where) : undefined;
}
