/** Login (password, then the second factor), logout, the current user, password change. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES } from '../access/index.ts';
import type { Config } from '../config.ts';
import type { Actor } from '../platform/actor.ts';
import type { CommandDeps } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { DomainError, invalid } from '../platform/errors.ts';
import { ErrorBody, errors, NoContent } from '../platform/http/schemas.ts';
import type { LockoutPolicy } from './account-state.ts';
import { changePassword } from './commands/change-password.ts';
import type { LoginPolicy, NewSession } from './commands/login-support.ts';
import { logout } from './commands/logout.ts';
import { passwordLogin } from './commands/password-login.ts';
import { secondFactorLogin } from './commands/second-factor-login.ts';
import { registerMfaEnrolmentRoutes } from './mfa-routes.ts';
import { clearSessionCookie, commandContext, sessionPolicy } from './plugin.ts';
import { mfaChallengeUserId } from './queries/mfa-challenge.ts';
import { registerSecurityAdminRoutes } from './security-admin-routes.ts';
import { SESSION_COOKIE } from './sessions.ts';

/** Default lockout (SECURITY.md 3): 5 failures within 15 minutes lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

const LOGIN_FAILED = () => new DomainError('unauthenticated', 'LOGIN_FAILED', '用户名或密码错误');

export function lockoutPolicy(
  config: Pick<Config, 'lockoutMaxFailures' | 'lockoutWindowMinutes' | 'lockoutMinutes'>,
): LockoutPolicy {
  return {
    maxFailures: config.lockoutMaxFailures,
    windowMinutes: config.lockoutWindowMinutes,
    lockMinutes: config.lockoutMinutes,
  };
}

export function loginPolicy(config: Config): LoginPolicy {
  return {
    lockout: lockoutPolicy(config),
    session: sessionPolicy(config),
    inactiveAccountDays: config.inactiveAccountDays,
    mfaRequired: config.mfaRequired,
  };
}

export const MeBody = Type.Object(
  {
    user: Type.Object(
      {
        id: Type.String(),
        username: Type.String(),
        displayName: Type.String(),
        mustChangePassword: Type.Boolean(),
        passwordExpired: Type.Boolean({ description: '密码超过有效期，须先修改' }),
        mfaEnrolled: Type.Boolean({ description: '已绑定动态口令' }),
        mfaEnrolmentRequired: Type.Boolean({ description: '须先绑定动态口令才能使用平台' }),
      },
      { additionalProperties: false },
    ),
    roles: Type.Array(
      Type.Object(
        {
          role: Type.String(),
          roleName: Type.String(),
          organisationId: Type.String(),
          organisationName: Type.String(),
          jurisdictionId: Type.String(),
          jurisdictionName: Type.String(),
          jurisdictionCode: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    csrfToken: Type.String(),
  },
  { additionalProperties: false, $id: 'Me', title: '当前用户' },
);

/** The answer to a right password when a second factor is enrolled: a pending login, not a session. */
export const MfaPendingBody = Type.Object(
  {
    mfaRequired: Type.Literal(true),
    mfaToken: Type.String({ description: '待完成的登录（5 分钟内有效），提交到 POST /api/auth/mfa' }),
    expiresAt: Type.String(),
  },
  { additionalProperties: false, title: '需要动态口令' },
);

export function presentMe(
  actor: Pick<
    Actor,
    | 'userId'
    | 'username'
    | 'displayName'
    | 'mustChangePassword'
    | 'passwordExpired'
    | 'mfaEnrolled'
    | 'mfaEnrolmentRequired'
    | 'assignments'
    | 'csrfToken'
  >,
) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      mustChangePassword: actor.mustChangePassword,
      passwordExpired: actor.passwordExpired,
      mfaEnrolled: actor.mfaEnrolled,
      mfaEnrolmentRequired: actor.mfaEnrolmentRequired,
    },
    roles: actor.assignments.map((a) => ({
      role: a.role,
      roleName: ROLE_NAMES[a.role],
      organisationId: a.organisationId,
      organisationName: a.organisationName,
      jurisdictionId: a.jurisdictionId,
      jurisdictionName: a.jurisdictionName,
      jurisdictionCode: a.jurisdictionCode,
    })),
    csrfToken: actor.csrfToken,
  };
}

export function registerIdentityRoutes(
  app: FastifyInstance,
  deps: CommandDeps,
  config: Config,
  keyring: Keyring,
): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies,
  };
  const policy = sessionPolicy(config);
  const login = loginPolicy(config);
  const clientMeta = (req: FastifyRequest) => ({
    sourceIp: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    previousSessionIdHash: req.actor?.sessionIdHash,
  });
  const startBrowserSession = (reply: FastifyReply, created: NewSession) => {
    reply.setCookie(SESSION_COOKIE, created.session.token, {
      ...cookieOptions,
      maxAge: config.sessionMaxHours * 3600,
    });
    return presentMe(created.actor);
  };
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['账户'],
        summary: '登录（第一步：用户名和密码；已绑定动态口令时返回待完成的登录）',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Union([MeBody, MfaPendingBody]),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const body = req.body;
      const outcome = await passwordLogin(deps, commandContext(req), login, body, clientMeta(req));
      if (outcome.kind === 'failed') throw LOGIN_FAILED();
      if (outcome.kind === 'mfa') {
        return {
          mfaRequired: true as const,
          mfaToken: outcome.token,
          expiresAt: outcome.expiresAt.toISOString(),
        };
      }
      return startBrowserSession(reply, outcome.value);
    },
  );

  typed.post(
    '/api/auth/mfa',
    {
      schema: {
        tags: ['账户'],
        summary: '登录（第二步：动态口令或恢复码）',
        body: Type.Object(
          {
            mfaToken: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
            code: Type.Optional(Type.String({ minLength: 6, maxLength: 16 })),
            recoveryCode: Type.Optional(Type.String({ minLength: 12, maxLength: 32 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: MeBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
      // Per user (the pending login's), after the body is read (SECURITY.md 5, 29).
      config: {
        rateLimit: {
          max: config.mfaRateLimitPerMinute,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: async (req: FastifyRequest) => {
            // Runs before validation: the body is whatever was sent.
            const body: unknown = req.body;
            const token =
              typeof body === 'object' && body !== null && 'mfaToken' in body ? body.mfaToken : undefined;
            if (typeof token !== 'string') return `ip:${req.ip}`;
            const userId = await mfaChallengeUserId(deps.db, token);
            return userId ? `user:${userId}` : `ip:${req.ip}`;
          },
        },
      },
    },
    async (req, reply) => {
      const body = req.body;
      if ((body.code === undefined) === (body.recoveryCode === undefined)) {
        throw invalid('MFA_CODE_REQUIRED', '请输入动态口令或一个恢复码（二者选一）', { field: 'code' });
      }
      const outcome = await secondFactorLogin(
        deps,
        keyring,
        commandContext(req),
        login,
        body,
        clientMeta(req),
      );
      if (outcome.kind === 'failed') {
        throw outcome.reason === 'challenge'
          ? new DomainError(
              'unauthenticated',
              'MFA_CHALLENGE_INVALID',
              '登录已超时或无效，请重新输入用户名和密码',
            )
          : new DomainError('unauthenticated', 'MFA_CODE_WRONG', '动态口令或恢复码不正确');
      }
      return startBrowserSession(reply, outcome.value);
    },
  );

  typed.post(
    '/api/auth/logout',
    { schema: { tags: ['账户'], summary: '退出登录', response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      const actor = req.actor!;
      await logout(deps, commandContext(req), actor.userId, actor.sessionIdHash);
      clearSessionCookie(reply, config.secureCookies);
      return reply.status(204).send(null);
    },
  );

  typed.get(
    '/api/auth/me',
    { schema: { tags: ['账户'], summary: '当前用户及其角色', response: { 200: MeBody, ...errors } } },
    async (req) => presentMe(req.actor!),
  );

  typed.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['账户'],
        summary: '修改密码',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
            newPassword: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...errors },
      },
      // Per user, after the session is known (SECURITY.md 29).
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => req.actor?.userId ?? req.ip,
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const { currentPassword, newPassword } = req.body;
      const session = await changePassword(
        deps,
        commandContext(req),
        policy,
        { userId: actor.userId, currentPassword, newPassword },
        { sourceIp: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null },
      );
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions,
        maxAge: config.sessionMaxHours * 3600,
      });
      return reply.status(204).send(null);
    },
  );

  registerMfaEnrolmentRoutes(app, deps, config, keyring);
  registerSecurityAdminRoutes(app, deps, config);
}
