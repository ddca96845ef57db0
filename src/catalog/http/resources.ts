/**
 * 信息资源目录 over HTTP (DT-10, SC-09b, XZ-08a, SC-26): register and change at entry with the
 * quality rules of validate.ts, the lifecycle 注册 → 审核 → 发布 → 下架, and the 一数一源 notices
 * shown to the departments involved and to the authority.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Queryable } from '../../db/client.ts';
import { errors, IdParams } from '../../http/schemas.ts';
import { commandContext } from '../../identity/plugin.ts';
import { type CommandDeps, runCommand } from '../../shared/command.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import { canEdit, type ResourceAction } from '../access.ts';
import { type Caller, resolveOwner } from '../commands/caller.ts';
import {
  changedResource,
  checkResourceDraft,
  defaultProviderCode,
  moveResource,
  registerResource,
  updateResource,
} from '../commands/resources.ts';
import { conflictsVisibleWhere, listConflicts } from '../store/conflicts.ts';
import { organisationInfo, visibleWhere } from '../store/lookups.ts';
import {
  findResource,
  listResources,
  type ResourceFilter,
  type ResourceRecord,
  resourceFilterWhere,
  similarResources,
} from '../store/resources.ts';
import { informationResources } from '../tables.ts';
import { assertReadableOrganisation, callerFrom, paging, TAGS } from './common.ts';
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
  strict,
  TransitionBody,
} from './schemas.ts';

export const resourcesVisible = (caller: Caller) =>
  visibleWhere(
    caller.scope,
    informationResources.providerOrganisationId,
    informationResources.jurisdictionId,
  );

async function visibleResource(q: Queryable, caller: Caller, id: string): Promise<ResourceRecord> {
  const record = await findResource(q, and(eq(informationResources.id, id), resourcesVisible(caller))!);
  if (!record) throw notFound('资源不存在或无权查看');
  return record;
}

async function resourceDetail(q: Queryable, caller: Caller, id: string) {
  const resource = await visibleResource(q, caller, id);
  const where = conflictsVisibleWhere(caller.scope);
  return {
    resource: presentResource(resource, caller),
    conflicts: where ? (await listConflicts(q, where, { resourceId: resource.id })).map(presentConflict) : [],
    nearDuplicates: await similarResources(
      q,
      resource.jurisdictionId,
      resource.name,
      resource.providerOrganisationId,
    ),
  };
}

type Body = Record<string, unknown>;

const ACTION_AUDIT = {
  submit: 'catalog.resource_submit',
  publish: 'catalog.resource_publish',
  return: 'catalog.resource_return',
  withdraw: 'catalog.resource_withdraw',
} as const;

export function registerResourceRoutes(app: FastifyInstance, deps: CommandDeps): void {
  app.get(
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
      const query = req.query as ResourceFilter & { limit?: number; offset?: number };
      await assertReadableOrganisation(deps.db, caller, query.providerOrganisationId);
      const page = await listResources(
        deps.db,
        and(resourcesVisible(caller), resourceFilterWhere(query)),
        paging(query),
      );
      return { items: page.items.map((r) => presentResource(r, caller)), total: page.total };
    },
  );

  app.get(
    '/api/catalog/resources/:id',
    {
      schema: {
        tags: TAGS.resources,
        summary: '资源详情：信息项、一数一源提示、名称相近的资源',
        params: IdParams,
        response: { 200: ResourceDetail, ...errors },
      },
    },
    async (req) => resourceDetail(deps.db, callerFrom(req, deps), (req.params as { id: string }).id),
  );

  app.post(
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
      const { providerOrganisationId, ...draft } = req.body as Body & { providerOrganisationId?: string };
      const created = await runCommand(
        deps,
        commandContext(req),
        { action: 'catalog.resource_register', objectType: 'information_resource' },
        async (tx, audit) => {
          const provider = await resolveOwner(tx, caller, providerOrganisationId, 'providerOrganisationId');
          const providerCode = draft.providerCode ?? (await defaultProviderCode(tx, provider));
          const input = checkResourceDraft({ ...draft, providerCode }, provider);
          const result = await registerResource(tx, caller, provider, input);
          audit.objectId = result.id;
          audit.details = {
            code: result.code,
            name: input.name,
            provider: provider.name,
            singleSource: result.conflicts,
          };
          return result;
        },
      );
      reply.status(201);
      return resourceDetail(deps.db, caller, created.id);
    },
  );

  app.patch(
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
      const { id } = req.params as { id: string };
      const { version, ...changes } = req.body as Body & { version: number };
      await runCommand(
        deps,
        commandContext(req),
        { action: 'catalog.resource_update', objectType: 'information_resource', objectId: id },
        async (tx, audit) => {
          const current = await visibleResource(tx, caller, id);
          const placement = {
            organisationId: current.providerOrganisationId,
            jurisdictionId: current.jurisdictionId,
          };
          if (!canEdit(caller.scope, placement)) {
            throw forbidden('只能修改本单位的资源', 'CATALOG_OUT_OF_SCOPE');
          }
          const provider = (await organisationInfo(tx, current.providerOrganisationId))!;
          const input = changedResource(current, changes, provider);
          const result = await updateResource(tx, caller, current, input, version);
          audit.details = { code: result.code, fields: Object.keys(changes), singleSource: result.conflicts };
        },
      );
      return resourceDetail(deps.db, caller, id);
    },
  );

  const move = async (req: FastifyRequest, action: ResourceAction, version: number, note?: string) => {
    const caller = callerFrom(req, deps);
    const { id } = req.params as { id: string };
    await runCommand(
      deps,
      commandContext(req),
      { action: ACTION_AUDIT[action], objectType: 'information_resource', objectId: id },
      async (tx, audit) => {
        const current = await visibleResource(tx, caller, id);
        audit.details = { code: current.code, from: current.state, ...(note ? { note } : {}) };
        const result = await moveResource(tx, caller, current, action, version, note);
        audit.details = { ...audit.details, to: result.to, singleSource: result.conflicts };
      },
    );
    return resourceDetail(deps.db, caller, id);
  };

  app.post(
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
      const body = req.body as { version: number; note?: string };
      return move(req, 'submit', body.version, body.note);
    },
  );

  app.post(
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
      const body = req.body as { decision: 'publish' | 'return'; version: number; note?: string };
      return move(req, body.decision, body.version, body.note);
    },
  );

  app.post(
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
      const body = req.body as { version: number; note?: string };
      return move(req, 'withdraw', body.version, body.note);
    },
  );

  app.get(
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
      const { status, organisationId } = req.query as {
        status?: 'open' | 'resolved';
        organisationId?: string;
      };
      await assertReadableOrganisation(deps.db, caller, organisationId);
      const options = { ...(status ? { status } : {}), ...(organisationId ? { organisationId } : {}) };
      return { items: where ? (await listConflicts(deps.db, where, options)).map(presentConflict) : [] };
    },
  );
}
