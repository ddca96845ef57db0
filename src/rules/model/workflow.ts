/**
 * The workflow of a rulebook (src/rules/model.ts re-exports it): actors, organisations and the
 * jurisdiction's names for the roles, stages → steps with their outcomes and materials.
 */
import type { RoleCode } from '../../platform/vocabulary.ts';
import type { EventType, GateAction, OrgKind, StageCode } from './codes.ts';
import type { FactName, Predicate } from './predicates.ts';

/** Who acts: a canonical role within a named organisation of the rulebook. */
export interface Actor {
  role: RoleCode;
  /** Key of an organisation in `Rulebook.organisations`. */
  org: string;
}

/** A word the regulation uses for an organisation; `display` adds the canonical role when ambiguous. */
export interface LocalTerm {
  term: string;
  display: string;
  articles: string[];
}

export interface Organisation {
  key: string;
  /** Name shown in the UI, unambiguous (e.g. 项目实施单位（承建）). */
  name: string;
  kind: OrgKind;
  /** The other words the text uses for it. */
  terms: LocalTerm[];
  /** True for a class of organisations (any 市直部门, any contractor) rather than one named body. */
  generic?: boolean;
  /** The exact wording in the regulation where it differs from `name` (e.g. a misprint). */
  textWording?: string;
  articles: string[];
}

export interface RoleDef {
  code: RoleCode;
  /** The jurisdiction's own name for the role. */
  name: string;
  /** The organisation a user in this role normally belongs to. */
  org?: string;
  articles: string[];
}

export type MaterialRequirement = 'required' | 'conditional' | 'optional';

export interface Material {
  code: string;
  name: string;
  /** `conditional`: required when `condition` holds. */
  requirement: MaterialRequirement;
  condition?: Predicate;
  articles: string[];
  summary: string;
}

export interface Outcome {
  /** The event that records this outcome. */
  event: EventType;
  /** Chinese label of the outcome (予以备案, 不予备案, …). */
  name: string;
  next: string[];
  /** `refused` ends the path with a refusal; `ended` ends the project (e.g. retirement). */
  result?: 'refused' | 'ended';
}

export interface Step {
  /** Stable code `<rulebook>.<stage>.<name>`, e.g. `dt.review.filing`. */
  id: string;
  name: string;
  summary: string;
  actor: Actor;
  articles: string[];
  /** The step applies only when this holds; otherwise it is skipped and the flow passes through. */
  condition?: Predicate;
  /**
   * Where the flow goes when the step is skipped; default: its first outcome's next steps. Lets a
   * conditional step end the path when it applies (SC 第十四条 记录在案) and pass by when it does not.
   */
  skipTo?: string[];
  /** The gated action the step's first outcome performs. */
  action?: GateAction;
  /** First outcome = the normal one (taken when the step is skipped). */
  outcomes: Outcome[];
  materials: Material[];
  /** A duty repeated every year (self-evaluation); it stays open once reached. */
  recurring?: boolean;
  /**
   * Boolean facts the step's actor may establish while the step is open, each with a recorded
   * reason; a finding overrides the applicant's declaration (JC 五.1/五.2: the 立项备案 body).
   */
  findings?: FactName[];
  /**
   * Who commissions the step's actor on the project when the actor is a generic third party that
   * binds nobody by role (DT 第十四条: the authority commissions the budget evaluator).
   */
  commissionedBy?: Actor;
}

export interface Stage {
  code: StageCode;
  name: string;
  steps: Step[];
}

export interface Workflow {
  start: string[];
  stages: Stage[];
}
