/**
 * Acceptance extensions (DT-26b, SC-20c): a department that cannot apply for (or complete)
 * acceptance on time asks the body the rulebook names (`Deadline.extension.decidedBy`) for a later
 * date, with its reason. A grant moves the obligation's due date (state `extended`, the old due date
 * kept on the request and in the obligation's `extendedFrom`); a refusal leaves it. How often and how
 * far a deadline may be extended are rulebook data (`maxRequests`, `maxCalendarMonths`; null where the
 * text sets no limit). DT's obligation is anchored on the approved planned acceptance date
 * (`plannedAcceptanceDate`), which the same body records (`recordPlannedAcceptance`).
 * All by rulebook data: no jurisdiction names here.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { CalendarResult, IsoDate } from '../calendar/index.ts';
import { dueStatus, extendObligation, LIVE_STATES, obligations, openDeadline } from '../obligations/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { CommandContext } from '../platform/command.ts';
import type { Tx } from '../platform/db/client.ts';
import { conflict, forbidden, invalid, notFound, refused, versionConflict } from '../platform/errors.ts';
import { organisationsFor, type ProjectContext, parties, type WorkflowEnv } from '../projects/index.ts';
import type { Deadline, DeadlineExtension, Actor as RuleActor, Rulebook } from '../rules/index.ts';
import { type ProjectDeps, projectCommand } from '../workflow/index.ts';
import { acceptanceExtensions } from './tables.ts';

export type ExtensibleDeadline = Deadline & { extension: DeadlineExtension & { decidedBy: RuleActor } };

/** The rulebook's deadlines that can be extended on request, with the body that decides. */
export function extensibleDeadlines(rulebook: Rulebook): ExtensibleDeadline[] {
  return rulebook.deadlines.filter((d): d is ExtensibleDeadline => d.extension?.decidedBy !== undefined);
}

/**
 * Why the rulebook's limits refuse a request (Chinese), or null: at most `maxRequests` requests per
 * obligation, and no later than `maxCalendarMonths` after the original due date.
 */
export function extensionLimitProblem(
  ext: DeadlineExtension,
  input: {
    previousRequests: number;
    originalDue: IsoDate | null;
    until: IsoDate;
    addMonths: (from: IsoDate, n: number) => CalendarResult;
  },
): string | null {
  if (ext.maxRequests != null && input.previousRequests >= ext.maxRequests) {
    return `延期申请最多可提出 ${ext.maxRequests} 次`;
  }
  if (ext.maxCalendarMonths != null && input.originalDue !== null) {
    const latest = input.addMonths(input.originalDue, ext.maxCalendarMonths);
    if (latest.known && input.until > latest.date) {
      return `延期不得超过原到期日后 ${ext.maxCalendarMonths} 个月（最晚 ${latest.date}）`;
    }
  }
  return null;
}

function orgName(rulebook: Rulebook, key: string): string {
  return rulebook.organisations.find((o) => o.key === key)?.name ?? key;
}

/** The caller's assignment acting as `who` of the rulebook on this project, if any. */
function actingAs(actor: Actor, pc: ProjectContext, who: RuleActor) {
  const orgs = organisationsFor(pc.rulebook, who.org, parties(pc.bundle), pc.bindings);
  return actor.assignments.find((a) => a.role === who.role && orgs.includes(a.organisationId));
}

function deadlineOf(pc: ProjectContext, deadlineId: string): ExtensibleDeadline {
  const deadline = extensibleDeadlines(pc.rulebook).find((d) => d.id === deadlineId);
  if (!deadline) {
    throw invalid('NO_EXTENSION_RULE', '该项目适用的规则集没有可申请延期的期限', { field: 'deadlineId' });
  }
  return deadline;
}

async function liveObligation(tx: Tx, projectId: string, deadline: Deadline) {
  const [row] = await tx
    .select()
    .from(obligations)
    .where(
      and(
        eq(obligations.projectId, projectId),
        eq(obligations.kind, deadline.id),
        inArray(obligations.state, [...LIVE_STATES]),
      ),
    )
    .limit(1)
    .for('update');
  if (!row) {
    throw conflict('NO_OPEN_OBLIGATION', `“${deadline.name}”尚未起算或已履行，无需申请延期`, {
      article: deadline.articles[0],
    });
  }
  return row;
}

export interface ExtensionRequestInput {
  deadlineId: string;
  until: IsoDate;
  reason: string;
}

/** 延期验收申请: the body that owes the deadline asks for a later date, with its reason. */
export async function requestExtension(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: ExtensionRequestInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'acceptance_extension.request',
      objectType: 'project',
      objectId: projectId,
      details: { deadlineId: input.deadlineId, until: input.until },
    },
    async ({ tx, audit, pc }) => {
      const deadline = deadlineOf(pc, input.deadlineId);
      const article = deadline.extension.articles[0];
      const role = actingAs(actor, pc, deadline.owedBy);
      if (!role) {
        throw forbidden(
          `延期申请由${orgName(pc.rulebook, deadline.owedBy.org)}提出`,
          'NOT_OBLIGATION_HOLDER',
          {
            article,
          },
        );
      }
      if (input.reason.trim() === '') {
        throw invalid('REASON_REQUIRED', '请说明不能按期验收的原因', { field: 'reason', article });
      }
      const obligation = await liveObligation(tx, projectId, deadline);
      const [pending] = await tx
        .select({ id: acceptanceExtensions.id })
        .from(acceptanceExtensions)
        .where(
          and(
            eq(acceptanceExtensions.obligationId, obligation.id),
            eq(acceptanceExtensions.state, 'requested'),
          ),
        );
      if (pending) throw conflict('EXTENSION_PENDING', '已有待审批的延期申请', { article });
      const current = obligation.dueDate ?? obligation.anchorDate;
      if (input.until <= current) {
        throw invalid('EXTENSION_NOT_LATER', `申请延期至的日期须晚于当前到期日 ${current}`, {
          field: 'until',
          article,
        });
      }
      const [{ n }] = await tx
        .select({ n: count() })
        .from(acceptanceExtensions)
        .where(eq(acceptanceExtensions.obligationId, obligation.id));
      const problem = extensionLimitProblem(deadline.extension, {
        previousRequests: Number(n),
        originalDue: obligation.extendedFrom ?? obligation.dueDate,
        until: input.until,
        addMonths: (from, months) => env.calendar.addCalendarMonths(from, months),
      });
      if (problem) throw refused('EXTENSION_LIMIT', problem, article);
      const [row] = await tx
        .insert(acceptanceExtensions)
        .values({
          projectId,
          obligationId: obligation.id,
          deadlineId: deadline.id,
          reason: input.reason.trim(),
          requestedUntil: input.until,
          dueDateBefore: obligation.dueDate,
          requestedBy: actor.userId,
          requestedOn: env.today,
          createdAt: env.now,
        })
        .returning({ id: acceptanceExtensions.id });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.objectType = 'acceptance_extension';
      audit.objectId = row.id;
      return row.id;
    },
    { refresh: false },
  );
}

export type ExtensionDecision = 'grant' | 'refuse';

/** The named body grants (the due date moves) or refuses (it stays); never its own request. */
export async function decideExtension(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { decision: ExtensionDecision; note: string; version: number },
): Promise<{ dueDate: string | null }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'acceptance_extension.decide',
      objectType: 'acceptance_extension',
      objectId: id,
      details: { decision: input.decision },
    },
    async ({ tx, audit, pc }) => {
      const [row] = await tx
        .select()
        .from(acceptanceExtensions)
        .where(and(eq(acceptanceExtensions.id, id), eq(acceptanceExtensions.projectId, projectId)))
        .for('update');
      if (!row) throw notFound('延期申请不存在或无权查看', 'EXTENSION_NOT_FOUND');
      const deadline = deadlineOf(pc, row.deadlineId);
      const article = deadline.extension.articles[0];
      const role = actingAs(actor, pc, deadline.extension.decidedBy);
      if (!role) {
        throw forbidden(
          `延期申请由${orgName(pc.rulebook, deadline.extension.decidedBy.org)}审批`,
          'NOT_EXTENSION_AUTHORITY',
          { article },
        );
      }
      if (row.version !== input.version) throw versionConflict();
      if (row.state !== 'requested') throw conflict('EXTENSION_DECIDED', '该延期申请已审批');
      if (row.requestedBy === actor.userId) throw forbidden('不得审批本人提出的延期申请', 'SELF_APPROVAL');
      if (input.decision === 'refuse' && input.note.trim() === '') {
        throw invalid('REASON_REQUIRED', '不同意延期须说明理由', { field: 'note', article });
      }
      let dueDate: string | null = row.dueDateBefore;
      if (input.decision === 'grant') {
        const extended = await extendObligation(tx, env, row.obligationId, {
          until: row.requestedUntil,
          reason: row.reason,
        });
        dueDate = extended.dueDate;
      } else {
        const [ob] = await tx
          .select({ dueDate: obligations.dueDate })
          .from(obligations)
          .where(eq(obligations.id, row.obligationId));
        dueDate = ob?.dueDate ?? null;
      }
      await tx
        .update(acceptanceExtensions)
        .set({
          state: input.decision === 'grant' ? 'granted' : 'refused',
          decidedBy: actor.userId,
          decidedOrganisationId: role.organisationId,
          decidedOn: env.today,
          decisionNote: input.note.trim(),
          version: sql`${acceptanceExtensions.version} + 1`,
        })
        .where(eq(acceptanceExtensions.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      return { dueDate };
    },
    { refresh: false },
  );
}

/**
 * The approved planned acceptance date (批复的计划验收日期) recorded by the body that decides the
 * extensions: opens the deadlines anchored on that fact (DT-26b: apply for acceptance by then).
 */
export async function recordPlannedAcceptance(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: { deadlineId: string; plannedOn: IsoDate },
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'acceptance_extension.plan',
      objectType: 'project',
      objectId: projectId,
      details: { ...input },
    },
    async ({ tx, audit, pc }) => {
      const deadline = deadlineOf(pc, input.deadlineId);
      if (!('fact' in deadline.anchor) || deadline.anchor.fact !== 'plannedAcceptanceDate') {
        throw invalid('NOT_PLANNED_DATE_DEADLINE', '该期限不从计划验收日期起算', { field: 'deadlineId' });
      }
      const article = deadline.extension.articles[0];
      const role = actingAs(actor, pc, deadline.extension.decidedBy);
      if (!role) {
        throw forbidden(
          `计划验收日期由${orgName(pc.rulebook, deadline.extension.decidedBy.org)}登记`,
          'NOT_EXTENSION_AUTHORITY',
          { article },
        );
      }
      const holder =
        organisationsFor(pc.rulebook, deadline.owedBy.org, parties(pc.bundle), pc.bindings)[0] ??
        pc.bundle.project.ownerOrganisationId;
      const row = await openDeadline(tx, env, pc.rulebook, deadline.id, {
        jurisdictionId: pc.bundle.project.jurisdictionId,
        holderOrganisationId: holder,
        projectId,
        anchorDate: input.plannedOn,
        link: `/projects/${projectId}/construction`,
      });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      return row.id;
    },
    { refresh: false },
  );
}

/** The project's extension requests and, per extensible deadline, its live obligation. */
export async function extensionsView(q: ProjectDeps['db'], env: WorkflowEnv, pc: ProjectContext) {
  const projectId = pc.bundle.project.id;
  const deadlines = extensibleDeadlines(pc.rulebook);
  const [requests, obligationRows] = await Promise.all([
    q
      .select()
      .from(acceptanceExtensions)
      .where(eq(acceptanceExtensions.projectId, projectId))
      .orderBy(asc(acceptanceExtensions.createdAt), asc(acceptanceExtensions.id)),
    deadlines.length === 0
      ? Promise.resolve([])
      : q
          .select()
          .from(obligations)
          .where(
            and(
              eq(obligations.projectId, projectId),
              inArray(
                obligations.kind,
                deadlines.map((d) => d.id),
              ),
            ),
          ),
  ]);
  return {
    deadlines: deadlines.map((d) => {
      const ob = obligationRows.find((o) => o.kind === d.id) ?? null;
      const due = ob ? dueStatus(ob, env.today, env.calendar) : null;
      return {
        deadlineId: d.id,
        name: d.name,
        articles: d.extension.articles,
        decidedByName: orgName(pc.rulebook, d.extension.decidedBy.org),
        plannedDateAnchor: 'fact' in d.anchor && d.anchor.fact === 'plannedAcceptanceDate',
        limitsNote: d.extension.limitsNote ?? null,
        maxRequests: d.extension.maxRequests ?? null,
        maxCalendarMonths: d.extension.maxCalendarMonths ?? null,
        obligation: ob
          ? {
              id: ob.id,
              state: due?.overdue && ob.state !== 'met' ? 'overdue' : ob.state,
              anchorDate: ob.anchorDate,
              dueDate: ob.dueDate,
              extendedFrom: ob.extendedFrom,
              remainingWorkingDays: due?.remainingWorkingDays ?? null,
              calendarUnknown: due?.calendarUnknown ?? false,
            }
          : null,
      };
    }),
    items: requests.map((r) => ({
      id: r.id,
      deadlineId: r.deadlineId,
      reason: r.reason,
      requestedUntil: r.requestedUntil,
      dueDateBefore: r.dueDateBefore,
      requestedOn: r.requestedOn,
      state: r.state,
      decidedOn: r.decidedOn,
      decisionNote: r.decisionNote,
      version: r.version,
    })),
  };
}
