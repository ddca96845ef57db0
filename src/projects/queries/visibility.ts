/**
 * Who may see which project, in SQL: one WHERE predicate for the reads over many projects (the
 * project list is list.ts, 待办 src/workbench/queries/tasks.ts). Each read runs a constant number of
 * statements whatever the number of projects, and never evaluates a rulebook per row.
 *
 * The predicate is the SQL form of `partiesOf` + `canView` (actors.ts, repository.ts), which decide
 * one loaded project (SECURITY.md 14–15); `visibleProjectIds` is the predicate's ids for the reads
 * that take a list of ids:
 *  - department: a department role in the owner or a co-building department, or in a named body
 *    the project's rulebook binds for its jurisdiction (XZ's 数据中心) — drafts included;
 *  - oversight: another business role in a named body bound for the project's jurisdiction and
 *    rulebook version — submitted projects only;
 *  - experts and evaluators: submitted projects they are assigned to.
 * Which (jurisdiction, rulebook, version) triples bind the caller's organisations is worked out in
 * memory from the cached directory and rulebook catalog; the database only compares columns.
 */
import { and, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import { REVIEW_ASSIGNEES } from '../../access/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { weakMemo } from '../../platform/memo.ts';
import { projectExpertAssignments } from '../../review/index.ts';
import {
  ASSIGNED_ONLY_ROLES,
  bindAll,
  DEPARTMENT_ROLES,
  type Directory,
  jurisdictionSubtree,
} from '../actors.ts';
import { directoryOf, type WorkflowEnv } from '../env.ts';
import { heldRoles } from '../repository.ts';
import { projectCoBuilders, projects } from '../tables.ts';

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
  if (actor.assignments.some((a) => (REVIEW_ASSIGNEES as readonly string[]).includes(a.role))) {
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

/**
 * Ids of the projects the caller may see (SECURITY.md 14–15), decided by the same predicate in one
 * statement: own and co-built projects for a department, the projects of every jurisdiction whose
 * rulebook names the caller's organisation (the authority, the approval bureau, leadership bodies —
 * also of a parent jurisdiction, as XZ's city bodies), assigned projects for experts and evaluators.
 */
export async function visibleProjectIds(q: Queryable, env: WorkflowEnv, actor: Actor): Promise<string[]> {
  const predicate = visibilityPredicate(env, await directoryOf(q, env), actor);
  if (!predicate) return [];
  const rows = await q.select({ id: projects.id }).from(projects).where(predicate).orderBy(projects.id);
  return rows.map((r) => r.id);
}

/**
 * The visibility predicate for a read (the directory snapshot on the database handle, read afresh in
 * a transaction), to put in the read's own WHERE over `projects`, or null when the caller sees none.
 */
export async function visibleProjectsWhere(
  q: Queryable,
  env: WorkflowEnv,
  actor: Actor,
): Promise<SQL | null> {
  return visibilityPredicate(env, await directoryOf(q, env), actor);
}

/** The ids of the visible projects as a subquery, for reads over rows that name a project. */
export function visibleIdsIn(predicate: SQL): SQL {
  return sql`(select ${projects.id} from ${projects} where ${predicate})`;
}
