/**
 * Acceptance's pure rules that are not in the rulebook: which deadlines can be extended and by whom,
 * the rulebook's limits applied to a request (`rules.test.ts`), who acts as a rulebook actor.
 */

import type { CalendarResult, IsoDate } from '../calendar/index.ts';
import type { Actor } from '../platform/actor.ts';
import { invalid } from '../platform/errors.ts';
import { organisationsFor, type ProjectContext, parties } from '../projects/index.ts';
import type { Deadline, DeadlineExtension, Actor as RuleActor, Rulebook } from '../rules/index.ts';

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

export function orgName(rulebook: Rulebook, key: string): string {
  return rulebook.organisations.find((o) => o.key === key)?.name ?? key;
}

/** The caller's assignment acting as `who` of the rulebook on this project, if any. */
export function actingAs(actor: Actor, pc: ProjectContext, who: RuleActor) {
  const orgs = organisationsFor(pc.rulebook, who.org, parties(pc.bundle), pc.bindings);
  return actor.assignments.find((a) => a.role === who.role && orgs.includes(a.organisationId));
}

export function deadlineOf(pc: ProjectContext, deadlineId: string): ExtensibleDeadline {
  const deadline = extensibleDeadlines(pc.rulebook).find((d) => d.id === deadlineId);
  if (!deadline) {
    throw invalid('NO_EXTENSION_RULE', '该项目适用的规则集没有可申请延期的期限', { field: 'deadlineId' });
  }
  return deadline;
}
