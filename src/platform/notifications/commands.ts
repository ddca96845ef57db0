/**
 * Writes of the notification centre (issue 17): mark read, and the user's own channel preferences
 * (version-checked: no row yet counts as version 1; each change is audited with what changed).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CommandContext, CommandDeps } from '../command.ts';
import { runCommand } from '../command.ts';
import { conflict, notFound } from '../errors.ts';
import { checkPreferences, type PreferenceInput } from './model.ts';
import { notificationPreferences, notifications } from './tables.ts';

export async function markRead(deps: CommandDeps, ctx: CommandContext, userId: string, id: string) {
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

export async function markAllRead(deps: CommandDeps, ctx: CommandContext, userId: string) {
  return runCommand(
    deps,
    ctx,
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
}

const versionConflict = () =>
  conflict('NOTIFY_PREFERENCES_STALE', '通知设置已在别处修改，请刷新后重试', { field: 'version' });

/** Saves the caller's own preferences; returns the new version. */
export async function savePreferences(
  deps: CommandDeps,
  ctx: CommandContext,
  userId: string,
  input: PreferenceInput & { version: number },
  configured: readonly string[],
): Promise<number> {
  return runCommand(
    deps,
    ctx,
    { action: 'notification.preferences_update', objectType: 'user', objectId: userId },
    async (tx, audit) => {
      const now = deps.clock.now();
      const [row] = await tx
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId))
        .for('update');
      const before = row ?? { email: null, emailEnabled: true, webhookEnabled: false, version: 1 };
      if (before.version !== input.version) throw versionConflict();
      checkPreferences(input, configured, before);
      const values = {
        email: input.email,
        emailEnabled: input.emailEnabled,
        webhookEnabled: input.webhookEnabled,
        mutedKinds: input.mutedKinds,
        updatedAt: now,
      };
      // A channel switched on (or e-mail to a new address) starts now: older notices are not sent.
      const emailSince =
        !row || (input.emailEnabled && (!row.emailEnabled || row.email !== input.email))
          ? now
          : row.emailSince;
      const webhookSince = !row || (input.webhookEnabled && !row.webhookEnabled) ? now : row.webhookSince;
      audit.details = {
        email: input.email === null ? null : 'set',
        emailChanged: before.email !== input.email,
        emailEnabled: input.emailEnabled,
        webhookEnabled: input.webhookEnabled,
        mutedKinds: input.mutedKinds,
      };
      if (!row) {
        const inserted = await tx
          .insert(notificationPreferences)
          .values({ userId, ...values, emailSince, webhookSince, version: 2 })
          .onConflictDoNothing()
          .returning({ version: notificationPreferences.version });
        if (inserted.length === 0) throw versionConflict();
        return 2;
      }
      const [updated] = await tx
        .update(notificationPreferences)
        .set({ ...values, emailSince, webhookSince, version: sql`${notificationPreferences.version} + 1` })
        .where(eq(notificationPreferences.userId, userId))
        .returning({ version: notificationPreferences.version });
      return updated.version;
    },
  );
}
