/**
 * Reading projects: one project with everything its rulebook evaluation needs (a "bundle"), the
 * directory of jurisdictions and organisations, and the evaluation context built from them. Rows
 * stay in this layer and the commands; routes answer with presenters (present.ts).
 *
 * The rulebook catalog and the working-day calendar are loaded on the database handle *before* a
 * command opens its transaction (`loadWorkflowEnv`): an embedded PGlite has one connection, and a
 * query on the bare handle inside a transaction would wait for it forever.
 */
import { type Column, eq, inArray, or, type Placeholder, type SQL, sql, type Table } from 'drizzle-orm';
import { CALENDAR_STAMP, loadCalendar } from '../calendar/repository.ts';
import type { WorkingDayCalendar } from '../calendar/types.ts';
import { informationSystems } from '../catalog/tables.ts';
import { rectificationOrders } from '../construction/tables.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { type Db, isDatabaseHandle, type Queryable, queryRows } from '../db/client.ts';
import { readAll } from '../db/concurrent.ts';
import { jsonArray, jsonShape, tableShape } from '../db/json-rows.ts';
import { preparedPerHandle } from '../db/prepared.ts';
import { jurisdictions, organisations } from '../db/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { projectCertificates, projectExpertAssignments, projectReviews } from '../review/tables.ts';
import { loadRulebookCatalog, RULEBOOK_STAMP, type RulebookCatalog } from '../rulebooks/repository.ts';
import { evaluateProject, type ProjectEvaluation, type ProjectFacts, type Rulebook } from '../rules/index.ts';
import { type Clock, chinaDate } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';
import {
  ASSIGNED_ONLY_ROLES,
  bindAll,
  DEPARTMENT_ROLES,
  type Directory,
  type HeldRole,
  jurisdictionChain,
  jurisdictionSubtree,
  type Party,
  type ProjectParties,
  partiesOf,
} from './actors.ts';
import { catalogSystems, type SystemCatalogRow, type SystemLink } from './catalog-link.ts';
import { expertIndex } from './expert-identity.ts';
import type { Declarations, ReviewFindings } from './model.ts';
import {
  planEntries,
  plans,
  projectActions,
  projectBudgetYears,
  projectCoBuilders,
  projectMaterials,
  projectResources,
  projectStepHolders,
  projectSystems,
  projects,
} from './tables.ts';
import { projectFacts, rulebookEvents, type StoredAction, standingFindings } from './workflow-state.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type ActionRow = typeof projectActions.$inferSelect;
export type MaterialRow = typeof projectMaterials.$inferSelect;
export type ReviewRow = typeof projectReviews.$inferSelect;
export type CertificateRow = typeof projectCertificates.$inferSelect;
export type HolderRow = typeof projectStepHolders.$inferSelect;
export type AssignmentRow = typeof projectExpertAssignments.$inferSelect;

export interface ProjectBundle {
  project: ProjectRow;
  budgetYears: { year: number; amountFen: bigint }[];
  coBuilderIds: string[];
  systems: SystemLink[];
  resources: { resourceId: string; relation: string }[];
  materials: MaterialRow[];
  actions: ActionRow[];
  review: ReviewRow | null;
  holders: HolderRow[];
  certificates: CertificateRow[];
  assignments: AssignmentRow[];
  plan: {
    entryId: string;
    planId: string;
    planTitle: string;
    planStatus: string;
    projectName: string;
    year: number;
    estimatedBudgetFen: bigint;
    organisationId: string;
  } | null;
  /** The catalog rows of the project's systems (for `catalogSystems`). */
  systemCatalog?: SystemCatalogRow[];
  /** The distinct states of the project's rectification orders. */
  rectificationStates?: string[];
  /** The values of `extras` asked of loadBundle, by name. */
  extras?: Record<string, unknown>;
}

const bundleShapes = {
  budgetYears: jsonShape({ year: projectBudgetYears.year, amountFen: projectBudgetYears.amountFen }),
  coBuilders: jsonShape({ organisationId: projectCoBuilders.organisationId }),
  systems: jsonShape({
    id: projectSystems.id,
    systemId: projectSystems.systemId,
    proposedName: projectSystems.proposedName,
    relation: projectSystems.relation,
  }),
  catalog: jsonShape({
    id: informationSystems.id,
    code: informationSystems.code,
    name: informationSystems.name,
    status: informationSystems.status,
    jurisdictionId: informationSystems.jurisdictionId,
  }),
  resources: jsonShape({ resourceId: projectResources.resourceId, relation: projectResources.relation }),
  materials: tableShape(projectMaterials),
  actions: tableShape(projectActions),
  reviews: tableShape(projectReviews),
  holders: tableShape(projectStepHolders),
  certificates: tableShape(projectCertificates),
  assignments: tableShape(projectExpertAssignments),
  plan: jsonShape({
    entryId: planEntries.id,
    planId: plans.id,
    planTitle: plans.title,
    planStatus: plans.status,
    projectName: planEntries.projectName,
    year: planEntries.year,
    estimatedBudgetFen: planEntries.estimatedBudgetFen,
    organisationId: planEntries.organisationId,
  }),
};

function bundleQuery(q: Queryable, id: string | Placeholder, extras: BundleExtras | undefined) {
  const s = bundleShapes;
  const of = (table: Table & { projectId: Column }) =>
    sql`from ${table} where ${table.projectId} = ${projects.id}`;
  return q
    .select({
      project: projects,
      budgetYears: jsonArray(s.budgetYears, of(projectBudgetYears), sql`${projectBudgetYears.year}`),
      coBuilders: jsonArray(s.coBuilders, of(projectCoBuilders)),
      systems: jsonArray(s.systems, of(projectSystems), sql`${projectSystems.id}`),
      catalog: jsonArray(
        s.catalog,
        sql`from ${informationSystems} where ${informationSystems.id} in (select ${projectSystems.systemId} from ${projectSystems} where ${projectSystems.projectId} = ${projects.id})`,
      ),
      resources: jsonArray(s.resources, of(projectResources)),
      materials: jsonArray(
        s.materials,
        sql`from ${projectMaterials} where ${projectMaterials.projectId} = ${projects.id} and ${projectMaterials.removedAt} is null`,
        sql`${projectMaterials.uploadedAt}`,
      ),
      actions: jsonArray(s.actions, of(projectActions), sql`${projectActions.id}`),
      reviews: jsonArray(s.reviews, of(projectReviews)),
      holders: jsonArray(s.holders, of(projectStepHolders)),
      certificates: jsonArray(s.certificates, of(projectCertificates), sql`${projectCertificates.createdAt}`),
      assignments: jsonArray(
        s.assignments,
        of(projectExpertAssignments),
        sql`${projectExpertAssignments.assignedAt}`,
      ),
      // Wrapped once more: drizzle unqualifies the top-level columns of a single-table select.
      plan: sql`${sql`(select ${s.plan.object} from ${planEntries} join ${plans} on ${plans.id} = ${planEntries.planId} where ${planEntries.id} = ${projects.planEntryId})`}`,
      // The rectification facts come only from the rectification orders (src/construction).
      rectificationStates: sql`${sql`coalesce((select json_agg(distinct ${rectificationOrders.state}) from ${rectificationOrders} where ${rectificationOrders.projectId} = ${projects.id}), '[]'::json)`}`,
      ...Object.fromEntries(Object.entries(extras ?? {}).map(([k, v]) => [`extra_${k}`, sql`${v}`])),
    })
    .from(projects)
    .where(eq(projects.id, id));
}

/** The bundle's statement prepared per handle and per set of extras (detail or none). */
const bundleStatements = new WeakMap<Db, Map<BundleExtras | undefined, ReturnType<typeof prepareBundle>>>();
const extrasNames = new Map<BundleExtras | undefined, string>();
const prepareBundle = (db: Db, extras: BundleExtras | undefined) => {
  let name = extrasNames.get(extras);
  if (!name) {
    name = `project_bundle_${extrasNames.size}`;
    extrasNames.set(extras, name);
  }
  return bundleQuery(db, sql.placeholder('id'), extras).prepare(name);
};
function preparedBundle(db: Db, extras: BundleExtras | undefined) {
  let byExtras = bundleStatements.get(db);
  if (!byExtras) {
    byExtras = new Map();
    bundleStatements.set(db, byExtras);
  }
  let prepared = byExtras.get(extras);
  if (!prepared) {
    prepared = prepareBundle(db, extras);
    byExtras.set(extras, prepared);
  }
  return prepared;
}

/** Extra columns of the bundle's statement (correlated subqueries on `projects`), decoded by the caller. */
export type BundleExtras = Record<string, SQL>;

/**
 * Everything the evaluation of a project needs, or null when the project does not exist: one
 * statement, the project row with its child rows as JSON (issue 11). With `lock`, the project row
 * is locked first and the rest read after the lock is held (a fresh snapshot under READ COMMITTED).
 */
export async function loadBundle(
  q: Queryable,
  id: string,
  options: { lock?: boolean; extras?: BundleExtras } = {},
): Promise<ProjectBundle | null> {
  if (options.lock) {
    const [locked] = await q
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, id))
      .for('update');
    if (!locked) return null;
  }
  const [row] =
    isDatabaseHandle(q) && !options.lock
      ? await preparedBundle(q, options.extras).execute({ id })
      : await bundleQuery(q, id, options.extras);
  const s = bundleShapes;
  if (!row) return null;
  const raw = row as unknown as Record<string, unknown>;
  const rows = <T>(key: string, decode: (r: Record<string, unknown>) => T): T[] =>
    (raw[key] as Record<string, unknown>[]).map(decode);
  const catalog = rows('catalog', s.catalog.decode);
  const reviews = rows('reviews', s.reviews.decode);
  return {
    project: row.project,
    budgetYears: rows('budgetYears', s.budgetYears.decode),
    coBuilderIds: rows('coBuilders', s.coBuilders.decode).map((c) => c.organisationId),
    systems: rows('systems', s.systems.decode),
    systemCatalog: catalog,
    resources: rows('resources', s.resources.decode),
    materials: rows('materials', s.materials.decode),
    actions: rows('actions', s.actions.decode),
    review: reviews[0] ?? null,
    holders: rows('holders', s.holders.decode),
    certificates: rows('certificates', s.certificates.decode),
    assignments: rows('assignments', s.assignments.decode),
    plan: raw.plan ? s.plan.decode(raw.plan as Record<string, unknown>) : null,
    rectificationStates: raw.rectificationStates as string[],
    extras: Object.fromEntries(Object.keys(options.extras ?? {}).map((k) => [k, raw[`extra_${k}`]])),
  };
}

/**
 * The directory is cached per database handle and revalidated on every call by one small query:
 * jurisdictions are only ever added, organisations are added or edited with a version bump, so the
 * row counts and the sum of versions change whenever anything in it does (also when another app
 * server sharing the database changed it). Inside a transaction it is read afresh.
 */
const directoryCache = new WeakMap<object, { stamp: string; directory: Directory }>();

const DIRECTORY_STAMP = sql`concat_ws('/', (select count(*) from ${jurisdictions}), (select count(*) from ${organisations}), (select coalesce(sum(${organisations.version}), 0) from ${organisations}))`;

/** `stamp`: DIRECTORY_STAMP as just read by the caller together with other stamps (loadWorkflowEnv). */
export async function loadDirectory(q: Queryable, stamp?: string): Promise<Directory> {
  if (!isDatabaseHandle(q)) return readDirectory(q);
  const key =
    stamp ?? (await queryRows<{ stamp: string }>(q, sql`select ${DIRECTORY_STAMP} as stamp`))[0].stamp;
  const hit = directoryCache.get(q);
  if (hit && hit.stamp === key) return hit.directory;
  const directory = await readDirectory(q);
  directoryCache.set(q, { stamp: key, directory });
  return directory;
}

/**
 * The directory for a read: the snapshot loaded with the environment on the database handle (no
 * statement), read afresh inside a transaction.
 */
export function directoryOf(q: Queryable, env: WorkflowEnv): Promise<Directory> | Directory {
  return isDatabaseHandle(q) ? env.directory : loadDirectory(q);
}

async function readDirectory(q: Queryable): Promise<Directory> {
  const [js, os] = await readAll(q, [
    q
      .select({
        id: jurisdictions.id,
        code: jurisdictions.code,
        name: jurisdictions.name,
        parentId: jurisdictions.parentId,
        rulebookCode: jurisdictions.rulebookCode,
      })
      .from(jurisdictions),
    q
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        jurisdictionId: organisations.jurisdictionId,
        parentId: organisations.parentId,
      })
      .from(organisations),
  ]);
  return { jurisdictions: js, organisations: os };
}

/** The rulebook catalog and the calendar, loaded before a transaction opens. */
export interface WorkflowEnv {
  catalog: RulebookCatalog;
  calendar: WorkingDayCalendar;
  today: string;
  now: Date;
  /** Blind index of a user id as stored for expert assignments (SECURITY.md 30; expert-identity.ts). */
  expertIndex(userId: string): string;
  /** The directory as of this load (reads on the database handle; a transaction reads its own). */
  directory: Directory;
}

const preparedStamps = preparedPerHandle((db) =>
  db
    .select({
      rulebooks: sql<string>`${RULEBOOK_STAMP}`,
      calendar: sql<string>`${CALENDAR_STAMP}`,
      directory: sql<string>`${DIRECTORY_STAMP}`,
    })
    .from(sql`(values (1)) as one`)
    .prepare('workflow_env_stamps'),
);

/**
 * One statement checks the three cached snapshots (rulebooks, calendar, directory) at once; a
 * snapshot is read again only when its stamp changed (issue 11: statements per request).
 */
export async function loadWorkflowEnv(db: Db, clock: Clock, keyring: Keyring): Promise<WorkflowEnv> {
  const [stamps] = await preparedStamps(db).execute();
  const [catalog, calendar, directory] = await Promise.all([
    loadRulebookCatalog(db, stamps.rulebooks),
    loadCalendar(db, stamps.calendar),
    loadDirectory(db, stamps.directory),
  ]);
  const now = clock.now();
  return {
    directory,
    catalog,
    calendar,
    today: chinaDate(now),
    now,
    expertIndex: (userId) => expertIndex(keyring, userId),
  };
}

/** The rulebook a jurisdiction runs under, or null when it has none. */
export function rulebookCodeOf(directory: Directory, jurisdictionId: string): string | null {
  return directory.jurisdictions.find((j) => j.id === jurisdictionId)?.rulebookCode ?? null;
}

export function parties(bundle: ProjectBundle): ProjectParties {
  return {
    jurisdictionId: bundle.project.jurisdictionId,
    ownerOrganisationId: bundle.project.ownerOrganisationId,
    coBuilderIds: bundle.coBuilderIds,
  };
}

export const storedActions = (actions: readonly ActionRow[]): StoredAction[] =>
  actions.map((a) => ({
    id: a.id,
    kind: a.kind,
    stepId: a.stepId,
    event: a.event,
    details: a.details,
    onDate: a.onDate,
    actorUserId: a.actorUserId,
    voidedBy: a.voidedBy,
    ref: typeof a.details?.ref === 'string' ? a.details.ref : null,
  }));

/** Material codes the project has: uploads plus the documents the platform issued. */
export function providedMaterials(bundle: ProjectBundle): string[] {
  const codes = new Set(bundle.materials.map((m) => m.materialCode));
  if (bundle.certificates.some((c) => c.kind === 'filing' && c.revokedAt === null))
    codes.add('filing_certificate');
  // An opinion an assigned expert or evaluator gave on the platform is that material (DT-09d):
  // the step no longer shows it as missing once it has arrived (issue 17 item 12).
  if (bundle.assignments.some((a) => a.opinion !== null)) codes.add('expert_opinion');
  return [...codes];
}

export interface ProjectContext {
  bundle: ProjectBundle;
  rulebook: Rulebook;
  directory: Directory;
  bindings: Map<string, string>;
  facts: ProjectFacts;
  evaluation: ProjectEvaluation;
  systemsInCatalog: boolean | null;
  systemDetails: Awaited<ReturnType<typeof catalogSystems>>;
  env: WorkflowEnv;
}

export async function projectContext(
  q: Queryable,
  env: WorkflowEnv,
  bundle: ProjectBundle,
): Promise<ProjectContext> {
  const directory = await directoryOf(q, env);
  const rulebook = env.catalog.registry.get(bundle.project.rulebookCode, bundle.project.rulebookVersion);
  const bindings = bindAll(rulebook, bundle.project.jurisdictionId, directory);
  const chain = jurisdictionChain(directory, bundle.project.jurisdictionId).map((j) => j.id);
  const systemDetails = await catalogSystems(q, chain, bundle.systems, bundle.systemCatalog);
  const systemsInCatalog = systemDetails.length === 0 ? null : systemDetails.every((s) => s.inCatalog);
  const facts = projectFacts({
    type: bundle.project.type,
    planned: bundle.plan?.planStatus === 'approved',
    budgetYears: bundle.budgetYears.length,
    coBuilders: bundle.coBuilderIds.length,
    declarations: bundle.project.declarations as Declarations,
    findings: (bundle.review?.findings ?? {}) as ReviewFindings,
    stepFindings: standingFindings(storedActions(bundle.actions)),
    dedicatedNetwork: bundle.project.dedicatedNetwork,
    dedicatedNetworkBasis: bundle.project.dedicatedNetworkBasis,
    systemsInCatalog,
    materialCodes: providedMaterials(bundle),
  });
  // The rectification facts come only from the rectification orders (src/construction).
  const outcomes =
    bundle.rectificationStates ??
    (
      await q
        .selectDistinct({ state: rectificationOrders.state })
        .from(rectificationOrders)
        .where(eq(rectificationOrders.projectId, bundle.project.id))
    ).map((o) => o.state);
  if (outcomes.includes('refused')) facts.rectificationRefused = true;
  if (outcomes.includes('failed')) facts.rectificationFailed = true;
  const evaluation = evaluateProject(rulebook, {
    facts,
    events: rulebookEvents(storedActions(bundle.actions)),
    today: env.today,
    calendar: env.calendar,
  });
  return { bundle, rulebook, directory, bindings, facts, evaluation, systemsInCatalog, systemDetails, env };
}

export function heldRoles(actor: Actor): HeldRole[] {
  return actor.assignments.map((a) => ({ role: a.role, organisationId: a.organisationId }));
}

export interface Relation {
  parties: Set<Party>;
  /** The caller's expert or evaluator assignment on this project. */
  assignment: AssignmentRow | null;
}

export function relationOf(actor: Actor, pc: Pick<ProjectContext, 'bundle' | 'bindings' | 'env'>): Relation {
  const partySet = partiesOf(heldRoles(actor), parties(pc.bundle), pc.bindings);
  const assignment =
    pc.bundle.assignments.find(
      (a) =>
        a.userIndex === pc.env.expertIndex(actor.userId) &&
        actor.assignments.some((r) => r.role === (a.kind === 'expert' ? 'expert' : 'third_party_evaluator')),
    ) ?? null;
  return { parties: partySet, assignment };
}

/** Drafts (never submitted) are the department's own; everyone else sees submitted projects only. */
export function canView(relation: Relation, bundle: ProjectBundle): boolean {
  if (relation.parties.has('department')) return true;
  if (bundle.project.submissionCount === 0) return false;
  return relation.parties.has('oversight') || relation.assignment !== null;
}

/** The project as the caller may see it, or 404 (absent and invisible look the same). */
export async function visibleContext(
  q: Queryable,
  env: WorkflowEnv,
  actor: Actor,
  id: string,
  options: { lock?: boolean; extras?: BundleExtras } = {},
): Promise<{ pc: ProjectContext; relation: Relation }> {
  const bundle = await loadBundle(q, id, options);
  if (!bundle) throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
  const pc = await projectContext(q, env, bundle);
  const relation = relationOf(actor, pc);
  if (!canView(relation, bundle)) throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
  return { pc, relation };
}

/**
 * Whether the caller may see the project: the check a reference in a write passes (a parent
 * project named in a draft), so that absent and invisible answer alike (issue 9 item 2).
 */
export async function canSeeProject(
  q: Queryable,
  env: WorkflowEnv,
  actor: Actor,
  id: string,
): Promise<boolean> {
  const bundle = await loadBundle(q, id);
  if (!bundle) return false;
  const pc = await projectContext(q, env, bundle);
  return canView(relationOf(actor, pc), bundle);
}

/**
 * Ids of the projects the caller may see (SECURITY.md 14–15): own and co-built projects for a
 * department, the projects of every jurisdiction whose rulebook names the caller's organisation
 * (the authority, the approval bureau, leadership bodies — also of a parent jurisdiction, as XZ's
 * city bodies), and assigned projects for experts and evaluators.
 */
export async function visibleProjectIds(q: Queryable, env: WorkflowEnv, actor: Actor): Promise<string[]> {
  const directory = await loadDirectory(q);
  const held = heldRoles(actor);
  const deptOrgs = held.filter((h) => DEPARTMENT_ROLES.includes(h.role)).map((h) => h.organisationId);
  const bindingsCache = new Map<string, Map<string, string>>();
  const bindingsFor = (code: string, version: number, jurisdictionId: string) => {
    const key = `${code}@${version}@${jurisdictionId}`;
    let found = bindingsCache.get(key);
    if (!found) {
      found = bindAll(env.catalog.registry.get(code, version), jurisdictionId, directory);
      bindingsCache.set(key, found);
    }
    return found;
  };
  const candidateJurisdictions = new Set<string>();
  for (const a of actor.assignments) {
    if (ASSIGNED_ONLY_ROLES.includes(a.role)) continue;
    for (const jId of jurisdictionSubtree(directory, a.jurisdictionId)) {
      const code = directory.jurisdictions.find((j) => j.id === jId)?.rulebookCode;
      if (!code || !env.catalog.codes.has(code)) continue;
      const latest = env.catalog.registry.get(code);
      if ([...bindingsFor(code, latest.version, jId).values()].includes(a.organisationId))
        candidateJurisdictions.add(jId);
    }
  }
  const assigned = await q
    .select({ projectId: projectExpertAssignments.projectId })
    .from(projectExpertAssignments)
    .where(eq(projectExpertAssignments.userIndex, env.expertIndex(actor.userId)));
  const assignedIds = actor.assignments.some((a) => a.role === 'expert' || a.role === 'third_party_evaluator')
    ? assigned.map((a) => a.projectId)
    : [];
  const coBuilt =
    deptOrgs.length > 0
      ? (
          await q
            .select({ projectId: projectCoBuilders.projectId })
            .from(projectCoBuilders)
            .where(inArray(projectCoBuilders.organisationId, deptOrgs))
        ).map((r) => r.projectId)
      : [];
  const candidateIds = new Set<string>([...assignedIds, ...coBuilt]);
  const conditions: SQL[] = [];
  if (deptOrgs.length > 0) conditions.push(inArray(projects.ownerOrganisationId, deptOrgs));
  if (candidateIds.size > 0) conditions.push(inArray(projects.id, [...candidateIds]));
  if (candidateJurisdictions.size > 0)
    conditions.push(inArray(projects.jurisdictionId, [...candidateJurisdictions]));
  if (conditions.length === 0) return [];
  const rows = await q
    .select({
      id: projects.id,
      jurisdictionId: projects.jurisdictionId,
      ownerOrganisationId: projects.ownerOrganisationId,
      rulebookCode: projects.rulebookCode,
      rulebookVersion: projects.rulebookVersion,
      submissionCount: projects.submissionCount,
    })
    .from(projects)
    .where(or(...conditions));
  const coBuildersOf = new Map<string, string[]>();
  if (rows.length > 0) {
    const ids = rows.map((r) => r.id);
    for (const r of await q
      .select()
      .from(projectCoBuilders)
      .where(inArray(projectCoBuilders.projectId, ids))) {
      coBuildersOf.set(r.projectId, [...(coBuildersOf.get(r.projectId) ?? []), r.organisationId]);
    }
  }
  const visible: string[] = [];
  for (const row of rows) {
    const relevant =
      deptOrgs.includes(row.ownerOrganisationId) ||
      candidateIds.has(row.id) ||
      candidateJurisdictions.has(row.jurisdictionId);
    if (!relevant) continue;
    const partySet = partiesOf(
      held,
      {
        jurisdictionId: row.jurisdictionId,
        ownerOrganisationId: row.ownerOrganisationId,
        coBuilderIds: coBuildersOf.get(row.id) ?? [],
      },
      bindingsFor(row.rulebookCode, row.rulebookVersion, row.jurisdictionId),
    );
    const submitted = row.submissionCount > 0;
    if (
      partySet.has('department') ||
      (submitted && (partySet.has('oversight') || assignedIds.includes(row.id)))
    ) {
      visible.push(row.id);
    }
  }
  return visible;
}
