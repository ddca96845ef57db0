/**
 * The workbench's lists (issue 17): 待办 (open steps I may act on now, paged in SQL), 已办 (what I decided, returned or handed on), 我发起的
 * (projects I created), and one search box across projects, systems, resources and document titles.
 * Visibility, filters, paging and counts are SQL; a fragment matches anywhere in a name or code
 * (an escaped ILIKE '%fragment%', so two Chinese characters like 证照 find 电子证照库).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../platform/actor.ts';
import { errors } from '../platform/http/schemas.ts';
import { loadWorkflowEnv } from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { registerCockpitRoutes } from './cockpit-routes.ts';
import { registerListExportRoute } from './export-routes.ts';
import { doneItems } from './queries/done-items.ts';
import { searchAll } from './queries/search-all.ts';
import { startedItems } from './queries/started-items.ts';
import { listTasks } from './queries/tasks.ts';
import {
  DoneList,
  SearchQuery,
  SearchResult,
  StartedList,
  TaskList,
  TaskQuery,
  WorkbenchQuery,
} from './schemas.ts';

const TAGS = ['工作台'];
const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerWorkbenchRoutes(fastify: FastifyInstance, deps: ProjectDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
  registerCockpitRoutes(fastify, deps);
  registerListExportRoute(fastify, deps);

  app.get(
    '/api/tasks',
    {
      schema: {
        tags: TAGS,
        summary: '待办：等待我办理的环节、申报与专家意见（最早到达的在前，分页）',
        querystring: TaskQuery,
        response: { 200: TaskList, ...errors },
      },
    },
    async (req) => listTasks(deps.db, await env(), actorOf(req), req.query),
  );

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
    async (req) => doneItems(deps.db, await env(), actorOf(req), req.query),
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
    async (req) => startedItems(deps.db, await env(), actorOf(req), req.query),
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
    async (req) => searchAll(deps.db, await env(), actorOf(req), req.query.q),
  );
}
