/**
 * The predicate language: builders for writing rulebooks, a pure evaluator, and a Chinese
 * description for showing a condition to users.
 */
import type { EventType, FactName, FactValue, Predicate, ProjectEvent, ProjectFacts } from './model.ts';
import { EVENT_LABELS, FACT_CATALOG } from './vocabulary.ts';

export interface PredicateContext {
  facts: ProjectFacts;
  events: readonly ProjectEvent[];
  /** Whether `event` belongs to step `stepId` (the rulebook decides for events without a stepId). */
  eventMatchesStep?: (event: ProjectEvent, stepId: string) => boolean;
}

export const all = (...items: Predicate[]): Predicate => ({ all: items });
export const any = (...items: Predicate[]): Predicate => ({ any: items });
export const not = (item: Predicate): Predicate => ({ not: item });
export const factIs = (fact: FactName, equals: FactValue): Predicate => ({ fact, equals });
export const isTrue = (fact: FactName): Predicate => ({ fact, equals: true });
/** True unless the fact is recorded as true (an unknown fact counts as not true). */
export const isNotTrue = (fact: FactName): Predicate => ({ not: { fact, equals: true } });
export const happened = (event: EventType, stepId?: string): Predicate =>
  stepId === undefined ? { event, happened: true } : { event, happened: true, stepId };
/** Every `each` event is followed by its own `followedBy` event (paired by `ref` when given). */
export const eachFollowedBy = (each: EventType, followedBy: EventType): Predicate => ({ each, followedBy });
export const notHappened = (event: EventType, stepId?: string): Predicate =>
  stepId === undefined ? { event, happened: false } : { event, happened: false, stepId };

function factValue(facts: ProjectFacts, name: FactName): FactValue | undefined {
  return facts[name];
}

function eachFollowed(events: readonly ProjectEvent[], each: EventType, followedBy: EventType): boolean {
  const used = new Set<ProjectEvent>();
  for (const first of events.filter((e) => e.type === each)) {
    const match = events.find(
      (e) =>
        e.type === followedBy &&
        !used.has(e) &&
        e.at >= first.at &&
        (first.ref === undefined || e.ref === first.ref),
    );
    if (!match) return false;
    used.add(match);
  }
  return true;
}

export function evaluatePredicate(predicate: Predicate, context: PredicateContext): boolean {
  if ('all' in predicate) return predicate.all.every((p) => evaluatePredicate(p, context));
  if ('any' in predicate) return predicate.any.some((p) => evaluatePredicate(p, context));
  if ('not' in predicate) return !evaluatePredicate(predicate.not, context);
  if ('each' in predicate) return eachFollowed(context.events, predicate.each, predicate.followedBy);
  if ('event' in predicate) {
    const { stepId } = predicate;
    const matches = context.eventMatchesStep ?? ((e: ProjectEvent, id: string) => e.stepId === id);
    const found = context.events.some(
      (e) => e.type === predicate.event && (stepId === undefined || matches(e, stepId)),
    );
    return found === predicate.happened;
  }
  const value = factValue(context.facts, predicate.fact);
  if ('equals' in predicate) return value !== undefined && value === predicate.equals;
  if ('in' in predicate) return value !== undefined && predicate.in.includes(value);
  return (value !== undefined) === predicate.exists;
}

function describeValue(value: FactValue): string {
  if (value === true) return '是';
  if (value === false) return '否';
  return String(value);
}

/** A Chinese rendering of a predicate, e.g. `（已纳入政务信息化规划或年度计划：是）且（…）`. */
export function describePredicate(predicate: Predicate): string {
  if ('all' in predicate) return predicate.all.map((p) => `（${describePredicate(p)}）`).join('且');
  if ('any' in predicate) return predicate.any.map((p) => `（${describePredicate(p)}）`).join('或');
  if ('not' in predicate) return `并非（${describePredicate(predicate.not)}）`;
  if ('each' in predicate) {
    return `每项“${EVENT_LABELS[predicate.each]}”均已${EVENT_LABELS[predicate.followedBy]}`;
  }
  if ('event' in predicate) {
    const label = EVENT_LABELS[predicate.event];
    const where = predicate.stepId ? `［${predicate.stepId}］` : '';
    return predicate.happened ? `已${label}${where}` : `尚未${label}${where}`;
  }
  const label = FACT_CATALOG[predicate.fact].label;
  if ('equals' in predicate) return `${label}：${describeValue(predicate.equals)}`;
  if ('in' in predicate) return `${label}：${predicate.in.map(describeValue).join('、')}之一`;
  return predicate.exists ? `${label}：已记录` : `${label}：未记录`;
}
