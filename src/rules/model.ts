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
import type { IsoDate } from '../calendar/types.ts';
import type { FACT_CATALOG } from './vocabulary.ts';

export type { IsoDate } from '../calendar/types.ts';

/** The canonical roles: one code per kind of user (defined once, in the platform's vocabulary). */
import { ROLE_CODES, type RoleCode } from '../platform/vocabulary.ts';

export { ROLE_CODES, type RoleCode };

export const ORG_KINDS = [
  'department',
  'authority',
  'approval_bureau',
  'finance',
  'leadership_body',
  'data_center',
  'contractor',
  'supervisor',
  'evaluator',
  'expert_committee',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** The lifecycle stages, in order (PRODUCT.md "The lifecycle"). */
export const STAGE_CODES = [
  'plan',
  'application',
  'review',
  'filing_approval',
  'budget',
  'construction',
  'acceptance',
  'operation',
  'retired',
] as const;
export type StageCode = (typeof STAGE_CODES)[number];

/** Actions a gate can block. */
export const GATE_ACTIONS = [
  /** 录入管理平台 / 列入系统目录 — the applicant's registration step (DT-11, SC-10, XZ-08a). */
  'register',
  /** 备案 — the authority files the reviewed project (DT 合理性审查意见备案). */
  'file_review',
  /** 立项 — approval or 立项备案 of the project. */
  'approve_establishment',
  /** 安排建设投资 / 预算 — arranging construction investment in the budget. */
  'allocate_budget',
  /** 预算评审 — the budget review records the amounts and, for co-built projects, each level's share. */
  'review_budget',
  /** 招标投标、政府采购、签订合同 — procurement and contract signing. */
  'procure',
  /** 拨付建设资金 — disbursing construction funds. */
  'disburse_construction',
  /** 拨付运维经费 — disbursing operation and maintenance funds. */
  'disburse_om',
] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];

export const DEADLINE_UNITS = ['working_days', 'calendar_days', 'calendar_months'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** Things that happen to a project; events are recorded with the date they happened. */
export const EVENT_TYPES = [
  'registered',
  'proposal_submitted',
  'submitted',
  'pre_review_passed',
  'pre_review_failed',
  'government_approved',
  'government_refused',
  'consent_given',
  'consent_refused',
  'review_completed',
  'filed',
  'filing_refused',
  'finance_opinion_issued',
  'finance_guarantee_refused',
  'establishment_approved',
  'establishment_refused',
  'budget_decided',
  'budget_reported',
  'funds_arranged',
  'allocation_published',
  'contract_signed',
  'contract_filed',
  'supervisor_filed',
  'deliverables_submitted',
  'construction_completed',
  'acceptance_applied',
  'extension_requested',
  'extension_granted',
  'extension_refused',
  'acceptance_passed',
  'acceptance_failed',
  'acceptance_report_filed',
  'self_evaluation_submitted',
  'evaluation_result_issued',
  'rectification_ordered',
  'rectification_completed',
  'terminated',
  'retired',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type FactName = keyof typeof FACT_CATALOG;
export type FactType = 'boolean' | 'string' | 'number' | 'date';
export type FactValue = boolean | string | number;

type FactTypeOf<K extends FactName> = (typeof FACT_CATALOG)[K]['type'];
type ValueOfType<T extends FactType> = T extends 'boolean' ? boolean : T extends 'number' ? number : string;

/**
 * What the platform knows about a project, as the rules read it. Every field is optional: an absent
 * fact is unknown, and a gate that needs a fact to be true stays closed until it is recorded.
 */
export type ProjectFacts = { [K in FactName]?: ValueOfType<FactTypeOf<K>> };

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

/**
 * What the text covers. SC 第二条, JC 三 and XZ 第三条 cover 非涉密 projects only: a classified
 * project is refused under them, with the article and where to go instead.
 */
export interface Scope {
  excludesClassified: boolean;
  /** Chinese: why a classified project is refused and where it goes instead. */
  classifiedRefusal: string;
  articles: string[];
  summary: string;
}

/** Application fields a text may demand at submission (everything else the application holds is optional). */
export const APPLICATION_FIELDS = ['projectOwner', 'performanceTargets'] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

export interface RequiredField {
  field: ApplicationField;
  /** Chinese message when it is missing, e.g. 请确定项目责任人. */
  message: string;
  articles: string[];
  summary: string;
}

/** Cloud deployments a text may count as 已上云. */
export const GOVERNMENT_CLOUD_DEPLOYMENTS = ['city_cloud', 'district_cloud'] as const;
export type GovernmentCloudDeployment = (typeof GOVERNMENT_CLOUD_DEPLOYMENTS)[number];

/** The jurisdiction's rules for its system catalog (read by src/catalog, like every other rule). */
export interface CatalogRules {
  /** Deployments that count as 已上云 (XZ 第二十八条: the 市级政务云 only). */
  governmentClouds: GovernmentCloudDeployment[];
  /** Articles the cloud status rule cites (may be empty where the text is silent). */
  cloudArticles: string[];
  /** 上云为常态，不上云为例外: a system kept off the cloud states its legal or secrecy ground. */
  cloudExemptionGround?: { articles: string[] };
  /** A system on a 业务专网 carries the approval of `consent` (who must agree to a new one). */
  dedicatedNetwork?: { consent: string; articles: string[] };
  /**
   * The 政务云服务目录: the organisation that compiles it (SC 第十二条: 区数字政府服务中心) and who
   * must approve it before it is published (SC: the authority with finance; DT 第十三条: the authority).
   */
  cloudCatalog?: { compiler: string; approvers: ('authority' | 'finance')[]; articles: string[] };
  summary: string;
}

/**
 * One step of the chain a plan passes before it counts as approved (DT 第八条, SC 第七条, XZ 第六条):
 * who decides it (roles within a rulebook organisation, bound at the plan's own level or at the
 * rulebook's home jurisdiction), what the step is called and what it may do.
 */
export interface PlanStep {
  id: string;
  /** Chinese name of the step, e.g. 局党组同意. */
  name: string;
  /** Key of an organisation in `Rulebook.organisations`. */
  org: string;
  /** Roles of that organisation that decide the step. */
  roles: RoleCode[];
  /**
   * `own`: the organisation is bound in the plan's jurisdiction (本级, e.g. a county's own authority);
   * `home`: in the rulebook's home jurisdiction (市, e.g. DT's 市政务信息化主管部门 for a county plan).
   */
  level: 'own' | 'home';
  /** The step may refuse the plan (审查不予通过), not only return it. */
  canRefuse: boolean;
  articles: string[];
  summary: string;
}

/**
 * Plans filed upward: the steps of each kind of plan, in order. A plan counts as approved (its
 * entries make projects planned) only after its last step. A kind without a chain here keeps the
 * platform's default (the jurisdiction's leadership body approves; the authority files a department plan).
 */
export interface PlanningRules {
  /** The plan of the rulebook's home jurisdiction, compiled by its authority (or XZ's 数据中心). */
  jurisdictionPlan?: PlanStep[];
  /** Any plan compiled in a jurisdiction below the home one (DT 第八条: 县级编制的各类规划). */
  subordinatePlan?: PlanStep[];
  summary: string;
}

/**
 * Who orders rectification (责令限期整改) and finds its outcome, and who is ordered to rectify
 * (XZ 第二十四条: the 局党组 orders the 数据中心). Absent: the authority (or its superior) orders
 * the project's department.
 */
export interface RectificationRule {
  orderedBy: Actor;
  ordered: Actor;
  articles: string[];
  summary: string;
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
