/** The authority's expert pool (DT-09d) and the departments' yearly assessments (DT-07, DT-31). */
import { and, eq } from 'drizzle-orm';
import { roleAssignments } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../platform/command.ts';
import { organisations } from '../platform/db/core.ts';
import { forbidden, invalid, notFound } from '../platform/errors.ts';
import { jurisdictionSubtree, loadDirectory } from '../projects/index.ts';
import { departmentAssessments, expertProfiles } from './tables.ts';

/** The caller's authority-side assignment (reviewer or leader), which scopes the pool and assessments. */
export function authorityAssignment(actor: Actor) {
  const found = actor.assignments.find(
    (a) => a.role === 'authority_reviewer' || a.role === 'authority_leader',
  );
  if (!found) throw forbidden('只有主管部门可以维护专家库和年度考核结果', 'NOT_AUTHORITY');
  return found;
}

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

/** Records a department's yearly assessment (DT-07); next year's reviewer sees it (DT-31). */
export async function recordAssessment(
  deps: CommandDeps,
  ctx: CommandContext,
  input: { organisationId: string; year: number; score: number; grade: string; summary: string },
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    {
      action: 'assessment.record',
      objectType: 'organisation',
      objectId: input.organisationId,
      details: { year: input.year, score: input.score, grade: input.grade },
    },
    async (tx) => {
      const mine = authorityAssignment(actor);
      const directory = await loadDirectory(tx);
      const org = directory.organisations.find((o) => o.id === input.organisationId);
      if (
        org?.kind !== 'department' ||
        !jurisdictionSubtree(directory, mine.jurisdictionId).includes(org.jurisdictionId)
      ) {
        throw notFound('部门不存在或不在本级管辖范围内', 'ORGANISATION_NOT_FOUND');
      }
      const [row] = await tx
        .insert(departmentAssessments)
        .values({ ...input, recordedBy: actor.userId, createdAt: deps.clock.now() })
        .onConflictDoUpdate({
          target: [departmentAssessments.organisationId, departmentAssessments.year],
          set: { score: input.score, grade: input.grade, summary: input.summary, recordedBy: actor.userId },
        })
        .returning({ id: departmentAssessments.id });
      return row.id;
    },
  );
}
