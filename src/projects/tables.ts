/**
 * Tables of plans, projects and their way to 立项 (issue 5). Money is integer fen (bigint), never a
 * float. Every workflow transition locks its project row and bumps `version`; edits compare
 * `version` (409 VERSION_CONFLICT). Attachments live as SM4-encrypted files under server-generated
 * names (src/projects/files.ts); the table keeps their hashes, size, original name and kind.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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
import { informationResources, informationSystems } from '../catalog/tables.ts';
import { users } from '../identity/tables.ts';
import { fen, stamp } from '../platform/db/columns.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';

/** 规划 / 年度计划 (DT-08, SC-07, XZ-06): the authority's, or a department's filed with it. */
/** One decision of a plan's chain, as stored. */
export interface PlanDecisionRecord {
  stepId: string;
  decision: 'approve' | 'return' | 'refuse';
  opinion: string;
  userId: string;
  role: string;
  organisationId: string;
  at: string;
}

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The compiling organisation: the authority, or the department / county filing its plan. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    scope: text('scope').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The year of an annual plan; the first year of a multi-year plan. */
    year: integer('year').notNull(),
    endYear: integer('end_year').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status').notNull().default('draft'),
    /** Who submitted it: they may not decide it (issue 9 item 6). */
    submittedBy: uuid('submitted_by'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: stamp('decided_at'),
    decisionOpinion: text('decision_opinion'),
    /** The pending step of the rulebook's plan chain (`Rulebook.planning`); null outside it. */
    currentStep: text('current_step'),
    /** The chain's decisions so far, in order (XZ 第六条, DT 第八条). */
    decisions: jsonb('decisions').$type<PlanDecisionRecord[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: stamp('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('plans_jurisdiction_idx').on(t.jurisdictionId),
    check('plans_scope_ck', sql`${t.scope} in ('jurisdiction', 'department')`),
    check('plans_kind_ck', sql`${t.kind} in ('overall', 'annual')`),
    check(
      'plans_status_ck',
      sql`${t.status} in ('draft', 'submitted', 'approved', 'filed', 'returned', 'refused')`,
    ),
    check('plans_years_ck', sql`${t.year} between 2000 and 2100 and ${t.endYear} >= ${t.year}`),
    // Foreign keys a hand-written migration created inline keep PostgreSQL's `<table>_<column>_fkey` name
    // (drizzle's `.references()` would declare `..._fk`, and db:generate would then rename them).
    foreignKey({ name: 'plans_submitted_by_fkey', columns: [t.submittedBy], foreignColumns: [users.id] }),
  ],
);

/** 计划条目: a department's intended project with its estimated budget and year. */
export const planEntries = pgTable(
  'plan_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    projectName: text('project_name').notNull(),
    estimatedBudgetFen: fen('estimated_budget_fen').notNull(),
    year: integer('year').notNull(),
    summary: text('summary').notNull().default(''),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('plan_entries_plan_idx').on(t.planId),
    index('plan_entries_org_idx').on(t.organisationId),
    check('plan_entries_budget_ck', sql`${t.estimatedBudgetFen} >= 0`),
  ],
);

/** One government IT project, from its draft on. The rulebook version is kept for its whole life. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    rulebookCode: text('rulebook_code').notNull(),
    rulebookVersion: integer('rulebook_version').notNull(),
    /** The lead (applying) department; co-builders are in project_co_builders. */
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    type: text('type').notNull(),
    category: text('category').notNull(),
    fundingMode: text('funding_mode').notNull(),
    summary: text('summary').notNull().default(''),
    planEntryId: uuid('plan_entry_id').references(() => planEntries.id),
    parentProjectId: uuid('parent_project_id'),
    /** The part of the parent (city) project this (county) project carries (DT-06, DT-16). */
    shareOfParentFen: fen('share_of_parent_fen'),
    totalBudgetFen: fen('total_budget_fen').notNull(),
    dedicatedNetwork: boolean('dedicated_network').notNull().default(false),
    /** 涉密项目: outside SC 第二条, JC 三, XZ 第三条 (migration 0007). */
    classified: boolean('classified').notNull().default(false),
    dedicatedNetworkBasis: text('dedicated_network_basis'),
    /** 项目责任人 (SC-15, JC-05-4). The phone number is an SM4 envelope (SECURITY.md 30). */
    ownerPersonName: text('owner_person_name'),
    ownerPersonTitle: text('owner_person_title'),
    ownerPersonPhone: text('owner_person_phone'),
    performanceTargets: jsonb('performance_targets')
      .$type<{ indicator: string; target: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    cloudServices: jsonb('cloud_services')
      .$type<{ serviceId: string | null; name: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    declarations: jsonb('declarations').$type<Record<string, boolean>>().notNull().default(sql`'{}'::jsonb`),
    state: text('state').notNull().default('draft'),
    openSteps: jsonb('open_steps').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    submissionCount: integer('submission_count').notNull().default(0),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.code),
    index('projects_jurisdiction_idx').on(t.jurisdictionId),
    index('projects_owner_idx').on(t.ownerOrganisationId),
    // The project list: a department's projects in a state, last change first (docs/benchmarks.md).
    // No index on (updated_at desc, id desc) alone (dropped by migration 0024): PostgreSQL chose it for
    // a department's page and skipped every newer row of the other departments (docs/benchmarks.md).
    // NULLS FIRST is PostgreSQL's default for DESC, as migration 0023 made them and as `order by ... desc`
    // reads them (drizzle's `.desc()` alone would declare NULLS LAST).
    index('projects_owner_state_updated_idx').on(
      t.ownerOrganisationId,
      t.state,
      t.updatedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('projects_parent_idx').on(t.parentProjectId),
    check('projects_type_ck', sql`${t.type} in ('new', 'expansion', 'upgrade', 'maintenance')`),
    check(
      'projects_category_ck',
      sql`${t.category} in ('application_system', 'network_infrastructure', 'data_resource', 'information_security')`,
    ),
    check(
      'projects_funding_ck',
      sql`${t.fundingMode} in ('government_investment', 'joint_construction', 'purchase_of_services', 'funded_om')`,
    ),
    check('projects_budget_ck', sql`${t.totalBudgetFen} >= 0 and coalesce(${t.shareOfParentFen}, 0) >= 0`),
    check(
      'projects_state_ck',
      sql`${t.state} in ('draft', 'returned', 'withdrawn', 'in_review', 'in_approval', 'established', 'recorded', 'refused')`,
    ),
  ],
);

export const projectBudgetYears = pgTable(
  'project_budget_years',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    amountFen: fen('amount_fen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.year] }),
    check('project_budget_years_ck', sql`${t.amountFen} >= 0 and ${t.year} between 2000 and 2100`),
  ],
);

/** 共建部门 (DT-09a): departments building the project with the lead department. */
export const projectCoBuilders = pgTable(
  'project_co_builders',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organisationId] }),
    index('project_co_builders_org_idx').on(t.organisationId),
  ],
);

/**
 * The systems a project builds or changes (DT-11, SC-10, XZ-08a): a catalog system by id, or a
 * system named by the applicant that is not (yet) in the catalog — which the rules refuse.
 */
export const projectSystems = pgTable(
  'project_systems',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    systemId: uuid('system_id').references(() => informationSystems.id),
    proposedName: text('proposed_name'),
    relation: text('relation').notNull(),
  },
  (t) => [
    index('project_systems_project_idx').on(t.projectId),
    check('project_systems_relation_ck', sql`${t.relation} in ('builds', 'changes')`),
    check('project_systems_ref_ck', sql`(${t.systemId} is null) <> (${t.proposedName} is null)`),
  ],
);

/** Data resources the project produces or uses (DT-10). */
export const projectResources = pgTable(
  'project_resources',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => informationResources.id),
    relation: text('relation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.resourceId] }),
    check('project_resources_relation_ck', sql`${t.relation} in ('produces', 'uses')`),
  ],
);

/** Uploaded materials and decision documents; the bytes are an SM4 file named `storage_name`. */
export const projectMaterials = pgTable(
  'project_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    materialCode: text('material_code').notNull(),
    /** The step whose actor attached it as a decision document; null for application materials. */
    stepId: text('step_id'),
    originalName: text('original_name').notNull(),
    storageName: text('storage_name').notNull(),
    kind: text('kind').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    sm3: text('sm3').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: stamp('uploaded_at').notNull(),
    removedAt: stamp('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
  },
  (t) => [
    index('project_materials_project_idx').on(t.projectId),
    uniqueIndex('project_materials_storage_uq').on(t.storageName),
  ],
);

/** Each submission freezes the application: JSON snapshot with the attached files' hashes. */
export const projectSubmissions = pgTable(
  'project_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    seq: integer('seq').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: stamp('submitted_at').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    /** SM3 of the canonical JSON of the snapshot. */
    snapshotHash: text('snapshot_hash').notNull(),
  },
  (t) => [uniqueIndex('project_submissions_seq_uq').on(t.projectId, t.seq)],
);

/**
 * The project's history. `kind = 'step'` rows are the rulebook's events (event + step); a 退回 or
 * 撤回 voids one of them (`voided_by`) instead of deleting it. Decisions carry an SM2 signature.
 */
export const projectActions = pgTable(
  'project_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    at: stamp('at').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    stepId: text('step_id'),
    event: text('event'),
    targetStepId: text('target_step_id'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorName: text('actor_name'),
    role: text('role'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    opinion: text('opinion'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    signature: jsonb('signature').$type<Record<string, string>>(),
    submissionSeq: integer('submission_seq'),
    voidedBy: bigint('voided_by', { mode: 'number' }),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('project_actions_project_idx').on(t.projectId, t.id),
    uniqueIndex('project_actions_idempotency_uq')
      .on(t.projectId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);

/** 转办: a step's task handed to one user; cleared when the step is done. */
export const projectStepHolders = pgTable(
  'project_step_holders',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    stepId: text('step_id').notNull(),
    holderUserId: uuid('holder_user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: stamp('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.stepId] })],
);
