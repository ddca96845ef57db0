import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { invalid } from '../../platform/errors.ts';
import { openTotpSecret, recoveryCodeKey, sealTotpSecret } from '../mfa.ts';
import { generateRecoveryCodes } from '../recovery-codes.ts';
import { createSession, revokeUserSessions, type SessionPolicy } from '../sessions.ts';
import { recoveryCodes, users } from '../tables.ts';
import { verifyTotp } from '../totp.ts';
import { alreadyEnrolled, type ClientMeta } from './support.ts';

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
