/** 延期验收 read: a project's extension requests and its extensible deadlines' live obligations. */

import { and, asc, eq, inArray } from 'drizzle-orm';
import { dueStatus, obligations } from '../../obligations/index.ts';
import type { ProjectContext, WorkflowEnv } from '../../projects/index.ts';
import type { ProjectDeps } from '../../workflow/index.ts';
import { extensibleDeadlines, orgName } from '../rules.ts';
import { acceptanceExtensions } from '../tables.ts';

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
