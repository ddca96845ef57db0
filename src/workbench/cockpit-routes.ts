/** The authority cockpit's route (issue 17); the figures are SQL in queries/cockpit.ts. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errors } from '../platform/http/schemas.ts';
import { loadWorkflowEnv } from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { cockpitOf } from './queries/cockpit.ts';
import { Cockpit } from './schemas.ts';

export function registerCockpitRoutes(fastify: FastifyInstance, deps: ProjectDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/cockpit',
    {
      schema: {
        tags: ['工作台'],
        summary:
          '领导驾驶舱：项目按状态、部门统计，分年度申请、立项与拨付金额，逾期事项、部门考核等次与未办结安全事件（均限本人可见范围）',
        response: { 200: Cockpit, ...errors },
      },
    },
    async (req) => {
      const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
      return cockpitOf(deps.db, env, req.actor!);
    },
  );
}
