/**
 * Appends one audit row inside the caller's transaction (SECURITY.md 19, 22): if the audit write
 * fails, the business write fails with it.
 *
 * Chain order under concurrency: a transaction-scoped advisory lock serialises appenders across
 * all app processes sharing the database; the id (last id + 1, so ids are contiguous) is
 * taken and the previous hash read while the lock is held, so ids and chain order agree. Commands append their audit row last to keep the
 * lock short.
 */
import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { auditRowHash, GENESIS_HASH } from './chain.ts';
import type { AuditAction, AuditOutcome } from './events.ts';
import { auditEvents } from './tables.ts';

export const AUDIT_LOCK_KEY = 727272;

export interface AuditEntry {
  at: Date;
  actorUserId?: string | null;
  actorName?: string | null;
  role?: string | null;
  organisationId?: string | null;
  jurisdictionId?: string | null;
  action: AuditAction;
  objectType?: string | null;
  objectId?: string | null;
  outcome: AuditOutcome;
  sourceIp?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown> | null;
}

export async function appendAudit(tx: Tx, key: Buffer, entry: AuditEntry): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  // The next id follows the last row, not a sequence: a sequence skips values after a rollback or
  // a crash (PostgreSQL pre-logs 32), so only contiguous ids make a gap mean deleted rows (issue 9
  // item 4). The lock above makes this safe across processes.
  const id = (last?.id ?? 0) + 1;
  const at = new Date(entry.at.getTime());
  const fields = {
    id,
    at,
    actorUserId: entry.actorUserId ?? null,
    actorName: entry.actorName ?? null,
    role: entry.role ?? null,
    organisationId: entry.organisationId ?? null,
    jurisdictionId: entry.jurisdictionId ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome,
    sourceIp: entry.sourceIp ?? null,
    requestId: entry.requestId ?? null,
    details: entry.details && Object.keys(entry.details).length > 0 ? entry.details : null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditRowHash(key, prevHash, fields);
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash });
  return id;
}
