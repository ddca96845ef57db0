/** Marks all of the caller's own unread notices read; returns how many it marked. */
import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext, CommandDeps } from '../../platform/command.ts';
import { runCommand } from '../../platform/command.ts';
import { notifications } from '../tables.ts';

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
