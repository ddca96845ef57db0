/**
 * The rulebook model: one jurisdiction's rules as plain, serializable data.
 *
 * A rulebook holds the canonical roles with the jurisdiction's own names, the named organisations,
 * the workflow (stages → steps with actors, conditions, outcomes and materials), the deadlines and
 * the gates. Conditions and gate checks are predicates written as data (see `Predicate`), so a
 * rulebook survives `JSON.stringify` → database → `JSON.parse` → `loadRulebook` unchanged.
 *
 * Every rule cites requirement ids from `docs/requirements.tsv` (e.g. `DT-19`, `SC-20a`, `JC-05-1`).
 */
import type { IsoDate } from '../../shared/dates/types.ts';
import type { EventType } from './model/codes.ts';
import type { Deadline } from './model/deadlines.ts';
import type { Gate } from './model/gates.ts';
import type {
  CatalogRules,
  PlanningRules,
  RectificationRule,
  RequiredField,
  Scope,
} from './model/provisions.ts';
import type { Organisation, RoleDef, Workflow } from './model/workflow.ts';

export type { IsoDate } from '../../shared/dates/types.ts';

/** The canonical roles: one code per kind of user (defined once, in the platform's vocabulary). */
import { ROLE_CODES, type RoleCode } from '../platform/vocabulary.ts';

export * from './model/codes.ts';
export * from './model/deadlines.ts';
export * from './model/gates.ts';
export * from './model/predicates.ts';
export * from './model/provisions.ts';
export * from './model/workflow.ts';
export { ROLE_CODES, type RoleCode };

/** One thing that happened. `stepId` ties it to a workflow step; `ref` pairs related events. */
export interface ProjectEvent {
  type: EventType;
  at: IsoDate;
  stepId?: string;
  /** Pairs events of one instance, e.g. contract `C-1`: its `contract_signed` and `contract_filed`. */
  ref?: string;
  /** For extension events: the deadline they extend. */
  deadlineId?: string;
  /** For `extension_granted`: the new due date. */
  until?: IsoDate;
}

export interface ArticleRef {
  /** Requirement id, e.g. `DT-19`. */
  id: string;
  /** The article as `requirements.tsv` names it: `第十九条`, `五.1`. */
  label: string;
}

export interface Regulation {
  title: string;
  issuer: string;
  date?: IsoDate;
  docNumber?: string;
}

export interface Rulebook {
  /** Short code, e.g. `DT`. */
  id: string;
  /** GB/T 2260 division code of the jurisdiction, e.g. `140200` (大同市). */
  jurisdictionCode: string;
  jurisdictionName: string;
  version: number;
  effectiveFrom: IsoDate;
  derivedFrom?: { id: string; version: number };
  name: string;
  regulation: Regulation;
  notes: string[];
  articles: ArticleRef[];
  roles: RoleDef[];
  organisations: Organisation[];
  workflow: Workflow;
  deadlines: Deadline[];
  gates: Gate[];
  /** Absent: the text has no scope restriction the platform can check. */
  scope?: Scope;
  /** The application fields the text demands at submission; absent or empty: none. */
  requiredFields?: RequiredField[];
  /** Rules of the system catalog; absent: only the jurisdiction-neutral catalog checks apply. */
  catalog?: CatalogRules;
  /** How plans are approved or filed upward; absent: the platform's default. */
  planning?: PlanningRules;
  /** Who orders rectification and who is ordered; absent: authority orders the department. */
  rectification?: RectificationRule;
}
