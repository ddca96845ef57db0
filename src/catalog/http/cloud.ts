/**
 * 政务云服务目录 over HTTP (DT-13, SC-12): the authority compiles it, approves it (in SC with
 * finance) and publishes it; every business role of the jurisdiction reads the published catalog.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { commandContext } from '../../identity/index.ts';
import type { CommandDeps } from '../../platform/command.ts';
import { errors, IdParams, strict } from '../../platform/http/schemas.ts';
import { addCloudService } from '../commands/add-cloud-service.ts';
import type { CloudBatchAction } from '../commands/cloud-support.ts';
import { editCloudService } from '../commands/edit-cloud-service.ts';
import { runCloudBatch } from '../commands/run-cloud-batch.ts';
import {
  cloudFilterWhere,
  cloudJurisdictionWhere,
  cloudServiceById,
  cloudVisibleWhere,
  listCloudServices,
  visibleCloudServicesByIds,
} from '../store/cloud.ts';
import { allOf } from '../store/lookups.ts';
import { callerFrom, paging, TAGS } from './common.ts';
import { presentCloudService } from './present.ts';
import {
  CloudBatchBody,
  CloudCreateBody,
  CloudListQuery,
  CloudServiceItem,
  CloudUpdateBody,
  Paged,
  ProblemsErrorBody,
} from './schemas.ts';

const BATCH: Record<CloudBatchAction, { summary: string }> = {
  approve: { summary: '审定（主管部门；SC 须会同财政部门，SC-12）' },
  publish: { summary: '发布已审定的条目（主管部门）' },
  reopen: { summary: '撤回修订：已审定或已发布的条目回到待审定（主管部门）' },
};

export function registerCloudRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/catalog/cloud-services',
    {
      schema: {
        tags: TAGS.cloud,
        summary: '云服务目录：主管部门、财政看本辖区全部条目，其他角色看已发布的条目（DT-13）',
        querystring: CloudListQuery,
        response: { 200: Paged(CloudServiceItem), ...errors },
      },
    },
    async (req) => {
      const caller = callerFrom(req, deps);
      const query = req.query;
      const page = await listCloudServices(
        deps.db,
        allOf(
          cloudVisibleWhere(caller.scope),
          cloudFilterWhere(query),
          await cloudJurisdictionWhere(deps.db, caller.scope, query.jurisdiction),
        ),
        paging(query, 100),
      );
      return { items: page.items.map(presentCloudService), total: page.total };
    },
  );

  typed.post(
    '/api/catalog/cloud-services',
    {
      schema: {
        tags: TAGS.cloud,
        summary: '新增目录条目（主管部门编制，待审定）',
        body: CloudCreateBody,
        response: { 201: CloudServiceItem, ...errors, 400: ProblemsErrorBody },
      },
    },
    async (req, reply) => {
      const id = await addCloudService(deps, commandContext(req), callerFrom(req, deps), req.body);
      reply.status(201);
      return presentCloudService((await cloudServiceById(deps.db, id))!);
    },
  );

  typed.patch(
    '/api/catalog/cloud-services/:id',
    {
      schema: {
        tags: TAGS.cloud,
        summary: '修改待审定的目录条目（乐观锁）',
        params: IdParams,
        body: CloudUpdateBody,
        response: { 200: CloudServiceItem, ...errors, 400: ProblemsErrorBody },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { version, ...changes } = req.body;
      await editCloudService(deps, commandContext(req), callerFrom(req, deps), id, version, changes);
      return presentCloudService((await cloudServiceById(deps.db, id))!);
    },
  );

  for (const action of ['approve', 'publish', 'reopen'] as const) {
    typed.post(
      `/api/catalog/cloud-services/${action}`,
      {
        schema: {
          tags: TAGS.cloud,
          summary: BATCH[action].summary,
          body: CloudBatchBody,
          response: {
            200: Type.Object({ items: Type.Array(CloudServiceItem) }, strict),
            ...errors,
          },
        },
      },
      async (req) => {
        const caller = callerFrom(req, deps);
        const { items } = req.body;
        await runCloudBatch(deps, commandContext(req), caller, action, items);
        const ids = [...new Set(items.map((i) => i.id))];
        const records = await visibleCloudServicesByIds(deps.db, caller.scope, ids);
        return { items: records.map(presentCloudService) };
      },
    );
  }
}
