/**
 * Enrolment of the TOTP second factor (SECURITY.md 4–5): start (a new secret, shown once as a QR
 * code and as text), then confirm with one code from the app. Confirming stores the secret as an SM4
 * envelope, records the code's time step (so it cannot be replayed at login), creates ten recovery
 * codes (shown once, stored as keyed digests) and gives the browser a new session id.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { users } from '../db/schema.ts';
import { errors } from '../http/schemas.ts';
import { type CommandDeps, runCommand } from '../shared/command.ts';
import { conflict, invalid } from '../shared/errors.ts';
import { openTotpSecret, recoveryCodeKey, sealTotpSecret } from './mfa.ts';
import { commandContext, sessionPolicy } from './plugin.ts';
import { generateRecoveryCodes } from './recovery-codes.ts';
import { createSession, revokeUserSessions, SESSION_COOKIE } from './sessions.ts';
import { recoveryCodes } from './tables.ts';
import {
  newTotpSecret,
  TOTP_DIGITS,
  TOTP_ISSUER,
  TOTP_PERIOD_SECONDS,
  totpQrDataUrl,
  totpUri,
  verifyTotp,
} from './totp.ts';

const alreadyEnrolled = () =>
  conflict('MFA_ALREADY_ENROLLED', '已绑定动态口令；如需更换，请联系安全管理员重置');

export function registerMfaEnrolmentRoutes(
  app: FastifyInstance,
  deps: CommandDeps,
  config: Config,
  keyring: Keyring,
): void {
  const perUser = {
    rateLimit: {
      max: config.mfaRateLimitPerMinute,
      timeWindow: '1 minute',
      hook: 'preHandler' as const,
      keyGenerator: (req: FastifyRequest) => `user:${req.actor?.userId ?? req.ip}`,
    },
  };

  app.post(
    '/api/auth/mfa/enrolment',
    {
      schema: {
        tags: ['账户'],
        summary: '开始绑定动态口令：生成密钥（二维码只显示这一次）',
        response: {
          200: Type.Object(
            {
              secret: Type.String({ description: 'Base32 密钥，供无法扫码时手工输入' }),
              otpauthUri: Type.String(),
              qrDataUrl: Type.String({ description: 'PNG 二维码（data: URL）' }),
              issuer: Type.String(),
              digits: Type.Integer(),
              period: Type.Integer(),
            },
            { additionalProperties: false },
          ),
          ...errors,
        },
      },
      config: perUser,
    },
    async (req) => {
      const actor = req.actor!;
      const secret = newTotpSecret();
      await runCommand(
        deps,
        commandContext(req),
        { action: 'auth.mfa_enrolment_start', objectType: 'user', objectId: actor.userId },
        async (tx) => {
          const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
          if (user.totpEnabledAt) throw alreadyEnrolled();
          await tx
            .update(users)
            .set({ totpPendingEnc: sealTotpSecret(keyring, user.id, 'totp_pending_enc', secret) })
            .where(eq(users.id, user.id));
        },
      );
      const otpauthUri = totpUri({ account: actor.username, secret });
      return {
        secret,
        otpauthUri,
        qrDataUrl: await totpQrDataUrl(otpauthUri),
        issuer: TOTP_ISSUER,
        digits: TOTP_DIGITS,
        period: TOTP_PERIOD_SECONDS,
      };
    },
  );

  app.post(
    '/api/auth/mfa/enrolment/confirm',
    {
      schema: {
        tags: ['账户'],
        summary: '确认绑定动态口令：提交一个动态口令，返回 10 个恢复码（只显示这一次）',
        body: Type.Object(
          { code: Type.String({ minLength: 6, maxLength: 16 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object(
            { recoveryCodes: Type.Array(Type.String()), csrfToken: Type.String() },
            { additionalProperties: false },
          ),
          ...errors,
        },
      },
      config: perUser,
    },
    async (req, reply) => {
      const actor = req.actor!;
      const { code } = req.body as { code: string };
      const now = deps.clock.now();
      const outcome = await runCommand(
        deps,
        commandContext(req),
        { action: 'auth.mfa_enrol', objectType: 'user', objectId: actor.userId },
        async (tx, audit) => {
          const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
          if (user.totpEnabledAt) throw alreadyEnrolled();
          if (!user.totpPendingEnc) {
            throw invalid('MFA_ENROLMENT_NOT_STARTED', '请先开始绑定（生成二维码）', { field: 'code' });
          }
          const secret = openTotpSecret(keyring, user.id, 'totp_pending_enc', user.totpPendingEnc);
          const verdict = verifyTotp(secret, code, now, null);
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
          // The session gains rights: it gets a new id, and every other session of the user ends.
          await revokeUserSessions(tx, user.id, now);
          const session = await createSession(tx, user.id, now, sessionPolicy(config), {
            sourceIp: req.ip ?? null,
            userAgent: req.headers['user-agent'] ?? null,
          });
          audit.details = { recoveryCodes: codes.length };
          return { codes, session };
        },
      );
      if (!outcome)
        throw invalid('MFA_CODE_WRONG', '动态口令不正确，请核对手机时间后重试', { field: 'code' });
      reply.setCookie(SESSION_COOKIE, outcome.session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        maxAge: config.sessionMaxHours * 3600,
      });
      return { recoveryCodes: outcome.codes, csrfToken: outcome.session.csrfToken };
    },
  );
}
