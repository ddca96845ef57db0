/**
 * Problems and rectification (DT-26a, DT-29, SC-23, JC-05-7, XZ-24): the overseeing body orders a
 * project to rectify one of the four kinds of problem within a time limit (an obligation on the
 * department); the department reports its rectification; the overseeing body finds it rectified or
 * failed, or records that the department refused. Failed and refused orders are the only source of
 * the rulebooks' `rectificationFailed` / `rectificationRefused` facts, which close the funding
 * gates (`disburse_construction`, `disburse_om`) — read by the funds module.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { meetObligation, openObligation } from '../obligations/index.ts';
import type { CommandContext } from '../platform/command.ts';
import type { Tx } from '../platform/db/client.ts';
import { conflict, forbidden, invalid, notFound, versionConflict } from '../platform/errors.ts';
import { organisationsFor, type ProjectContext, parties, type WorkflowEnv } from '../projects/index.ts';
import type { Rulebook } from '../rules/index.ts';
import { type ProjectDeps, projectCommand } from '../workflow/index.ts';
import { type ProblemKind, rectificationOrders } from './tables.ts';

export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  approval_violation: '违反审批要求',
  unauthorised_change: '擅自调整建设内容',
  serious_delay: '工程严重逾期',
  major_loss: '投资重大损失',
};
export const RECTIFICATION_KIND = 'rectification';
/** Roles of the overseeing bodies that order and judge rectification. */
const OVERSEERS = ['authority_reviewer', 'authority_leader', 'leadership_body'];

/** The articles of the rulebook's rectification gates (the gates that read the rectification facts). */
export function rectificationArticles(rulebook: Rulebook): string[] {
  const gates = rulebook.gates.filter((g) => JSON.stringify(g.passWhen).includes('"rectificationRefused"'));
  return [...new Set(gates.flatMap((g) => g.articles))];
}

type RectificationActor = NonNullable<CommandContext['actor']>;

/** The organisations the rulebook's rectification rule names for `who` on this project. */
function ruleOrgs(pc: ProjectContext, who: 'orderedBy' | 'ordered'): string[] {
  const rule = pc.rulebook.rectification;
  if (!rule) return [];
  return organisationsFor(pc.rulebook, rule[who].org, parties(pc.bundle), pc.bindings);
}

/** The organisation ordered to rectify: the rulebook's (XZ: 数据中心) or the project's department. */
export function rectificationHolder(pc: ProjectContext): string {
  return ruleOrgs(pc, 'ordered')[0] ?? pc.bundle.project.ownerOrganisationId;
}

function overseer(pc: ProjectContext, actor: RectificationActor, partiesHas: boolean) {
  const rule = pc.rulebook.rectification;
  if (rule) {
    // The rulebook names the ordering body (XZ 第二十四条: 局党组): only its members order and judge.
    const orgs = ruleOrgs(pc, 'orderedBy');
    const named = actor.assignments.find(
      (a) => a.role === rule.orderedBy.role && orgs.includes(a.organisationId),
    );
    const body = pc.rulebook.organisations.find((o) => o.key === rule.orderedBy.org)?.name ?? '规定的机构';
    if (!named) {
      throw forbidden(`责令整改和认定整改结果由${body}办理`, 'NOT_OVERSEER', { article: rule.articles[0] });
    }
    return named;
  }
  const role = actor.assignments.find(
    (a) => OVERSEERS.includes(a.role) && a.organisationId !== pc.bundle.project.ownerOrganisationId,
  );
  if (!role || !partiesHas) throw forbidden('只有主管部门或其上级可以责令整改和认定整改结果', 'NOT_OVERSEER');
  return role;
}

export interface OrderInput {
  problemKind: ProblemKind;
  description: string;
  workingDays: number;
}

export async function orderRectification(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: OrderInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'rectification.order',
      objectType: 'project',
      objectId: projectId,
      details: { kind: input.problemKind },
    },
    async ({ tx, audit, pc, relation }) => {
      const role = overseer(pc, actor, relation.parties.has('oversight'));
      const articles = [
        ...new Set([...(pc.rulebook.rectification?.articles ?? []), ...rectificationArticles(pc.rulebook)]),
      ];
      if (articles.length === 0) throw invalid('NO_RECTIFICATION_RULE', '该规则集没有整改规定');
      const [row] = await tx
        .insert(rectificationOrders)
        .values({
          projectId,
          problemKind: input.problemKind,
          description: input.description.trim(),
          orderedBy: actor.userId,
          orderedOrganisationId: role.organisationId,
          orderedOn: env.today,
          workingDays: input.workingDays,
          createdAt: env.now,
        })
        .returning({ id: rectificationOrders.id });
      await openObligation(tx, env, {
        kind: RECTIFICATION_KIND,
        projectId,
        ref: row.id,
        jurisdictionId: pc.bundle.project.jurisdictionId,
        holderOrganisationId: rectificationHolder(pc),
        title: `限期整改：${PROBLEM_LABELS[input.problemKind]}`,
        articles,
        anchorDate: env.today,
        amount: input.workingDays,
        unit: 'working_days',
        link: `/projects/${projectId}/construction`,
      });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.objectId = row.id;
      audit.objectType = 'rectification';
      return row.id;
    },
    { refresh: false },
  );
}

async function lockOrder(tx: Tx, projectId: string, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(rectificationOrders)
    .where(and(eq(rectificationOrders.id, id), eq(rectificationOrders.projectId, projectId)))
    .for('update');
  if (!row) throw notFound('整改通知不存在或无权查看', 'RECTIFICATION_NOT_FOUND');
  if (row.version !== version) throw versionConflict();
  return row;
}

/** The department reports what it rectified: meets the time-limit obligation. */
export async function reportRectification(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { report: string; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'rectification.report', objectType: 'rectification', objectId: id },
    async ({ tx, pc, relation }) => {
      const rule = pc.rulebook.rectification;
      const holder = rectificationHolder(pc);
      const staff = actor.assignments.find(
        (a) => a.role === (rule?.ordered.role ?? 'dept_staff') && a.organisationId === holder,
      );
      if (!staff || (!rule && !relation.parties.has('department'))) {
        throw forbidden('只有项目建设单位的经办人可以报送整改情况', 'NOT_PROJECT_DEPARTMENT');
      }
      const order = await lockOrder(tx, projectId, id, input.version);
      if (order.state !== 'ordered') throw conflict('RECTIFICATION_NOT_OPEN', '该整改通知不在待整改状态');
      await tx
        .update(rectificationOrders)
        .set({
          state: 'reported',
          report: input.report.trim(),
          reportedBy: actor.userId,
          reportedOn: env.today,
          version: sql`${rectificationOrders.version} + 1`,
        })
        .where(eq(rectificationOrders.id, id));
      await meetObligation(
        tx,
        env,
        { kind: RECTIFICATION_KIND, projectId, ref: id },
        { on: env.today, by: actor.userId },
      );
    },
    { refresh: false },
  );
}

export type RectificationOutcome = 'rectified' | 'failed' | 'refused';

/** The overseeing body's finding: rectified or failed after a report; refused (拒不整改) when none came. */
export async function decideRectification(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { outcome: RectificationOutcome; note: string; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'rectification.decide',
      objectType: 'rectification',
      objectId: id,
      details: { outcome: input.outcome },
    },
    async ({ tx, audit, pc, relation }) => {
      const role = overseer(pc, actor, relation.parties.has('oversight'));
      const order = await lockOrder(tx, projectId, id, input.version);
      if (input.outcome === 'refused' ? order.state !== 'ordered' : order.state !== 'reported') {
        throw conflict(
          'RECTIFICATION_STATE',
          input.outcome === 'refused'
            ? '已报送整改情况的，应认定整改是否合格'
            : '尚未报送整改情况，不能认定整改结果',
        );
      }
      if (order.reportedBy === actor.userId) throw forbidden('不得认定本人报送的整改', 'SELF_APPROVAL');
      if (input.outcome !== 'rectified' && input.note.trim() === '') {
        throw invalid('REASON_REQUIRED', '认定整改不合格或拒不整改须说明理由', { field: 'note' });
      }
      await tx
        .update(rectificationOrders)
        .set({
          state: input.outcome,
          decidedBy: actor.userId,
          decidedOn: env.today,
          decisionNote: input.note.trim(),
          version: sql`${rectificationOrders.version} + 1`,
        })
        .where(eq(rectificationOrders.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
    },
    { refresh: false },
  );
}

export async function listRectifications(q: ProjectDeps['db'], projectId: string) {
  return q
    .select()
    .from(rectificationOrders)
    .where(eq(rectificationOrders.projectId, projectId))
    .orderBy(asc(rectificationOrders.createdAt), asc(rectificationOrders.id));
}
