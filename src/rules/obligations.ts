/**
 * Deadlines become obligations: each anchor (every `contract_signed` event, or a date fact) opens
 * one obligation with a due date computed on the working-day calendar. When the calendar has no
 * data for a year the computation crosses, the due date is not stated (`dueDate: null`,
 * `calendarKnown: false`, `unknownYears`) rather than guessed from weekdays.
 */
import type { CalendarResult } from '../../shared/dates/types.ts';
import type { EvaluationContext } from './context.ts';
import { daysBetween } from './dates.ts';
import type { Actor, Deadline, DeadlineUnit, EventType, IsoDate, ProjectEvent } from './model.ts';
import { evaluatePredicate } from './predicate.ts';

export interface Obligation {
  deadlineId: string;
  name: string;
  /** What must be done (Chinese). */
  obligation: string;
  owedBy: Actor;
  stepId?: string;
  /** The anchor event type, or `fact:<name>` for a date-fact anchor. */
  anchor: string;
  anchorDate: IsoDate;
  /** The anchor event's `ref` (e.g. the contract number), when given. */
  ref?: string;
  amount: number;
  unit: DeadlineUnit;
  /** Null when the calendar lacks a year the computation needs. */
  dueDate: IsoDate | null;
  calendarKnown: boolean;
  unknownYears: number[];
  /** The due date comes from a granted extension. */
  extended: boolean;
  /** An extension was requested in time and is not yet decided. */
  extensionPending: boolean;
  status: 'open' | 'fulfilled';
  fulfilledAt?: IsoDate;
  /** Fulfilled after the due date. */
  late: boolean;
  /** Open and past the due date (never true when the due date is unknown or an extension is pending). */
  overdue: boolean;
  /** Calendar days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** Working days past the due date; null when the calendar does not know the days in between. */
  workingDaysOverdue: number | null;
  consequence: { text: string; gateId?: string };
  articles: string[];
}

interface Anchor {
  date: IsoDate;
  ref?: string;
}

function anchorsOf(ctx: EvaluationContext, deadline: Deadline): Anchor[] {
  if ('event' in deadline.anchor) {
    const type = deadline.anchor.event;
    return ctx.events
      .filter((e) => e.type === type)
      .map((e) => (e.ref === undefined ? { date: e.at } : { date: e.at, ref: e.ref }));
  }
  const value = ctx.facts[deadline.anchor.fact];
  return typeof value === 'string' ? [{ date: value }] : [];
}

function addPeriod(
  ctx: EvaluationContext,
  from: IsoDate,
  amount: number,
  unit: DeadlineUnit,
): CalendarResult {
  switch (unit) {
    case 'working_days':
      return ctx.calendar.addWorkingDays(from, amount);
    case 'calendar_days':
      return ctx.calendar.addCalendarDays(from, amount);
    case 'calendar_months':
      return ctx.calendar.addCalendarMonths(from, amount);
  }
}

/** Does this extension event concern `deadline` (explicitly, or as the only deadline it could be)? */
function concerns(ctx: EvaluationContext, event: ProjectEvent, deadline: Deadline): boolean {
  if (event.deadlineId !== undefined) return event.deadlineId === deadline.id;
  const candidates = ctx.rulebook.deadlines.filter(
    (d) =>
      d.extension &&
      (d.extension.requestEvent === event.type ||
        d.extension.grantEvent === event.type ||
        d.extension.refuseEvent === event.type),
  );
  return candidates.length === 1 && candidates[0].id === deadline.id;
}

function sameInstance(event: ProjectEvent, anchor: Anchor): boolean {
  return anchor.ref === undefined || event.ref === anchor.ref;
}

export function computeObligations(ctx: EvaluationContext): Obligation[] {
  const result: Obligation[] = [];
  for (const deadline of ctx.rulebook.deadlines) {
    if (deadline.appliesWhen && !evaluatePredicate(deadline.appliesWhen, ctx)) continue;
    const used = new Set<ProjectEvent>();
    const fulfilling = new Set<EventType>(deadline.fulfilledBy);
    for (const anchor of anchorsOf(ctx, deadline)) {
      // An event anchor opens the window (a contract is filed after it is signed); a date-fact anchor is
      // the due date itself, so anything done before it counts.
      const windowStart = 'event' in deadline.anchor ? anchor.date : undefined;
      const after = (e: ProjectEvent) =>
        (windowStart === undefined || e.at >= windowStart) && sameInstance(e, anchor);
      // Extensions: the latest grant with a date sets the due date; a request after the last decision is pending.
      let grantUntil: IsoDate | undefined;
      let pendingRequestAt: IsoDate | undefined;
      if (deadline.extension) {
        const ext = deadline.extension;
        for (const e of ctx.events) {
          if (!after(e) || !concerns(ctx, e, deadline)) continue;
          if (e.type === ext.grantEvent) {
            if (e.until !== undefined) grantUntil = e.until;
            pendingRequestAt = undefined;
          } else if (e.type === ext.refuseEvent) {
            pendingRequestAt = undefined;
          } else if (e.type === ext.requestEvent) {
            pendingRequestAt = e.at;
          }
        }
      }
      const computed: CalendarResult =
        grantUntil !== undefined
          ? { date: grantUntil, known: true, unknownYears: [] }
          : addPeriod(ctx, anchor.date, deadline.amount, deadline.unit);
      const dueDate = computed.known ? computed.date : null;
      const fulfilment = ctx.events.find((e) => fulfilling.has(e.type) && after(e) && !used.has(e));
      if (fulfilment) used.add(fulfilment);
      const extensionPending =
        !fulfilment && pendingRequestAt !== undefined && (dueDate === null || pendingRequestAt <= dueDate);
      const overdue = !fulfilment && !extensionPending && dueDate !== null && ctx.today > dueDate;
      let workingDaysOverdue: number | null = 0;
      if (overdue && dueDate !== null) {
        const between = ctx.calendar.workingDaysBetween(dueDate, ctx.today);
        workingDaysOverdue = between.known ? between.days : null;
      }
      result.push({
        deadlineId: deadline.id,
        name: deadline.name,
        obligation: deadline.obligation,
        owedBy: deadline.owedBy,
        ...(deadline.stepId !== undefined ? { stepId: deadline.stepId } : {}),
        anchor: 'event' in deadline.anchor ? deadline.anchor.event : `fact:${deadline.anchor.fact}`,
        anchorDate: anchor.date,
        ...(anchor.ref !== undefined ? { ref: anchor.ref } : {}),
        amount: deadline.amount,
        unit: deadline.unit,
        dueDate,
        calendarKnown: computed.known,
        unknownYears: computed.unknownYears,
        extended: grantUntil !== undefined,
        extensionPending,
        status: fulfilment ? 'fulfilled' : 'open',
        ...(fulfilment ? { fulfilledAt: fulfilment.at } : {}),
        late: fulfilment !== undefined && dueDate !== null && fulfilment.at > dueDate,
        overdue,
        daysOverdue: overdue && dueDate !== null ? daysBetween(dueDate, ctx.today) : 0,
        workingDaysOverdue,
        consequence: deadline.consequence,
        articles: deadline.articles,
      });
    }
  }
  return result.sort((a, b) => {
    const da = a.dueDate ?? '9999-12-31';
    const db = b.dueDate ?? '9999-12-31';
    return da < db ? -1 : da > db ? 1 : a.deadlineId.localeCompare(b.deadlineId);
  });
}
