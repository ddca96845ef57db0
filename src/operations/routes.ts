/**
 * HTTP routes of the operations module: validate → command or query → answer. No drizzle, no rules.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { errors } from '../http/schemas.ts';
import { commandContext } from '../identity/plugin.ts';
import { FileDownload } from '../projects/schemas.ts';
import { type CommandDeps, recordEvent } from '../shared/command.ts';
import { decideExemption, recordHandover, requestExemption } from './commands/cloud.ts';
import { setBaseLibrary, setInternalRule, setResponsibility } from './commands/data.ts';
import { createPlan, planDrill, recordDrillHeld, revisePlan } from './commands/emergency.ts';
import { appendEntry, closeIncident, fileWithAuthority, recordIncident } from './commands/incidents.ts';
import { recordMonitoring, setIndustryCloud } from './commands/monitoring.ts';
import { confirmData, decideRetirement, requestRetirement } from './commands/retirement.ts';
import { addProduct, recordAssessment, removeProduct, setGrading } from './commands/security.ts';
import { callerOfContext } from './context.ts';
import { overviewWorkbook } from './excel.ts';
import { cloudSummary } from './queries/cloud.ts';
import { baseLibraries, internalRulesStatus, listResponsibilities } from './queries/data.ts';
import { incidentDetail, listIncidents } from './queries/incidents.ts';
import { industryClouds, monitoringGaps, systemMonitoring } from './queries/monitoring.ts';
import { securityOverview } from './queries/overview.ts';
import { listPlans } from './queries/plans.ts';
import { listRetirements } from './queries/retirements.ts';
import { listSecuritySystems, securitySystemDetail } from './queries/systems.ts';
import * as S from './schemas.ts';

const TAGS = ['运行与安全'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Req = FastifyRequest;

/** A read: 200 with `response`, the query or path parameters in `extra`. */
function read<const E extends { querystring?: TSchema; params?: TSchema }, R extends TSchema>(
  summary: string,
  extra: E,
  response: R,
) {
  return { schema: { tags: TAGS, summary, ...extra, response: { 200: response, ...errors } } };
}

/** A write on `/:id` (or other `params`) answering 200 with `response` (default `{ ok: true }`). */
function write<B extends TSchema, R extends TSchema = typeof S.Ok, P extends TSchema = typeof S.IdParams>(
  summary: string,
  body: B,
  options: { params?: P; response?: R } = {},
) {
  const params = (options.params ?? S.IdParams) as P;
  const response = (options.response ?? S.Ok) as R;
  return { schema: { tags: TAGS, summary, params, body, response: { 200: response, ...errors } } };
}

/** A write on `/:id` that creates something, answering 201 with `response`. */
function create<B extends TSchema, R extends TSchema>(summary: string, body: B, response: R) {
  return {
    schema: { tags: TAGS, summary, params: S.IdParams, body, response: { 201: response, ...errors } },
  };
}

export function registerOperationsRoutes(root: FastifyInstance, deps: CommandDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const caller = (req: Req) => callerOfContext(deps, commandContext(req));
  const ctx = (req: Req) => commandContext(req);
  const page = (query: { limit?: number; offset?: number }) => ({
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  const ok = { ok: true as const };
  app.get(
    '/api/operations/overview',
    read('安全概览：到期测评、逾期演练、未办结事件', {}, S.OverviewView),
    (req) => securityOverview(deps.db, caller(req)),
  );
  app.get(
    '/api/operations/overview/export',
    {
      schema: {
        tags: TAGS,
        summary: '导出安全概览（Excel，记入审计）',
        response: { 200: FileDownload('Excel 文件'), ...errors },
      },
    },
    async (req, reply) => {
      const c = caller(req);
      const overview = await securityOverview(deps.db, c);
      const bytes = await overviewWorkbook(overview, c.displayName, c.now);
      await recordEvent(deps, ctx(req), {
        action: 'ops.export',
        objectType: 'ops_overview',
        details: {
          assessments: overview.assessments.length,
          drills: overview.drills.length,
          incidents: overview.incidents.length,
        },
      });
      const day = overview.today.replace(/-/g, '');
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="security-overview-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`安全概览-${day}.xlsx`)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );

  // 等保, 测评, 密评, 风险评估, 自主可控 (DT-35, SC-28, XZ-31)
  app.get(
    '/api/operations/systems',
    read('系统安全档案列表', { querystring: S.ListQuery }, S.SecuritySystemPage),
    (req) => {
      const q = req.query;
      return listSecuritySystems(deps.db, caller(req), { ...q, ...page(q) });
    },
  );
  app.get(
    '/api/operations/systems/:id',
    read('系统安全档案', { params: S.IdParams }, S.SystemDetailView),
    (req) => securitySystemDetail(deps.db, caller(req), req.params.id),
  );
  app.put('/api/operations/systems/:id/grading', write('登记等保定级备案', S.GradingBody), async (req) => {
    await setGrading(deps, ctx(req), req.params.id, req.body);
    return ok;
  });
  app.post(
    '/api/operations/systems/:id/assessments',
    create('登记等保测评、密评或风险评估报告（登记后不可修改）', S.AssessmentBody, S.AssessmentRecorded),
    async (req, reply) => {
      reply.status(201);
      return recordAssessment(deps, ctx(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/operations/systems/:id/products',
    create('登记自主可控关键产品', S.ProductBody, S.Created),
    async (req, reply) => {
      reply.status(201);
      return addProduct(deps, ctx(req), req.params.id, req.body);
    },
  );
  app.delete(
    '/api/operations/systems/:id/products/:productId',
    {
      schema: {
        tags: TAGS,
        summary: '删除关键产品记录',
        params: S.ProductParams,
        response: { 200: S.Ok, ...errors },
      },
    },
    async (req) => {
      const p = req.params;
      await removeProduct(deps, ctx(req), p.id, p.productId);
      return ok;
    },
  );

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

  // 数据质量责任 (DT-34, JC-06), 内部制度 (DT-05b), 基础库 (DT-33)
  app.get(
    '/api/operations/responsibilities',
    read('数据资源质量责任', { querystring: S.OrgQuery }, S.ResponsibilityPage),
    (req) => {
      const q = req.query;
      return listResponsibilities(deps.db, caller(req), { ...q, ...page(q) });
    },
  );
  app.put(
    '/api/operations/resources/:id/responsibility',
    write('登记资源的采集、校核与责任单位', S.ResponsibilityBody),
    async (req) => {
      await setResponsibility(deps, ctx(req), req.params.id, req.body);
      return ok;
    },
  );
  app.get(
    '/api/operations/internal-rules',
    read('部门内部管理制度（DT-05b）', {}, S.InternalRulesView),
    (req) => internalRulesStatus(deps.db, caller(req)),
  );
  app.put(
    '/api/operations/internal-rules',
    {
      schema: {
        tags: TAGS,
        summary: '登记部门内部管理制度',
        body: S.InternalRuleBody,
        response: { 200: S.Ok, ...errors },
      },
    },
    async (req) => {
      await setInternalRule(deps, ctx(req), req.body);
      return ok;
    },
  );
  app.get('/api/operations/base-libraries', read('六大基础资源库（DT-33）', {}, S.BaseLibrariesView), (req) =>
    baseLibraries(deps.db, caller(req)),
  );
  app.put(
    '/api/operations/base-libraries/:kind',
    write('维护基础资源库的责任单位与资源', S.BaseLibraryBody, { params: S.KindParams }),
    async (req) => {
      const { kind } = req.params;
      await setBaseLibrary(deps, ctx(req), kind, req.body);
      return ok;
    },
  );

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
