/**
 * Authentication and route authorization for every request:
 *  1. onRoute: every /api route must have an entry in the authorization matrix, or start-up fails
 *     (the matrix, src/access/matrix.ts, is handed in by the composition root src/app.ts as
 *     `routeAccess`: importing it here would cycle, module routes → identity → matrix → module index);
 *  2. onRequest: the session cookie is resolved to an actor (idle/absolute timeouts enforced);
 *     then, still in onRequest (before the body is validated): public routes pass; otherwise 401 without a session, 403 when no role of the
 *     caller is allowed, 403 when a cookie-authenticated write lacks the CSRF token, and 403 when
 *     the user must first change the initial or an expired password or enrol the second factor;
 *  3. a periodic sweep disables accounts inactive for INACTIVE_ACCOUNT_DAYS (SECURITY.md 18).
 */

import type {} from '@fastify/cookie';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type RouteRule, routeKey } from '../access/index.ts';
import type { Config } from '../config.ts';
import type { Actor } from '../platform/actor.ts';
import { hasRole } from '../platform/actor.ts';
import {
  type CommandContext,
  type CommandDeps,
  isAudited,
  markAudited,
  recordEvent,
} from '../platform/command.ts';
import type { Db } from '../platform/db/client.ts';
import { DomainError } from '../platform/errors.ts';
import { disableInactiveAccounts } from './commands/disable-inactive.ts';
import { lookupSession, revokeSession, SESSION_COOKIE, type SessionPolicy } from './sessions.ts';
import { sessions } from './tables.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: RouteRule;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Routes a restricted session may still call: a user who must change the initial or an expired
 * password, or enrol the required second factor, reaches only these until done (SECURITY.md 2, 4, 8).
 */
export const ALLOWED_WHILE_RESTRICTED = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/mfa/enrolment',
  'POST /api/auth/mfa/enrolment/confirm',
]);
/**
 * Sessions are touched at most this often, to keep reads free of writes — and at least ten times
 * per idle period, so that a session in use never idles out (issue 9 item 13: with a one-minute
 * idle limit a fixed 60 s interval ended sessions in constant use).
 */
const TOUCH_INTERVAL_MS = 60_000;
export function touchInterval(idleMinutes: number): number {
  return Math.min(TOUCH_INTERVAL_MS, (idleMinutes * 60_000) / 10);
}

export function commandContext(req: FastifyRequest): CommandContext {
  return { actor: req.actor, sourceIp: req.ip ?? null, requestId: String(req.id) };
}

export interface AuthOptions {
  db: Db;
  /** The authorization matrix (src/access/matrix.ts ROUTE_ACCESS): route key → rule. */
  routeAccess: Readonly<Record<string, RouteRule>>;
  config: Pick<
    Config,
    | 'sessionIdleMinutes'
    | 'sessionMaxHours'
    | 'secureCookies'
    | 'passwordMaxAgeDays'
    | 'mfaRequired'
    | 'inactiveAccountDays'
  >;
  deps: CommandDeps;
}

/** How often the inactive-account sweep runs while the app is up. */
const INACTIVITY_SWEEP_MS = 6 * 3600_000;

export function sessionPolicy(
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'passwordMaxAgeDays' | 'mfaRequired'>,
): SessionPolicy {
  return {
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
    passwordMaxAgeDays: config.passwordMaxAgeDays,
    mfaRequired: config.mfaRequired,
  };
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

async function plugin(app: FastifyInstance, opts: AuthOptions) {
  const policy = sessionPolicy(opts.config);
  const routeAccess = opts.routeAccess;
  app.decorateRequest('actor', null);

  // Accounts inactive for INACTIVE_ACCOUNT_DAYS are disabled by a periodic sweep as well as at login.
  let sweepTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweepTimer = setInterval(() => {
      disableInactiveAccounts(opts.deps, opts.config.inactiveAccountDays).catch((err: unknown) =>
        app.log.error({ err }, 'inactive-account sweep failed'),
      );
    }, INACTIVITY_SWEEP_MS);
    sweepTimer.unref();
  });
  app.addHook('onClose', async () => {
    if (sweepTimer) clearInterval(sweepTimer);
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify answers HEAD with the GET handler: HEAD gets the GET route's rule (issue 9 item 1).
      const rule = routeAccess[routeKey(accessMethod(method), route.url)];
      if (!rule) {
        throw new Error(
          `路由 ${method} ${route.url} 没有授权矩阵条目 / route has no entry in src/access/matrix.ts`,
        );
      }
      route.config = { ...(route.config ?? {}), access: rule };
    }
  });

  async function resolveSession(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = opts.deps.clock.now();
    const found = await lookupSession(opts.db, token, now, policy);
    if (found.state === 'active') {
      req.actor = found.actor;
      if (now.getTime() - found.lastSeenAt.getTime() >= touchInterval(policy.idleMinutes)) {
        // Session bookkeeping, not a business write: exempt from the audit rule (test/write-path.test.ts).
        await opts.db.transaction((tx) =>
          tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, found.actor.sessionIdHash)),
        );
      }
      return;
    }
    if (found.state === 'expired') {
      await opts.db.transaction((tx) => revokeSession(tx, found.idHash, now));
      await recordEvent(
        opts.deps,
        { actor: null, sourceIp: req.ip, requestId: String(req.id) },
        {
          action: 'auth.session_expired',
          objectType: 'user',
          objectId: found.userId,
          actorUserId: found.userId,
          details: { reason: found.reason },
        },
      );
    }
    clearSessionCookie(reply, opts.config.secureCookies);
  }

  // Authentication and authorization run before the body is validated: a caller without the right
  // gets 401/403, never a 400 that would describe the schema to them.
  app.addHook('onRequest', async (req, reply) => {
    // The matched route decides, not the raw URL: `/%61pi/audit` is routed to /api/audit.
    const routeUrl = req.routeOptions.url;
    const isApi = routeUrl?.startsWith('/api/') || req.url.startsWith('/api/');
    if (!isApi) return; // static files and client routes need no session lookup
    await resolveSession(req, reply);
    // The rule is looked up from the matrix on every request, HEAD as GET: a route that somehow
    // has no entry is refused rather than served (fail closed, issue 9 item 1). Only the not-found
    // handler (no route URL) and the API documentation pass without one.
    const key = routeKey(accessMethod(req.method), routeUrl ?? '');
    const rule = routeUrl === undefined ? undefined : routeAccess[key];
    if (routeUrl !== undefined && !rule && !routeUrl.startsWith('/api/docs')) {
      throw new DomainError('forbidden', 'FORBIDDEN', '当前角色无权执行此操作');
    }
    if (!rule || rule.public) {
      if (rule && !SAFE_METHODS.has(req.method)) checkOrigin(req);
      return;
    }
    const actor = req.actor;
    if (!actor) throw new DomainError('unauthenticated', 'UNAUTHENTICATED', '未登录或会话已过期，请重新登录');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== actor.csrfToken) {
        throw new DomainError(
          'forbidden',
          'CSRF_FAILED',
          '请求校验失败（缺少或错误的 CSRF 令牌），请刷新页面后重试',
        );
      }
    }
    if (!ALLOWED_WHILE_RESTRICTED.has(key)) {
      if (actor.mustChangePassword || actor.passwordExpired) {
        throw new DomainError(
          'forbidden',
          'PASSWORD_CHANGE_REQUIRED',
          actor.passwordExpired ? '密码已超过有效期，请先修改密码' : '请先修改初始密码',
        );
      }
      if (actor.mfaEnrolmentRequired) {
        throw new DomainError('forbidden', 'MFA_ENROLMENT_REQUIRED', '请先绑定动态口令（双因素认证）');
      }
    }
    if (rule.roles !== 'authenticated' && !hasRole(actor, rule.roles)) {
      await recordEvent(opts.deps, commandContext(req), {
        action: 'access.denied',
        objectType: 'route',
        objectId: key,
        outcome: 'denied',
      });
      const err = new DomainError('forbidden', 'FORBIDDEN', '当前角色无权执行此操作');
      markAudited(err);
      throw err;
    }
  });

  // Every refusal of a signed-in caller is audited with its true outcome (issue 9 item 5): a 403
  // or a 404 (an object of another department looks absent) that no command recorded already.
  app.addHook('onError', async (req, _reply, err) => {
    if (!(err instanceof DomainError) || isAudited(err) || !req.actor) return;
    if (err.kind !== 'forbidden' && err.kind !== 'not_found') return;
    const routeUrl = req.routeOptions.url;
    if (!routeUrl?.startsWith('/api/')) return;
    const params = { ...((req.params ?? {}) as Record<string, unknown>) }; // a plain object for canonical JSON
    markAudited(err);
    await recordEvent(opts.deps, commandContext(req), {
      action: 'access.denied',
      objectType: 'route',
      objectId: routeKey(accessMethod(req.method), routeUrl),
      outcome: 'denied',
      details: { code: err.code, ...(Object.keys(params).length > 0 ? { params } : {}) },
    }).catch((e: unknown) => req.log.error({ err: e }, 'refusal not audited'));
  });
}

/** The method whose matrix entry governs a request: HEAD is a GET without the body. */
export function accessMethod(method: string): string {
  return method === 'HEAD' ? 'GET' : method;
}

/** Public writes (login) from a browser must come from our own origin. */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  const host = req.headers.host;
  try {
    if (new URL(origin).host === host) return;
  } catch {
    // fall through
  }
  throw new DomainError('forbidden', 'ORIGIN_REJECTED', '请求来源不被允许');
}

export const authPlugin = fp(plugin, { name: 'tongchou-auth' });
