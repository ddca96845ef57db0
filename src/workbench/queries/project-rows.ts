import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../catalog/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { fenToYuan } from '../../platform/documents/format.ts';
import {
  labelOf,
  PROJECT_STATES,
  PROJECT_TYPES,
  projects,
  visibleProjectsWhere,
  type WorkflowEnv,
} from '../../projects/index.ts';

/** 我的项目 as SQL: visible projects with the list's filters. */
export async function projectRows(
  db: Db,
  e: WorkflowEnv,
  actor: Actor,
  f: { state?: string; organisationId?: string; q?: string },
  limit: number,
) {
  const visible = await visibleProjectsWhere(db, e, actor);
  if (!visible) return { total: 0, rows: [] as string[][] };
  const parts: (SQL | undefined)[] = [visible];
  if (f.state) parts.push(eq(projects.state, f.state));
  if (f.organisationId) parts.push(eq(projects.ownerOrganisationId, f.organisationId));
  if (f.q?.trim()) {
    const pattern = containsPattern(f.q.trim());
    parts.push(or(ilike(projects.name, pattern), ilike(projects.code, pattern)));
  }
  const where = and(...parts);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(projects).where(where),
    db
      .select({
        code: projects.code,
        name: projects.name,
        type: projects.type,
        owner: organisations.name,
        totalBudgetFen: projects.totalBudgetFen,
        state: projects.state,
        updatedAt: projects.updatedAt,
      })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
      .where(where)
      .orderBy(desc(projects.updatedAt), desc(projects.id))
      .limit(limit),
  ]);
  return {
    total,
    rows: rows.map((r) => [
      r.code,
      r.name,
      labelOf(PROJECT_TYPES, r.type),
      r.owner,
      fenToYuan(r.totalBudgetFen),
      labelOf(PROJECT_STATES, r.state),
      r.updatedAt.toISOString(),
    ]),
  };
}
