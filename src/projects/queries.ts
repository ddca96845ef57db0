/**
 * Reads over many projects, in SQL: who may see which project as one WHERE predicate; the project
 * list with its filters, sorting, paging and total count in the database (待办 is src/workbench/queries/tasks.ts).
 * Each read runs a constant number of statements whatever the number of projects, and never
 * evaluates a rulebook per row.
 *
 * The predicate is the SQL form of `partiesOf` + `canView` (actors.ts, repository.ts), as
 * `visibleProjectIds` applied them row by row (SECURITY.md 14–15):
 *  - department: a department role in the owner or a co-building department, or in a named body
 *    the project's rulebook binds for its jurisdiction (XZ's 数据中心) — drafts included;
 *  - oversight: another business role in a named body bound for the project's jurisdiction and
 *    rulebook version — submitted projects only;
 *  - experts and evaluators: submitted projects they are assigned to.
 * Which (jurisdiction, rulebook, version) triples bind the caller's organisations is worked out in
 * memory from the cached directory and rulebook catalog; the database only compares columns.
 */
import { and, asc, count, desc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import { roleAssignments, users } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { Queryable } from '../platform/db/client.ts';
import { readAll } from '../platform/db/concurrent.ts';
import { notFound } from '../platform/errors.ts';
import { weakMemo } from '../platform/memo.ts';
import { projectExpertAssignments } from '../review/index.ts';
import {
  ASSIGNED_ONLY_ROLES,
  bindAll,
  DEPARTMENT_ROLES,
  type Directory,
  jurisdictionSubtree,
} from './actors.ts';
import { directoryOf, type WorkflowEnv } from './env.ts';
import { labelOf, PROJECT_STATES, PROJECT_TYPES } from './model.ts';
import { heldRoles } from './repository.ts';
import { projectCoBuilders, projectSubmissions, projects } from './tables.ts';
import { stepInfo } from './workflow-state.ts';

export const EXPERT_ROLES = ['expert', 'third_party_evaluator'];

/** Bindings per directory snapshot (the directory object changes when an organisation does). */
const bindingCache = weakMemo<Directory, object, Map<string, string>>();

export function bindingsFor(
  env: WorkflowEnv,
  directory: Directory,
  code: string,
  version: number,
  jurisdictionId: string,
): Map<string, string> {
  return bindingCache(directory, env.catalog.registry, `${code}@${version}@${jurisdictionId}`, () =>
    bindAll(env.catalog.registry.get(code, version), jurisdictionId, directory),
  );
}

const tupleIn = (tuples: ReadonlyArray<readonly [string, string, number]>): SQL =>
  sql`(${projects.jurisdictionId}, ${projects.rulebookCode}, ${projects.rulebookVersion}) in (${sql.join(
    tuples.map(([j, c, v]) => sql`(${j}::uuid, ${c}::text, ${v}::integer)`),
    sql`, `,
  )})`;

/** The SQL condition "the caller may see this project", or null when the caller sees none. */
export function visibilityPredicate(env: WorkflowEnv, directory: Directory, actor: Actor): SQL | null {
  const held = heldRoles(actor);
  const business = held.filter((h) => !ASSIGNED_ONLY_ROLES.includes(h.role));
  const deptOrgs = business.filter((h) => DEPARTMENT_ROLES.includes(h.role)).map((h) => h.organisationId);

  // Jurisdictions where one of the caller's organisations is a named body of the rulebook in force.
  const candidates = new Set<string>();
  for (const a of actor.assignments) {
    if (ASSIGNED_ONLY_ROLES.includes(a.role)) continue;
    for (const jId of jurisdictionSubtree(directory, a.jurisdictionId)) {
      const code = directory.jurisdictions.find((j) => j.id === jId)?.rulebookCode;
      if (!code || !env.catalog.codes.has(code)) continue;
      const latest = env.catalog.registry.get(code);
      if ([...bindingsFor(env, directory, code, latest.version, jId).values()].includes(a.organisationId))
        candidates.add(jId);
    }
  }
  // Their projects keep the rulebook version they started under: bind each version there.
  const departmentTuples: Array<[string, string, number]> = [];
  const oversightTuples: Array<[string, string, number]> = [];
  const versions = env.catalog.registry.list();
  for (const jId of [...candidates].sort()) {
    for (const rb of versions) {
      const bound = new Set(bindingsFor(env, directory, rb.id, rb.version, jId).values());
      const roles = business.filter((h) => bound.has(h.organisationId));
      if (roles.some((h) => DEPARTMENT_ROLES.includes(h.role)))
        departmentTuples.push([jId, rb.id, rb.version]);
      if (roles.some((h) => !DEPARTMENT_ROLES.includes(h.role)))
        oversightTuples.push([jId, rb.id, rb.version]);
    }
  }

  const anyTime: SQL[] = [];
  if (deptOrgs.length > 0) {
    anyTime.push(inArray(projects.ownerOrganisationId, deptOrgs));
    anyTime.push(
      inArray(
        projects.id,
        sql`(select ${projectCoBuilders.projectId} from ${projectCoBuilders} where ${inArray(projectCoBuilders.organisationId, deptOrgs)})`,
      ),
    );
  }
  if (departmentTuples.length > 0) anyTime.push(tupleIn(departmentTuples));
  const submittedOnly: SQL[] = [];
  if (oversightTuples.length > 0) submittedOnly.push(tupleIn(oversightTuples));
  if (actor.assignments.some((a) => EXPERT_ROLES.includes(a.role))) {
    submittedOnly.push(
      inArray(
        projects.id,
        sql`(select ${projectExpertAssignments.projectId} from ${projectExpertAssignments} where ${eq(projectExpertAssignments.userIndex, env.expertIndex(actor.userId))})`,
      ),
    );
  }
  if (submittedOnly.length > 0) anyTime.push(and(gt(projects.submissionCount, 0), or(...submittedOnly))!);
  return anyTime.length === 0 ? null : or(...anyTime)!;
}

export interface ListFilters {
  state?: string;
  q?: string;
  mine?: boolean;
  organisationId?: string;
  limit?: number;
  offset?: number;
}

/** The project list: visibility, filters, order (last change first), page and total, in SQL. */
export async function listProjects(db: Queryable, env: WorkflowEnv, actor: Actor, query: ListFilters) {
  const directory = await directoryOf(db, env);
  const visible = visibilityPredicate(env, directory, actor);
  const own = (orgId: string) => actor.assignments.some((a) => a.organisationId === orgId);
  // Filtering on a department the caller cannot see is answered like an unknown one.
  const unknownOrganisation = () => notFound('部门不存在或无权查看', 'ORGANISATION_NOT_FOUND');
  if (!visible) {
    if (query.organisationId && !own(query.organisationId)) throw unknownOrganisation();
    return { items: [], total: 0 };
  }
  const conditions: SQL[] = [visible];
  if (query.organisationId) {
    const byOrganisation = eq(projects.ownerOrganisationId, query.organisationId);
    if (!own(query.organisationId)) {
      const [hit] = await db
        .select({ id: projects.id })
        .from(projects)
        .where(and(visible, byOrganisation))
        .limit(1);
      if (!hit) throw unknownOrganisation();
    }
    conditions.push(byOrganisation);
  }
  if (query.state) conditions.push(eq(projects.state, query.state));
  if (query.q !== undefined) {
    const needle = query.q.trim();
    conditions.push(
      or(sql`strpos(${projects.name}, ${needle}) > 0`, sql`strpos(${projects.code}, ${needle}) > 0`)!,
    );
  }
  if (query.mine) {
    conditions.push(
      inArray(
        projects.ownerOrganisationId,
        actor.assignments.map((a) => a.organisationId),
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [counted]] = await readAll(db, [
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        type: projects.type,
        jurisdictionId: projects.jurisdictionId,
        ownerOrganisationId: projects.ownerOrganisationId,
        totalBudgetFen: projects.totalBudgetFen,
        state: projects.state,
        // Planned only through an entry of a plan whose whole chain is through (XZ 第六条, DT 第八条).
        planned: sql<boolean>`exists (select 1 from plan_entries pe join plans pl on pl.id = pe.plan_id where pe.id = ${projects.planEntryId} and pl.status = 'approved')`,
        openSteps: projects.openSteps,
        rulebookCode: projects.rulebookCode,
        rulebookVersion: projects.rulebookVersion,
        updatedAt: projects.updatedAt,
      })
      .from(projects)
      .where(where)
      .orderBy(desc(projects.updatedAt), desc(projects.id))
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0),
    db.select({ total: count() }).from(projects).where(where),
  ]);
  const jurisdictionName = new Map(directory.jurisdictions.map((j) => [j.id, j.name]));
  const organisationName = new Map(directory.organisations.map((o) => [o.id, o.name]));
  const items = rows.map((r) => {
    const rulebook = env.catalog.registry.get(r.rulebookCode, r.rulebookVersion);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      typeName: labelOf(PROJECT_TYPES, r.type),
      jurisdictionName: jurisdictionName.get(r.jurisdictionId) ?? '',
      ownerName: organisationName.get(r.ownerOrganisationId) ?? '',
      totalBudgetFen: r.totalBudgetFen,
      state: r.state,
      stateName: labelOf(PROJECT_STATES, r.state),
      planned: r.planned === true,
      openSteps: r.openSteps.map((stepId) => ({
        stepId,
        name: stepInfo(rulebook, stepId)?.step.name ?? stepId,
      })),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
  return { items, total: counted?.total ?? 0 };
}

/** The project's stored submissions (申报快照), in order; only the given sequence numbers when named. */
export async function submissionsOf(db: Queryable, projectId: string, seqs?: readonly number[]) {
  return db
    .select()
    .from(projectSubmissions)
    .where(
      and(
        eq(projectSubmissions.projectId, projectId),
        seqs ? inArray(projectSubmissions.seq, [...seqs]) : undefined,
      ),
    )
    .orderBy(asc(projectSubmissions.seq));
}

/** The users holding a role in an organisation (for 转办), disabled ones included and flagged. */
export async function roleHolders(db: Queryable, role: string, organisationId: string) {
  return db
    .select({ userId: roleAssignments.userId, name: users.displayName, disabled: users.disabled })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, role), eq(roleAssignments.organisationId, organisationId)))
    .orderBy(asc(users.displayName), asc(roleAssignments.userId));
}
