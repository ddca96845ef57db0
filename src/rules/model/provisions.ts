/**
 * What a text provides beyond the workflow (src/rules/model.ts re-exports it): its scope, the
 * application fields it demands, its system catalog rules, how plans are filed upward and who
 * orders rectification.
 */
import type { RoleCode } from '../../platform/vocabulary.ts';
import type { Actor } from './workflow.ts';

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
