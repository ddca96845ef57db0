/**
 * Assigns experts and third-party evaluators to the review by field (DT-09d) with 回避 (no expert of
 * the applicant's own organisation or a unit above or below it).
 */
import { eq } from 'drizzle-orm';
import { roleAssignments, users } from '../../identity/index.ts';
import { notifications } from '../../notifications/index.ts';
import type { CommandContext, CommandDeps } from '../../platform/command.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { EXPERT_FIELDS, jurisdictionChain, labelOf, type WorkflowEnv } from '../../projects/index.ts';
import { insertAction, type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { assignedExpertDetails, expertIdentityColumns } from '../expert-identity.ts';
import { expertProfiles, projectExpertAssignments } from '../tables.ts';
import { openCommissionedStep, openReviewStep, requireReviewer } from './support.ts';

/** The organisations a user belongs to: role assignments plus the employer in the expert pool. */
async function organisationsOfUser(
  tx: Parameters<Parameters<CommandDeps['db']['transaction']>[0]>[0],
  userId: string,
) {
  const held = await tx
    .select({ organisationId: roleAssignments.organisationId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  const [profile] = await tx.select().from(expertProfiles).where(eq(expertProfiles.userId, userId));
  return { held, profile: profile ?? null };
}

/**
 * Assigns an expert (by field, from the pool) or a third-party evaluator to the review. 回避: a user
 * who works for the applicant or a co-building department — or for a unit above or below it — is
 * refused.
 */
export async function assignExpert(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: { userId: string; kind: 'expert' | 'evaluator'; field: string | null },
): Promise<string> {
  return projectCommand(
    deps,
    ctx,
    env,
    id,
    {
      action: 'review.assign_expert',
      objectType: 'project',
      objectId: id,
      details: { userId: input.userId, kind: input.kind, field: input.field },
    },
    async ({ tx, actor, pc, actingAs }) => {
      // An evaluator is commissioned during the review, or for a later step a third party decides.
      const commissioned = input.kind === 'evaluator' ? openCommissionedStep(pc) : undefined;
      const step = commissioned ?? openReviewStep(pc);
      const role = requireReviewer(actor, pc, step);
      actingAs(role);
      const { held, profile } = await organisationsOfUser(tx, input.userId);
      const neededRole = input.kind === 'expert' ? 'expert' : 'third_party_evaluator';
      if (!held.some((h) => h.role === neededRole)) {
        throw invalid(
          'ASSIGNEE_ROLE_MISSING',
          input.kind === 'expert' ? '所选用户不是评审专家' : '所选用户不是第三方评估机构人员',
          { field: 'userId' },
        );
      }
      if (input.kind === 'expert') {
        const chain = jurisdictionChain(pc.directory, pc.bundle.project.jurisdictionId).map((j) => j.id);
        if (!profile || !chain.includes(profile.jurisdictionId)) {
          throw invalid('EXPERT_NOT_IN_POOL', '所选专家不在本级专家库中', {
            field: 'userId',
            article: 'DT-09d',
          });
        }
        if (input.field && !profile.fields.includes(input.field)) {
          throw invalid(
            'EXPERT_FIELD_MISMATCH',
            `所选专家不属于“${labelOf(EXPERT_FIELDS, input.field)}”领域`,
            {
              field: 'field',
              article: 'DT-09d',
            },
          );
        }
      }
      const applicant = new Set([pc.bundle.project.ownerOrganisationId, ...pc.bundle.coBuilderIds]);
      const family = new Set<string>(applicant);
      for (const o of pc.directory.organisations) {
        if (o.parentId && applicant.has(o.parentId)) family.add(o.id);
        if (applicant.has(o.id) && o.parentId) family.add(o.parentId);
      }
      const theirs = [
        ...held.map((h) => h.organisationId),
        ...(profile?.employerOrganisationId ? [profile.employerOrganisationId] : []),
      ];
      if (theirs.some((o) => family.has(o))) {
        throw conflict('EXPERT_CONFLICT_OF_INTEREST', '回避：专家（评估机构）不得评审本单位或本部门的项目', {
          field: 'userId',
        });
      }
      if (pc.bundle.assignments.some((a) => a.userIndex === env.expertIndex(input.userId))) {
        throw conflict('ALREADY_ASSIGNED', '该专家已指派到本项目');
      }
      const [row] = await tx
        .insert(projectExpertAssignments)
        .values({
          ...expertIdentityColumns(deps.keyring, input.userId),
          projectId: id,
          kind: input.kind,
          field: input.field,
          assignedBy: actor.userId,
          assignedAt: env.now,
        })
        .returning({ id: projectExpertAssignments.id });
      const [user] = await tx
        .select({ name: users.displayName })
        .from(users)
        .where(eq(users.id, input.userId));
      await insertAction(tx, env, actor, id, {
        kind: 'expert_assigned',
        stepId: step.id,
        role,
        details: assignedExpertDetails(
          deps.keyring,
          row.id,
          { userId: input.userId, name: user?.name ?? '' },
          { kind: input.kind, field: input.field },
        ),
      });
      await tx.insert(notifications).values({
        userId: input.userId,
        projectId: id,
        stepId: step.id,
        kind: 'expert_assigned',
        message: `您被指派评审“${pc.bundle.project.name}”，请提交${input.kind === 'expert' ? '专家' : '评估'}意见`,
        createdBy: actor.userId,
        createdAt: env.now,
      });
      return row.id;
    },
  );
}
