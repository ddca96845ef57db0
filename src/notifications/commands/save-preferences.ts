/**
 * The user's own channel preferences (issue 17), version-checked: no row yet counts as version 1;
 * each change is audited with what changed.
 */
import { eq, sql } from 'drizzle-orm';
import type { CommandContext, CommandDeps } from '../../platform/command.ts';
import { runCommand } from '../../platform/command.ts';
import { conflict } from '../../platform/errors.ts';
import { checkPreferences, type PreferenceInput } from '../model.ts';
import { notificationPreferences } from '../tables.ts';

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
