import { eq } from 'drizzle-orm';
import { type Role, roleGrantRefusal } from '../../access/index.ts';
import { revokeUserSessions, roleAssignments, users } from '../../identity/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { organisations } from '../../platform/db/core.ts';
import { invalid, notFound } from '../../platform/errors.ts';

/** Grants a role at an organisation (security administrator) under 三员分立. */
export function assignRole(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  body: { role: Role; organisationId: string },
) {
  return runCommand(
    deps,
    ctx,
    { action: 'role.assign', objectType: 'user', objectId: id, details: body },
    async (tx) => {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
      if (!user) throw notFound('用户不存在');
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, body.organisationId));
      if (!org) throw invalid('ORGANISATION_NOT_FOUND', '组织机构不存在', { field: 'organisationId' });
      const held = await tx
        .select({ role: roleAssignments.role, organisationId: roleAssignments.organisationId })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, id));
      const refusal = roleGrantRefusal(body.role, org, held);
      if (refusal) throw refusal;
      await tx.insert(roleAssignments).values({
        userId: id,
        role: body.role,
        organisationId: org.id,
        jurisdictionId: org.jurisdictionId,
      });
      // A role change ends the user's sessions (SECURITY.md 11).
      await revokeUserSessions(tx, id, deps.clock.now());
    },
  );
}
