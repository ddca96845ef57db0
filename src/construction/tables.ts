/**
 * Construction records (issue 12): contracts with their procurement, contractor, amount (fen),
 * signing and filing dates, and the deliverables a contract fixes (设计文件、源代码、测试文档),
 * tracked to delivery. The rulebook events (`contract_signed`, `contract_filed`) are recorded from
 * these rows through the generic step core, never by hand.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { stamp } from '../platform/db/columns.ts';
import { organisations } from '../platform/db/core.ts';
import { projects } from '../projects/tables.ts';
import type { DeliverableKind, ProblemKind, ProcurementMethod, RectificationState } from './model.ts';

export {
  DELIVERABLE_KINDS,
  type DeliverableKind,
  PROBLEM_KINDS,
  PROCUREMENT_METHODS,
  type ProblemKind,
  type ProcurementMethod,
  RECTIFICATION_STATES,
  type RectificationState,
} from './model.ts';

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    number: text('number').notNull(),
    procurementMethod: text('procurement_method').$type<ProcurementMethod>().notNull(),
    /** 中标（成交）结果: announcement and winning bid, as entered. */
    procurementResult: text('procurement_result').notNull(),
    contractorName: text('contractor_name').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** The contract states that the system and its data belong to the government side (XZ-12). */
    ownershipClause: boolean('ownership_clause').notNull().default(false),
    filedOn: date('filed_on', { mode: 'string' }),
    filedBy: uuid('filed_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: stamp('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('contracts_project_number_uq').on(t.projectId, t.number),
    index('contracts_project_idx').on(t.projectId),
    check('contracts_amount_ck', sql`${t.amountFen} >= 0`),
    check(
      'contracts_method_ck',
      sql`${t.procurementMethod} in ('public_tender', 'invited_tender', 'competitive_negotiation', 'competitive_consultation', 'inquiry', 'single_source')`,
    ),
    check('contracts_filed_ck', sql`(${t.filedOn} is null) = (${t.filedBy} is null)`),
    check('contracts_filed_after_ck', sql`${t.filedOn} is null or ${t.filedOn} >= ${t.signedOn}`),
    // Foreign keys a hand-written migration created inline keep PostgreSQL's `<table>_<column>_fkey` name
    // (drizzle's `.references()` would declare `..._fk`, and db:generate would then rename them).
    foreignKey({ name: 'contracts_created_by_fkey', columns: [t.createdBy], foreignColumns: [users.id] }),
    foreignKey({ name: 'contracts_filed_by_fkey', columns: [t.filedBy], foreignColumns: [users.id] }),
    foreignKey({ name: 'contracts_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }),
  ],
);

export const contractDeliverables = pgTable(
  'contract_deliverables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id').notNull(),
    kind: text('kind').$type<DeliverableKind>().notNull(),
    name: text('name').notNull(),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    deliveredBy: uuid('delivered_by'),
    createdAt: stamp('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('contract_deliverables_uq').on(t.contractId, t.kind, t.name),
    check(
      'contract_deliverables_kind_ck',
      sql`${t.kind} in ('design_documents', 'source_code', 'test_documents', 'other')`,
    ),
    check('contract_deliverables_delivered_ck', sql`(${t.deliveredOn} is null) = (${t.deliveredBy} is null)`),
    foreignKey({
      name: 'contract_deliverables_contract_id_fkey',
      columns: [t.contractId],
      foreignColumns: [contracts.id],
    }),
    foreignKey({
      name: 'contract_deliverables_delivered_by_fkey',
      columns: [t.deliveredBy],
      foreignColumns: [users.id],
    }),
  ],
);

/**
 * 责令限期整改: a problem found on a project and the order to fix it within a time limit. Its
 * outcome — rectified, failed (整改后仍不符合要求) or refused (拒不整改) — is the only source of the
 * rulebooks' rectification facts, which close the funding gates.
 */
export const rectificationOrders = pgTable(
  'rectification_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    problemKind: text('problem_kind').$type<ProblemKind>().notNull(),
    description: text('description').notNull(),
    orderedBy: uuid('ordered_by').notNull(),
    orderedOrganisationId: uuid('ordered_organisation_id').notNull(),
    orderedOn: date('ordered_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    state: text('state').$type<RectificationState>().notNull().default('ordered'),
    report: text('report'),
    reportedBy: uuid('reported_by'),
    reportedOn: date('reported_on', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    createdAt: stamp('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('rectification_orders_project_idx').on(t.projectId, t.state),
    check(
      'rectification_orders_kind_ck',
      sql`${t.problemKind} in ('approval_violation', 'unauthorised_change', 'serious_delay', 'major_loss')`,
    ),
    check(
      'rectification_orders_state_ck',
      sql`${t.state} in ('ordered', 'reported', 'rectified', 'failed', 'refused')`,
    ),
    check('rectification_orders_days_ck', sql`${t.workingDays} between 1 and 365`),
    check('rectification_orders_reported_ck', sql`(${t.reportedOn} is null) = (${t.reportedBy} is null)`),
    check(
      'rectification_orders_decided_ck',
      sql`(${t.state} in ('rectified', 'failed', 'refused')) = (${t.decidedBy} is not null)`,
    ),
    foreignKey({
      name: 'rectification_orders_decided_by_fkey',
      columns: [t.decidedBy],
      foreignColumns: [users.id],
    }),
    foreignKey({
      name: 'rectification_orders_ordered_by_fkey',
      columns: [t.orderedBy],
      foreignColumns: [users.id],
    }),
    foreignKey({
      name: 'rectification_orders_ordered_organisation_id_fkey',
      columns: [t.orderedOrganisationId],
      foreignColumns: [organisations.id],
    }),
    foreignKey({
      name: 'rectification_orders_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [projects.id],
    }),
    foreignKey({
      name: 'rectification_orders_reported_by_fkey',
      columns: [t.reportedBy],
      foreignColumns: [users.id],
    }),
  ],
);

/** 监理单位备案 (DT-22, SC-16, XZ-17): the supervisor chosen by market mechanism, filed with the authority. */
export const supervisors = pgTable(
  'supervisors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    unitName: text('unit_name').notNull(),
    contractNumber: text('contract_number').notNull(),
    procurementMethod: text('procurement_method').$type<ProcurementMethod>().notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    filedBy: uuid('filed_by').notNull(),
    createdAt: stamp('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('supervisors_project_contract_uq').on(t.projectId, t.contractNumber),
    check(
      'supervisors_method_ck',
      sql`${t.procurementMethod} in ('public_tender', 'invited_tender', 'competitive_negotiation', 'competitive_consultation', 'inquiry', 'single_source')`,
    ),
    foreignKey({ name: 'supervisors_filed_by_fkey', columns: [t.filedBy], foreignColumns: [users.id] }),
    foreignKey({
      name: 'supervisors_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [projects.id],
    }),
  ],
);
