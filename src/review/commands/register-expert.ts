/** Registers (or updates) an expert in the authority's expert pool (DT-09d). */
import { and, eq } from 'drizzle-orm';
import { roleAssignments } from '../../identity/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { organisations } from '../../platform/db/core.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { jurisdictionSubtree, loadDirectory } from '../../projects/index.ts';
import { expertProfiles } from '../tables.ts';
import { authorityAssignment } from './support.ts';

/** Registers (or updates) an expert in the pool of the caller's jurisdiction (DT-09d). */
export async function registerExpert(
  deps: CommandDeps,
  ctx: CommandContext,
  input: { userId: string; fields: string[]; employerOrganisationId: string | null; title: string },
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    {
      action: 'expert.register',
      objectType: 'user',
      objectId: input.userId,
      details: { fields: input.fields },
    },
    async (tx) => {
      const mine = authorityAssignment(actor);
      const expertRoles = await tx
        .select({ jurisdictionId: roleAssignments.jurisdictionId })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.userId, input.userId), eq(roleAssignments.role, 'expert')));
      if (expertRoles.length === 0)
        throw invalid('ASSIGNEE_ROLE_MISSING', '所选用户不是评审专家', { field: 'userId' });
      const directory = await loadDirectory(tx);
      const scope = jurisdictionSubtree(directory, mine.jurisdictionId);
      if (!expertRoles.some((r) => scope.includes(r.jurisdictionId))) {
        throw notFound('专家不存在或不在本级管辖范围内', 'EXPERT_NOT_FOUND');
      }
      if (input.employerOrganisationId) {
        const [org] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.id, input.employerOrganisationId));
        if (!org)
          throw invalid('ORGANISATION_NOT_FOUND', '工作单位不存在', { field: 'employerOrganisationId' });
      }
      const values = {
        jurisdictionId: mine.jurisdictionId,
        fields: [...new Set(input.fields)],
        employerOrganisationId: input.employerOrganisationId,
        title: input.title,
      };
      await tx
        .insert(expertProfiles)
        .values({ userId: input.userId, ...values, createdBy: actor.userId, createdAt: deps.clock.now() })
        .onConflictDoUpdate({ target: expertProfiles.userId, set: values });
    },
  );
}
