/** Operations routes: 数据质量责任 (DT-34, JC-06), 内部制度 (DT-05b), 基础库 (DT-33). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { CommandDeps } from '../platform/command.ts';
import { errors } from '../platform/http/schemas.ts';
import { setBaseLibrary } from './commands/set-base-library.ts';
import { setInternalRule } from './commands/set-internal-rule.ts';
import { setResponsibility } from './commands/set-responsibility.ts';
import { baseLibraries, internalRulesStatus, listResponsibilities } from './queries/data.ts';
import { read, routeKit, TAGS, write } from './route-kit.ts';
import * as S from './schemas.ts';

const _XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerDataRoutes(root: FastifyInstance, deps: CommandDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { caller, ctx, page, ok } = routeKit(deps);
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
}
