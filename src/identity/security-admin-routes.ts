/**
 * The security administrator's routes (三员分立, SECURITY.md 17): the accounts' security state
 * (locked, second factor, password age — no personal data), unlocking, resetting a lost second
 * factor, and the security policy in force. Roles are granted and revoked in src/org/routes.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES, type Role } from '../access/roles.ts';
import type { Config } from '../config.ts';
import { jurisdictions, organisations, roleAssignments, users } from '../db/schema.ts';
import { errors, IdParams, NoContent } from '../http/schemas.ts';
import { type CommandDeps, runCommand } from '../shared/command.ts';
import { notFound } from '../shared/errors.ts';
import { isLocked, isPasswordExpired } from './account-state.ts';
import { commandContext } from './plugin.ts';
import { revokeUserSessions } from './sessions.ts';
import { recoveryCodes } from './tables.ts';

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
  app.get(
    '/api/security/users',
    {
      schema: {
        tags: ['安全管理'],
        summary: '账户安全状态与角色（安全管理员；不含个人信息）',
        response: {
          200: Type.Object({ items: Type.Array(SecurityUser) }, { additionalProperties: false }),
          ...errors,
        },
      },
    },
    async () => {
      const now = deps.clock.now();
      const rows = await deps.db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          disabled: users.disabled,
          disabledReason: users.disabledReason,
          lockedUntil: users.lockedUntil,
          totpEnabledAt: users.totpEnabledAt,
          passwordChangedAt: users.passwordChangedAt,
          lastLoginAt: users.lastLoginAt,
        })
        .from(users)
        .orderBy(asc(users.username));
      const roleRows = await deps.db
        .select({
          id: roleAssignments.id,
          userId: roleAssignments.userId,
          role: roleAssignments.role,
          organisationId: organisations.id,
          organisationName: organisations.name,
          jurisdictionName: jurisdictions.name,
        })
        .from(roleAssignments)
        .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
        .innerJoin(jurisdictions, eq(jurisdictions.id, roleAssignments.jurisdictionId));
      return {
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

  app.get(
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

  app.post(
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
      const { id } = req.params as { id: string };
      await runCommand(
        deps,
        commandContext(req),
        { action: 'user.unlock', objectType: 'user', objectId: id },
        async (tx) => {
          const updated = await tx
            .update(users)
            .set({ lockedUntil: null, failedLoginCount: 0, firstFailedLoginAt: null })
            .where(eq(users.id, id))
            .returning({ id: users.id });
          if (updated.length === 0) throw notFound('用户不存在');
        },
      );
      return reply.status(204).send();
    },
  );

  app.delete(
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
      const { id } = req.params as { id: string };
      const now = deps.clock.now();
      await runCommand(
        deps,
        commandContext(req),
        { action: 'auth.mfa_reset', objectType: 'user', objectId: id },
        async (tx) => {
          const updated = await tx
            .update(users)
            .set({ totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null })
            .where(and(eq(users.id, id)))
            .returning({ id: users.id });
          if (updated.length === 0) throw notFound('用户不存在');
          await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
          await revokeUserSessions(tx, id, now);
        },
      );
      return reply.status(204).send();
    },
  );
}
