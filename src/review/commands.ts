/**
 * The five-dimension review (DT-09b, SC-11a, XZ-10a) and its helpers: the reviewer's scores and
 * opinions (SC: with an opinion on the 信息资源共享分析篇, SC-09a), experts and third-party
 * evaluators assigned by field (DT-09d) with 回避 (no expert of the applicant's own organisation),
 * their signed opinions, the expert pool, and the departments' yearly assessments (DT-07, DT-31).
 */
import { and, eq } from 'drizzle-orm';
import type { Keyring } from '../crypto/keyring.ts';
import { signContent } from '../crypto/sm2.ts';
import { organisations, roleAssignments, users } from '../db/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { notifications } from '../notifications/tables.ts';
import { jurisdictionChain, jurisdictionSubtree } from '../projects/actors.ts';
import { assignedExpertDetails, expertIdentityColumns } from '../projects/expert-identity.ts';
import { EXPERT_FIELDS, labelOf } from '../projects/model.ts';
import {
  loadDirectory,
  type ProjectContext,
  visibleContext,
  type WorkflowEnv,
} from '../projects/repository.ts';
import type { ReviewInput } from '../projects/schemas.ts';
import { reviewStep, submissionStep } from '../projects/workflow-state.ts';
import type { Step } from '../rules/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../shared/command.ts';
import { conflict, forbidden, invalid, notFound } from '../shared/errors.ts';
import { insertAction, type ProjectDeps, refreshProject, stepRole } from '../workflow/index.ts';
import { departmentAssessments, expertProfiles, projectExpertAssignments, projectReviews } from './tables.ts';

function openReviewStep(pc: ProjectContext): Step {
  const step = reviewStep(pc.rulebook);
  if (!step) throw conflict('NO_REVIEW_STEP', '该规则集没有五个方面的合理性审核环节');
  if (pc.evaluation.steps.find((s) => s.stepId === step.id)?.status !== 'open') {
    throw conflict('REVIEW_NOT_OPEN', `“${step.name}”当前不在办理中`);
  }
  return step;
}

/**
 * The open step whose generic third-party actor is commissioned on the project (DT 第十四条: the
 * budget review), as seen by its commissioning body: the step with the commissioner as actor.
 */
function openCommissionedStep(pc: ProjectContext): Step | undefined {
  for (const stage of pc.rulebook.workflow.stages) {
    for (const step of stage.steps) {
      if (!step.commissionedBy) continue;
      if (pc.evaluation.steps.find((s) => s.stepId === step.id)?.status !== 'open') continue;
      return { ...step, actor: step.commissionedBy };
    }
  }
  return undefined;
}

function requireReviewer(actor: Actor, pc: ProjectContext, step: Step) {
  const role = stepRole(actor, pc, step);
  if (!role) throw forbidden(`只有“${step.name}”的办理人可以填写审核意见或指派专家`, 'STEP_ACTOR_MISMATCH');
  // Nobody reviews or scores a project they created or submitted (issue 9 item 6).
  const submission = submissionStep(pc.rulebook)?.id;
  const ownWork =
    pc.bundle.project.createdBy === actor.userId ||
    pc.bundle.actions.some(
      (a) => a.kind === 'step' && a.stepId === submission && a.actorUserId === actor.userId,
    );
  if (ownWork) throw forbidden('不得审核或评分本人编制、提交的申请', 'SELF_APPROVAL');
  return role;
}

/** Saves (and updates) the reviewer's five opinions, the sharing opinion and the findings. */
export async function saveReview(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: ReviewInput,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'review.score', objectType: 'project', objectId: id },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      const step = openReviewStep(pc);
      const role = requireReviewer(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      const existing = pc.bundle.review;
      if (existing && input.version !== undefined && input.version !== existing.version) {
        throw conflict('VERSION_CONFLICT', '审核意见已被他人修改，请刷新后重试', { field: 'version' });
      }
      const opinions = { ...(existing?.opinions ?? {}) };
      for (const [dimension, value] of Object.entries(input.opinions)) {
        if (value) opinions[dimension] = value;
      }
      // A finding overrides the applicant's declaration; null withdraws it.
      const findings: Record<string, boolean> = { ...(existing?.findings ?? {}) };
      for (const [key, value] of Object.entries(input.findings ?? {})) {
        if (value === null || value === undefined) delete findings[key];
        else findings[key] = value;
      }
      const sharing =
        input.sharingAnalysisOpinion !== undefined
          ? input.sharingAnalysisOpinion
          : (existing?.sharingAnalysisOpinion ?? null);
      if (existing) {
        await tx
          .update(projectReviews)
          .set({
            opinions,
            findings,
            sharingAnalysisOpinion: sharing,
            reviewerUserId: actor.userId,
            updatedAt: env.now,
            version: existing.version + 1,
          })
          .where(eq(projectReviews.id, existing.id));
      } else {
        await tx.insert(projectReviews).values({
          projectId: id,
          stepId: step.id,
          reviewerUserId: actor.userId,
          opinions,
          findings,
          sharingAnalysisOpinion: sharing,
          updatedAt: env.now,
        });
      }
      await insertAction(tx, env, actor, id, {
        kind: 'review_saved',
        stepId: step.id,
        role,
        details: { dimensions: Object.keys(input.opinions), findings: input.findings ?? {} },
      });
      await refreshProject(tx, env, id);
      audit.details = {
        stepId: step.id,
        dimensions: Object.keys(input.opinions),
        findings: input.findings ?? {},
      };
    },
  );
}

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
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    {
      action: 'review.assign_expert',
      objectType: 'project',
      objectId: id,
      details: { userId: input.userId, kind: input.kind, field: input.field },
    },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      // An evaluator is commissioned during the review, or for a later step a third party decides.
      const commissioned = input.kind === 'evaluator' ? openCommissionedStep(pc) : undefined;
      const step = commissioned ?? openReviewStep(pc);
      const role = requireReviewer(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
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
      await refreshProject(tx, env, id);
      return row.id;
    },
  );
}

/** The content of an expert opinion's SM2 signature. */
export function expertOpinionContent(row: {
  projectId: string;
  userId: string;
  opinion: string | null;
  conclusion: string | null;
  opinionAt: Date | null;
}): Record<string, unknown> {
  return {
    type: 'tongchou.expert-opinion.v1',
    projectId: row.projectId,
    userId: row.userId,
    opinion: row.opinion,
    conclusion: row.conclusion,
    at: row.opinionAt?.toISOString() ?? null,
  };
}

/** An assigned expert's or evaluator's signed opinion, while the review is open. */
export async function giveExpertOpinion(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  keyring: Keyring,
  id: string,
  input: { opinion: string; conclusion: string },
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    {
      action: 'review.expert_opinion',
      objectType: 'project',
      objectId: id,
      details: { conclusion: input.conclusion },
    },
    async (tx, audit) => {
      const { pc, relation } = await visibleContext(tx, env, actor, id, { lock: true });
      const assignment = relation.assignment;
      if (!assignment) throw forbidden('您未被指派评审该项目', 'NOT_ASSIGNED');
      audit.role = assignment.kind === 'expert' ? 'expert' : 'third_party_evaluator';
      openReviewStep(pc);
      const values = {
        projectId: id,
        userId: actor.userId,
        opinion: input.opinion,
        conclusion: input.conclusion,
        opinionAt: env.now,
      };
      const signature = signContent(keyring, expertOpinionContent(values)) as unknown as Record<
        string,
        string
      >;
      await tx
        .update(projectExpertAssignments)
        .set({ opinion: input.opinion, conclusion: input.conclusion, opinionAt: env.now, signature })
        .where(eq(projectExpertAssignments.id, assignment.id));
      await insertAction(tx, env, actor, id, {
        kind: 'expert_opinion',
        details: { assignmentId: assignment.id, conclusion: input.conclusion },
        role: actor.assignments.find((a) => a.role === audit.role) ?? null,
      });
      await refreshProject(tx, env, id);
    },
  );
}

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
