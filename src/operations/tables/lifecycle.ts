/** Operations tables (see ./index.ts): 停用报废, daily monitoring and 行业云. */
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { calendarDate, instant, systemRef, userRef } from './columns.ts';

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
