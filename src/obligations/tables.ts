/**
 * Obligations (issue 12): every deadline of a rulebook, once its anchor happens on a stored project
 * or catalog system, is a row here with its holder, due date on the working-day calendar (null when
 * the calendar does not know a year it crosses), state and articles. Reminders sent by the sweep are
 * keyed (obligation, kind, due date): with several app processes each reminder is sent once.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { informationSystems } from '../catalog/tables.ts';
import { users } from '../identity/tables.ts';
import { stamp } from '../platform/db/columns.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { projects } from '../projects/tables.ts';
import type { ObligationState, ReminderKind } from './model.ts';

export { OBLIGATION_STATES, type ObligationState, REMINDER_KINDS, type ReminderKind } from './model.ts';

export const obligations = pgTable(
  'obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    /** The organisation that owes it (the department, the authority, …). */
    holderOrganisationId: uuid('holder_organisation_id').notNull(),
    projectId: uuid('project_id'),
    systemId: uuid('system_id'),
    /** The rulebook deadline id (`dt.deadline.contract_filing`) or a module's own kind. */
    kind: text('kind').notNull(),
    /** The instance within the anchor (a contract number); '' when there is one per anchor. */
    ref: text('ref').notNull().default(''),
    title: text('title').notNull(),
    articles: jsonb('articles').$type<string[]>().notNull(),
    anchorDate: date('anchor_date', { mode: 'string' }).notNull(),
    amount: integer('amount').notNull(),
    unit: text('unit').notNull(),
    /** Null: the calendar does not know a year the computation crosses (never guessed). */
    dueDate: date('due_date', { mode: 'string' }),
    unknownYears: jsonb('unknown_years').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    /** When the "due soon" reminder is due (some working days before the due date). */
    remindOn: date('remind_on', { mode: 'string' }),
    state: text('state').$type<ObligationState>().notNull().default('open'),
    overdueSince: date('overdue_since', { mode: 'string' }),
    metOn: date('met_on', { mode: 'string' }),
    metBy: uuid('met_by'),
    late: boolean('late').notNull().default(false),
    extendedFrom: date('extended_from', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    waivedReason: text('waived_reason'),
    waivedBy: uuid('waived_by'),
    /** Where the UI shows it (e.g. `/projects/<id>/construction`). */
    link: text('link'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('obligations_anchor_uq').on(
      t.kind,
      sql`coalesce(${t.projectId}::text, '')`,
      sql`coalesce(${t.systemId}::text, '')`,
      t.ref,
    ),
    index('obligations_jurisdiction_idx').on(t.jurisdictionId, t.state),
    index('obligations_holder_idx').on(t.holderOrganisationId, t.state),
    index('obligations_project_idx').on(t.projectId),
    index('obligations_live_due_idx').on(t.dueDate).where(sql`${t.state} in ('open', 'extended', 'overdue')`),
    check('obligations_state_ck', sql`${t.state} in ('open', 'met', 'overdue', 'extended', 'waived')`),
    check('obligations_unit_ck', sql`${t.unit} in ('working_days', 'calendar_days', 'calendar_months')`),
    check('obligations_amount_ck', sql`${t.amount} >= 0`),
    check(
      'obligations_anchor_ck',
      sql`${t.projectId} is not null or ${t.systemId} is not null or ${t.ref} <> ''`,
    ),
    check('obligations_met_ck', sql`(${t.state} = 'met') = (${t.metOn} is not null)`),
    check('obligations_waived_ck', sql`(${t.state} = 'waived') = (${t.waivedReason} is not null)`),
    check('obligations_extended_ck', sql`${t.state} <> 'extended' or ${t.extendedFrom} is not null`),
    check('obligations_due_ck', sql`${t.dueDate} is null or ${t.dueDate} >= ${t.anchorDate}`),
    // Foreign keys a hand-written migration created inline keep PostgreSQL's `<table>_<column>_fkey` name
    // (drizzle's `.references()` would declare `..._fk`, and db:generate would then rename them).
    foreignKey({
      name: 'obligations_holder_organisation_id_fkey',
      columns: [t.holderOrganisationId],
      foreignColumns: [organisations.id],
    }),
    foreignKey({
      name: 'obligations_jurisdiction_id_fkey',
      columns: [t.jurisdictionId],
      foreignColumns: [jurisdictions.id],
    }),
    foreignKey({ name: 'obligations_met_by_fkey', columns: [t.metBy], foreignColumns: [users.id] }),
    foreignKey({
      name: 'obligations_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [projects.id],
    }),
    foreignKey({
      name: 'obligations_system_id_fkey',
      columns: [t.systemId],
      foreignColumns: [informationSystems.id],
    }),
    foreignKey({ name: 'obligations_waived_by_fkey', columns: [t.waivedBy], foreignColumns: [users.id] }),
  ],
);

/** One reminder per (obligation, kind, due date): the key that makes concurrent sweeps send it once. */
export const obligationReminders = pgTable(
  'obligation_reminders',
  {
    obligationId: uuid('obligation_id').notNull(),
    kind: text('kind').$type<ReminderKind>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: stamp('sent_at').notNull(),
    recipients: integer('recipients').notNull(),
  },
  (t) => [
    primaryKey({ name: 'obligation_reminders_pk', columns: [t.obligationId, t.kind, t.dueDate] }),
    check('obligation_reminders_kind_ck', sql`${t.kind} in ('before', 'due', 'overdue')`),
    check('obligation_reminders_recipients_ck', sql`${t.recipients} >= 0`),
    foreignKey({
      name: 'obligation_reminders_obligation_id_fkey',
      columns: [t.obligationId],
      foreignColumns: [obligations.id],
    }),
  ],
);
