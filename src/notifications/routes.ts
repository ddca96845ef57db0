/** The bell and the 通知设置 page: my notices, the unread count, mark read, my channel preferences. */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { CommandDeps } from '../platform/command.ts';
import { errors, IdParams, Paging, VersionInput } from '../platform/http/schemas.ts';
import { markAllRead } from './commands/mark-all-read.ts';
import { markRead } from './commands/mark-read.ts';
import { savePreferences } from './commands/save-preferences.ts';
import { NOTICE_KINDS } from './model.ts';
import { listNotifications, unreadCount } from './queries/notifications.ts';
import { preferencesOf } from './queries/preferences.ts';

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

const KindCode = Type.String({ minLength: 1, maxLength: 40 });

export const Preferences = Type.Object(
  {
    inApp: Type.Literal(true, { description: '站内通知始终开启' }),
    email: Type.Union([S, Type.Null()], { description: '本人接收通知的邮箱' }),
    emailEnabled: Type.Boolean(),
    webhookEnabled: Type.Boolean(),
    mutedKinds: Type.Array(S, { description: '不通过邮件、群机器人发送的通知类型（站内仍可见）' }),
    version: Type.Integer(),
    updatedAt: NullableS,
    available: Type.Object(
      { smtp: Type.Boolean(), webhook: Type.Boolean() },
      { ...strict, description: '平台已配置的外部通知方式' },
    ),
    kinds: Type.Array(Type.Object({ code: S, name: S }, strict)),
  },
  strict,
);

export const PreferencesInput = Type.Object(
  {
    version: VersionInput,
    email: Type.Union([Type.String({ minLength: 3, maxLength: 254 }), Type.Null()]),
    emailEnabled: Type.Boolean(),
    webhookEnabled: Type.Boolean(),
    mutedKinds: Type.Array(KindCode, { maxItems: NOTICE_KINDS.length }),
  },
  strict,
);

const actorOf = (req: FastifyRequest): Actor => req.actor!;

/** `channels`: the outbound channels the platform has configured (src/config.ts). */
export function registerNotificationRoutes(
  fastify: FastifyInstance,
  deps: CommandDeps,
  channels: readonly string[] = [],
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
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
    async (req) => listNotifications(deps.db, actorOf(req).userId, req.query),
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
    async (req) => ({ unread: await unreadCount(deps.db, actorOf(req).userId) }),
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
      await markRead(deps, commandContext(req), actorOf(req).userId, req.params.id);
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
    async (req) => ({ marked: await markAllRead(deps, commandContext(req), actorOf(req).userId) }),
  );

  const present = async (userId: string) => {
    const p = await preferencesOf(deps.db, userId);
    return {
      inApp: true as const,
      email: p.email,
      emailEnabled: p.emailEnabled,
      webhookEnabled: p.webhookEnabled,
      mutedKinds: p.mutedKinds,
      version: p.version,
      updatedAt: p.updatedAt?.toISOString() ?? null,
      available: { smtp: channels.includes('smtp'), webhook: channels.includes('webhook') },
      kinds: NOTICE_KINDS.map((k) => ({ code: k.code, name: k.name })),
    };
  };

  app.get(
    '/api/notifications/preferences',
    {
      schema: {
        tags: TAGS,
        summary: '我的通知设置：站内通知始终开启；邮件、群机器人按本人选择（仅限平台已配置的方式）',
        querystring: Type.Object({}, { ...strict, description: '无参数：只能读本人的设置' }),
        response: { 200: Preferences, ...errors },
      },
    },
    async (req) => present(actorOf(req).userId),
  );

  app.put(
    '/api/notifications/preferences',
    {
      schema: {
        tags: TAGS,
        summary: '修改我的通知设置（只能改本人的；带版本号，记入审计）',
        body: PreferencesInput,
        response: { 200: Preferences, ...errors },
      },
    },
    async (req) => {
      const userId = actorOf(req).userId;
      await savePreferences(deps, commandContext(req), userId, req.body, channels);
      return present(userId);
    },
  );
}
