/** The bell: my notifications, the unread count, mark one or all read. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { errors, IdParams, Paging } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import { commandContext } from '../identity/plugin.ts';
import { type CommandDeps, runCommand } from '../shared/command.ts';
import { notFound } from '../shared/errors.ts';
import { notifications } from './tables.ts';

const TAGS = ['通知'];
const strict = { additionalProperties: false } as const;
const S = Type.String();
const NullableS = Type.Union([S, Type.Null()]);

export const NotificationItem = Type.Object(
  {
    id: S,
    projectId: NullableS,
    stepId: NullableS,
    obligationId: NullableS,
    kind: S,
    message: S,
    link: NullableS,
    createdAt: S,
    read: Type.Boolean(),
  },
  strict,
);

const NotificationList = Type.Object(
  { items: Type.Array(NotificationItem), unread: Type.Integer(), total: Type.Integer() },
  strict,
);
const ListQuery = Type.Object({ ...Paging, unreadOnly: Type.Optional(Type.Boolean()) }, strict);

const actorOf = (req: FastifyRequest): Actor => req.actor!;

async function unreadCount(deps: CommandDeps, userId: string): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export function registerNotificationRoutes(app: FastifyInstance, deps: CommandDeps): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: TAGS,
        summary: '我的通知（催办、转办、期限提醒、逾期）',
        querystring: ListQuery,
        response: { 200: NotificationList, ...errors },
      },
    },
    async (req) => {
      const q = req.query as { limit?: number; offset?: number; unreadOnly?: boolean };
      const userId = actorOf(req).userId;
      const where = and(
        eq(notifications.userId, userId),
        q.unreadOnly ? isNull(notifications.readAt) : undefined,
      );
      const [rows, [total], unread] = await Promise.all([
        deps.db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.limit ?? 50)
          .offset(q.offset ?? 0),
        deps.db.select({ n: count() }).from(notifications).where(where),
        unreadCount(deps, userId),
      ]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          projectId: n.projectId,
          stepId: n.stepId,
          obligationId: n.obligationId,
          kind: n.kind,
          message: n.message,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          read: n.readAt !== null,
        })),
        unread,
        total: total?.n ?? 0,
      };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags: TAGS,
        summary: '未读通知数（页头铃铛）',
        response: { 200: Type.Object({ unread: Type.Integer() }, strict), ...errors },
      },
    },
    async (req) => ({ unread: await unreadCount(deps, actorOf(req).userId) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: TAGS,
        summary: '标记通知为已读',
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const userId = actorOf(req).userId;
      await runCommand(
        deps,
        commandContext(req),
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
      return { ok: true };
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: TAGS,
        summary: '全部标记为已读',
        response: { 200: Type.Object({ marked: Type.Integer() }, strict), ...errors },
      },
    },
    async (req) => {
      const userId = actorOf(req).userId;
      const marked = await runCommand(
        deps,
        commandContext(req),
        { action: 'notification.read_all', objectType: 'notification' },
        async (tx, audit) => {
          const rows = await tx
            .update(notifications)
            .set({ readAt: deps.clock.now() })
            .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
            .returning({ id: notifications.id });
          audit.details = { marked: rows.length };
          return rows.length;
        },
      );
      return { marked };
    },
  );
}
