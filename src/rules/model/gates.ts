/**
 * Gates of a rulebook (src/rules/model.ts re-exports them): the actions a closed gate blocks, and
 * how strictly the article's wording blocks them.
 */
import type { GateAction } from './codes.ts';
import type { Predicate } from './predicates.ts';

export const GATE_STRENGTHS = ['absolute', 'softened'] as const;
export type GateStrength = (typeof GATE_STRENGTHS)[number];

export interface Gate {
  id: string;
  name: string;
  actions: GateAction[];
  /** The gate is relevant only when this holds (absent = always). */
  appliesWhen?: Predicate;
  /** The action may proceed when this holds. */
  passWhen: Predicate;
  /** `warn` for 原则上 rules: shown, but does not block. */
  severity: 'block' | 'warn';
  /**
   * What the article's wording allows (issue 13): `absolute` ("不得拨付", "方可办理…": no override,
   * the missing step must be done) or `softened` ("一般", "原则上": an exception is possible, with a
   * recorded reason approved by a second user). Absent is read as `absolute`.
   */
  strength?: GateStrength;
  /** Chinese reason shown when the gate is closed. */
  reason: string;
  articles: string[];
  summary: string;
}
