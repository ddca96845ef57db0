import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import { users } from '../tables.ts';

/** Lifts a lockout (security administrator). */
export function unlockUser(deps: CommandDeps, ctx: CommandContext, id: string) {
  return runCommand(deps, ctx, { action: 'user.unlock', objectType: 'user', objectId: id }, async (tx) => {
    const updated = await tx
      .update(users)
      .set({ lockedUntil: null, failedLoginCount: 0, firstFailedLoginAt: null })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (updated.length === 0) throw notFound('用户不存在');
  });
}
