import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { fenToYuan } from '../../platform/documents/format.ts';
import {
  labelOf,
  PROJECT_STATES,
  projectActions,
  projects,
  visibleProjectsWhere,
  type WorkflowEnv,
} from '../../projects/index.ts';
import type { PageQuery } from './support.ts';
import { projectMatch } from './support.ts';

export async function startedItems(db: Db, e: WorkflowEnv, actor: Actor, query: PageQuery) {
  const { q, limit = 20, offset = 0 } = query;
  const visible = await visibleProjectsWhere(db, e, actor);
  if (!visible) return { items: [], total: 0 };
  const mine = db
    .select({ id: projectActions.projectId })
    .from(projectActions)
    .where(and(eq(projectActions.kind, 'created'), eq(projectActions.actorUserId, actor.userId)));
  const where = and(visible, inArray(projects.id, mine), projectMatch(q));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        ownerName: organisations.name,
        state: projects.state,
        totalBudgetFen: projects.totalBudgetFen,
        createdAt: projects.createdAt,
        updatedAt: projects.updatedAt,
      })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
      .where(where)
      .orderBy(desc(projects.updatedAt), desc(projects.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(projects).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      projectId: r.id,
      projectCode: r.code,
      projectName: r.name,
      ownerName: r.ownerName,
      state: r.state,
      stateName: labelOf(PROJECT_STATES, r.state),
      totalBudget: fenToYuan(r.totalBudgetFen),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    total,
  };
}
