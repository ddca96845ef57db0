/**
 * Enrolment of the TOTP second factor (SECURITY.md 4–5): start (a new secret, shown once as a QR
 * code and as text), then confirm with one code from the app. Confirming stores the secret as an SM4
 * envelope, records the code's time step (so it cannot be replayed at login), creates ten recovery
 * codes (shown once, stored as keyed digests) and gives the browser a new session id.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import type { CommandDeps } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { invalid } from '../platform/errors.ts';
import { errors } from '../platform/http/schemas.ts';
import { confirmMfaEnrolment } from './commands/confirm-mfa-enrolment.ts';
import { startMfaEnrolment } from './commands/start-mfa-enrolment.ts';
import { commandContext, sessionPolicy } from './plugin.ts';
import { SESSION_COOKIE } from './sessions.ts';
import {
  newTotpSecret,
  TOTP_DIGITS,
  TOTP_ISSUER,
  TOTP_PERIOD_SECONDS,
  totpQrDataUrl,
  totpUri,
} from './totp.ts';

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
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post(
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
      await startMfaEnrolment(deps, commandContext(req), keyring, actor.userId, secret);
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

  typed.post(
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
      const { code } = req.body;
      const outcome = await confirmMfaEnrolment(
        deps,
        commandContext(req),
        keyring,
        sessionPolicy(config),
        { userId: actor.userId, code },
        { sourceIp: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null },
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
