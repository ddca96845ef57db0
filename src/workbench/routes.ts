/**
 * The workbench's lists beside 待办 (issue 17): 已办 (what I decided, returned or handed on), 我发起的
 * (projects I created), and one search box across projects, systems, resources and document titles.
 * Visibility, filters, paging and counts are SQL; a fragment matches anywhere in a name or code
 * (an escaped ILIKE '%fragment%', so two Chinese characters like 证照 find 电子证照库).
 */
import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { catalogScope } from '../catalog/access.ts';
import { containsPattern, visibleWhere } from '../catalog/store/lookups.ts';
import { informationResources, informationSystems } from '../catalog/tables.ts';
import { organisations } from '../db/schema.ts';
import { errors } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import type { ProjectDeps } from '../projects/commands.ts';
import { loadWorkflowEnv, visibleProjectIds } from '../projects/repository.ts';
import { projectMaterials, projects } from '../projects/tables.ts';
import { registerCockpitRoutes } from './cockpit.ts';
import { registerListExportRoute } from './export.ts';
import { doneItems, type PageQuery, projectMatch, startedItems } from './queries.ts';
import { DoneList, SearchQuery, SearchResult, StartedList, WorkbenchQuery } from './schemas.ts';

const TAGS = ['工作台'];
/** Hits per group in the search box (the list page behind each group pages the rest). */
const SEARCH_GROUP_LIMIT = 10;

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerWorkbenchRoutes(app: FastifyInstance, deps: ProjectDeps): void {
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
  registerCockpitRoutes(app, deps);
  registerListExportRoute(app, deps);

  app.get(
    '/api/workbench/done',
    {
      schema: {
        tags: TAGS,
        summary: '已办：我办理、退回或转办过的环节（按时间倒序）',
        querystring: WorkbenchQuery,
        response: { 200: DoneList, ...errors },
      },
    },
    async (req) => doneItems(deps.db, await env(), actorOf(req), req.query as PageQuery),
  );

  app.get(
    '/api/workbench/started',
    {
      schema: {
        tags: TAGS,
        summary: '我发起的：我创建的项目申报（按最近更新）',
        querystring: WorkbenchQuery,
        response: { 200: StartedList, ...errors },
      },
    },
    async (req) => startedItems(deps.db, await env(), actorOf(req), req.query as PageQuery),
  );

  app.get(
    '/api/search',
    {
      schema: {
        tags: TAGS,
        summary: '全局搜索：项目、信息系统、信息资源与文件标题（只含本人可见的内容）',
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const q = (req.query as { q: string }).q;
      const pattern = containsPattern(q);
      const e = await env();
      const ids = await visibleProjectIds(deps.db, e, actor);
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
        deps.db
          .select({ id: projects.id, name: projects.name, code: projects.code, owner: organisations.name })
          .from(projects)
          .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
          .where(projectWhere)
          .orderBy(desc(projects.updatedAt))
          .limit(SEARCH_GROUP_LIMIT),
        deps.db.select({ n: count() }).from(projects).where(projectWhere),
        deps.db
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
        deps.db.select({ n: count() }).from(informationSystems).where(systemWhere),
        deps.db
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
        deps.db.select({ n: count() }).from(informationResources).where(resourceWhere),
        deps.db
          .select({
            id: projectMaterials.id,
            name: projectMaterials.originalName,
            projectId: projects.id,
            projectName: projects.name,
          })
          .from(projectMaterials)
          .innerJoin(projects, eq(projects.id, projectMaterials.projectId))
          .where(documentWhere)
          .orderBy(desc(projectMaterials.uploadedAt))
          .limit(SEARCH_GROUP_LIMIT),
        deps.db.select({ n: count() }).from(projectMaterials).where(documentWhere),
      ]);
      return {
        q,
        groups: [
          {
            kind: 'project',
            kindName: '项目',
            total: pc[0].n,
            items: p.map((x) => ({
              kind: 'project',
              id: x.id,
              title: x.name,
              code: x.code,
              subtitle: x.owner,
              path: `/projects/${x.id}`,
            })),
          },
          {
            kind: 'system',
            kindName: '信息系统',
            total: sc[0].n,
            items: s.map((x) => ({
              kind: 'system',
              id: x.id,
              title: x.name,
              code: x.code,
              subtitle: x.owner,
              path: `/catalog/systems?keyword=${encodeURIComponent(x.code)}`,
            })),
          },
          {
            kind: 'resource',
            kindName: '信息资源',
            total: rc[0].n,
            items: r.map((x) => ({
              kind: 'resource',
              id: x.id,
              title: x.name,
              code: x.code,
              subtitle: x.owner,
              path: `/catalog/resources?keyword=${encodeURIComponent(x.code)}`,
            })),
          },
          {
            kind: 'document',
            kindName: '文件',
            total: dc[0].n,
            items: d.map((x) => ({
              kind: 'document',
              id: x.id,
              title: x.name,
              code: null,
              subtitle: x.projectName,
              path: `/projects/${x.projectId}`,
            })),
          },
        ],
      };
    },
  );
}
