/** Operations tables (see ./index.ts): 应急预案, their version history and 演练. */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { informationSystems } from '../../catalog/tables.ts';
import { jurisdictions } from '../../platform/db/core.ts';
import { calendarDate, instant, orgRef, userRef } from './columns.ts';

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
