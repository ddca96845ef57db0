/**
 * The security administrator's routes (三员分立, SECURITY.md 17): the accounts' security state
 * (locked, second factor, password age — no personal data), unlocking, resetting a lost second
 * factor, and the security policy in force. Roles are granted and revoked in src/org/routes.ts.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES, type Role } from '../access/index.ts';
import type { Config } from '../config.ts';
import type { CommandDeps } from '../platform/command.ts';
import { errors, IdParams, NoContent } from '../platform/http/schemas.ts';
import { isLocked, isPasswordExpired } from './account-state.ts';
import { resetMfa } from './commands/reset-mfa.ts';
import { unlockUser } from './commands/unlock-user.ts';
import { commandContext } from './plugin.ts';
import { securityUsers } from './queries/security-users.ts';
import { UserListQuery, UserPage } from './queries/user-list.ts';

const SecurityUser = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    disabled: Type.Boolean(),
    disabledReason: Type.Union([Type.String(), Type.Null()]),
    locked: Type.Boolean(),
    lockedUntil: Type.Union([Type.String(), Type.Null()]),
    mfaEnrolled: Type.Boolean(),
    passwordChangedAt: Type.String(),
    passwordExpired: Type.Boolean(),
    lastLoginAt: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          role: Type.String(),
          roleName: Type.String(),
          organisationId: Type.String(),
          organisationName: Type.String(),
          jurisdictionName: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export function registerSecurityAdminRoutes(app: FastifyInstance, deps: CommandDeps, config: Config): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/security/users',
    {
      schema: {
        tags: ['安全管理'],
        summary: '账户安全状态与角色（安全管理员；不含个人信息；筛选、排序、分页）',
        querystring: UserListQuery,
        response: { 200: UserPage(SecurityUser), ...errors },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const { rows, roles: roleRows, total, limit, offset } = await securityUsers(deps.db, req.query);
      return {
        total,
        limit,
        offset,
        items: rows.map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          disabled: u.disabled,
          disabledReason: u.disabledReason,
          locked: isLocked(u.lockedUntil, now),
          lockedUntil: isLocked(u.lockedUntil, now) ? u.lockedUntil!.toISOString() : null,
          mfaEnrolled: u.totpEnabledAt !== null,
          passwordChangedAt: u.passwordChangedAt.toISOString(),
          passwordExpired: isPasswordExpired(u.passwordChangedAt, now, config.passwordMaxAgeDays),
          lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
          roles: roleRows
            .filter((r) => r.userId === u.id)
            .map((r) => ({
              id: r.id,
              role: r.role,
              roleName: ROLE_NAMES[r.role as Role] ?? r.role,
              organisationId: r.organisationId,
              organisationName: r.organisationName,
              jurisdictionName: r.jurisdictionName,
            })),
        })),
      };
    },
  );

  typed.get(
    '/api/security/policy',
    {
      schema: {
        tags: ['安全管理'],
        summary: '当前生效的安全策略（由部署配置决定）',
        response: {
          200: Type.Object(
            {
              passwordMaxAgeDays: Type.Integer(),
              passwordHistory: Type.Integer(),
              lockoutMaxFailures: Type.Integer(),
              lockoutWindowMinutes: Type.Integer(),
              lockoutMinutes: Type.Integer(),
              mfaRequired: Type.Boolean(),
              sessionIdleMinutes: Type.Integer(),
              sessionMaxHours: Type.Integer(),
              inactiveAccountDays: Type.Integer(),
              auditRetentionDays: Type.Integer(),
            },
            { additionalProperties: false },
          ),
          ...errors,
        },
      },
    },
    async () => ({
      passwordMaxAgeDays: config.passwordMaxAgeDays,
      passwordHistory: 5,
      lockoutMaxFailures: config.lockoutMaxFailures,
      lockoutWindowMinutes: config.lockoutWindowMinutes,
      lockoutMinutes: config.lockoutMinutes,
      mfaRequired: config.mfaRequired,
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionMaxHours: config.sessionMaxHours,
      inactiveAccountDays: config.inactiveAccountDays,
      auditRetentionDays: config.auditRetentionDays,
    }),
  );

  typed.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: ['安全管理'],
        summary: '解除账户锁定（安全管理员）',
        params: IdParams,
        response: { 204: NoContent, ...errors },
      },
    },
    async (req, reply) => {
      await unlockUser(deps, commandContext(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  typed.delete(
    '/api/users/:id/mfa',
    {
      schema: {
        tags: ['安全管理'],
        summary: '重置动态口令（手机丢失时；安全管理员）：用户下次登录须重新绑定',
        params: IdParams,
        response: { 204: NoContent, ...errors },
      },
    },
    async (req, reply) => {
      await resetMfa(deps, commandContext(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
