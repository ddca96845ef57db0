/**
 * Helpers for the rules' tests (not used by production code): the real working-day calendar seeded
 * from chinese-days (2026 known, 2027 not), event builders and a one-call evaluation.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { rowsFromChineseDaysData } from '../../shared/dates/chinese-days.ts';
import type { WorkingDayCalendar } from '../../shared/dates/types.ts';
import { createCalendar } from '../../shared/dates/workdays.ts';
import { evaluateProject, type ProjectEvaluation } from './evaluate.ts';
import type { EventType, IsoDate, ProjectEvent, ProjectFacts, Rulebook } from './model.ts';

/** The seed as src/calendar/seed.ts reads it (the package's data file), without loading the calendar module. */
const seed = rowsFromChineseDaysData(chineseDaysData);
export const calendar: WorkingDayCalendar = createCalendar(seed.rows, seed.years);

export function ev(
  type: EventType,
  at: IsoDate,
  extra: Omit<ProjectEvent, 'type' | 'at'> = {},
): ProjectEvent {
  return { type, at, ...extra };
}

export function evaluate(
  rulebook: Rulebook,
  facts: ProjectFacts,
  events: ProjectEvent[],
  today: IsoDate = '2026-06-01',
): ProjectEvaluation {
  return evaluateProject(rulebook, { facts, events, today, calendar });
}

/** Ids of the open steps, in workflow order. */
export function openStepIds(result: ProjectEvaluation): string[] {
  return result.nextSteps().map((s) => s.step.id);
}

/** The status of one step. */
export function statusOf(result: ProjectEvaluation, stepId: string): string | undefined {
  return result.steps.find((s) => s.stepId === stepId)?.status;
}

/** The result of one gate for an action; throws when the gate does not guard the action. */
export function gate(
  result: ProjectEvaluation,
  action: Parameters<ProjectEvaluation['checkGates']>[0],
  gateId: string,
  actionFacts?: ProjectFacts,
) {
  const found = result.checkGates(action, actionFacts).find((g) => g.gateId === gateId);
  if (!found) throw new Error(`gate ${gateId} does not guard ${action}`);
  return found;
}

/**
 * Walks a project through `steps` in order: for each step id, records its first (normal) outcome
 * event with the step id on consecutive days from `start`.
 */
export function walk(rulebook: Rulebook, stepIds: string[], start: IsoDate = '2026-03-02'): ProjectEvent[] {
  const steps = new Map(rulebook.workflow.stages.flatMap((s) => s.steps).map((s) => [s.id, s] as const));
  const base = Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)));
  return stepIds.map((id, i) => {
    const step = steps.get(id);
    if (!step) throw new Error(`unknown step ${id}`);
    const at = new Date(base + i * 86_400_000).toISOString().slice(0, 10);
    return ev(step.outcomes[0].event, at, { stepId: id });
  });
}

/** XZ facts under which no gate closes (the XZ tests vary one at a time). */
export const XZ_GOOD: ProjectFacts = {
  planned: true,
  systemsInCatalog: true,
  resourceCatalogProvided: true,
  interoperable: true,
  sharingCompliant: true,
  onCloud: true,
};
/** The XZ steps from the plan to 立项 for a planned project, in order. */
export const XZ_PLANNED_CHAIN = [
  'xz.plan.register',
  'xz.application.prepare',
  'xz.review.data_center',
  'xz.review.party_consent',
  'xz.review.city_review',
  'xz.review.city_government',
  'xz.filing_approval.establishment',
];
