/** Login, logout, the current user, password change. */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES } from '../access/roles.ts';
import type { Config } from '../config.ts';
import type { Tx } from '../db/client.ts';
import { passwordHistory, users } from '../db/schema.ts';
import { ErrorBody, errors, NoContent } from '../http/schemas.ts';
import { type CommandDeps, runCommand } from '../shared/command.ts';
import { DomainError, invalid } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { checkPassword, isReused } from './password-policy.ts';
import { burnVerify, hashPassword, verifyPassword } from './passwords.ts';
import { clearSessionCookie, commandContext } from './plugin.ts';
import {
  createSession,
  loadAssignments,
  revokeSession,
  revokeUserSessions,
  SESSION_COOKIE,
} from './sessions.ts';

/** Lockout (SECURITY.md 3): 5 failures within 15 minutes lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;
/** The last N passwords may not be reused (等保 8.1.4.1a). */
export const PASSWORD_HISTORY = 5;

const LOGIN_FAILED = () => new DomainError('unauthenticated', 'LOGIN_FAILED', '用户名或密码错误');

export const MeBody = Type.Object(
  {
    user: Type.Object(
      {
        id: Type.String(),
        username: Type.String(),
        displayName: Type.String(),
        mustChangePassword: Type.Boolean(),
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

export function presentMe(
  actor: Pick<
    Actor,
    'userId' | 'username' | 'displayName' | 'mustChangePassword' | 'assignments' | 'csrfToken'
  >,
) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      mustChangePassword: actor.mustChangePassword,
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

async function recordFailure(tx: Tx, user: typeof users.$inferSelect, now: Date): Promise<boolean> {
  const windowStart = now.getTime() - LOCKOUT.windowMinutes * 60_000;
  const inWindow = user.firstFailedLoginAt && user.firstFailedLoginAt.getTime() > windowStart;
  const count = inWindow ? user.failedLoginCount + 1 : 1;
  const locks = count >= LOCKOUT.maxFailures;
  await tx
    .update(users)
    .set({
      failedLoginCount: locks ? 0 : count,
      firstFailedLoginAt: locks ? null : inWindow ? user.firstFailedLoginAt : now,
      lockedUntil: locks ? new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000) : user.lockedUntil,
    })
    .where(eq(users.id, user.id));
  return locks;
}

export function registerIdentityRoutes(app: FastifyInstance, deps: CommandDeps, config: Config): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies,
  };
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['账户'],
        summary: '登录',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: MeBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { username, password } = req.body as { username: string; password: string };
      const now = deps.clock.now();
      const ctx = commandContext(req);
      const outcome = await runCommand(
        deps,
        ctx,
        { action: 'auth.login', objectType: 'user', actorName: username.slice(0, 64) },
        async (tx, audit) => {
          const [user] = await tx
            .select()
            .from(users)
            .where(eq(users.username, username.trim().toLowerCase()))
            .limit(1);
          if (!user) {
            await burnVerify(password);
            audit.outcome = 'failure';
            audit.details = { reason: 'unknown_user' };
            return null;
          }
          audit.objectId = user.id;
          audit.actorUserId = user.id;
          const passwordOk = await verifyPassword(user.passwordHash, password);
          const locked = user.lockedUntil && user.lockedUntil.getTime() > now.getTime();
          if (locked || user.disabled || !passwordOk) {
            audit.outcome = 'failure';
            audit.details = { reason: locked ? 'locked' : user.disabled ? 'disabled' : 'wrong_password' };
            if (!locked && !user.disabled && (await recordFailure(tx, user, now))) {
              audit.details.lockedUntil = new Date(
                now.getTime() + LOCKOUT.lockMinutes * 60_000,
              ).toISOString();
              audit.details.lockout = true;
            }
            return null;
          }
          await tx
            .update(users)
            .set({ failedLoginCount: 0, firstFailedLoginAt: null, lockedUntil: null, lastLoginAt: now })
            .where(eq(users.id, user.id));
          // A fresh session id at every login (SECURITY.md 10); any session the browser held ends.
          const previous = req.actor?.sessionIdHash;
          if (previous) await revokeSession(tx, previous, now);
          const session = await createSession(tx, user.id, now, policy, {
            sourceIp: req.ip ?? null,
            userAgent: req.headers['user-agent'] ?? null,
          });
          const assignments = await loadAssignments(tx, user.id);
          const first = assignments[0];
          audit.role = first?.role ?? null;
          audit.organisationId = first?.organisationId ?? null;
          audit.jurisdictionId = first?.jurisdictionId ?? null;
          return {
            session,
            actor: {
              userId: user.id,
              username: user.username,
              displayName: user.displayName,
              mustChangePassword: user.mustChangePassword,
              assignments,
              csrfToken: session.csrfToken,
            },
          };
        },
      );
      if (!outcome) throw LOGIN_FAILED();
      reply.setCookie(SESSION_COOKIE, outcome.session.token, {
        ...cookieOptions,
        maxAge: config.sessionMaxHours * 3600,
      });
      return presentMe(outcome.actor);
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
}
