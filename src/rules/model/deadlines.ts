/**
 * Deadlines of a rulebook (src/rules/model.ts re-exports them): what is owed by whom, from which
 * event, and how an extension is requested and decided.
 */
import type { DeadlineUnit, EventType } from './codes.ts';
import type { FactName, Predicate } from './predicates.ts';
import type { Actor } from './workflow.ts';

export type DeadlineAnchor = { event: EventType } | { fact: FactName };

export interface Deadline {
  id: string;
  name: string;
  /** The event (or date fact) the period runs from. */
  anchor: DeadlineAnchor;
  /** ≥ 1; 0 is allowed only for a date-fact anchor (the fact is itself the due date). */
  amount: number;
  unit: DeadlineUnit;
  /** What must be done, in Chinese. */
  obligation: string;
  owedBy: Actor;
  /** Any of these events, on or after the anchor, fulfils the obligation. */
  fulfilledBy: EventType[];
  /** The step whose completion fulfils it, for linking in the UI. */
  stepId?: string;
  appliesWhen?: Predicate;
  /** An extension can be requested; a grant (with `until`) moves the due date. */
  extension?: DeadlineExtension;
  consequence: { text: string; gateId?: string };
  articles: string[];
  summary: string;
}

/**
 * An extension of a deadline on request (DT-26b, SC-20c): the events of the what-if evaluation, the
 * body the request goes to (it grants or refuses) and the limits the text sets on how often and how
 * long (null: the text sets none; `limitsNote` says so).
 */
export interface DeadlineExtension {
  requestEvent: EventType;
  grantEvent: EventType;
  refuseEvent: EventType;
  articles: string[];
  decidedBy?: Actor;
  maxRequests?: number | null;
  maxCalendarMonths?: number | null;
  limitsNote?: string;
}
