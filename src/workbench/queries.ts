/**
 * The workbench's list reads (issue 17): 已办 and 我发起的, visibility, filters, paging and counts in SQL.
 */
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { containsPattern } from '../catalog/store/lookups.ts';
import type { Db } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { fenToYuan } from '../documents/format.ts';
import type { Actor } from '../identity/actor.ts';
import { ACTION_KINDS, labelOf, PROJECT_STATES } from '../projects/model.ts';
import { visibleProjectIds, type WorkflowEnv } from '../projects/repository.ts';
import { projectActions, projects } from '../projects/tables.ts';
import { stepInfo } from '../projects/workflow-state.ts';

/** Actions that count as 已办: a decision recorded, a 退回, a 转办. */
export const DONE_KINDS = ['step', 'returned', 'reassigned'];

export interface PageQuery {
  q?: string;
  limit?: number;
  offset?: number;
}

export function projectMatch(q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const pattern = containsPattern(text);
  return or(ilike(projects.name, pattern), ilike(projects.code, pattern));
}

export async function doneItems(db: Db, e: WorkflowEnv, actor: Actor, query: PageQuery) {
  const { q, limit = 20, offset = 0 } = query;
  const ids = await visibleProjectIds(db, e, actor);
  if (ids.length === 0) return { items: [], total: 0 };
  const where = and(
    eq(projectActions.actorUserId, actor.userId),
    inArray(projectActions.kind, DONE_KINDS),
    inArray(projectActions.projectId, ids),
    projectMatch(q),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: projectActions.id,
        at: projectActions.at,
        kind: projectActions.kind,
        stepId: projectActions.stepId,
        event: projectActions.event,
        opinion: projectActions.opinion,
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        state: projects.state,
        rulebookCode: projects.rulebookCode,
        rulebookVersion: projects.rulebookVersion,
      })
      .from(projectActions)
      .innerJoin(projects, eq(projects.id, projectActions.projectId))
      .where(where)
      .orderBy(desc(projectActions.at), desc(projectActions.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(projectActions)
      .innerJoin(projects, eq(projects.id, projectActions.projectId))
      .where(where),
  ]);
  return {
    items: rows.map((r) => {
      const rulebook = e.catalog.registry.get(r.rulebookCode, r.rulebookVersion);
      const info = r.stepId ? stepInfo(rulebook, r.stepId) : undefined;
      return {
        actionId: r.id,
        at: r.at.toISOString(),
        kind: r.kind,
        kindName: labelOf(ACTION_KINDS, r.kind),
        stepName: info?.step.name ?? null,
        outcomeName: info?.step.outcomes.find((o) => o.event === r.event)?.name ?? null,
        opinion: r.opinion,
        projectId: r.projectId,
        projectCode: r.code,
        projectName: r.name,
        stateName: labelOf(PROJECT_STATES, r.state),
      };
    }),
    total,
  };
}

export async function startedItems(db: Db, e: WorkflowEnv, actor: Actor, query: PageQuery) {
  const { q, limit = 20, offset = 0 } = query;
  const ids = await visibleProjectIds(db, e, actor);
  if (ids.length === 0) return { items: [], total: 0 };
  const mine = db
    .select({ id: projectActions.projectId })
    .from(projectActions)
    .where(and(eq(projectActions.kind, 'created'), eq(projectActions.actorUserId, actor.userId)));
  const where = and(inArray(projects.id, ids), inArray(projects.id, mine), projectMatch(q));
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
