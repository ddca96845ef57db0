/**
 * 规划和年度计划 (DT-08, SC-07, XZ-06). The authority compiles its jurisdiction's informatization
 * plan and annual plan with entries (department, intended project, estimated budget, year); it
 * passes the chain its rulebook gives (`Rulebook.planning`, chain.ts: 市政府 / 区政府 approve; XZ
 * 第六条 局党组 → 市政务信息管理局审查备案; DT 第八条 county plans 本级主管部门 → 市主管部门备案).
 * Departments file their own plans involving information systems with the authority. A project that
 * links to an entry of a plan through its whole chain is planned; otherwise it is unplanned and takes the
 * rulebook's pre-review path (DT-12b, SC-11b, XZ-10b).
 */
import { and, eq } from 'drizzle-orm';
import type { Actor, Assignment } from '../platform/actor.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../platform/command.ts';
import type { Queryable } from '../platform/db/client.ts';
import { yuanToFen } from '../platform/documents/format.ts';
import { conflict, forbidden, invalid, notFound, versionConflict } from '../platform/errors.ts';
import {
  jurisdictionSubtree,
  loadDirectory,
  type PlanDecisionRecord,
  type PlanKind,
  planEntries,
  plans,
  projects,
} from '../projects/index.ts';
import { loadRulebookCatalog } from '../rulebooks/index.ts';
import type { RulebookRegistry } from '../rules/index.ts';
import { AUTHORITY_ROLES, canSeePlan, chainOfPlan, compilerRole, type PlanRow } from './actors.ts';
import { type ChainStep, pendingStep } from './chain.ts';

function editorOf(actor: Actor, plan: PlanRow): Assignment {
  const role = actor.assignments.find(
    (a) =>
      a.organisationId === plan.organisationId &&
      (plan.scope === 'jurisdiction' ? AUTHORITY_ROLES.includes(a.role) : a.role === 'dept_staff'),
  );
  if (!role) throw forbidden('只有编制单位可以修改该规划', 'NOT_PLAN_EDITOR');
  return role;
}

async function lockPlan(
  q: Queryable,
  actor: Actor,
  id: string,
  registry?: RulebookRegistry,
): Promise<{ plan: PlanRow; chain: ChainStep[] | null }> {
  const [plan] = await q.select().from(plans).where(eq(plans.id, id)).for('update');
  const chain = plan && registry ? chainOfPlan(registry, await loadDirectory(q), plan) : null;
  if (!plan || !canSeePlan(actor, plan, chain)) throw notFound('规划不存在或无权查看', 'PLAN_NOT_FOUND');
  return { plan, chain };
}

function requireEditable(plan: PlanRow): void {
  if (plan.status !== 'draft' && plan.status !== 'returned') {
    throw conflict('PLAN_NOT_EDITABLE', '规划已报送，退回后才能修改');
  }
}

export async function createPlan(
  deps: CommandDeps,
  ctx: CommandContext,
  input: {
    kind: PlanKind;
    title: string;
    year: number;
    endYear?: number;
    summary: string;
    organisationId?: string;
  },
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(deps, ctx, { action: 'plan.create', objectType: 'plan' }, async (tx, audit) => {
    const compiler = compilerRole(actor, input.organisationId);
    if (!compiler) throw forbidden('只能以本人所在单位的名义编制规划', 'NOT_PLAN_EDITOR');
    const endYear = input.kind === 'annual' ? input.year : (input.endYear ?? input.year);
    if (endYear < input.year)
      throw invalid('PLAN_YEARS_INVALID', '规划期末年份不能早于起始年份', { field: 'endYear' });
    const [row] = await tx
      .insert(plans)
      .values({
        jurisdictionId: compiler.role.jurisdictionId,
        organisationId: compiler.role.organisationId,
        scope: compiler.scope,
        kind: input.kind,
        title: input.title.trim(),
        year: input.year,
        endYear,
        summary: input.summary,
        createdBy: actor.userId,
        createdAt: deps.clock.now(),
      })
      .returning({ id: plans.id });
    audit.role = compiler.role.role;
    audit.organisationId = compiler.role.organisationId;
    audit.objectId = row.id;
    audit.details = { kind: input.kind, scope: compiler.scope, title: input.title };
    return row.id;
  });
}

export async function updatePlan(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: { title?: string; summary?: string; endYear?: number; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  const { version, ...changes } = input;
  await runCommand(
    deps,
    ctx,
    { action: 'plan.update', objectType: 'plan', objectId: id, details: changes },
    async (tx) => {
      const { plan } = await lockPlan(tx, actor, id);
      editorOf(actor, plan);
      requireEditable(plan);
      if (plan.version !== version) throw versionConflict();
      if (
        changes.endYear !== undefined &&
        (plan.kind === 'annual' ? changes.endYear !== plan.year : changes.endYear < plan.year)
      ) {
        throw invalid('PLAN_YEARS_INVALID', '规划期末年份无效', { field: 'endYear' });
      }
      await tx
        .update(plans)
        .set({ ...changes, version: plan.version + 1 })
        .where(eq(plans.id, id));
    },
  );
}

export async function addPlanEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: {
    organisationId: string;
    projectName: string;
    estimatedBudget: string;
    year: number;
    summary: string;
  },
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    {
      action: 'plan.entry_add',
      objectType: 'plan',
      objectId: id,
      details: { projectName: input.projectName },
    },
    async (tx) => {
      const { plan } = await lockPlan(tx, actor, id);
      editorOf(actor, plan);
      requireEditable(plan);
      const directory = await loadDirectory(tx);
      const org = directory.organisations.find((o) => o.id === input.organisationId);
      const allowed =
        plan.scope === 'department'
          ? input.organisationId === plan.organisationId
          : org?.kind === 'department' &&
            jurisdictionSubtree(directory, plan.jurisdictionId).includes(org.jurisdictionId);
      if (!org || !allowed) {
        throw invalid('ENTRY_ORGANISATION_INVALID', '计划条目的单位须为本级管辖的部门', {
          field: 'organisationId',
        });
      }
      if (input.year < plan.year || input.year > plan.endYear) {
        throw invalid('ENTRY_YEAR_INVALID', `计划条目的年度应在 ${plan.year}–${plan.endYear} 之间`, {
          field: 'year',
        });
      }
      const [row] = await tx
        .insert(planEntries)
        .values({
          planId: id,
          organisationId: input.organisationId,
          projectName: input.projectName.trim(),
          estimatedBudgetFen: yuanToFen(input.estimatedBudget),
          year: input.year,
          summary: input.summary,
          createdAt: deps.clock.now(),
        })
        .returning({ id: planEntries.id });
      await tx
        .update(plans)
        .set({ version: plan.version + 1 })
        .where(eq(plans.id, id));
      return row.id;
    },
  );
}

export async function removePlanEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  entryId: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'plan.entry_remove', objectType: 'plan', objectId: id, details: { entryId } },
    async (tx) => {
      const { plan } = await lockPlan(tx, actor, id);
      editorOf(actor, plan);
      requireEditable(plan);
      const [linked] = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.planEntryId, entryId));
      if (linked) throw conflict('ENTRY_IN_USE', '已有项目关联该计划条目，不能删除');
      const removed = await tx
        .delete(planEntries)
        .where(and(eq(planEntries.id, entryId), eq(planEntries.planId, id)))
        .returning({ id: planEntries.id });
      if (removed.length === 0) throw notFound('计划条目不存在', 'ENTRY_NOT_FOUND');
      await tx
        .update(plans)
        .set({ version: plan.version + 1 })
        .where(eq(plans.id, id));
    },
  );
}

export async function submitPlan(deps: CommandDeps, ctx: CommandContext, id: string): Promise<void> {
  const actor = ctx.actor!;
  const { registry } = await loadRulebookCatalog(deps.db);
  await runCommand(deps, ctx, { action: 'plan.submit', objectType: 'plan', objectId: id }, async (tx) => {
    const { plan, chain } = await lockPlan(tx, actor, id, registry);
    editorOf(actor, plan);
    requireEditable(plan);
    const [entry] = await tx
      .select({ id: planEntries.id })
      .from(planEntries)
      .where(eq(planEntries.planId, id))
      .limit(1);
    if (!entry) throw invalid('PLAN_EMPTY', '规划至少应有一个计划条目');
    await tx
      .update(plans)
      .set({
        status: 'submitted',
        submittedBy: actor.userId,
        currentStep: chain?.[0]?.step.id ?? null,
        version: plan.version + 1,
      })
      .where(eq(plans.id, id));
  });
}

/**
 * A decision on a submitted plan. With a rulebook chain (`Rulebook.planning`: XZ 第六条 局党组 →
 * 市政务信息管理局审查备案, DT 第八条 county plans 本级主管部门意见 → 市主管部门备案) the pending step's
 * decider approves (the plan moves to the next step; after the last it is approved or filed), returns
 * it for changes, or — where the step may — refuses it. Without a chain the platform's default holds:
 * the jurisdiction's leadership body approves its plan (DT-08, SC-07), the authority files a
 * department plan.
 */
export async function decidePlan(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: { decision: 'approve' | 'return' | 'refuse'; opinion: string },
): Promise<void> {
  const actor = ctx.actor!;
  const { registry } = await loadRulebookCatalog(deps.db);
  await runCommand(
    deps,
    ctx,
    { action: 'plan.decide', objectType: 'plan', objectId: id, details: { decision: input.decision } },
    async (tx, audit) => {
      const { plan, chain } = await lockPlan(tx, actor, id, registry);
      if (plan.status !== 'submitted') throw conflict('PLAN_NOT_SUBMITTED', '规划尚未报送或已办理');
      // Nobody files or approves what they compiled or submitted themselves (issue 9 item 6).
      if (plan.submittedBy === actor.userId || plan.createdBy === actor.userId) {
        throw forbidden('不得批准或备案本人编制、报送的规划', 'SELF_APPROVAL');
      }
      const pending = chain ? chain[pendingStep(chain, plan.currentStep)] : null;
      const role = pending
        ? actor.assignments.find(
            (a) => pending.step.roles.includes(a.role) && pending.organisationIds.includes(a.organisationId),
          )
        : actor.assignments.find(
            (a) =>
              (plan.scope === 'jurisdiction' ? ['leadership_body'] : AUTHORITY_ROLES).includes(a.role) &&
              a.jurisdictionId === plan.jurisdictionId,
          );
      if (!role) {
        if (pending) {
          throw forbidden(`本环节“${pending.step.name}”由${pending.deciderName}办理`, 'NOT_PLAN_DECIDER', {
            article: pending.step.articles[0],
          });
        }
        throw forbidden(
          plan.scope === 'jurisdiction'
            ? '本级规划由本级人民政府（决策机构）批准'
            : '部门规划报本级主管部门备案',
          'NOT_PLAN_DECIDER',
          { article: 'DT-08' },
        );
      }
      // Nobody decides a later step of a plan whose earlier step they decided themselves (this round:
      // a returned plan starts its chain again when it is submitted anew).
      const decisions = plan.decisions ?? [];
      const lastReturn = decisions.map((d) => d.decision).lastIndexOf('return');
      if (
        decisions.slice(lastReturn + 1).some((d) => d.userId === actor.userId && d.decision === 'approve')
      ) {
        throw forbidden('同一人不得办理同一规划的两个环节', 'SELF_APPROVAL');
      }
      if (input.decision !== 'approve' && input.opinion.trim() === '') {
        throw invalid(
          'REASON_REQUIRED',
          input.decision === 'return' ? '退回须说明理由' : '不予通过须说明理由',
          {
            field: 'opinion',
          },
        );
      }
      if (input.decision === 'refuse' && !pending?.step.canRefuse) {
        throw invalid('PLAN_REFUSAL_NOT_ALLOWED', '本环节只能批准（备案）或退回，不能作出不予通过的决定', {
          field: 'decision',
          ...(pending ? { article: pending.step.articles[0] } : {}),
        });
      }
      const index = chain && pending ? chain.indexOf(pending) : -1;
      const next = input.decision === 'approve' && chain ? (chain[index + 1] ?? null) : null;
      const status =
        input.decision === 'return'
          ? 'returned'
          : input.decision === 'refuse'
            ? 'refused'
            : next
              ? 'submitted'
              : plan.scope === 'jurisdiction'
                ? 'approved'
                : 'filed';
      const now = deps.clock.now();
      const record: PlanDecisionRecord | null = pending
        ? {
            stepId: pending.step.id,
            decision: input.decision,
            opinion: input.opinion,
            userId: actor.userId,
            role: role.role,
            organisationId: role.organisationId,
            at: now.toISOString(),
          }
        : null;
      await tx
        .update(plans)
        .set({
          status,
          currentStep: next?.step.id ?? null,
          decisions: record ? [...decisions, record] : decisions,
          decidedBy: actor.userId,
          decidedAt: now,
          decisionOpinion: input.opinion,
          version: plan.version + 1,
        })
        .where(eq(plans.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { decision: input.decision, status, ...(pending ? { stepId: pending.step.id } : {}) };
    },
  );
}

// ---- queries ---------------------------------------------------------------------------------------
