/** Login (password, then the second factor), logout, the current user, password change. */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES } from '../access/roles.ts';
import type { Config } from '../config.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { passwordHistory, users } from '../db/schema.ts';
import { ErrorBody, errors, NoContent } from '../http/schemas.ts';
import { type CommandDeps, runCommand } from '../shared/command.ts';
import { DomainError, invalid } from '../shared/errors.ts';
import type { LockoutPolicy } from './account-state.ts';
import type { Actor } from './actor.ts';
import { type LoginPolicy, type NewSession, passwordLogin, secondFactorLogin } from './login.ts';
import { challengeHash } from './mfa.ts';
import { registerMfaEnrolmentRoutes } from './mfa-routes.ts';
import { checkPassword, isReused } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { clearSessionCookie, commandContext, sessionPolicy } from './plugin.ts';
import { registerSecurityAdminRoutes } from './security-admin-routes.ts';
import { createSession, revokeSession, revokeUserSessions, SESSION_COOKIE } from './sessions.ts';
import { mfaChallenges } from './tables.ts';

/** Default lockout (SECURITY.md 3): 5 failures within 15 minutes lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;
/** The last N passwords may not be reused (等保 8.1.4.1a). */
export const PASSWORD_HISTORY = 5;

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

  app.post(
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
      const body = req.body as { username: string; password: string };
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

  app.post(
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
            const token = (req.body as { mfaToken?: unknown } | undefined)?.mfaToken;
            if (typeof token !== 'string') return `ip:${req.ip}`;
            const [row] = await deps.db
              .select({ userId: mfaChallenges.userId })
              .from(mfaChallenges)
              .where(eq(mfaChallenges.idHash, challengeHash(token)));
            return row ? `user:${row.userId}` : `ip:${req.ip}`;
          },
        },
      },
    },
    async (req, reply) => {
      const body = req.body as { mfaToken: string; code?: string; recoveryCode?: string };
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

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['账户'], summary: '退出登录', response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      const actor = req.actor!;
      await runCommand(
        deps,
        commandContext(req),
        { action: 'auth.logout', objectType: 'user', objectId: actor.userId },
        (tx) => revokeSession(tx, actor.sessionIdHash, deps.clock.now()),
      );
      clearSessionCookie(reply, config.secureCookies);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['账户'], summary: '当前用户及其角色', response: { 200: MeBody, ...errors } } },
    async (req) => presentMe(req.actor!),
  );

  app.post(
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
      const { currentPassword, newPassword } = req.body as { currentPassword: string; newPassword: string };
      const now = deps.clock.now();
      const session = await runCommand(
        deps,
        commandContext(req),
        { action: 'auth.password_change', objectType: 'user', objectId: actor.userId },
        async (tx) => {
          const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
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
          // A password change ends every session of the user (SECURITY.md 11); this browser gets a new one.
          await revokeUserSessions(tx, user.id, now);
          return createSession(tx, user.id, now, policy, {
            sourceIp: req.ip ?? null,
            userAgent: req.headers['user-agent'] ?? null,
          });
        },
      );
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions,
        maxAge: config.sessionMaxHours * 3600,
      });
      return reply.status(204).send();
    },
  );

  registerMfaEnrolmentRoutes(app, deps, config, keyring);
  registerSecurityAdminRoutes(app, deps, config);
}
