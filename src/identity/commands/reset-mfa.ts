import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import { revokeUserSessions } from '../sessions.ts';
import { recoveryCodes, users } from '../tables.ts';

/** Removes a lost second factor (security administrator): the user enrols again at the next login. */
export function resetMfa(deps: CommandDeps, ctx: CommandContext, id: string) {
  const now = deps.clock.now();
  return runCommand(deps, ctx, { action: 'auth.mfa_reset', objectType: 'user', objectId: id }, async (tx) => {
    const updated = await tx
      .update(users)
      .set({ totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (updated.length === 0) throw notFound('用户不存在');
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
    await revokeUserSessions(tx, id, now);
  });
}
