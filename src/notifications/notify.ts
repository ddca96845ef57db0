/**
 * notify(): in-app notices written inside the caller's command transaction, plus (when a channel is
 * configured) one outbound delivery per notice key for SMTP and the webhook bot. Deliveries are sent
 * after the transaction by `deliverPending` (src/notifications/commands/deliver-pending.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { roleAssignments, users } from '../identity/index.ts';
import type { Queryable, Tx } from '../platform/db/client.ts';
import type { DeliveryChannel } from '../platform/outbound/channels.ts';
import { notificationDeliveries, notifications } from './tables.ts';

export interface NotifyInput {
  /** User ids; duplicates are dropped. */
  recipients: readonly string[];
  kind: string;
  /** Chinese text shown in the bell. */
  message: string;
  at: Date;
  projectId?: string | null;
  stepId?: string | null;
  link?: string | null;
  obligationId?: string | null;
  createdBy?: string | null;
  /**
   * A key that makes the notice exist once per user (a reminder): a repeated notify with the same
   * key inserts nothing for users who already have it.
   */
  dedupeKey?: string | null;
}

/** Writes the notices; returns how many were new. */
export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  const recipients = [...new Set(input.recipients)];
  if (recipients.length === 0) return 0;
  const rows = recipients.map((userId) => ({
    userId,
    kind: input.kind,
    message: input.message,
    createdAt: input.at,
    projectId: input.projectId ?? null,
    stepId: input.stepId ?? null,
    link: input.link ?? null,
    obligationId: input.obligationId ?? null,
    createdBy: input.createdBy ?? null,
    dedupeKey: input.dedupeKey ?? null,
  }));
  const inserted = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

export interface ExternalMessage {
  /** One delivery per key and channel, however often it is enqueued. */
  key: string;
  subject: string;
  body: string;
  at: Date;
}

/** Queues an outbound message on each configured channel (none configured: nothing queued). */
export async function enqueueExternal(
  tx: Tx,
  channels: readonly DeliveryChannel[],
  message: ExternalMessage,
): Promise<void> {
  if (channels.length === 0) return;
  await tx
    .insert(notificationDeliveries)
    .values(
      channels.map((channel) => ({
        dedupeKey: message.key,
        channel,
        subject: message.subject,
        body: message.body,
        createdAt: message.at,
      })),
    )
    .onConflictDoNothing();
}

/** Active users holding one of `roles` (any role when omitted) in one of the organisations. */
export async function usersOfOrganisations(
  q: Queryable,
  organisationIds: readonly string[],
  roles?: readonly string[],
): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await q
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        inArray(roleAssignments.organisationId, [...organisationIds]),
        eq(users.disabled, false),
        ...(roles && roles.length > 0 ? [inArray(roleAssignments.role, [...roles])] : []),
      ),
    );
  return rows.map((r) => r.userId);
}
