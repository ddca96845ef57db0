/**
 * The account's writes (logout, password change, second-factor enrolment) and the security
 * administrator's (unlock, second-factor reset): each one transaction through runCommand, audited.
 */
import { and, desc, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { passwordHistory, users } from '../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import { openTotpSecret, recoveryCodeKey, sealTotpSecret } from './mfa.ts';
import { checkPassword, isReused } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { generateRecoveryCodes } from './recovery-codes.ts';
import { createSession, revokeSession, revokeUserSessions, type SessionPolicy } from './sessions.ts';
import { recoveryCodes } from './tables.ts';
import { verifyTotp } from './totp.ts';

/** The last N passwords may not be reused (等保 8.1.4.1a). */
export const PASSWORD_HISTORY = 5;

/** The browser a new session is created for. */
export interface ClientMeta {
  sourceIp: string | null;
  userAgent: string | null;
}

const alreadyEnrolled = () =>
  conflict('MFA_ALREADY_ENROLLED', '已绑定动态口令；如需更换，请联系安全管理员重置');

/** Ends the actor's session. */
export function logout(deps: CommandDeps, ctx: CommandContext, userId: string, sessionIdHash: string) {
  return runCommand(deps, ctx, { action: 'auth.logout', objectType: 'user', objectId: userId }, (tx) =>
    revokeSession(tx, sessionIdHash, deps.clock.now()),
  );
}

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

/** Stores a new pending TOTP secret for the user (refused once a second factor is enrolled). */
export function startMfaEnrolment(
  deps: CommandDeps,
  ctx: CommandContext,
  keyring: Keyring,
  userId: string,
  secret: string,
) {
  return runCommand(
    deps,
    ctx,
    { action: 'auth.mfa_enrolment_start', objectType: 'user', objectId: userId },
    async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      if (user.totpEnabledAt) throw alreadyEnrolled();
      await tx
        .update(users)
        .set({ totpPendingEnc: sealTotpSecret(keyring, user.id, 'totp_pending_enc', secret) })
        .where(eq(users.id, user.id));
    },
  );
}

/**
 * Confirms the pending secret with one code: the secret becomes the second factor, ten recovery
 * codes are created, and the session gains rights so it gets a new id (every other one ends).
 * A wrong code is recorded as a failure and answers null.
 */
export function confirmMfaEnrolment(
  deps: CommandDeps,
  ctx: CommandContext,
  keyring: Keyring,
  policy: SessionPolicy,
  input: { userId: string; code: string },
  client: ClientMeta,
) {
  const now = deps.clock.now();
  return runCommand(
    deps,
    ctx,
    { action: 'auth.mfa_enrol', objectType: 'user', objectId: input.userId },
    async (tx, audit) => {
      const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
      if (user.totpEnabledAt) throw alreadyEnrolled();
      if (!user.totpPendingEnc) {
        throw invalid('MFA_ENROLMENT_NOT_STARTED', '请先开始绑定（生成二维码）', { field: 'code' });
      }
      const secret = openTotpSecret(keyring, user.id, 'totp_pending_enc', user.totpPendingEnc);
      const verdict = verifyTotp(secret, input.code, now, null);
      if (!verdict.ok) {
        audit.outcome = 'failure';
        audit.details = { reason: verdict.reason };
        return null;
      }
      const { codes, hashes } = generateRecoveryCodes(recoveryCodeKey(keyring));
      await tx
        .update(users)
        .set({
          totpSecretEnc: sealTotpSecret(keyring, user.id, 'totp_secret_enc', secret),
          totpPendingEnc: null,
          totpEnabledAt: now,
          totpLastStep: verdict.step,
        })
        .where(eq(users.id, user.id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      await tx
        .insert(recoveryCodes)
        .values(hashes.map((codeHash) => ({ userId: user.id, codeHash, createdAt: now })));
      await revokeUserSessions(tx, user.id, now);
      const session = await createSession(tx, user.id, now, policy, client);
      audit.details = { recoveryCodes: codes.length };
      return { codes, session };
    },
  );
}

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
