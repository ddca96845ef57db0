import { and, count, eq } from 'drizzle-orm';
import type { IsoDate } from '../../calendar/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden, invalid, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { actingAs, deadlineOf, extensionLimitProblem, orgName } from '../rules.ts';
import { acceptanceExtensions } from '../tables.ts';
import { liveObligation } from './support.ts';

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
