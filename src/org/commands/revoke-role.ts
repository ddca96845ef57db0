import { and, eq } from 'drizzle-orm';
import { isAdminRole, ROLE_NAMES, type Role } from '../../access/index.ts';
import { revokeUserSessions, roleAssignments, users } from '../../identity/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, notFound } from '../../platform/errors.ts';

/** Revokes a role assignment (security administrator); the last enabled holder of an admin role keeps it. */
export function revokeRole(deps: CommandDeps, ctx: CommandContext, id: string, assignmentId: string) {
  return runCommand(
    deps,
    ctx,
    { action: 'role.revoke', objectType: 'user', objectId: id, details: { assignmentId } },
    async (tx) => {
      const [target] = await tx
        .select({ role: roleAssignments.role })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, id)));
      if (!target) throw notFound('该角色授予记录不存在');
      if (isAdminRole(target.role)) {
        // The last enabled holder of an admin role keeps it (issue 9 item 7). The holders are
        // locked so that two concurrent revocations cannot both pass.
        const holders = await tx
          .select({ userId: roleAssignments.userId })
          .from(roleAssignments)
          .innerJoin(users, eq(users.id, roleAssignments.userId))
          .where(and(eq(roleAssignments.role, target.role), eq(users.disabled, false)))
          .for('update');
        if (holders.filter((h) => h.userId !== id).length === 0) {
          throw conflict('LAST_ADMIN', `“${ROLE_NAMES[target.role as Role]}”角色须至少保留一名启用的账户`, {
            field: 'assignmentId',
          });
        }
      }
      const removed = await tx
        .delete(roleAssignments)
        .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, id)))
        .returning({ id: roleAssignments.id, role: roleAssignments.role });
      if (removed.length === 0) throw notFound('该角色授予记录不存在');
      await revokeUserSessions(tx, id, deps.clock.now());
    },
  );
}
