/**
 * 政务信息系统目录 over HTTP (SC-10, XZ-08b, XZ-28, XZ-30, DT-01): list and detail within the
 * caller's scope, register, change, retire or merge. Handlers: caller → command in one audited
 * transaction → presenter.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commandContext } from '../../identity/index.ts';
import type { CommandDeps } from '../../platform/command.ts';
import { ErrorBody, errors, IdParams } from '../../platform/http/schemas.ts';
import { assertReadableOrganisation, type Caller } from '../commands/caller.ts';
import { changeSystem } from '../commands/change-system.ts';
import { registerSystem } from '../commands/register-system.ts';
import { visibleSystem } from '../commands/system-support.ts';
import { allOf } from '../store/lookups.ts';
import { listSystems, similarSystems, statusHistory, systemFilterWhere } from '../store/systems.ts';
import { resourcesByCodes, systemsVisibleWhere } from '../store/visible.ts';
import { callerFrom, paging, TAGS } from './common.ts';
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

async function systemDetail(deps: CommandDeps, caller: Caller, id: string) {
  const system = await visibleSystem(deps.db, caller, id);
  const linked = await resourcesByCodes(deps.db, system.jurisdictionId, system.resourceCodes);
  return {
    system: presentSystem(system, caller),
    history: (await statusHistory(deps.db, system.id)).map(presentStatusEvent),
    resources: system.resourceCodes.map((code) => {
      const hit = linked.find((r) => r.code === code);
      return { code, name: hit?.name ?? null, state: hit?.state ?? null };
    }),
    nearDuplicates: await similarSystems(
      deps.db,
      system.jurisdictionId,
      system.name,
      system.ownerOrganisationId,
    ),
  };
}

export function registerSystemRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
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
      const query = req.query;
      await assertReadableOrganisation(deps.db, caller, query.ownerOrganisationId);
      const page = await listSystems(
        deps.db,
        allOf(systemsVisibleWhere(caller.scope), systemFilterWhere(query)),
        paging(query),
      );
      return { items: page.items.map((r) => presentSystem(r, caller)), total: page.total };
    },
  );

  typed.get(
    '/api/catalog/systems/:id',
    {
      schema: {
        tags: TAGS.systems,
        summary: '系统详情：状态历史、关联资源、名称相近的系统',
        params: IdParams,
        response: { 200: SystemDetail, ...errors },
      },
    },
    async (req) => systemDetail(deps, callerFrom(req, deps), req.params.id),
  );

  typed.post(
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
      const created = await registerSystem(deps, commandContext(req), caller, req.body);
      reply.status(201);
      return systemDetail(deps, caller, created.id);
    },
  );

  const change = async (
    req: FastifyRequest & { params: { id: string } },
    action: 'catalog.system_update' | 'catalog.system_retire',
    changes: Readonly<Record<string, unknown>>,
    version: number,
    ownerOrganisationId: string | undefined,
  ) => {
    const caller = callerFrom(req, deps);
    const { id } = req.params;
    await changeSystem(deps, commandContext(req), caller, id, action, changes, version, ownerOrganisationId);
    return systemDetail(deps, caller, id);
  };

  typed.patch(
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
      const { version, ownerOrganisationId, ...changes } = req.body;
      return change(req, 'catalog.system_update', changes, version, ownerOrganisationId);
    },
  );

  typed.post(
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
      const { version, retirementDate, mergedInto, remarks } = req.body;
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
