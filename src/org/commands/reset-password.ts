import { eq } from 'drizzle-orm';
import { adminAccountRefusal } from '../../access/index.ts';
import { checkPassword, hashPassword, revokeUserSessions, users } from '../../identity/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { adminRolesOf } from './support.ts';

/** Sets a temporary password (system administrator); the user changes it at the next login. */
export function resetPassword(
  deps: CommandDeps,
  ctx: CommandContext,
  actorUserId: string,
  id: string,
  temporaryPassword: string,
) {
  const now = deps.clock.now();
  return runCommand(
    deps,
    ctx,
    { action: 'user.password_reset', objectType: 'user', objectId: id },
    async (tx) => {
      if (id === actorUserId)
        throw invalid('CANNOT_RESET_SELF', '本人的密码请在“修改密码”中修改', {
          field: 'temporaryPassword',
        });
      const [target] = await tx
        .select({ username: users.username, displayName: users.displayName })
        .from(users)
        .where(eq(users.id, id));
      if (!target) throw notFound('用户不存在');
      // 三员分立: an administrator's password is not reset by another administrator.
      const refusal = adminAccountRefusal(await adminRolesOf(tx, id));
      if (refusal) throw refusal;
      const problems = checkPassword(temporaryPassword, target);
      if (problems.length > 0)
        throw invalid(problems[0].code, problems[0].message, { field: 'temporaryPassword' });
      await tx
        .update(users)
        .set({
          passwordHash: await hashPassword(temporaryPassword),
          passwordChangedAt: now,
          mustChangePassword: true,
        })
        .where(eq(users.id, id));
      // Whoever held the old password is signed out at once (SECURITY.md 11).
      await revokeUserSessions(tx, id, now);
    },
  );
}
