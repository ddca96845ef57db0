/**
 * The catalog tables (drizzle). The rules are pure and live beside this file (model.ts, validate.ts,
 * …); these are only the declarations the migrations are generated from. The database enforces what
 * it can: enumerations as CHECK constraints, unique codes, a unique normalised name per owner (the
 * final duplicate guard), foreign keys, and a version column for optimistic concurrency.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/tables.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const calendarDate = (name: string) => date(name, { mode: 'string' });

/** 政务信息系统目录 (SC-10, XZ-08b, XZ-28, XZ-30, DT-01). */
export const informationSystems = pgTable(
  'information_systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 系统编码, assigned by the platform: `<jurisdiction code>-XT-00001`. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** normaliseName(name): the duplicate key within the owner. */
    nameKey: text('name_key').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    purpose: text('purpose').notNull(),
    /** 功能清单 (issue 16, migration 0009): one function per item, compared by 查重. */
    functions: text('functions').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    deployment: text('deployment').notNull(),
    networks: text('networks').array().notNull().default(sql`'{}'::text[]`),
    dedicatedNetworkApproval: text('dedicated_network_approval'),
    mlpsLevel: integer('mlps_level'),
    projectRefs: text('project_refs').array().notNull().default(sql`'{}'::text[]`),
    sharedOnPlatform: boolean('shared_on_platform').notNull().default(false),
    sharedResourceCount: integer('shared_resource_count').notNull().default(0),
    cloudMigration: text('cloud_migration').notNull(),
    cloudExemptionReason: text('cloud_exemption_reason'),
    cloudMigrationDate: calendarDate('cloud_migration_date'),
    retirementDate: calendarDate('retirement_date'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => informationSystems.id),
    remarks: text('remarks'),
    /** When the system came into the catalog: the start of its life for 只减不增 (DT-01). */
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('information_systems_code_uq').on(t.code),
    uniqueIndex('information_systems_owner_name_uq').on(t.ownerOrganisationId, t.nameKey),
    index('information_systems_jurisdiction_idx').on(t.jurisdictionId),
    check(
      'information_systems_status_ck',
      sql`${t.status} in ('under_construction', 'in_operation', 'suspended', 'retired')`,
    ),
    check(
      'information_systems_deployment_ck',
      sql`${t.deployment} in ('city_cloud', 'district_cloud', 'other_cloud', 'own_machine_room')`,
    ),
    check(
      'information_systems_networks_ck',
      sql`${t.networks} <@ array['extranet', 'internet', 'dedicated']::text[]`,
    ),
    check(
      'information_systems_cloud_migration_ck',
      sql`${t.cloudMigration} in ('not_started', 'planned', 'migrating', 'migrated', 'exempt')`,
    ),
    check('information_systems_mlps_ck', sql`${t.mlpsLevel} is null or ${t.mlpsLevel} between 1 and 5`),
    check('information_systems_shared_count_ck', sql`${t.sharedResourceCount} >= 0`),
    check(
      'information_systems_retirement_ck',
      sql`(${t.status} = 'retired') = (${t.retirementDate} is not null)`,
    ),
    check(
      'information_systems_merged_ck',
      sql`${t.mergedIntoId} is null or (${t.status} = 'retired' and ${t.mergedIntoId} <> ${t.id})`,
    ),
    check('information_systems_version_ck', sql`${t.version} >= 1`),
  ],
);

/** 关联信息资源代码 of a system (full resource codes; the resource may be catalogued later). */
export const systemResources = pgTable(
  'system_resources',
  {
    systemId: uuid('system_id')
      .notNull()
      .references(() => informationSystems.id, { onDelete: 'cascade' }),
    resourceCode: text('resource_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.systemId, t.resourceCode] }),
    index('system_resources_code_idx').on(t.resourceCode),
  ],
);

/**
 * Status history of a system: one row when it is listed and one per status change. Feeds the
 * monthly count of 只减不增 (DT-01); `effective_date` is the date the change took effect (the
 * retirement date), `at` when it was recorded.
 */
export const systemStatusEvents = pgTable(
  'system_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: uuid('system_id')
      .notNull()
      .references(() => informationSystems.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    status: text('status').notNull(),
    at: instant('at').notNull(),
    effectiveDate: calendarDate('effective_date'),
    mergedIntoId: uuid('merged_into_id').references(() => informationSystems.id),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    note: text('note'),
  },
  (t) => [
    index('system_status_events_system_idx').on(t.systemId, t.at),
    check(
      'system_status_events_status_ck',
      sql`${t.status} in ('under_construction', 'in_operation', 'suspended', 'retired')`,
    ),
  ],
);

/** 信息资源目录 (DT-10, SC-09b, XZ-08a): lifecycle 注册 → 审核 → 发布 → 下架. */
export const informationResources = pgTable(
  'information_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 资源代码 `301001001/000123` (codes.ts). */
    code: text('code').notNull(),
    /** 前段码, 9 digits. */
    prefix: text('prefix').notNull(),
    /** 顺序码, 6 digits. */
    sequence: text('sequence').notNull(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    providerOrganisationId: uuid('provider_organisation_id')
      .notNull()
      .references(() => organisations.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** 提供方代码: the provider's 统一社会信用代码. */
    providerCode: text('provider_code').notNull(),
    summary: text('summary').notNull(),
    formatClass: text('format_class').notNull(),
    formatType: text('format_type'),
    sharing: text('sharing').notNull(),
    sharingConditions: text('sharing_conditions'),
    sharingMethods: text('sharing_methods').array().notNull().default(sql`'{}'::text[]`),
    openness: text('openness').notNull(),
    openConditions: text('open_conditions'),
    updateCycle: text('update_cycle').notNull(),
    publishedDate: calendarDate('published_date'),
    relatedCodes: text('related_codes').array().notNull().default(sql`'{}'::text[]`),
    sourceSystem: text('source_system'),
    classified: boolean('classified').notNull().default(false),
    state: text('state').notNull().default('registered'),
    /** 注册: decides the proposed single source of 一数一源 (SC-26). */
    registeredAt: instant('registered_at').notNull(),
    submittedAt: instant('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedAt: instant('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    /** The reviewer's note of the last return or withdrawal. */
    reviewNote: text('review_note'),
    /** When the platform published it (发布); the catalog field 发布日期 is `published_date`. */
    publishedAt: instant('published_at'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('information_resources_code_uq').on(t.code),
    uniqueIndex('information_resources_provider_name_uq').on(t.providerOrganisationId, t.nameKey),
    index('information_resources_jurisdiction_idx').on(t.jurisdictionId, t.state),
    index('information_resources_prefix_idx').on(t.prefix),
    check('information_resources_category_ck', sql`${t.category} in ('basic', 'subject', 'department')`),
    check(
      'information_resources_format_ck',
      sql`${t.formatClass} in ('document', 'spreadsheet', 'database', 'image', 'streaming', 'self_describing')`,
    ),
    check('information_resources_sharing_ck', sql`${t.sharing} in ('unconditional', 'conditional', 'none')`),
    check(
      'information_resources_sharing_methods_ck',
      sql`${t.sharingMethods} <@ array['interface', 'table_exchange', 'file_download']::text[]`,
    ),
    check(
      'information_resources_openness_ck',
      sql`${t.openness} in ('unconditional', 'conditional', 'none')`,
    ),
    check(
      'information_resources_update_cycle_ck',
      sql`${t.updateCycle} in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')`,
    ),
    check(
      'information_resources_state_ck',
      sql`${t.state} in ('registered', 'under_review', 'published', 'withdrawn')`,
    ),
    // What the public endpoints rely on: a 涉密 or unshared resource is never opened (SC-09b).
    check(
      'information_resources_open_ck',
      sql`${t.openness} = 'none' or (not ${t.classified} and ${t.sharing} <> 'none')`,
    ),
    check('information_resources_code_ck', sql`${t.code} = ${t.prefix} || '/' || ${t.sequence}`),
    check('information_resources_version_ck', sql`${t.version} >= 1`),
  ],
);

/** 信息项 of a resource, in order. */
export const resourceDataItems = pgTable(
  'resource_data_items',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => informationResources.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    dataType: text('data_type').notNull(),
    length: integer('length'),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.position] }),
    check(
      'resource_data_items_type_ck',
      sql`${t.dataType} in ('string', 'numeric', 'integer', 'currency', 'date', 'datetime', 'boolean', 'text', 'binary')`,
    ),
    check('resource_data_items_length_ck', sql`${t.length} is null or ${t.length} > 0`),
  ],
);

/**
 * 一数一源 notices (SC-26): the same data item registered by several departments of a jurisdiction,
 * recomputed whenever a resource is registered, changed or moves in its lifecycle. An open notice is
 * shown to every department involved and to the authority; it is resolved when the overlap is gone.
 */
export const singleSourceConflicts = pgTable(
  'single_source_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** Canonical item name and the shared subject keys: identifies the conflict across recomputations. */
    conflictKey: text('conflict_key').notNull(),
    itemName: text('item_name').notNull(),
    subjects: text('subjects').array().notNull(),
    proposedResourceId: uuid('proposed_resource_id')
      .notNull()
      .references(() => informationResources.id),
    proposedOrganisationId: uuid('proposed_organisation_id')
      .notNull()
      .references(() => organisations.id),
    organisationIds: uuid('organisation_ids').array().notNull(),
    resourceIds: uuid('resource_ids').array().notNull(),
    /** SingleSourceEntry[] of single-source.ts, earliest registration first. */
    entries: jsonb('entries').$type<unknown[]>().notNull(),
    score: doublePrecision('score').notNull(),
    message: text('message').notNull(),
    status: text('status').notNull().default('open'),
    /** Whether the notice has been put before the departments and the authority (shown on their pages). */
    notified: boolean('notified').notNull().default(true),
    detectedAt: instant('detected_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    resolvedAt: instant('resolved_at'),
  },
  (t) => [
    uniqueIndex('single_source_conflicts_key_uq').on(t.jurisdictionId, t.conflictKey),
    check('single_source_conflicts_status_ck', sql`${t.status} in ('open', 'resolved')`),
  ],
);

/**
 * 政务云服务目录 (DT-13, SC-12): compiled by the authority of a jurisdiction, approved (in SC with
 * finance), then published; everyone of the jurisdiction reads the published items.
 */
export const cloudServices = pgTable(
  'cloud_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 服务编码, assigned by the platform: `<jurisdiction code>-YF-00001`. */
    code: text('code').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    category: text('category').notNull(),
    spec: text('spec').notNull(),
    unit: text('unit').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    provider: text('provider').notNull(),
    remarks: text('remarks'),
    /** catalogKey('cloudServices', …): provider, category, name and spec normalised. */
    entryKey: text('entry_key').notNull(),
    status: text('status').notNull().default('draft'),
    authorityApprovedBy: uuid('authority_approved_by').references(() => users.id),
    authorityApprovedAt: instant('authority_approved_at'),
    financeApprovedBy: uuid('finance_approved_by').references(() => users.id),
    financeApprovedAt: instant('finance_approved_at'),
    publishedAt: instant('published_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cloud_services_code_uq').on(t.code),
    uniqueIndex('cloud_services_entry_uq').on(t.jurisdictionId, t.entryKey),
    check('cloud_services_category_ck', sql`${t.category} in ('iaas', 'paas', 'saas')`),
    check('cloud_services_price_ck', sql`${t.unitPriceCents} >= 0`),
    check('cloud_services_status_ck', sql`${t.status} in ('draft', 'approved', 'published')`),
    check('cloud_services_published_ck', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check('cloud_services_version_ck', sql`${t.version} >= 1`),
  ],
);
