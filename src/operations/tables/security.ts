/** Operations tables (see ./index.ts): 等保定级与备案, 测评/密评/风险评估 reports and the 自主可控 key-product inventory. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { calendarDate, instant, orgRef, systemRef, userRef } from './columns.ts';

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
