/** Operations tables (see ./index.ts): Resource responsibility, 不上云 exemptions, O&M handovers, internal rules and base libraries. */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { informationResources } from '../../catalog/tables.ts';
import { jurisdictions } from '../../platform/db/core.ts';
import { calendarDate, instant, orgRef, systemRef, userRef } from './columns.ts';

/** Who collects, checks and answers for a catalogued resource (DT-34, JC-06, SC-26). */
export const opsResourceResponsibilities = pgTable(
  'ops_resource_responsibilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => informationResources.id),
    collectorOrganisationId: orgRef('collector_organisation_id'),
    checkerOrganisationId: orgRef('checker_organisation_id'),
    providerOrganisationId: orgRef('provider_organisation_id'),
    /** JC-06 谁经手、谁使用、谁管理、谁负责: how users of the shared data answer for it. */
    usageNote: text('usage_note'),
    recordedBy: userRef('recorded_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('ops_resource_responsibilities_uq').on(t.resourceId),
    check('ops_resource_responsibilities_version_ck', sql`${t.version} >= 1`),
  ],
);

/** 不上云 exemption on legal or secrecy grounds, decided by the authority (XZ-28). */
export const opsCloudExemptions = pgTable(
  'ops_cloud_exemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: systemRef(),
    ground: text('ground').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('requested'),
    requestedBy: userRef('requested_by').notNull(),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: userRef('decided_by'),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('ops_cloud_exemptions_open_uq')
      .on(t.systemId)
      .where(sql`${t.status} in ('requested', 'approved')`),
    check('ops_cloud_exemptions_ground_ck', sql`${t.ground} in ('legal', 'secrecy')`),
    check('ops_cloud_exemptions_status_ck', sql`${t.status} in ('requested', 'approved', 'rejected')`),
    check('ops_cloud_exemptions_decided_ck', sql`(${t.status} = 'requested') = (${t.decidedBy} is null)`),
    check('ops_cloud_exemptions_self_ck', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
    check('ops_cloud_exemptions_version_ck', sql`${t.version} >= 1`),
  ],
);

/** O&M handover of an existing system from the contractor to the 项目建设单位 (XZ-30). */
export const opsOmHandovers = pgTable(
  'ops_om_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: systemRef(),
    fromOrganisationId: orgRef('from_organisation_id').notNull(),
    toOrganisationId: orgRef('to_organisation_id').notNull(),
    handedOverOn: calendarDate('handed_over_on').notNull(),
    note: text('note'),
    recordedBy: userRef('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    index('ops_om_handovers_system_idx').on(t.systemId),
    check('ops_om_handovers_parties_ck', sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
  ],
);

/** DT-05b: the department's internal lifecycle rules, one per kind. */
export const opsInternalRules = pgTable(
  'ops_internal_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgRef('organisation_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    documentNumber: text('document_number'),
    issuedOn: calendarDate('issued_on').notNull(),
    recordedBy: userRef('recorded_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('ops_internal_rules_uq').on(t.organisationId, t.kind),
    check(
      'ops_internal_rules_kind_ck',
      sql`${t.kind} in ('decision', 'application', 'procurement', 'construction', 'acceptance', 'application_use', 'data_sharing', 'security', 'retirement')`,
    ),
    check('ops_internal_rules_version_ck', sql`${t.version} >= 1`),
  ],
);

/** DT-33: a base library as a grouping of catalogued resources with its responsible body. */
export const opsBaseLibraries = pgTable(
  'ops_base_libraries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind').notNull(),
    responsibleOrganisationId: orgRef('responsible_organisation_id').notNull(),
    updatedBy: userRef('updated_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('ops_base_libraries_uq').on(t.jurisdictionId, t.kind),
    check(
      'ops_base_libraries_kind_ck',
      sql`${t.kind} in ('natural_person', 'legal_person', 'spatial', 'certificate', 'credit', 'macro_economy')`,
    ),
    check('ops_base_libraries_version_ck', sql`${t.version} >= 1`),
  ],
);

export const opsBaseLibraryResources = pgTable(
  'ops_base_library_resources',
  {
    libraryId: uuid('library_id')
      .notNull()
      .references(() => opsBaseLibraries.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => informationResources.id),
  },
  (t) => [primaryKey({ columns: [t.libraryId, t.resourceId] })],
);
