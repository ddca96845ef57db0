/**
 * Types of the operations and security rules (issue 15): what each jurisdiction's text requires be
 * recorded about a system in operation. Each rulebook file carries its own section as data
 * (`DT_OPERATIONS` in jurisdictions/dt.ts, …); `operations.ts` holds the pure functions over it.
 */

/** 一般 / 较大 / 重大 / 特别重大 (the national incident classes). */
export const INCIDENT_CLASSES = ['general', 'major', 'serious', 'critical'] as const;
export type IncidentClass = (typeof INCIDENT_CLASSES)[number];

/** What caused a leak, as XZ 第三十一条 splits the liability. */
export const INCIDENT_CAUSES = ['weak_password', 'stolen_password', 'technical', 'other'] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

/** 使用单位 (the department that uses the system) or 建设单位 (XZ: the contractor that built it). */
export type LiableParty = 'user_unit' | 'contractor';

/** 等保测评 / 密评 / 安全风险评估. */
export const ASSESSMENT_KINDS = ['mlps', 'crypto', 'risk'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** DT 第五条: the lifecycle rules every 市直部门 keeps. */
export const INTERNAL_RULE_KINDS = [
  'decision',
  'application',
  'procurement',
  'construction',
  'acceptance',
  'application_use',
  'data_sharing',
  'security',
  'retirement',
] as const;
export type InternalRuleKind = (typeof INTERNAL_RULE_KINDS)[number];

/** DT 第三十三条: the six base resource libraries. */
export const BASE_LIBRARY_KINDS = [
  'natural_person',
  'legal_person',
  'spatial',
  'certificate',
  'credit',
  'macro_economy',
] as const;
export type BaseLibraryKind = (typeof BASE_LIBRARY_KINDS)[number];

/** Who answers for a data resource (DT-34 谁采集谁负责、谁校核谁负责; JC-06 谁主管谁提供谁负责). */
export type ResponsibilityRole = 'collector' | 'checker' | 'provider';

export type Deployment = 'city_cloud' | 'district_cloud' | 'other_cloud' | 'own_machine_room';

export interface Cited {
  /** Requirement id(s) of requirements.tsv the rule comes from. */
  articles: string[];
}

export interface OperationsRules extends Cited {
  /** 等保测评 interval by protection level (months; null: no periodic assessment required). */
  mlpsIntervalMonths: Readonly<Record<1 | 2 | 3 | 4 | 5, number | null>>;
  /** 密评 interval for systems of level 3 and above (months). */
  cryptoIntervalMonths: number;
  /** Security risk assessment interval (months). */
  riskIntervalMonths: number;
  assessmentArticles: string[];
  /** Whether the risk assessment is made jointly with the contractor (SC-28, XZ-31). */
  riskAssessmentJoint: { contractorRequired: boolean; articles: string[]; wording: string };
  /** Who makes the emergency plan together (SC-29, XZ-32). */
  emergencyPlanJoint: { contractorRequired: boolean; articles: string[]; wording: string };
  /** Months between drills: a planned drill past its date without being held is overdue. */
  drillIntervalMonths: number;
  incident: {
    articles: string[];
    /** To whom the text says incidents are reported, in its own words. */
    reportTo: string;
    /** DT 第三十六条: 同时向市政务信息化主管部门报备. Null where the text requires no such filing. */
    authorityFiling: { articles: string[]; wording: string } | null;
    /** XZ 第三十一条: liability per cause; null where the text does not split it. */
    liability: { articles: string[]; byCause: Readonly<Partial<Record<IncidentCause, LiableParty>>> } | null;
  };
  dataResponsibility: { articles: string[]; principle: string; required: ResponsibilityRole[] };
  cloud: {
    articles: string[];
    /** Deployments that count as "on the government cloud" in this jurisdiction's counts. */
    countedDeployments: Deployment[];
    /** The only grounds for staying off the cloud (XZ-28: 法律法规规定和特殊保密要求). */
    exemptionGrounds: ('legal' | 'secrecy')[];
    /** Whether O&M of existing systems is handed over to the 项目建设单位 (XZ-30). */
    omHandover: { required: boolean; articles: string[]; wording: string };
  };
  /** DT-05b: internal management rules every department keeps; null where the text requires none. */
  internalRules: { articles: string[]; required: InternalRuleKind[] } | null;
  /** DT-33: the base libraries of the jurisdiction; null where the text names none. */
  baseLibraries: { articles: string[]; kinds: BaseLibraryKind[] } | null;
  /**
   * SC-27 (政务信息资源的日常监测机制): every running system's data resources are checked daily; a day
   * without an entry is flagged within the last `lookbackDays` days. Null where the text asks none.
   */
  dailyMonitoring: { articles: string[]; wording: string; lookbackDays: number } | null;
  /**
   * XZ-30 (其他已建行业云要全部纳入市级政务云平台统一管理): a system on an industry cloud (one of
   * `deployments`) needs a plan to bring it under the city cloud. Null where the text asks none.
   */
  industryClouds: { articles: string[]; wording: string; deployments: Deployment[] } | null;
}
