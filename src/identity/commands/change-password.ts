import { and, desc, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid } from '../../platform/errors.ts';
import { checkPassword, isReused } from '../password-policy.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { createSession, revokeUserSessions, type SessionPolicy } from '../sessions.ts';
import { passwordHistory, users } from '../tables.ts';
import { type ClientMeta, PASSWORD_HISTORY } from './support.ts';

/**
 * Changes the user's own password (policy, history); every session of the user ends and the
 * browser gets a new one (SECURITY.md 11).
 */
export function changePassword(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: SessionPolicy,
  input: { userId: string; currentPassword: string; newPassword: string },
  client: ClientMeta,
) {
  const { userId, currentPassword, newPassword } = input;
  const now = deps.clock.now();
  return runCommand(
    deps,
    ctx,
    { action: 'auth.password_change', objectType: 'user', objectId: userId },
    async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        throw invalid('CURRENT_PASSWORD_WRONG', '当前密码不正确', { field: 'currentPassword' });
      }
      const problems = checkPassword(newPassword, {
        username: user.username,
        displayName: user.displayName,
      });
      if (problems.length > 0) {
        throw invalid(problems[0].code, problems[0].message, { field: 'newPassword' });
      }
      const recent = await tx
        .select({ hash: passwordHistory.passwordHash })
        .from(passwordHistory)
        .where(eq(passwordHistory.userId, user.id))
        .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
        .limit(PASSWORD_HISTORY - 1);
      const hashes = [user.passwordHash, ...recent.map((r) => r.hash)];
      if (await isReused(newPassword, hashes, verifyPassword)) {
        throw invalid('PASSWORD_REUSED', `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`, {
          field: 'newPassword',
        });
      }
      const newHash = await hashPassword(newPassword);
      await tx
        .insert(passwordHistory)
        .values({ userId: user.id, passwordHash: user.passwordHash, createdAt: now });
      await tx
        .update(users)
        .set({
          passwordHash: newHash,
          passwordChangedAt: now,
          mustChangePassword: false,
          version: user.version + 1,
        })
        .where(and(eq(users.id, user.id), eq(users.version, user.version)));
      await revokeUserSessions(tx, user.id, now);
      return createSession(tx, user.id, now, policy, client);
    },
  );
}
