/** Operations routes: the security overview (and its export), 等保, 测评, 密评, 风险评估, 自主可控 (DT-35, SC-28, XZ-31). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type CommandDeps, recordEvent } from '../platform/command.ts';
import { errors } from '../platform/http/schemas.ts';
import { FileDownload } from '../projects/index.ts';
import { addProduct } from './commands/add-product.ts';
import { recordAssessment } from './commands/record-assessment.ts';
import { removeProduct } from './commands/remove-product.ts';
import { setGrading } from './commands/set-grading.ts';
import { overviewWorkbook } from './excel.ts';
import { securityOverview } from './queries/overview.ts';
import { listSecuritySystems, securitySystemDetail } from './queries/systems.ts';
import { create, read, routeKit, TAGS, write } from './route-kit.ts';
import * as S from './schemas.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerSecurityRoutes(root: FastifyInstance, deps: CommandDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { caller, ctx, page, ok } = routeKit(deps);
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
}
