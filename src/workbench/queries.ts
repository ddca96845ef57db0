/**
 * The workbench's list reads (issue 17): 已办, 我发起的, 我的项目 for export, and the search box —
 * visibility, filters, paging and counts in SQL.
 */
import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  catalogScope,
  containsPattern,
  informationResources,
  informationSystems,
  visibleWhere,
} from '../catalog/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../platform/db/client.ts';
import { organisations } from '../platform/db/core.ts';
import { fenToYuan } from '../platform/documents/format.ts';
import {
  ACTION_KINDS,
  labelOf,
  PROJECT_STATES,
  PROJECT_TYPES,
  projectActions,
  projectMaterials,
  projects,
  stepInfo,
  visibleProjectIds,
  type WorkflowEnv,
} from '../projects/index.ts';

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

/** Hits per group in the search box (the list page behind each group pages the rest). */
export const SEARCH_GROUP_LIMIT = 10;

/**
 * One search box: projects, systems, resources and document titles the caller may see, each group
 * with its first hits and its count. A fragment matches anywhere in a name or code.
 */
export async function searchAll(db: Db, e: WorkflowEnv, actor: Actor, q: string) {
  const pattern = containsPattern(q);
  const ids = await visibleProjectIds(db, e, actor);
  const scope = catalogScope(actor.assignments);
  const none = sql`false`;

  const projectWhere = ids.length > 0 ? and(inArray(projects.id, ids), projectMatch(q)) : none;
  const systemWhere = and(
    visibleWhere(scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
    or(ilike(informationSystems.name, pattern), ilike(informationSystems.code, pattern)),
  );
  const resourceWhere = and(
    visibleWhere(scope, informationResources.providerOrganisationId, informationResources.jurisdictionId),
    or(ilike(informationResources.name, pattern), ilike(informationResources.code, pattern)),
  );
  const documentWhere =
    ids.length > 0
      ? and(inArray(projectMaterials.projectId, ids), ilike(projectMaterials.originalName, pattern))
      : none;

  const [p, pc, s, sc, r, rc, d, dc] = await Promise.all([
    db
      .select({ id: projects.id, name: projects.name, code: projects.code, owner: organisations.name })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
      .where(projectWhere)
      .orderBy(desc(projects.updatedAt), desc(projects.id))
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(projects).where(projectWhere),
    db
      .select({
        id: informationSystems.id,
        name: informationSystems.name,
        code: informationSystems.code,
        owner: organisations.name,
      })
      .from(informationSystems)
      .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
      .where(systemWhere)
      .orderBy(informationSystems.code)
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(informationSystems).where(systemWhere),
    db
      .select({
        id: informationResources.id,
        name: informationResources.name,
        code: informationResources.code,
        owner: organisations.name,
      })
      .from(informationResources)
      .innerJoin(organisations, eq(organisations.id, informationResources.providerOrganisationId))
      .where(resourceWhere)
      .orderBy(informationResources.code)
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(informationResources).where(resourceWhere),
    db
      .select({
        id: projectMaterials.id,
        name: projectMaterials.originalName,
        projectId: projects.id,
        projectName: projects.name,
      })
      .from(projectMaterials)
      .innerJoin(projects, eq(projects.id, projectMaterials.projectId))
      .where(documentWhere)
      .orderBy(desc(projectMaterials.uploadedAt), desc(projectMaterials.id))
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(projectMaterials).where(documentWhere),
  ]);
  const group = <T extends { id: string; name: string }>(
    kind: SearchKind,
    kindName: string,
    total: number,
    rows: T[],
    show: (x: T) => { code: string | null; subtitle: string; path: string },
  ) => ({ kind, kindName, total, items: rows.map((x) => ({ kind, id: x.id, title: x.name, ...show(x) })) });
  return {
    q,
    groups: [
      group('project', '项目', pc[0].n, p, (x) => ({
        code: x.code,
        subtitle: x.owner,
        path: `/projects/${x.id}`,
      })),
      group('system', '信息系统', sc[0].n, s, (x) => ({
        code: x.code,
        subtitle: x.owner,
        path: `/catalog/systems?keyword=${encodeURIComponent(x.code)}`,
      })),
      group('resource', '信息资源', rc[0].n, r, (x) => ({
        code: x.code,
        subtitle: x.owner,
        path: `/catalog/resources?keyword=${encodeURIComponent(x.code)}`,
      })),
      group('document', '文件', dc[0].n, d, (x) => ({
        code: null,
        subtitle: x.projectName,
        path: `/projects/${x.projectId}`,
      })),
    ],
  };
}

/** The kinds of thing one search box finds. */
type SearchKind = 'project' | 'system' | 'resource' | 'document';

/** 我的项目 as SQL: visible projects with the list's filters. */
export async function projectRows(
  db: Db,
  e: WorkflowEnv,
  actor: Actor,
  f: { state?: string; organisationId?: string; q?: string },
  limit: number,
) {
  const ids = await visibleProjectIds(db, e, actor);
  if (ids.length === 0) return { total: 0, rows: [] as string[][] };
  const parts: (SQL | undefined)[] = [inArray(projects.id, ids)];
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
