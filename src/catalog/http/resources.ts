/**
 * 信息资源目录 over HTTP (DT-10, SC-09b, XZ-08a, SC-26): register and change at entry with the
 * quality rules of validate.ts, the lifecycle 注册 → 审核 → 发布 → 下架, and the 一数一源 notices
 * shown to the departments involved and to the authority.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext } from '../../identity/index.ts';
import type { CommandDeps } from '../../platform/command.ts';
import { errors, IdParams, strict } from '../../platform/http/schemas.ts';
import type { ResourceAction } from '../access.ts';
import { assertReadableOrganisation, type Caller } from '../commands/caller.ts';
import { editResource } from '../commands/edit-resource.ts';
import { registerResourceEntry } from '../commands/register-resource-entry.ts';
import { visibleResource } from '../commands/resource-support.ts';
import { transitionResource } from '../commands/transition-resource.ts';
import { conflictsVisibleWhere, listConflicts } from '../store/conflicts.ts';
import { allOf } from '../store/lookups.ts';
import { listResources, resourceFilterWhere, similarResources } from '../store/resources.ts';
import { resourcesVisibleWhere } from '../store/visible.ts';
import { callerFrom, paging, TAGS } from './common.ts';
import { presentConflict, presentResource } from './present.ts';
import {
  ConflictItem,
  Paged,
  ProblemsErrorBody,
  ResourceCreateBody,
  ResourceDetail,
  ResourceItem,
  ResourceListQuery,
  ResourceUpdateBody,
  ReviewBody,
  TransitionBody,
} from './schemas.ts';

async function resourceDetail(deps: CommandDeps, caller: Caller, id: string) {
  const resource = await visibleResource(deps.db, caller, id);
  const where = conflictsVisibleWhere(caller.scope);
  return {
    resource: presentResource(resource, caller),
    conflicts: where
      ? (await listConflicts(deps.db, where, { resourceId: resource.id })).map(presentConflict)
      : [],
    nearDuplicates: await similarResources(
      deps.db,
      resource.jurisdictionId,
      resource.name,
      resource.providerOrganisationId,
    ),
  };
}

export function registerResourceRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/catalog/resources',
    {
      schema: {
        tags: TAGS.resources,
        summary: '信息资源目录（部门看本单位，主管部门等看本辖区）',
        querystring: ResourceListQuery,
        response: { 200: Paged(ResourceItem), ...errors },
      },
    },
    async (req) => {
      const caller = callerFrom(req, deps);
      const query = req.query;
      await assertReadableOrganisation(deps.db, caller, query.providerOrganisationId);
      const page = await listResources(
        deps.db,
        allOf(resourcesVisibleWhere(caller.scope), resourceFilterWhere(query)),
        paging(query),
      );
      return { items: page.items.map((r) => presentResource(r, caller)), total: page.total };
    },
  );

  typed.get(
    '/api/catalog/resources/:id',
    {
      schema: {
        tags: TAGS.resources,
        summary: '资源详情：信息项、一数一源提示、名称相近的资源',
        params: IdParams,
        response: { 200: ResourceDetail, ...errors },
      },
    },
    async (req) => resourceDetail(deps, callerFrom(req, deps), req.params.id),
  );

  typed.post(
    '/api/catalog/resources',
    {
      schema: {
        tags: TAGS.resources,
        summary: '注册资源（DT-10、SC-09b）：录入即校验，并计算一数一源（SC-26）',
        body: ResourceCreateBody,
        response: { 201: ResourceDetail, ...errors, 400: ProblemsErrorBody },
      },
    },
    async (req, reply) => {
      const caller = callerFrom(req, deps);
      const created = await registerResourceEntry(deps, commandContext(req), caller, req.body);
      reply.status(201);
      return resourceDetail(deps, caller, created.id);
    },
  );

  typed.patch(
    '/api/catalog/resources/:id',
    {
      schema: {
        tags: TAGS.resources,
        summary: '修改资源（已注册或已下架时；乐观锁）',
        params: IdParams,
        body: ResourceUpdateBody,
        response: { 200: ResourceDetail, ...errors, 400: ProblemsErrorBody },
      },
    },
    async (req) => {
      const caller = callerFrom(req, deps);
      const { id } = req.params;
      const { version, ...changes } = req.body;
      await editResource(deps, commandContext(req), caller, id, version, changes);
      return resourceDetail(deps, caller, id);
    },
  );

  const move = async (
    req: FastifyRequest & { params: { id: string } },
    action: ResourceAction,
    version: number,
    note?: string,
  ) => {
    const caller = callerFrom(req, deps);
    await transitionResource(deps, commandContext(req), caller, req.params.id, action, version, note);
    return resourceDetail(deps, caller, req.params.id);
  };

  typed.post(
    '/api/catalog/resources/:id/submit',
    {
      schema: {
        tags: TAGS.resources,
        summary: '提交审核（已注册或已下架 → 审核中）',
        params: IdParams,
        body: TransitionBody,
        response: { 200: ResourceDetail, ...errors },
      },
    },
    async (req) => {
      const body = req.body;
      return move(req, 'submit', body.version, body.note);
    },
  );

  typed.post(
    '/api/catalog/resources/:id/review',
    {
      schema: {
        tags: TAGS.resources,
        summary: '审核（主管部门）：通过并发布，或退回修改；提交人不能审核自己提交的资源',
        params: IdParams,
        body: ReviewBody,
        response: { 200: ResourceDetail, ...errors },
      },
    },
    async (req) => {
      const body = req.body;
      return move(req, body.decision, body.version, body.note);
    },
  );

  typed.post(
    '/api/catalog/resources/:id/withdraw',
    {
      schema: {
        tags: TAGS.resources,
        summary: '下架（主管部门）',
        params: IdParams,
        body: TransitionBody,
        response: { 200: ResourceDetail, ...errors },
      },
    },
    async (req) => {
      const body = req.body;
      return move(req, 'withdraw', body.version, body.note);
    },
  );

  typed.get(
    '/api/catalog/single-source-conflicts',
    {
      schema: {
        tags: TAGS.resources,
        summary: '一数一源提示（SC-26）：涉及本单位的，主管部门看本辖区全部',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
            organisationId: Type.Optional(Type.String({ format: 'uuid', description: '涉及的单位' })),
          },
          strict,
        ),
        response: { 200: Type.Object({ items: Type.Array(ConflictItem) }, strict), ...errors },
      },
    },
    async (req) => {
      const caller = callerFrom(req, deps);
      const where = conflictsVisibleWhere(caller.scope);
      const { status, organisationId } = req.query;
      await assertReadableOrganisation(deps.db, caller, organisationId);
      const options = { ...(status ? { status } : {}), ...(organisationId ? { organisationId } : {}) };
      return { items: where ? (await listConflicts(deps.db, where, options)).map(presentConflict) : [] };
    },
  );
}
