/** Operations routes: 应急预案与演练 (DT-36, SC-29, XZ-32, JC-06) and 安全事件 (DT-36, SC-29, XZ-31, XZ-32). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { CommandDeps } from '../platform/command.ts';
import { errors } from '../platform/http/schemas.ts';
import { appendEntry } from './commands/append-entry.ts';
import { closeIncident } from './commands/close-incident.ts';
import { createPlan } from './commands/create-plan.ts';
import { fileWithAuthority } from './commands/file-with-authority.ts';
import { planDrill } from './commands/plan-drill.ts';
import { recordDrillHeld } from './commands/record-drill-held.ts';
import { recordIncident } from './commands/record-incident.ts';
import { revisePlan } from './commands/revise-plan.ts';
import { incidentDetail, listIncidents } from './queries/incidents.ts';
import { listPlans } from './queries/plans.ts';
import { create, read, routeKit, TAGS, write } from './route-kit.ts';
import * as S from './schemas.ts';

const _XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerEmergencyRoutes(root: FastifyInstance, deps: CommandDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { caller, ctx, page, ok } = routeKit(deps);
  // 应急预案与演练 (DT-36, SC-29, XZ-32, JC-06)
  app.get(
    '/api/operations/emergency-plans',
    read('应急预案与演练', { querystring: S.OrgQuery }, S.PlanPage),
    (req) => {
      const q = req.query;
      return listPlans(deps.db, caller(req), { ...q, ...page(q) });
    },
  );
  app.post(
    '/api/operations/emergency-plans',
    {
      schema: {
        tags: TAGS,
        summary: '制定应急预案（第 1 版）',
        body: S.PlanBody,
        response: { 201: S.Created, ...errors },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createPlan(deps, ctx(req), req.body);
    },
  );
  app.post(
    '/api/operations/emergency-plans/:id/versions',
    create('修订应急预案（新版本，旧版本保留）', S.PlanVersionBody, S.PlanRevised),
    async (req, reply) => {
      reply.status(201);
      return revisePlan(deps, ctx(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/operations/emergency-plans/:id/drills',
    create('计划应急演练', S.DrillBody, S.Created),
    async (req, reply) => {
      reply.status(201);
      return planDrill(deps, ctx(req), req.params.id, req.body);
    },
  );
  app.post('/api/operations/drills/:id/held', write('登记演练举行情况', S.DrillHeldBody), async (req) => {
    await recordDrillHeld(deps, ctx(req), req.params.id, req.body);
    return ok;
  });

  // 安全事件 (DT-36, SC-29, XZ-31, XZ-32)
  app.get(
    '/api/operations/incidents',
    read('安全事件', { querystring: S.IncidentQuery }, S.IncidentPage),
    (req) => {
      const q = req.query;
      return listIncidents(deps.db, caller(req), { ...q, ...page(q) });
    },
  );
  app.get(
    '/api/operations/incidents/:id',
    read('安全事件详情与处置记录', { params: S.IdParams }, S.IncidentDetail),
    (req) => incidentDetail(deps.db, caller(req), req.params.id),
  );
  app.post(
    '/api/operations/incidents',
    {
      schema: {
        tags: TAGS,
        summary: '登记安全事件',
        body: S.IncidentBody,
        response: { 201: S.Created, ...errors },
      },
    },
    async (req, reply) => {
      const input = req.body;
      reply.status(201);
      return recordIncident(deps, ctx(req), { ...input, foundAt: new Date(input.foundAt) });
    },
  );
  app.post(
    '/api/operations/incidents/:id/entries',
    create('追加处置记录、报告或更正', S.EntryBody, S.Created),
    async (req, reply) => {
      const input = req.body;
      reply.status(201);
      return appendEntry(deps, ctx(req), req.params.id, { ...input, at: new Date(input.at) });
    },
  );
  app.post(
    '/api/operations/incidents/:id/filing',
    write('向主管部门报备（DT-36）', S.FilingBody),
    async (req) => {
      const input = req.body;
      await fileWithAuthority(deps, ctx(req), req.params.id, { ...input, at: new Date(input.at) });
      return ok;
    },
  );
  app.post('/api/operations/incidents/:id/close', write('事件处置完毕', S.CloseBody), async (req) => {
    await closeIncident(deps, ctx(req), req.params.id, req.body);
    return ok;
  });
}
