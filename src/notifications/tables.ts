/**
 * In-app notifications (催办, 转办, obligation reminders …) and their outbound deliveries (SMTP, a
 * DingTalk/WeCom-style webhook). A delivery is keyed (dedupe key, channel) and claimed with
 * `for update skip locked`, so several app processes send each one once.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/tables.ts';
import { obligations } from '../obligations/tables.ts';
import { stamp } from '../platform/db/columns.ts';
import type { DeliveryChannel } from '../platform/outbound/channels.ts';
import { projects } from '../projects/tables.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    projectId: uuid('project_id').references(() => projects.id),
    stepId: text('step_id'),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: stamp('created_at').notNull(),
    readAt: stamp('read_at'),
    /** Where the UI opens it (a path of the web app). */
    link: text('link'),
    obligationId: uuid('obligation_id'),
    /** Set for notices that must exist once per user (a reminder): a second insert is ignored. */
    dedupeKey: text('dedupe_key'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    // Foreign keys a hand-written migration created inline keep PostgreSQL's `<table>_<column>_fkey` name
    // (drizzle's `.references()` would declare `..._fk`, and db:generate would then rename them).
    foreignKey({
      name: 'notifications_obligation_id_fkey',
      columns: [t.obligationId],
      foreignColumns: [obligations.id],
    }),
  ],
);

export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    channel: text('channel').$type<DeliveryChannel>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    state: text('state').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: stamp('created_at').notNull(),
    sentAt: stamp('sent_at'),
    /** Whom it was for; null: the supervision mailbox / group bot copy (issue 17). */
    recipientUserId: uuid('recipient_user_id'),
    /** The user's own address at the time it was queued (SMTP). */
    recipientAddress: text('recipient_address'),
    /** The in-app notice it repeats, for per-user deliveries. */
    notificationId: uuid('notification_id'),
  },
  (t) => [
    uniqueIndex('notification_deliveries_uq').on(t.dedupeKey, t.channel),
    index('notification_deliveries_pending_idx').on(t.id).where(sql`${t.state} = 'pending'`),
    check('notification_deliveries_channel_ck', sql`${t.channel} in ('smtp', 'webhook')`),
    check('notification_deliveries_state_ck', sql`${t.state} in ('pending', 'sent', 'failed')`),
    check('notification_deliveries_attempts_ck', sql`${t.attempts} >= 0`),
    index('notification_deliveries_notification_idx')
      .on(t.notificationId, t.channel)
      .where(sql`${t.notificationId} is not null`),
    foreignKey({
      name: 'notification_deliveries_notification_id_fkey',
      columns: [t.notificationId],
      foreignColumns: [notifications.id],
    }),
    foreignKey({
      name: 'notification_deliveries_recipient_user_id_fkey',
      columns: [t.recipientUserId],
      foreignColumns: [users.id],
    }),
  ],
);

/**
 * Each user's choice of outbound channels (issue 17); the in-app centre is always on. No row: the
 * defaults (e-mail on but no address yet, group bot off, nothing muted). `*_since` is when the channel
 * was last switched on: only notices from then on go out on it.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id').primaryKey(),
    email: text('email'),
    emailEnabled: boolean('email_enabled').notNull().default(true),
    emailSince: stamp('email_since').notNull(),
    webhookEnabled: boolean('webhook_enabled').notNull().default(false),
    webhookSince: stamp('webhook_since').notNull(),
    mutedKinds: text('muted_kinds').array().notNull().default(sql`'{}'`),
    version: integer('version').notNull().default(1),
    updatedAt: stamp('updated_at').notNull(),
  },
  (t) => [
    check(
      'notification_preferences_email_ck',
      sql`${t.email} is null or length(${t.email}) between 3 and 254`,
    ),
    check('notification_preferences_version_ck', sql`${t.version} >= 1`),
    foreignKey({
      name: 'notification_preferences_user_id_fkey',
      columns: [t.userId],
      foreignColumns: [users.id],
    }),
  ],
);
