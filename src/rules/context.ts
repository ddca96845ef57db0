/**
 * The evaluation context shared by workflow, gates and obligations: the rulebook, the project's
 * facts, its events as of `today`, and how events are matched to steps and deadlines.
 */
import type { WorkingDayCalendar } from '../../shared/dates/types.ts';
import { invalid } from '../platform/errors.ts';
import { isIsoDate } from './dates.ts';
import type { ArticleRef, IsoDate, ProjectEvent, ProjectFacts, Rulebook, Step } from './model.ts';
import type { PredicateContext } from './predicate.ts';

export interface EvaluationInput {
  facts: ProjectFacts;
  events: readonly ProjectEvent[];
  /** The civil date the evaluation is for; events dated after it are ignored. */
  today: IsoDate;
  calendar: WorkingDayCalendar;
}

export interface EvaluationContext extends PredicateContext {
  rulebook: Rulebook;
  facts: ProjectFacts;
  /** Events up to and including `today`, in date order (stable for equal dates). */
  events: ProjectEvent[];
  today: IsoDate;
  calendar: WorkingDayCalendar;
  steps: Map<string, Step>;
  eventMatchesStep: (event: ProjectEvent, stepId: string) => boolean;
}

/** Which steps each event type completes; an event without `stepId` belongs to a step only if unique. */
function stepsByEventType(rulebook: Rulebook): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const stage of rulebook.workflow.stages) {
    for (const step of stage.steps) {
      for (const outcome of step.outcomes) {
        const list = index.get(outcome.event) ?? [];
        list.push(step.id);
        index.set(outcome.event, list);
      }
    }
  }
  return index;
}

export function createContext(rulebook: Rulebook, input: EvaluationInput): EvaluationContext {
  if (!isIsoDate(input.today))
    throw invalid('INVALID_DATE', `日期无效：${String(input.today)}`, { field: 'today' });
  input.events.forEach((e, i) => {
    if (!isIsoDate(e.at))
      throw invalid('INVALID_DATE', `事件日期无效：${String(e.at)}`, { field: `events[${i}].at` });
    if (e.until !== undefined && !isIsoDate(e.until)) {
      throw invalid('INVALID_DATE', `延期日期无效：${String(e.until)}`, { field: `events[${i}].until` });
    }
  });
  const events = input.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.at <= input.today)
    .sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.index - b.index))
    .map(({ event }) => event);
  const steps = new Map(rulebook.workflow.stages.flatMap((s) => s.steps).map((s) => [s.id, s] as const));
  const byType = stepsByEventType(rulebook);
  const eventMatchesStep = (event: ProjectEvent, stepId: string): boolean => {
    if (event.stepId !== undefined) return event.stepId === stepId;
    const owners = byType.get(event.type);
    return owners !== undefined && owners.length === 1 && owners[0] === stepId;
  };
  return {
    rulebook,
    facts: input.facts,
    events,
    today: input.today,
    calendar: input.calendar,
    steps,
    eventMatchesStep,
  };
}

/** `五.1` → `第五部分第1项`; `三` → `第三部分`; `第十九条` stays. */
function articleLabelText(label: string): string {
  const part = /^([一二三四五六七八九十]+)\.([0-9]+)$/.exec(label);
  if (part) return `第${part[1]}部分第${part[2]}项`;
  if (/^[一二三四五六七八九十]+$/.test(label)) return `第${label}部分`;
  return label;
}

/** `《大同市政务信息化项目建设应用管理办法》第十九条（DT-19）`. */
export function citation(rulebook: Rulebook, articleId: string): string {
  const ref: ArticleRef | undefined = rulebook.articles.find((a) => a.id === articleId);
  const where = ref ? articleLabelText(ref.label) : '';
  return `《${rulebook.regulation.title}》${where}（${articleId}）`;
}
