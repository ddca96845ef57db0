import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../platform/actor.ts';
import { errors } from '../platform/http/schemas.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { loadWorkflowEnv } from './env.ts';
import { TaskList } from './responses.ts';
import { TaskQuery } from './schemas.ts';
import { listTasks } from './task-queries.ts';

const TAGS = ['项目'];

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerInboxRoutes(root: FastifyInstance, deps: ProjectDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.get(
    '/api/tasks',
    {
      schema: {
        tags: TAGS,
        summary: '待办：等待我办理的环节、申报与专家意见（最早到达的在前，分页）',
        querystring: TaskQuery,
        response: { 200: TaskList, ...errors },
      },
    },
    async (req) => listTasks(deps.db, await env(), actorOf(req), req.query),
  );
}
