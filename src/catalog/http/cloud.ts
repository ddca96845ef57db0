/**
 * 政务云服务目录 over HTTP (DT-13, SC-12): the authority compiles it, approves it (in SC with
 * finance) and publishes it; every business role of the jurisdiction reads the published catalog.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Queryable } from '../../db/client.ts';
import { errors, IdParams } from '../../http/schemas.ts';
import { commandContext } from '../../identity/plugin.ts';
import { type CommandDeps, runCommand } from '../../shared/command.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import type { Caller } from '../commands/caller.ts';
import {
  type CloudBatchAction,
  changedCloudService,
  checkCloudDraft,
  cloudBatch,
  createCloudService,
  updateCloudService,
} from '../commands/cloud.ts';
import {
  type CloudFilter,
  cloudFilterWhere,
  cloudVisibleWhere,
  findCloudServices,
  listCloudServices,
} from '../store/cloud.ts';
import { jurisdictionByCode, jurisdictionsByIds } from '../store/lookups.ts';
import { cloudServices } from '../tables.ts';
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
  strict,
} from './schemas.ts';

const BATCH: Record<
  CloudBatchAction,
  { summary: string; audit: 'catalog.cloud_approve' | 'catalog.cloud_publish' | 'catalog.cloud_reopen' }
> = {
  approve: {
    summary: '审定（主管部门；SC 须会同财政部门，SC-12）',
    audit: 'catalog.cloud_approve',
  },
  publish: { summary: '发布已审定的条目（主管部门）', audit: 'catalog.cloud_publish' },
  reopen: { summary: '撤回修订：已审定或已发布的条目回到待审定（主管部门）', audit: 'catalog.cloud_reopen' },
};

/** The `jurisdiction` filter of a cloud list: a jurisdiction the caller does not belong to is a 404. */
export async function cloudJurisdictionWhere(
  q: Queryable,
  caller: Caller,
  code: string | undefined,
): Promise<SQL | undefined> {
  if (code === undefined) return undefined;
  const jurisdiction = await jurisdictionByCode(q, code);
  const scope = caller.scope;
  const known = [...scope.cloudJurisdictions, ...scope.manageJurisdictions, ...scope.financeJurisdictions];
  if (!jurisdiction || !known.includes(jurisdiction.id)) throw notFound('辖区不存在或无权查看');
  return eq(cloudServices.jurisdictionId, jurisdiction.id);
}

export function registerCloudRoutes(app: FastifyInstance, deps: CommandDeps): void {
  app.get(
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
      const query = req.query as CloudFilter & { jurisdiction?: string; limit?: number; offset?: number };
      const page = await listCloudServices(
        deps.db,
        and(
          cloudVisibleWhere(caller.scope),
          cloudFilterWhere(query),
          await cloudJurisdictionWhere(deps.db, caller, query.jurisdiction),
        ),
        paging(query, 100),
      );
      return { items: page.items.map(presentCloudService), total: page.total };
    },
  );

  app.post(
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
      const caller = callerFrom(req, deps);
      const id = await runCommand(
        deps,
        commandContext(req),
        { action: 'catalog.cloud_create', objectType: 'cloud_service' },
        async (tx, audit) => {
          const { jurisdictionId, ...draft } = req.body as Record<string, unknown> & {
            jurisdictionId?: string;
          };
          const target = jurisdictionId ?? caller.scope.manageJurisdictions[0];
          const [jurisdiction] =
            target && caller.scope.manageJurisdictions.includes(target)
              ? await jurisdictionsByIds(tx, [target])
              : [];
          if (!jurisdiction) throw forbidden('云服务目录由本辖区主管部门编制', 'CATALOG_ACTION_FORBIDDEN');
          const input = checkCloudDraft(draft);
          const created = await createCloudService(tx, caller, jurisdiction, input);
          audit.objectId = created.id;
          audit.details = {
            code: created.code,
            name: input.name,
            spec: input.spec,
            unitPrice: input.unitPrice,
          };
          return created.id;
        },
      );
      reply.status(201);
      const [record] = await findCloudServices(deps.db, eq(cloudServices.id, id));
      return presentCloudService(record);
    },
  );

  app.patch(
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
      const caller = callerFrom(req, deps);
      const { id } = req.params as { id: string };
      const { version, ...changes } = req.body as Record<string, unknown> & { version: number };
      await runCommand(
        deps,
        commandContext(req),
        { action: 'catalog.cloud_update', objectType: 'cloud_service', objectId: id },
        async (tx, audit) => {
          const [current] = await findCloudServices(
            tx,
            and(eq(cloudServices.id, id), cloudVisibleWhere(caller.scope))!,
          );
          if (!current) throw notFound('云服务目录条目不存在或无权查看');
          const input = changedCloudService(current, changes);
          await updateCloudService(tx, caller, current, input, version);
          audit.details = { code: current.code, fields: Object.keys(changes) };
        },
      );
      const [record] = await findCloudServices(deps.db, eq(cloudServices.id, id));
      return presentCloudService(record);
    },
  );

  for (const action of ['approve', 'publish', 'reopen'] as const) {
    app.post(
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
        const { items } = req.body as { items: { id: string; version: number }[] };
        await runCommand(
          deps,
          commandContext(req),
          { action: BATCH[action].audit, objectType: 'cloud_service', details: { count: items.length } },
          async (tx, audit) => {
            const result = await cloudBatch(tx, caller, action, items);
            audit.objectId = result.codes.length === 1 ? result.codes[0] : null;
            audit.details = { count: result.codes.length, statuses: result.statuses };
          },
        );
        const ids = [...new Set(items.map((i) => i.id))];
        const records = await findCloudServices(
          deps.db,
          and(inArray(cloudServices.id, ids), cloudVisibleWhere(caller.scope))!,
        );
        return { items: records.map(presentCloudService) };
      },
    );
  }
}
