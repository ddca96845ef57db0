/** Operations routes: 上云与运维移交 (XZ-08b, XZ-28, XZ-30), SC-27 日常监测, XZ-30 行业云纳管. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { CommandDeps } from '../platform/command.ts';
import { decideExemption } from './commands/decide-exemption.ts';
import { recordHandover } from './commands/record-handover.ts';
import { recordMonitoring } from './commands/record-monitoring.ts';
import { requestExemption } from './commands/request-exemption.ts';
import { setIndustryCloud } from './commands/set-industry-cloud.ts';
import { cloudSummary } from './queries/cloud.ts';
import { industryClouds, monitoringGaps, systemMonitoring } from './queries/monitoring.ts';
import { create, read, routeKit, write } from './route-kit.ts';
import * as S from './schemas.ts';

const _XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerCloudRoutes(root: FastifyInstance, deps: CommandDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { caller, ctx, page, ok } = routeKit(deps);
  // 上云与运维移交 (XZ-08b, XZ-28, XZ-30)
  app.get('/api/operations/cloud', read('各部门上云情况与不上云申请', {}, S.CloudView), (req) =>
    cloudSummary(deps.db, caller(req)),
  );
  app.post(
    '/api/operations/systems/:id/cloud-exemption',
    create('申请不上云（法律法规或保密要求）', S.ExemptionBody, S.Created),
    async (req, reply) => {
      reply.status(201);
      return requestExemption(deps, ctx(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/operations/cloud-exemptions/:id/decision',
    write('审核不上云申请', S.DecisionBody),
    async (req) => {
      await decideExemption(deps, ctx(req), req.params.id, req.body);
      return ok;
    },
  );
  app.post(
    '/api/operations/systems/:id/om-handover',
    create('登记运维移交（XZ-30）', S.HandoverBody, S.Created),
    async (req, reply) => {
      reply.status(201);
      return recordHandover(deps, ctx(req), req.params.id, req.body);
    },
  );

  // SC-27 政务信息资源日常监测
  app.get(
    '/api/operations/systems/:id/monitoring',
    read('系统的政务信息资源日常监测记录与缺漏日期（SC-27）', { params: S.IdParams }, S.MonitoringView),
    (req) => systemMonitoring(deps.db, caller(req), req.params.id),
  );
  app.post(
    '/api/operations/systems/:id/monitoring',
    create('登记当日监测情况（正常/异常、发现的问题、处理人）', S.MonitoringBody, S.Created),
    async (req, reply) => {
      reply.status(201);
      return recordMonitoring(deps, ctx(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/operations/monitoring/gaps',
    read(
      '缺少某日监测记录的运行系统（默认昨天）',
      { querystring: S.MonitoringGapQuery },
      S.MonitoringGapPage,
    ),
    (req) => {
      const q = req.query;
      return monitoringGaps(deps.db, caller(req), { ...q, ...page(q) });
    },
  );

  // XZ-30 行业云纳入市级政务云统一管理
  app.get(
    '/api/operations/industry-clouds',
    read(
      '行业云上的系统及其纳入市级政务云统一管理的计划和进度（XZ-30）',
      { querystring: S.PageQuery },
      S.IndustryCloudPage,
    ),
    (req) => industryClouds(deps.db, caller(req), page(req.query)),
  );
  app.put(
    '/api/operations/systems/:id/industry-cloud',
    write('登记行业云纳管计划与进度', S.IndustryCloudBody),
    async (req) => {
      await setIndustryCloud(deps, ctx(req), req.params.id, req.body);
      return ok;
    },
  );
}
