/**
 * 政务信息系统目录 over HTTP (SC-10, XZ-08b, XZ-28, XZ-30, DT-01): list and detail within the
 * caller's scope, register, change, retire or merge. Handlers: caller → command in one audited
 * transaction → presenter.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client.ts';
import { ErrorBody, errors, IdParams } from '../../http/schemas.ts';
import { commandContext } from '../../identity/plugin.ts';
import { type CommandDeps, runCommand } from '../../shared/command.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import { canEdit } from '../access.ts';
import { type Caller, resolveOwner } from '../commands/caller.ts';
import { changedSystem, checkSystemDraft, createSystem, updateSystem } from '../commands/systems.ts';
import { organisationInfo, visibleWhere } from '../store/lookups.ts';
import {
  findSystem,
  listSystems,
  type SystemFilter,
  type SystemRecord,
  similarSystems,
  statusHistory,
  systemFilterWhere,
} from '../store/systems.ts';
import { informationResources, informationSystems } from '../tables.ts';
import { assertReadableOrganisation, callerFrom, paging, TAGS } from './common.ts';
import { presentStatusEvent, presentSystem } from './present.ts';
import {
  Paged,
  ProblemsErrorBody,
  SystemCreateBody,
  SystemDetail,
  SystemItem,
  SystemListQuery,
  SystemRetireBody,
  SystemUpdateBody,
} from './schemas.ts';

export const systemsVisible = (caller: Caller) =>
  visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId);

async function visibleSystem(q: Queryable, caller: Caller, id: string): Promise<SystemRecord> {
  const record = await findSystem(q, and(eq(informationSystems.id, id), systemsVisible(caller))!);
  if (!record) throw notFound('系统不存在或无权查看');
  return record;
}

async function systemDetail(q: Queryable, caller: Caller, id: string) {
  const system = await visibleSystem(q, caller, id);
  const linked =
    system.resourceCodes.length === 0
      ? []
      : await q
          .select({
            code: informationResources.code,
            name: informationResources.name,
            state: informationResources.state,
          })
          .from(informationResources)
          .where(
            and(
              inArray(informationResources.code, system.resourceCodes),
              eq(informationResources.jurisdictionId, system.jurisdictionId),
            ),
          );
  return {
    system: presentSystem(system, caller),
    history: (await statusHistory(q, system.id)).map(presentStatusEvent),
    resources: system.resourceCodes.map((code) => {
      const hit = linked.find((r) => r.code === code);
      return { code, name: hit?.name ?? null, state: hit?.state ?? null };
    }),
    nearDuplicates: await similarSystems(q, system.jurisdictionId, system.name, system.ownerOrganisationId),
  };
}

type Body = Record<string, unknown>;

export function registerSystemRoutes(app: FastifyInstance, deps: CommandDeps): void {
  app.get(
    '/api/catalog/systems',
    {
      schema: {
        tags: TAGS.systems,
        summary: '系统目录（部门看本单位，主管部门等看本辖区）',
        querystring: SystemListQuery,
        response: { 200: Paged(SystemItem), ...errors },
      },
    },
    async (req) => {
      const caller = callerFrom(req, deps);
      const query = req.query as SystemFilter & { limit?: number; offset?: number };
      await assertReadableOrganisation(deps.db, caller, query.ownerOrganisationId);
      const page = await listSystems(
        deps.db,
        and(systemsVisible(caller), systemFilterWhere(query)),
        paging(query),
      );
      return { items: page.items.map((r) => presentSystem(r, caller)), total: page.total };
    },
  );

  app.get(
    '/api/catalog/systems/:id',
    {
      schema: {
        tags: TAGS.systems,
        summary: '系统详情：状态历史、关联资源、名称相近的系统',
        params: IdParams,
        response: { 200: SystemDetail, ...errors },
      },
    },
    async (req) => {
      const caller = callerFrom(req, deps);
      return systemDetail(deps.db, caller, (req.params as { id: string }).id);
    },
  );

  app.post(
    '/api/catalog/systems',
    {
      schema: {
        tags: TAGS.systems,
        summary: '登记系统（SC-10）',
        body: SystemCreateBody,
        response: { 201: SystemDetail, ...errors, 400: ProblemsErrorBody },
      },
    },
    async (req, reply) => {
      const caller = callerFrom(req, deps);
      const { ownerOrganisationId, ...draft } = req.body as Body & { ownerOrganisationId?: string };
      const created = await runCommand(
        deps,
        commandContext(req),
        { action: 'catalog.system_create', objectType: 'information_system' },
        async (tx, audit) => {
          const owner = await resolveOwner(tx, caller, ownerOrganisationId, 'ownerOrganisationId');
          const input = checkSystemDraft(draft, owner);
          const result = await createSystem(tx, caller, owner, input);
          audit.objectId = result.id;
          audit.details = { code: result.code, name: input.name, owner: owner.name, status: input.status };
          return result;
        },
      );
      reply.status(201);
      return systemDetail(deps.db, caller, created.id);
    },
  );

  const change = async (
    req: FastifyRequest,
    action: 'catalog.system_update' | 'catalog.system_retire',
    changes: Body,
    version: number,
    ownerOrganisationId: string | undefined,
  ) => {
    const caller = callerFrom(req, deps);
    const { id } = req.params as { id: string };
    await runCommand(
      deps,
      commandContext(req),
      { action, objectType: 'information_system', objectId: id },
      async (tx, audit) => {
        const current = await visibleSystem(tx, caller, id);
        if (
          !canEdit(caller.scope, {
            organisationId: current.ownerOrganisationId,
            jurisdictionId: current.jurisdictionId,
          })
        ) {
          throw forbidden('只能修改本单位的系统；主管部门可更正本辖区的系统', 'CATALOG_OUT_OF_SCOPE');
        }
        const owner =
          ownerOrganisationId && ownerOrganisationId !== current.ownerOrganisationId
            ? await resolveOwner(tx, caller, ownerOrganisationId, 'ownerOrganisationId')
            : (await organisationInfo(tx, current.ownerOrganisationId))!;
        const input = changedSystem(current, changes, owner);
        await updateSystem(
          tx,
          caller,
          current,
          owner,
          input,
          version,
          action === 'catalog.system_retire'
            ? input.mergedInto
              ? `并入 ${input.mergedInto}`
              : '报废'
            : undefined,
        );
        audit.details = {
          code: current.code,
          fields: Object.keys(changes),
          ...(input.status !== current.status ? { status: { from: current.status, to: input.status } } : {}),
          ...(input.mergedInto ? { mergedInto: input.mergedInto } : {}),
        };
      },
    );
    return systemDetail(deps.db, caller, id);
  };

  app.patch(
    '/api/catalog/systems/:id',
    {
      schema: {
        tags: TAGS.systems,
        summary: '修改系统（乐观锁：须提交当前 version）',
        params: IdParams,
        body: SystemUpdateBody,
        response: { 200: SystemDetail, ...errors, 400: ProblemsErrorBody },
      },
    },
    async (req) => {
      const { version, ownerOrganisationId, ...changes } = req.body as Body & {
        version: number;
        ownerOrganisationId?: string;
      };
      return change(req, 'catalog.system_update', changes, version, ownerOrganisationId);
    },
  );

  app.post(
    '/api/catalog/systems/:id/retire',
    {
      schema: {
        tags: TAGS.systems,
        summary: '报废系统，或因整合并入另一系统（只合不分，DT-01）',
        params: IdParams,
        body: SystemRetireBody,
        response: { 200: SystemDetail, ...errors, 400: ProblemsErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const { version, retirementDate, mergedInto, remarks } = req.body as {
        version: number;
        retirementDate: string;
        mergedInto?: string;
        remarks?: string;
      };
      return change(
        req,
        'catalog.system_retire',
        {
          status: 'retired',
          retirementDate,
          mergedInto: mergedInto ?? null,
          ...(remarks ? { remarks } : {}),
        },
        version,
        undefined,
      );
    },
  );
}
