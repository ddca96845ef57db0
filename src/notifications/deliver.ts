/**
 * Sends queued deliveries (SMTP, webhook). Each delivery is claimed with `for update skip locked`
 * inside an audited command, so with several app processes one of them sends it and the others
 * skip it. A failed send is retried on later passes, up to MAX_ATTEMPTS, then marked failed.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../shared/command.ts';
import type { Sender } from './channels.ts';
import { type DeliveryChannel, notificationDeliveries } from './tables.ts';

export const MAX_ATTEMPTS = 5;

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
          await send({ subject: row.subject, body: row.body });
          await tx
            .update(notificationDeliveries)
            .set({
              state: 'sent',
              sentAt: deps.clock.now(),
              attempts: sql`${notificationDeliveries.attempts} + 1`,
            })
            .where(eq(notificationDeliveries.id, row.id));
          audit.details = { channel: row.channel, key: row.dedupeKey };
          return 'sent' as const;
        } catch (err) {
          const attempts = row.attempts + 1;
          const message = err instanceof Error ? err.message.slice(0, 500) : 'send failed';
          await tx
            .update(notificationDeliveries)
            .set({ attempts, lastError: message, state: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' })
            .where(eq(notificationDeliveries.id, row.id));
          audit.outcome = 'failure';
          audit.details = { channel: row.channel, key: row.dedupeKey, error: message };
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
