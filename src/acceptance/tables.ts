/**
 * Acceptance records: 延期验收 requests and their decisions. The obligations they move are the
 * obligations module's rows (src/obligations), referenced by foreign key.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/tables.ts';
import { obligations } from '../obligations/tables.ts';
import { stamp } from '../platform/db/columns.ts';
import { organisations } from '../platform/db/core.ts';
import { projects } from '../projects/tables.ts';
import type { ExtensionState } from './model.ts';

export { EXTENSION_STATES, type ExtensionState } from './model.ts';

/**
 * 延期验收申请 (DT-26b, SC-20c): the department asks the body the rulebook names to move the due date
 * of an acceptance obligation, with its reason and the date it asks for. A grant moves the
 * obligation's due date (state `extended`); the due date before the decision stays here as history.
 */
export const acceptanceExtensions = pgTable(
  'acceptance_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    obligationId: uuid('obligation_id').notNull(),
    deadlineId: text('deadline_id').notNull(),
    reason: text('reason').notNull(),
    requestedUntil: date('requested_until', { mode: 'string' }).notNull(),
    /** The due date when the request was made (the history a grant leaves behind). */
    dueDateBefore: date('due_date_before', { mode: 'string' }),
    requestedBy: uuid('requested_by').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    state: text('state').$type<ExtensionState>().notNull().default('requested'),
    decidedBy: uuid('decided_by'),
    decidedOrganisationId: uuid('decided_organisation_id'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    createdAt: stamp('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('acceptance_extensions_project_idx').on(t.projectId, t.createdAt),
    uniqueIndex('acceptance_extensions_pending_uq').on(t.obligationId).where(sql`${t.state} = 'requested'`),
    check('acceptance_extensions_state_ck', sql`${t.state} in ('requested', 'granted', 'refused')`),
    check('acceptance_extensions_decided_ck', sql`(${t.state} = 'requested') = (${t.decidedBy} is null)`),
    foreignKey({
      name: 'acceptance_extensions_decided_by_fkey',
      columns: [t.decidedBy],
      foreignColumns: [users.id],
    }),
    foreignKey({
      name: 'acceptance_extensions_decided_organisation_id_fkey',
      columns: [t.decidedOrganisationId],
      foreignColumns: [organisations.id],
    }),
    foreignKey({
      name: 'acceptance_extensions_obligation_id_fkey',
      columns: [t.obligationId],
      foreignColumns: [obligations.id],
    }),
    foreignKey({
      name: 'acceptance_extensions_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [projects.id],
    }),
    foreignKey({
      name: 'acceptance_extensions_requested_by_fkey',
      columns: [t.requestedBy],
      foreignColumns: [users.id],
    }),
  ],
);
