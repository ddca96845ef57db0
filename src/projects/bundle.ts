/**
 * One project with everything its rulebook evaluation needs (a "bundle"): one statement, the project
 * row with its child rows as JSON, and what the evaluation reads of it (parties, stored actions,
 * provided materials).
 */
import { type Column, eq, type Placeholder, type SQL, sql, type Table } from 'drizzle-orm';
import { informationSystems } from '../catalog/index.ts';
import { rectificationOrders } from '../construction/index.ts';
import { type Db, isDatabaseHandle, type Queryable } from '../platform/db/client.ts';
import { jsonArray, jsonShape, tableShape } from '../platform/db/json-rows.ts';
import { projectCertificates, projectExpertAssignments, projectReviews } from '../review/index.ts';
import type { ProjectParties } from './actors.ts';
import type { SystemCatalogRow, SystemLink } from './catalog-link.ts';
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
import type { StoredAction } from './workflow-state.ts';

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
  /**
   * The distinct states of the project's rectification orders (src/construction), read in the
   * bundle's one statement: the only place projects reads construction's table.
   */
  rectificationStates: string[];
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
      coBuilders: jsonArray(s.coBuilders, of(projectCoBuilders), sql`${projectCoBuilders.organisationId}`),
      systems: jsonArray(s.systems, of(projectSystems), sql`${projectSystems.id}`),
      catalog: jsonArray(
        s.catalog,
        sql`from ${informationSystems} where ${informationSystems.id} in (select ${projectSystems.systemId} from ${projectSystems} where ${projectSystems.projectId} = ${projects.id})`,
      ),
      resources: jsonArray(s.resources, of(projectResources), sql`${projectResources.resourceId}`),
      materials: jsonArray(
        s.materials,
        sql`from ${projectMaterials} where ${projectMaterials.projectId} = ${projects.id} and ${projectMaterials.removedAt} is null`,
        sql`${projectMaterials.uploadedAt}, ${projectMaterials.id}`,
      ),
      actions: jsonArray(s.actions, of(projectActions), sql`${projectActions.id}`),
      reviews: jsonArray(s.reviews, of(projectReviews)),
      holders: jsonArray(s.holders, of(projectStepHolders)),
      certificates: jsonArray(
        s.certificates,
        of(projectCertificates),
        sql`${projectCertificates.createdAt}, ${projectCertificates.id}`,
      ),
      assignments: jsonArray(
        s.assignments,
        of(projectExpertAssignments),
        sql`${projectExpertAssignments.assignedAt}, ${projectExpertAssignments.id}`,
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
