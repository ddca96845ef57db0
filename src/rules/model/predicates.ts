/**
 * Facts and the predicate language (src/rules/model.ts re-exports them): what the rules know about a
 * project, and the conditions and gate checks written as data.
 */
import type { FACT_CATALOG } from '../vocabulary.ts';
import type { EventType, FactType } from './codes.ts';

export type FactName = keyof typeof FACT_CATALOG;
export type FactValue = boolean | string | number;

type FactTypeOf<K extends FactName> = (typeof FACT_CATALOG)[K]['type'];
type ValueOfType<T extends FactType> = T extends 'boolean' ? boolean : T extends 'number' ? number : string;

/**
 * What the platform knows about a project, as the rules read it. Every field is optional: an absent
 * fact is unknown, and a gate that needs a fact to be true stays closed until it is recorded.
 */
export type ProjectFacts = { [K in FactName]?: ValueOfType<FactTypeOf<K>> };

/**
 * The predicate language of conditions and gate checks.
 * - `all` / `any` / `not` combine;
 * - `fact` + `equals` | `in` | `exists` test a project fact (an absent fact equals nothing);
 * - `event` + `happened` tests whether an event of that type (optionally for that step) has happened;
 * - `each` + `followedBy`: every `each` event has its own later `followedBy` event (same `ref` when
 *   the first has one), e.g. every signed contract has been filed.
 */
export type Predicate =
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate }
  | { fact: FactName; equals: FactValue }
  | { fact: FactName; in: FactValue[] }
  | { fact: FactName; exists: boolean }
  | { event: EventType; happened: boolean; stepId?: string }
  | { each: EventType; followedBy: EventType };
