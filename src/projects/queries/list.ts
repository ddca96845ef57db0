/** The project list: visibility (visibility.ts), filters, order, page and total count in SQL (read). */
import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { readAll } from '../../platform/db/concurrent.ts';
import { notFound } from '../../platform/errors.ts';
import { directoryOf, type WorkflowEnv } from '../env.ts';
import { labelOf, PROJECT_STATES, PROJECT_TYPES } from '../model.ts';
import { projects } from '../tables.ts';
import { stepInfo } from '../workflow-state.ts';
import { visibilityPredicate } from './visibility.ts';

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
