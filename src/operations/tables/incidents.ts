/** Operations tables (see ./index.ts): 安全事件: the incident, the systems it touched and its append-only timeline. */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../../platform/db/core.ts';
import { instant, orgRef, systemRef, userRef } from './columns.ts';

/** 安全事件. The facts recorded when found never change (a trigger refuses it); corrections are entries. */
export const opsIncidents = pgTable(
  'ops_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    organisationId: orgRef('organisation_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    incidentClass: text('incident_class').notNull(),
    criticalInfrastructure: boolean('critical_infrastructure').notNull(),
    foundAt: instant('found_at').notNull(),
    reportDueAt: instant('report_due_at'),
    cause: text('cause'),
    liableParty: text('liable_party'),
    liabilityArticle: text('liability_article'),
    /** DT-36: the rulebook requires filing with the authority. */
    authorityFilingRequired: boolean('authority_filing_required').notNull(),
    authorityFilingArticle: text('authority_filing_article'),
    authorityFiledAt: instant('authority_filed_at'),
    firstReportAt: instant('first_report_at'),
    status: text('status').notNull().default('open'),
    closedAt: instant('closed_at'),
    recordedBy: userRef('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('ops_incidents_scope_idx').on(t.jurisdictionId, t.organisationId, t.status),
    check('ops_incidents_class_ck', sql`${t.incidentClass} in ('general', 'major', 'serious', 'critical')`),
    check(
      'ops_incidents_cause_ck',
      sql`${t.cause} is null or ${t.cause} in ('weak_password', 'stolen_password', 'technical', 'other')`,
    ),
    check(
      'ops_incidents_liable_ck',
      sql`${t.liableParty} is null or ${t.liableParty} in ('user_unit', 'contractor')`,
    ),
    check('ops_incidents_status_ck', sql`${t.status} in ('open', 'closed')`),
    check('ops_incidents_closed_ck', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    check('ops_incidents_filing_ck', sql`${t.authorityFiledAt} is null or ${t.authorityFilingRequired}`),
    check('ops_incidents_version_ck', sql`${t.version} >= 1`),
  ],
);

export const opsIncidentSystems = pgTable(
  'ops_incident_systems',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => opsIncidents.id),
    systemId: systemRef(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.systemId] })],
);

/** The handling timeline, reports sent, the authority filing and corrections: append-only. */
export const opsIncidentEntries = pgTable(
  'ops_incident_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => opsIncidents.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    /** When it happened (a report: when it was sent). */
    at: instant('at').notNull(),
    text: text('text').notNull(),
    /** A report: to whom. */
    recipient: text('recipient'),
    correctsEntryId: uuid('corrects_entry_id').references((): AnyPgColumn => opsIncidentEntries.id),
    recordedBy: userRef('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('ops_incident_entries_seq_uq').on(t.incidentId, t.seq),
    check(
      'ops_incident_entries_kind_ck',
      sql`${t.kind} in ('handling', 'report', 'authority_filing', 'correction', 'closure')`,
    ),
    check('ops_incident_entries_report_ck', sql`${t.kind} <> 'report' or ${t.recipient} is not null`),
    check(
      'ops_incident_entries_correction_ck',
      sql`(${t.kind} = 'correction') = (${t.correctsEntryId} is not null)`,
    ),
  ],
);
