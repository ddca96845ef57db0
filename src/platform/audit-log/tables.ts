/**
 * The audit trail's table (drizzle declaration; re-exported by the barrel src/platform/db/schema.ts).
 */
import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. Each row's `hash` = HMAC-SM3(audit key, prev_hash ‖ canonical row);
 * rows are chained in id order. A trigger refuses UPDATE and DELETE (migration 0001).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    role: text('role'),
    organisationId: uuid('organisation_id'),
    jurisdictionId: uuid('jurisdiction_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    outcome: text('outcome').notNull(),
    sourceIp: text('source_ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_object_idx').on(t.objectType, t.objectId),
    check('audit_events_outcome_ck', sql`${t.outcome} in ('success', 'failure', 'denied', 'refused')`),
  ],
);
