/**
 * Operations and security records per system (issue 15; migration 0012_operations). Filed records
 * (assessments, plan versions, incident timeline entries) are append-only — the database refuses an
 * UPDATE or DELETE — and an incident's core facts never change: corrections are appended entries.
 * Editable rows (grading, drills, responsibility, internal rules, base libraries, requests) carry a
 * version column for optimistic concurrency.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { informationResources, informationSystems } from '../catalog/tables.ts';
import { jurisdictions, organisations, users } from '../platform/db/core.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const calendarDate = (name: string) => date(name, { mode: 'string' });
const userRef = (name: string) => uuid(name).references(() => users.id);
const orgRef = (name: string) => uuid(name).references(() => organisations.id);
const systemRef = () =>
  uuid('system_id')
    .notNull()
    .references(() => informationSystems.id);

/** 等保定级与备案 (DT-35, SC-28, XZ-31): one per system. */
export const opsGradings = pgTable(
  'ops_gradings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: systemRef(),
    level: integer('level').notNull(),
    filingNumber: text('filing_number').notNull(),
    filingDate: calendarDate('filing_date').notNull(),
    /** 关键信息基础设施: incidents are reported within 1 hour. */
    criticalInfrastructure: boolean('critical_infrastructure').notNull().default(false),
    recordedBy: userRef('recorded_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('ops_gradings_system_uq').on(t.systemId),
    check('ops_gradings_level_ck', sql`${t.level} between 1 and 5`),
    check('ops_gradings_version_ck', sql`${t.version} >= 1`),
  ],
);

/** 等保测评 / 密评 / 安全风险评估 reports: append-only; the next due date is fixed when filed. */
export const opsAssessments = pgTable(
  'ops_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: systemRef(),
    kind: text('kind').notNull(),
    assessedOn: calendarDate('assessed_on').notNull(),
    result: text('result').notNull(),
    reportNumber: text('report_number').notNull(),
    assessor: text('assessor').notNull(),
    /** The protection level the assessment was made at (null for an ungraded system's risk assessment). */
    level: integer('level'),
    nextDue: calendarDate('next_due'),
    /** SC-28 / XZ-31: the contractor that assessed together with the building unit. */
    contractorOrganisationId: orgRef('contractor_organisation_id'),
    findings: text('findings'),
    article: text('article').notNull(),
    recordedBy: userRef('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    index('ops_assessments_system_idx').on(t.systemId, t.kind, t.assessedOn),
    check('ops_assessments_kind_ck', sql`${t.kind} in ('mlps', 'crypto', 'risk')`),
    check('ops_assessments_result_ck', sql`${t.result} in ('pass', 'basic_pass', 'fail')`),
    check('ops_assessments_level_ck', sql`${t.level} is null or ${t.level} between 1 and 5`),
  ],
);

/** 自主可控 inventory of key products of a system (DT-35, SC-19, XZ-20). */
export const opsKeyProducts = pgTable(
  'ops_key_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: systemRef(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    vendor: text('vendor').notNull(),
    productVersion: text('product_version'),
    controllable: boolean('controllable').notNull(),
    recordedBy: userRef('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    index('ops_key_products_system_idx').on(t.systemId),
    check(
      'ops_key_products_category_ck',
      sql`${t.category} in ('cpu', 'server', 'os', 'database', 'middleware', 'network', 'security', 'office', 'other')`,
    ),
  ],
);

/** 应急预案 per department or per system (DT-36, SC-29, XZ-32, JC-06). */
export const opsEmergencyPlans = pgTable(
  'ops_emergency_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    organisationId: orgRef('organisation_id').notNull(),
    systemId: uuid('system_id').references(() => informationSystems.id),
    title: text('title').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    createdBy: userRef('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('ops_emergency_plans_org_idx').on(t.organisationId),
    check('ops_emergency_plans_current_ck', sql`${t.currentVersion} >= 1`),
    check('ops_emergency_plans_version_ck', sql`${t.version} >= 1`),
  ],
);

/** Version history of a plan: append-only. */
export const opsEmergencyPlanVersions = pgTable(
  'ops_emergency_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => opsEmergencyPlans.id),
    number: integer('number').notNull(),
    documentNumber: text('document_number').notNull(),
    summary: text('summary').notNull(),
    adoptedOn: calendarDate('adopted_on').notNull(),
    /** SC-29 / XZ-32: the contractor that made the plan together with the department. */
    contractorOrganisationId: orgRef('contractor_organisation_id'),
    recordedBy: userRef('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('ops_emergency_plan_versions_uq').on(t.planId, t.number),
    check('ops_emergency_plan_versions_number_ck', sql`${t.number} >= 1`),
  ],
);

/** 演练: planned, then held (date, scenario, participants, findings). */
export const opsDrills = pgTable(
  'ops_drills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => opsEmergencyPlans.id),
    plannedOn: calendarDate('planned_on').notNull(),
    scenario: text('scenario').notNull(),
    heldOn: calendarDate('held_on'),
    participants: text('participants'),
    findings: text('findings'),
    recordedBy: userRef('recorded_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('ops_drills_plan_idx').on(t.planId),
    check('ops_drills_held_ck', sql`${t.heldOn} is null or ${t.participants} is not null`),
    check('ops_drills_version_ck', sql`${t.version} >= 1`),
  ],
);

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

/** 停用报废: request → data archived or migrated (confirmed) → the authority approves → retired. */
export const opsRetirements = pgTable(
  'ops_retirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: systemRef(),
    reason: text('reason').notNull(),
    retirementDate: calendarDate('retirement_date').notNull(),
    dataDisposition: text('data_disposition').notNull(),
    dataDestination: text('data_destination').notNull(),
    dataConfirmedBy: userRef('data_confirmed_by'),
    dataConfirmedAt: instant('data_confirmed_at'),
    status: text('status').notNull().default('requested'),
    requestedBy: userRef('requested_by').notNull(),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: userRef('decided_by'),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    withdrawnResources: integer('withdrawn_resources'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('ops_retirements_open_uq')
      .on(t.systemId)
      .where(sql`${t.status} in ('requested', 'approved')`),
    check('ops_retirements_disposition_ck', sql`${t.dataDisposition} in ('archived', 'migrated')`),
    check('ops_retirements_status_ck', sql`${t.status} in ('requested', 'approved', 'rejected')`),
    check('ops_retirements_decided_ck', sql`(${t.status} = 'requested') = (${t.decidedBy} is null)`),
    check('ops_retirements_approved_ck', sql`${t.status} <> 'approved' or ${t.dataConfirmedAt} is not null`),
    check('ops_retirements_self_ck', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
    check('ops_retirements_version_ck', sql`${t.version} >= 1`),
  ],
);

/**
 * SC-27 政务信息资源的日常监测: one entry per system and day (status, finding, who handled it). A filed
 * entry is not changed (append-only, like the other filed records); the missing days of a running
 * system are flagged where the rulebook asks for daily monitoring (migration 0015).
 */
export const opsMonitoringEntries = pgTable(
  'ops_monitoring_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: systemRef(),
    monitoredOn: calendarDate('monitored_on').notNull(),
    status: text('status').notNull(),
    /** The data resource the finding concerns (one of the system's resources), if any. */
    resourceCode: text('resource_code'),
    finding: text('finding'),
    handler: text('handler').notNull(),
    recordedBy: userRef('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('ops_monitoring_entries_day_uq').on(t.systemId, t.monitoredOn),
    check('ops_monitoring_entries_status_ck', sql`${t.status} in ('normal', 'abnormal')`),
    check(
      'ops_monitoring_entries_finding_ck',
      sql`${t.status} = 'normal' or length(trim(coalesce(${t.finding}, ''))) > 0`,
    ),
  ],
);

/**
 * XZ-30 行业云: a system on an industry cloud and the plan to bring it under the 市级政务云平台's unified
 * management (planned → in progress → brought under), one per system (migration 0015).
 */
export const opsIndustryClouds = pgTable(
  'ops_industry_clouds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: systemRef(),
    cloudName: text('cloud_name').notNull(),
    operatorName: text('operator_name').notNull(),
    state: text('state').notNull(),
    plannedBy: calendarDate('planned_by').notNull(),
    completedOn: calendarDate('completed_on'),
    note: text('note'),
    recordedBy: userRef('recorded_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('ops_industry_clouds_system_uq').on(t.systemId),
    check('ops_industry_clouds_state_ck', sql`${t.state} in ('planned', 'in_progress', 'brought_under')`),
    check(
      'ops_industry_clouds_completed_ck',
      sql`(${t.state} = 'brought_under') = (${t.completedOn} is not null)`,
    ),
    check('ops_industry_clouds_version_ck', sql`${t.version} >= 1`),
  ],
);
