/** Contracts over HTTP (thin handlers over the commands in src/construction/commands/). */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { fenToYuan } from '../platform/documents/format.ts';
import { errors, Literals, Nullable, strict, Uuid, VersionInput } from '../platform/http/schemas.ts';
import { loadWorkflowEnv, visibleContext, Yuan } from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { deliverDeliverable } from './commands/deliver-deliverable.ts';
import { fileContract } from './commands/file-contract.ts';
import { fileSupervisor } from './commands/file-supervisor.ts';
import { signContract } from './commands/sign-contract.ts';
import { DELIVERABLE_KINDS, DELIVERABLE_LABELS, PROCUREMENT_LABELS, PROCUREMENT_METHODS } from './model.ts';
import { listContracts } from './queries/contracts.ts';
import { listSupervisors } from './queries/supervisors.ts';
import { registerRectificationRoutes } from './rectification-routes.ts';

const TAGS = ['建设'];
const S = Type.String();
const IsoDate = Type.String({ format: 'date' });

const SignBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 100 }),
    procurementMethod: Literals(PROCUREMENT_METHODS),
    procurementResult: Type.String({ minLength: 1, maxLength: 2000 }),
    contractorName: Type.String({ minLength: 1, maxLength: 200 }),
    amount: Yuan,
    signedOn: IsoDate,
    ownershipClause: Type.Boolean(),
    deliverables: Type.Array(
      Type.Object(
        { kind: Literals(DELIVERABLE_KINDS), name: Type.String({ minLength: 1, maxLength: 200 }) },
        strict,
      ),
      { maxItems: 50 },
    ),
  },
  strict,
);

const ContractView = Type.Object(
  {
    id: S,
    number: S,
    procurementMethod: S,
    procurementMethodName: S,
    procurementResult: S,
    contractorName: S,
    amount: S,
    signedOn: S,
    ownershipClause: Type.Boolean(),
    filedOn: Nullable(S),
    version: Type.Integer(),
    deliverables: Type.Array(
      Type.Object({ id: S, kind: S, kindName: S, name: S, deliveredOn: Nullable(S) }, strict),
    ),
  },
  strict,
);

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerConstructionRoutes(root: FastifyInstance, deps: ProjectDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
  registerRectificationRoutes(root, deps);

  app.get(
    '/api/projects/:id/contracts',
    {
      schema: {
        tags: TAGS,
        summary: '项目的建设合同与交付成果',
        params: Type.Object({ id: Uuid }, strict),
        response: { 200: Type.Object({ items: Type.Array(ContractView) }, strict), ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      await visibleContext(deps.db, await env(), actorOf(req), id);
      const rows = await listContracts(deps.db, id);
      return {
        items: rows.map((c) => ({
          id: c.id,
          number: c.number,
          procurementMethod: c.procurementMethod,
          procurementMethodName: PROCUREMENT_LABELS[c.procurementMethod],
          procurementResult: c.procurementResult,
          contractorName: c.contractorName,
          amount: fenToYuan(c.amountFen),
          signedOn: c.signedOn,
          ownershipClause: c.ownershipClause,
          filedOn: c.filedOn,
          version: c.version,
          deliverables: c.deliverables.map((d) => ({
            id: d.id,
            kind: d.kind,
            kindName: DELIVERABLE_LABELS[d.kind],
            name: d.name,
            deliveredOn: d.deliveredOn,
          })),
        })),
      };
    },
  );

  app.post(
    '/api/projects/:id/contracts',
    {
      schema: {
        tags: TAGS,
        summary: '登记建设合同（记录“已签订合同”，开始计算备案期限）',
        params: Type.Object({ id: Uuid }, strict),
        body: SignBody,
        response: { 201: Type.Object({ id: S }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const contractId = await signContract(deps, commandContext(req), await env(), id, req.body);
      return reply.status(201).send({ id: contractId });
    },
  );

  app.get(
    '/api/projects/:id/supervisors',
    {
      schema: {
        tags: TAGS,
        summary: '已备案的监理单位',
        params: Type.Object({ id: Uuid }, strict),
        response: {
          200: Type.Object(
            {
              items: Type.Array(
                Type.Object(
                  { id: S, unitName: S, contractNumber: S, procurementMethodName: S, filedOn: S },
                  strict,
                ),
              ),
            },
            strict,
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const { id } = req.params;
      await visibleContext(deps.db, await env(), actorOf(req), id);
      const rows = await listSupervisors(deps.db, id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          unitName: r.unitName,
          contractNumber: r.contractNumber,
          procurementMethodName: PROCUREMENT_LABELS[r.procurementMethod],
          filedOn: r.filedOn,
        })),
      };
    },
  );

  app.post(
    '/api/projects/:id/supervisors',
    {
      schema: {
        tags: TAGS,
        summary: '监理单位报主管部门备案',
        params: Type.Object({ id: Uuid }, strict),
        body: Type.Object(
          {
            unitName: Type.String({ minLength: 1, maxLength: 200 }),
            contractNumber: Type.String({ minLength: 1, maxLength: 100 }),
            procurementMethod: Literals(PROCUREMENT_METHODS),
          },
          strict,
        ),
        response: { 201: Type.Object({ id: S }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const sid = await fileSupervisor(deps, commandContext(req), await env(), id, req.body);
      return reply.status(201).send({ id: sid });
    },
  );

  app.post(
    '/api/projects/:id/contracts/:contractId/file',
    {
      schema: {
        tags: TAGS,
        summary: '合同报主管部门备案（履行备案义务，逾期的记为逾期履行）',
        params: Type.Object({ id: Uuid, contractId: Uuid }, strict),
        body: Type.Object({ version: VersionInput }, strict),
        response: { 200: Type.Object({ late: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id, contractId } = req.params;
      const { version } = req.body;
      return fileContract(deps, commandContext(req), await env(), id, contractId, version);
    },
  );

  app.post(
    '/api/projects/:id/contracts/:contractId/deliverables/:deliverableId/delivered',
    {
      schema: {
        tags: TAGS,
        summary: '登记成果已交付',
        params: Type.Object({ id: Uuid, contractId: Uuid, deliverableId: Uuid }, strict),
        response: { 200: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id, contractId, deliverableId } = req.params;
      await deliverDeliverable(deps, commandContext(req), await env(), id, contractId, deliverableId);
      return { ok: true };
    },
  );
}
