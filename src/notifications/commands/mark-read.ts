/** Marks one of the caller's own notices read (the bell). */
import { and, eq } from 'drizzle-orm';
import type { CommandContext, CommandDeps } from '../../platform/command.ts';
import { runCommand } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import { notifications } from '../tables.ts';

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
