import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { errors } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import { commandContext } from '../identity/plugin.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../shared/command.ts';
import { notFound } from '../shared/errors.ts';
import type { ProjectDeps } from './commands.ts';
import { listTasks } from './queries.ts';
import { loadWorkflowEnv } from './repository.ts';
import { NotificationList, TaskList } from './responses.ts';
import { ProjectParams, strict } from './schemas.ts';
import { notifications } from './tables.ts';

const TAGS = ['项目'];

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerInboxRoutes(app: FastifyInstance, deps: ProjectDeps): void {
  const env = () => loadWorkflowEnv(deps.db, deps.clock);

  app.get(
    '/api/tasks',
    {
      schema: {
        tags: TAGS,
        summary: '待办：等待我办理的环节、申报与专家意见',
        response: { 200: TaskList, ...errors },
      },
    },
    async (req) => listTasks(deps.db, await env(), actorOf(req)),
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: TAGS,
        summary: '我的通知（催办、转办、专家指派）',
        response: { 200: NotificationList, ...errors },
      },
    },
    async (req) => {
      const rows = await deps.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, actorOf(req).userId))
        .orderBy(desc(notifications.createdAt))
        .limit(100);
      return {
        items: rows.map((n) => ({
          id: n.id,
          projectId: n.projectId,
          stepId: n.stepId,
          kind: n.kind,
          message: n.message,
          createdAt: n.createdAt.toISOString(),
          read: n.readAt !== null,
        })),
        unread: rows.filter((n) => n.readAt === null).length,
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: TAGS,
        summary: '标记通知为已读',
        params: ProjectParams,
        response: { 200: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const actor = actorOf(req);
      await markRead(deps, commandContext(req), actor.userId, id);
      return { ok: true };
    },
  );
}

async function markRead(deps: CommandDeps, ctx: CommandContext, userId: string, id: string): Promise<void> {
  await runCommand(
    deps,
    ctx,
    { action: 'notification.read', objectType: 'notification', objectId: id },
    async (tx) => {
      const updated = await tx
        .update(notifications)
        .set({ readAt: deps.clock.now() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      if (updated.length === 0) throw notFound('通知不存在', 'NOTIFICATION_NOT_FOUND');
    },
  );
}
