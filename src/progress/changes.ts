/**
 * Adjustment applications (调整申请; DT-21, SC-17, JC-05-5, XZ-16): filed by the rulebook's
 * applicant, evaluated and decided in the rulebook's order (DT/SC/XZ: 综合评估后提出意见; JC 五.5:
 * 申请通过后…综合评估). An approval makes the proposal the next baseline version; nobody evaluates or
 * decides their own application.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { CommandContext } from '../platform/command.ts';
import type { Tx } from '../platform/db/client.ts';
import { yuanToFen } from '../platform/documents/format.ts';
import { conflict, forbidden, notFound, refused, versionConflict } from '../platform/errors.ts';
import type { WorkflowEnv } from '../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../workflow/index.ts';
import {
  type ChangeInput,
  currentBaseline,
  openReportObligations,
  requireActor,
  requireEstablished,
  rulesOf,
  validatePlan,
} from './commands/support.ts';
import { changeRequests, progressBaselines } from './tables.ts';

/** 调整申请: what changes and why, with the baseline asked for. One open application at a time. */
export async function requestChange(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: ChangeInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'change.request', objectType: 'project', objectId: projectId },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.changes.articles[0];
      const role = requireActor(pc, actor, rules.changes.applicant, article, '调整申请');
      requireEstablished(pc, article);
      const current = await currentBaseline(tx, projectId);
      if (!current) throw refused('BASELINE_REQUIRED', '请先建立进度计划，再申请调整', article);
      const [open] = await tx
        .select({ id: changeRequests.id })
        .from(changeRequests)
        .where(
          and(
            eq(changeRequests.projectId, projectId),
            inArray(changeRequests.state, ['submitted', 'evaluated']),
          ),
        );
      if (open) throw conflict('CHANGE_OPEN', '已有一份调整申请在办理中', { article });
      const budget = yuanToFen(input.totalBudget);
      const plan = validatePlan(rules, { ...input, startOn: current.startOn }, budget);
      const [row] = await tx
        .insert(changeRequests)
        .values({
          projectId,
          kinds: [...new Set(input.kinds)],
          description: input.description.trim(),
          reason: input.reason.trim(),
          proposedMilestones: plan.milestones,
          proposedFunds: plan.plannedFunds,
          proposedBudgetFen: budget,
          requestedBy: actor.userId,
          requestedOrganisationId: role.organisationId,
          requestedOn: env.today,
          createdAt: env.now,
        })
        .returning({ id: changeRequests.id });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.objectType = 'change_request';
      audit.objectId = row.id;
      audit.details = { kinds: input.kinds, projectId };
      return row.id;
    },
    { refresh: false },
  );
}

async function lockRequest(tx: Tx, projectId: string, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, id), eq(changeRequests.projectId, projectId)))
    .for('update');
  if (!row) throw notFound('调整申请不存在或无权查看', 'CHANGE_NOT_FOUND');
  if (row.version !== version) throw versionConflict();
  return row;
}

function notOwn(actor: Actor, row: { requestedBy: string }, article: string) {
  if (row.requestedBy === actor.userId) {
    throw forbidden('不得评估或决定本人提交的调整申请', 'OWN_REQUEST', { article });
  }
}

/** 综合评估: before the decision (DT/SC/XZ) or after the approval (JC 五.5), per the rulebook. */
export async function evaluateChange(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { opinion: string; participants: string; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'change.evaluate', objectType: 'change_request', objectId: id },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.changes.articles[0];
      const role = requireActor(pc, actor, rules.changes.evaluator, article, '调整申请的综合评估');
      const row = await lockRequest(tx, projectId, id, input.version);
      notOwn(actor, row, article);
      const first = rules.changes.order === 'evaluate_then_decide';
      if (first && row.state !== 'submitted') {
        throw conflict('CHANGE_NOT_PENDING', '该调整申请不在待评估状态', { article });
      }
      if (!first && row.state !== 'approved') {
        if (row.state === 'submitted') {
          throw refused(
            'CHANGE_NOT_APPROVED',
            `调整申请须经${rules.changes.decider.name}通过后再综合评估`,
            article,
          );
        }
        throw conflict('CHANGE_NOT_PENDING', '该调整申请不在待评估状态', { article });
      }
      if (rules.changes.evaluationParticipants && input.participants.trim().length === 0) {
        throw refused('PARTICIPANTS_REQUIRED', '请填写参与综合评估的相关部门或技术专家', article, {
          field: 'participants',
        });
      }
      await tx
        .update(changeRequests)
        .set({
          state: first ? 'evaluated' : 'completed',
          evaluatedBy: actor.userId,
          evaluatedOn: env.today,
          evaluationOpinion: input.opinion.trim(),
          evaluationParticipants: input.participants.trim() || null,
          version: sql`${changeRequests.version} + 1`,
        })
        .where(eq(changeRequests.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { projectId, order: rules.changes.order };
    },
    { refresh: false },
  );
}

/** The decision: approved makes the proposal the next baseline version (the old ones stay). */
export async function decideChange(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { decision: 'approved' | 'rejected'; opinion: string; version: number },
): Promise<{ baselineVersion: number | null }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'change.decide',
      objectType: 'change_request',
      objectId: id,
      details: { decision: input.decision },
    },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.changes.articles[0];
      const role = requireActor(pc, actor, rules.changes.decider, article, '调整申请的决定');
      const row = await lockRequest(tx, projectId, id, input.version);
      notOwn(actor, row, article);
      const evaluateFirst = rules.changes.order === 'evaluate_then_decide';
      if (evaluateFirst && row.state === 'submitted') {
        throw refused(
          'CHANGE_NOT_EVALUATED',
          `调整申请须经${rules.changes.evaluator.name}综合评估后再提出意见`,
          article,
        );
      }
      if (row.state !== (evaluateFirst ? 'evaluated' : 'submitted')) {
        throw conflict('CHANGE_NOT_PENDING', '该调整申请不在待决定状态', { article });
      }
      let baselineVersion: number | null = null;
      if (input.decision === 'approved') {
        const current = await currentBaseline(tx, projectId);
        baselineVersion = (current?.baselineVersion ?? 0) + 1;
        const startOn = current?.startOn ?? env.today;
        await tx.insert(progressBaselines).values({
          projectId,
          baselineVersion,
          startOn,
          milestones: row.proposedMilestones,
          plannedFunds: row.proposedFunds,
          totalBudgetFen: row.proposedBudgetFen,
          changeRequestId: row.id,
          createdBy: actor.userId,
          createdAt: env.now,
        });
        await openReportObligations(tx, env, pc, rules, startOn, row.proposedMilestones);
      }
      await tx
        .update(changeRequests)
        .set({
          state: input.decision,
          decidedBy: actor.userId,
          decidedOn: env.today,
          decisionOpinion: input.opinion.trim(),
          baselineVersion,
          version: sql`${changeRequests.version} + 1`,
        })
        .where(eq(changeRequests.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { projectId, decision: input.decision, baselineVersion };
      return { baselineVersion };
    },
    { refresh: false },
  );
}
