/** Operations routes: 停用报废. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { CommandDeps } from '../platform/command.ts';
import { confirmData } from './commands/confirm-data.ts';
import { decideRetirement } from './commands/decide-retirement.ts';
import { requestRetirement } from './commands/request-retirement.ts';
import { listRetirements } from './queries/retirements.ts';
import { create, read, routeKit, write } from './route-kit.ts';
import * as S from './schemas.ts';

const _XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerRetirementRoutes(root: FastifyInstance, deps: CommandDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { caller, ctx, page, ok } = routeKit(deps);
  // 停用报废
  app.get(
    '/api/operations/retirements',
    read('停用报废申请', { querystring: S.RetirementQuery }, S.RetirementPage),
    (req) => {
      const q = req.query;
      return listRetirements(deps.db, caller(req), { ...q, ...page(q) });
    },
  );
  app.post(
    '/api/operations/systems/:id/retirement',
    create('申请停用报废', S.RetirementBody, S.Created),
    async (req, reply) => {
      reply.status(201);
      return requestRetirement(deps, ctx(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/operations/retirements/:id/data-confirmation',
    write('确认数据已归档或迁移', S.VersionBody),
    async (req) => {
      await confirmData(deps, ctx(req), req.params.id, req.body);
      return ok;
    },
  );
  app.post(
    '/api/operations/retirements/:id/decision',
    write('审批停用报废（批准后系统退出在册数，资源下架）', S.DecisionBody, {
      response: S.RetirementDecided,
    }),
    (req) => decideRetirement(deps, ctx(req), req.params.id, req.body),
  );
}
