/**
 * Sends queued deliveries (SMTP, webhook). First each user's notices are queued on the channels that
 * user switched on (`fanOut`, issue 17); then each delivery is claimed with `for update skip locked`
 * inside an audited command, so with several app processes one of them sends it and the others
 * skip it. A failed send is retried on later passes, up to MAX_ATTEMPTS, then marked failed.
 */
import { and, asc, eq, gte, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { users } from '../../identity/index.ts';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../../platform/command.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { DeliveryChannel, Sender } from '../../platform/outbound/channels.ts';
import { noticeKindName } from '../model.ts';
import { notificationDeliveries, notificationPreferences, notifications } from '../tables.ts';

export const MAX_ATTEMPTS = 5;
/** Notices older than this are not sent out any more (a channel configured late sends no backlog). */
const FAN_OUT_WINDOW_MS = 2 * 24 * 3600 * 1000;
/** Per-user deliveries queued per channel and pass. */
const FAN_OUT_BATCH = 500;

/** Notices of users who switched `channel` on, from then on, not muted, not yet queued. */
function fanOutWhere(channel: DeliveryChannel, since: Date): SQL | undefined {
  const p = notificationPreferences;
  const on =
    channel === 'smtp'
      ? and(eq(p.emailEnabled, true), isNotNull(p.email), gte(notifications.createdAt, p.emailSince))
      : and(eq(p.webhookEnabled, true), gte(notifications.createdAt, p.webhookSince));
  return and(
    on,
    eq(users.disabled, false),
    gte(notifications.createdAt, since),
    sql`not (${notifications.kind} = any(${p.mutedKinds}))`,
    sql`not exists (select 1 from ${notificationDeliveries} d
          where d.notification_id = ${notifications.id} and d.channel = ${channel})`,
  );
}

function fanOutCandidates(q: Queryable, channel: DeliveryChannel, since: Date, limit: number) {
  return q
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      message: notifications.message,
      email: notificationPreferences.email,
      name: users.displayName,
    })
    .from(notifications)
    .innerJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(fanOutWhere(channel, since))
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(limit);
}

/**
 * Queues each user's new notices on the configured channels that user switched on: one delivery per
 * notice and channel, naming the user (and, for e-mail, the user's own address). Runs only when
 * there is something to queue, so an idle pass writes no audit row.
 */
export async function fanOut(deps: CommandDeps, channels: readonly DeliveryChannel[]): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - FAN_OUT_WINDOW_MS);
  let queued = 0;
  for (const channel of channels) {
    const probe = await fanOutCandidates(deps.db, channel, since, 1);
    if (probe.length === 0) continue;
    queued += await runCommand(
      deps,
      SYSTEM_CONTEXT,
      { action: 'notification.fan_out', objectType: 'notification_delivery' },
      async (tx, audit) => {
        const rows = await fanOutCandidates(tx, channel, since, FAN_OUT_BATCH);
        if (rows.length === 0) return 0;
        const now = deps.clock.now();
        const inserted = await tx
          .insert(notificationDeliveries)
          .values(
            rows.map((r) => ({
              dedupeKey: `notice:${r.id}`,
              channel,
              subject: `统筹平台通知：${noticeKindName(r.kind)}`,
              body: channel === 'smtp' ? r.message : `@${r.name} ${r.message}`,
              createdAt: now,
              recipientUserId: r.userId,
              recipientAddress: channel === 'smtp' ? r.email : null,
              notificationId: r.id,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: notificationDeliveries.id });
        audit.details = { channel, queued: inserted.length };
        return inserted.length;
      },
    );
  }
  return queued;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** Sends up to `batch` pending deliveries on the channels that have a sender. */
export async function deliverPending(
  deps: CommandDeps,
  channelSenders: Partial<Record<DeliveryChannel, Sender>>,
  batch = 50,
): Promise<DeliveryResult> {
  const channels = Object.keys(channelSenders) as DeliveryChannel[];
  const result: DeliveryResult = { sent: 0, failed: 0 };
  if (channels.length === 0) return result;
  await fanOut(deps, channels);
  for (let i = 0; i < batch; i++) {
    const outcome = await runCommand(
      deps,
      SYSTEM_CONTEXT,
      { action: 'notification.deliver', objectType: 'notification_delivery' },
      async (tx, audit) => {
        const [row] = await tx
          .select()
          .from(notificationDeliveries)
          .where(
            and(
              eq(notificationDeliveries.state, 'pending'),
              inArray(notificationDeliveries.channel, channels),
            ),
          )
          .orderBy(asc(notificationDeliveries.id))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return 'none' as const;
        audit.objectId = String(row.id);
        const send = channelSenders[row.channel] as Sender;
        try {
          await send({
            subject: row.subject,
            body: row.body,
            ...(row.recipientAddress ? { to: [row.recipientAddress] } : {}),
          });
          await tx
            .update(notificationDeliveries)
            .set({
              state: 'sent',
              sentAt: deps.clock.now(),
              attempts: sql`${notificationDeliveries.attempts} + 1`,
            })
            .where(eq(notificationDeliveries.id, row.id));
          audit.details = { channel: row.channel, key: row.dedupeKey, recipient: row.recipientUserId };
          return 'sent' as const;
        } catch (err) {
          const attempts = row.attempts + 1;
          const message = err instanceof Error ? err.message.slice(0, 500) : 'send failed';
          await tx
            .update(notificationDeliveries)
            .set({ attempts, lastError: message, state: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' })
            .where(eq(notificationDeliveries.id, row.id));
          audit.outcome = 'failure';
          audit.details = {
            channel: row.channel,
            key: row.dedupeKey,
            recipient: row.recipientUserId,
            error: message,
          };
          return 'failed' as const;
        }
      },
    );
    if (outcome === 'none') break;
    result[outcome]++;
    // A failed row stays pending (retried on a later pass): stop this pass instead of spinning on it.
    if (outcome === 'failed') break;
  }
  return result;
}
