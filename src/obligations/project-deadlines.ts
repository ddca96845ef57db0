/**
 * Rulebook deadlines on stored projects: when a step event is recorded on a project (through the
 * generic decision path or a module's record), every deadline of the project's rulebook anchored on
 * that event opens an obligation (holder: the organisation the rulebook says owes it, bound for the
 * project), and every open obligation that the event fulfils is met. Instances pair by `ref` (a
 * contract number). Pure data from the rulebook: no jurisdiction names here.
 */
import type { WorkingDayCalendar } from '../calendar/index.ts';
import type { Tx } from '../platform/db/client.ts';
import {
  organisationsFor,
  type ProjectContext,
  parties,
  rulebookEvents,
  storedActions,
} from '../projects/index.ts';
import type { EventType } from '../rules/index.ts';
import { evaluatePredicate } from '../rules/index.ts';
import { findObligation, LIVE_STATES, meetObligation, openObligation } from './engine.ts';

export interface RecordedEvent {
  type: EventType;
  /** Civil date it happened. */
  on: string;
  ref?: string;
  byUserId: string | null;
}

export interface DeadlineSync {
  opened: string[];
  met: string[];
}

/** Opens and meets the obligations an event touches; returns the deadline ids. */
export async function syncDeadlines(
  tx: Tx,
  env: { calendar: WorkingDayCalendar; now: Date },
  pc: ProjectContext,
  event: RecordedEvent,
): Promise<DeadlineSync> {
  const result: DeadlineSync = { opened: [], met: [] };
  const project = pc.bundle.project;
  const predicateContext = { facts: pc.facts, events: rulebookEvents(storedActions(pc.bundle.actions)) };
  for (const deadline of pc.rulebook.deadlines) {
    const key = { kind: deadline.id, projectId: project.id, ref: event.ref ?? '' };
    if (deadline.fulfilledBy.includes(event.type)) {
      const existing = await findObligation(tx, key);
      if (existing && LIVE_STATES.includes(existing.state)) {
        await meetObligation(tx, env, key, { on: event.on, by: event.byUserId });
        result.met.push(deadline.id);
      }
    }
    if ('event' in deadline.anchor && deadline.anchor.event === event.type) {
      if (deadline.appliesWhen && !evaluatePredicate(deadline.appliesWhen, predicateContext)) continue;
      if (await findObligation(tx, key)) continue;
      const holder =
        organisationsFor(pc.rulebook, deadline.owedBy.org, parties(pc.bundle), pc.bindings)[0] ??
        project.ownerOrganisationId;
      await openObligation(tx, env, {
        ...key,
        jurisdictionId: project.jurisdictionId,
        holderOrganisationId: holder,
        title: deadline.obligation,
        articles: deadline.articles,
        anchorDate: event.on,
        amount: deadline.amount,
        unit: deadline.unit,
        link: `/projects/${project.id}/construction`,
      });
      result.opened.push(deadline.id);
    }
  }
  return result;
}
