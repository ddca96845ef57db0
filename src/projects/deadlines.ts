/**
 * Where a task stands in time (issue 17): when it arrived, the working days waited, and the due
 * date the rulebook's obligations give it. Pure functions over the evaluation and the calendar.
 */
import type { WorkingDayCalendar } from '../calendar/index.ts';
import type { Obligation } from '../rules/index.ts';

/**
 * When the project's current work arrived: the latest action that moved the workflow (created,
 * a recorded step, 退回, 撤回). 催办, comments, edits and 转办 do not make a task look new.
 */
export const ARRIVAL_KINDS: ReadonlySet<string> = new Set(['created', 'step', 'returned', 'withdrawn']);

export function arrivalOf(actions: readonly { kind: string; at: Date }[]): Date | null {
  for (let i = actions.length - 1; i >= 0; i--) if (ARRIVAL_KINDS.has(actions[i].kind)) return actions[i].at;
  return null;
}

/** The page where the task is done: the application, the review, the expert page, the funds page (budget) or 办理. */
export function workPathOf(kind: string, projectId: string, stepId: string): string {
  if (kind === 'application') return `/projects/${projectId}`;
  if (kind === 'review') return `/projects/${projectId}/review`;
  if (kind === 'expert_opinion') return `/projects/${projectId}/expert`;
  if (kind === 'budget') return `/funds/projects/${projectId}`;
  if (kind === 'construction_record' || kind === 'construction_step')
    return `/projects/${projectId}/construction`;
  return `/projects/${projectId}/steps/${stepId}`;
}

export const workdaysKnown = (r: { days: number; known: boolean }): number | null =>
  r.known ? r.days : null;

/**
 * The due date of a task: the rulebook's open obligation fulfilled by this step, with the working
 * days left (negative when overdue). Null when no article sets a time limit for the step; a due date
 * in a year the holiday table does not know stays unknown (`calendarKnown: false`), never guessed.
 */
export type DueSource = Pick<Obligation, 'stepId' | 'status' | 'dueDate' | 'name' | 'articles'>;

export function dueOf(
  obligations: readonly DueSource[],
  stepId: string,
  env: { calendar: WorkingDayCalendar; today: string },
): {
  dueDate: string | null;
  deadlineName: string | null;
  deadlineArticles: string[];
  calendarKnown: boolean;
  remainingWorkdays: number | null;
  overdue: boolean;
} {
  const o = obligations.find((x) => x.stepId === stepId && x.status === 'open');
  if (!o)
    return {
      dueDate: null,
      deadlineName: null,
      deadlineArticles: [],
      calendarKnown: true,
      remainingWorkdays: null,
      overdue: false,
    };
  if (o.dueDate === null)
    return {
      dueDate: null,
      deadlineName: o.name,
      deadlineArticles: o.articles,
      calendarKnown: false,
      remainingWorkdays: null,
      overdue: false,
    };
  const overdue = o.dueDate < env.today;
  const span = overdue
    ? env.calendar.workingDaysBetween(o.dueDate, env.today)
    : env.calendar.workingDaysBetween(env.today, o.dueDate);
  return {
    dueDate: o.dueDate,
    deadlineName: o.name,
    deadlineArticles: o.articles,
    calendarKnown: span.known,
    remainingWorkdays: span.known ? (overdue ? -span.days : span.days) : null,
    overdue,
  };
}
