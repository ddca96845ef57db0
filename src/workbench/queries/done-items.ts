import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  ACTION_KINDS,
  labelOf,
  PROJECT_STATES,
  projectActions,
  projects,
  stepInfo,
  visibleProjectsWhere,
  type WorkflowEnv,
} from '../../projects/index.ts';
import { DONE_KINDS, type PageQuery, projectMatch } from './support.ts';

export async function doneItems(db: Db, e: WorkflowEnv, actor: Actor, query: PageQuery) {
  const { q, limit = 20, offset = 0 } = query;
  const visible = await visibleProjectsWhere(db, e, actor);
  if (!visible) return { items: [], total: 0 };
  const where = and(
    eq(projectActions.actorUserId, actor.userId),
    inArray(projectActions.kind, DONE_KINDS),
    visible,
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
