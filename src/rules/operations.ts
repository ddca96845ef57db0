/**
 * Pure rules of operations and security records (issue 15): next assessment dates, incident
 * reporting deadlines, XZ-31 liability, missing internal rules, what counts as "on the cloud".
 * The jurisdiction differences are data in each rulebook's operations section; nothing here tests a
 * jurisdiction code. No clock: "now" is a parameter.
 */
import { addDays, daysBetween } from './dates.ts';
import { DT_OPERATIONS } from './jurisdictions/dt.ts';
import { JC_OPERATIONS } from './jurisdictions/jc.ts';
import { SC_OPERATIONS } from './jurisdictions/sc.ts';
import { XZ_OPERATIONS } from './jurisdictions/xz.ts';
import type {
  AssessmentKind,
  Deployment,
  IncidentCause,
  IncidentClass,
  InternalRuleKind,
  LiableParty,
  OperationsRules,
  ResponsibilityRole,
} from './operations-model.ts';

export * from './operations-model.ts';

const BY_RULEBOOK: Readonly<Record<string, OperationsRules>> = {
  DT: DT_OPERATIONS,
  SC: SC_OPERATIONS,
  JC: JC_OPERATIONS,
  XZ: XZ_OPERATIONS,
};

/**
 * The operations rules of a rulebook: the built-in one by its id, a derived one (DT-37) by the id
 * it derives from. Null when the jurisdiction runs under no rulebook.
 */
export function operationsRulesFor(
  rulebookCode: string | null,
  derivedFrom?: string | null,
): OperationsRules | null {
  if (rulebookCode && BY_RULEBOOK[rulebookCode]) return BY_RULEBOOK[rulebookCode];
  if (derivedFrom && BY_RULEBOOK[derivedFrom]) return BY_RULEBOOK[derivedFrom];
  return null;
}

/**
 * Reporting deadlines of the national rule every text defers to (按照规定向有关部门报告): 较大 and above
 * within 4 hours, critical information infrastructure within 1 hour (《网络安全事件报告管理办法》).
 * 一般 incidents have no fixed deadline.
 */
export const INCIDENT_REPORT_HOURS: Readonly<Record<IncidentClass, number | null>> = {
  general: null,
  major: 4,
  serious: 4,
  critical: 4,
};
export const CII_REPORT_HOURS = 1;

export const INCIDENT_CLASS_LABELS: Readonly<Record<IncidentClass, string>> = {
  general: '一般',
  major: '较大',
  serious: '重大',
  critical: '特别重大',
};

/** Hours allowed to report an incident of `klass` (null: no fixed deadline). */
export function reportingHours(klass: IncidentClass, criticalInfrastructure: boolean): number | null {
  const hours = INCIDENT_REPORT_HOURS[klass];
  if (hours === null) return null;
  return criticalInfrastructure ? Math.min(hours, CII_REPORT_HOURS) : hours;
}

/** The moment the first report is due, counted from when the incident was found. */
export function reportDueAt(
  foundAt: Date,
  klass: IncidentClass,
  criticalInfrastructure: boolean,
): Date | null {
  const hours = reportingHours(klass, criticalInfrastructure);
  return hours === null ? null : new Date(foundAt.getTime() + hours * 3600_000);
}

/** Whether the reporting deadline is missed: the first report came late, or none has come and it is past. */
export function reportMissed(dueAt: Date | null, firstReportAt: Date | null, now: Date): boolean {
  if (dueAt === null) return false;
  if (firstReportAt !== null) return firstReportAt.getTime() > dueAt.getTime();
  return now.getTime() > dueAt.getTime();
}

/** XZ-31: who answers for a leak of this cause; null where the rulebook does not split liability. */
export function liableParty(rules: OperationsRules, cause: IncidentCause | null): LiableParty | null {
  if (!rules.incident.liability || cause === null) return null;
  return rules.incident.liability.byCause[cause] ?? null;
}

/** `YYYY-MM-DD` plus `months` calendar months (the 31st of a short month falls on its last day). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Months until an assessment of `kind` is due again for a system of protection `level` (null when
 * none is due: an ungraded system, a level without periodic 测评, 密评 below level 3).
 */
export function assessmentIntervalMonths(
  rules: OperationsRules,
  kind: AssessmentKind,
  level: number | null,
): number | null {
  if (kind === 'risk') return rules.riskIntervalMonths;
  if (level === null || level < 1 || level > 5) return null;
  if (kind === 'crypto') return level >= 3 ? rules.cryptoIntervalMonths : null;
  return rules.mlpsIntervalMonths[level as 1 | 2 | 3 | 4 | 5];
}

/** The next due date of an assessment of `kind` made on `assessedOn` (null when none is due). */
export function nextAssessmentDue(
  rules: OperationsRules,
  kind: AssessmentKind,
  level: number | null,
  assessedOn: string,
): string | null {
  const months = assessmentIntervalMonths(rules, kind, level);
  return months === null ? null : addMonths(assessedOn, months);
}

export const ASSESSMENT_LABELS: Readonly<Record<AssessmentKind, string>> = {
  mlps: '等级保护测评',
  crypto: '密码应用安全性评估',
  risk: '网络与信息安全风险评估',
};

/** The obligation kind of a re-assessment (src/obligations) and of a planned drill. */
export const reassessmentKind = (kind: AssessmentKind) => `ops.reassessment.${kind}`;
export const DRILL_OBLIGATION_KIND = 'ops.drill';

/** DT-05b: the required internal rules a department has not recorded. */
export function missingInternalRules(
  rules: OperationsRules,
  recorded: readonly string[],
): InternalRuleKind[] {
  if (!rules.internalRules) return [];
  return rules.internalRules.required.filter((kind) => !recorded.includes(kind));
}

/** Whether a deployment counts as "on the government cloud" here (XZ: only the 市级政务云). */
export function countsAsCloud(rules: OperationsRules, deployment: string): boolean {
  return (rules.cloud.countedDeployments as readonly string[]).includes(deployment as Deployment);
}

/** The responsibility roles the rulebook requires and the record leaves empty. */
export function missingResponsibility(
  rules: OperationsRules,
  named: Readonly<Partial<Record<ResponsibilityRole, string | null>>>,
): ResponsibilityRole[] {
  return rules.dataResponsibility.required.filter((role) => !named[role]);
}

export const INTERNAL_RULE_LABELS: Readonly<Record<InternalRuleKind, string>> = {
  decision: '内部决策',
  application: '立项申报',
  procurement: '招标采购',
  construction: '建设管理',
  acceptance: '项目验收',
  application_use: '系统应用',
  data_sharing: '数据共享',
  security: '信息安全',
  retirement: '停用报废',
};

export const BASE_LIBRARY_LABELS = {
  natural_person: '自然人基础资源库',
  legal_person: '法人基础资源库',
  spatial: '空间地理信息基础资源库',
  certificate: '电子证照基础资源库',
  credit: '社会信用基础资源库',
  macro_economy: '宏观经济基础资源库',
} as const;

/**
 * SC-27: the days before `today` (oldest first, within the rulebook's look-back window and not
 * before `since`) on which a running system has no daily monitoring entry. Empty where the rulebook
 * asks for no daily monitoring or the system is not running.
 */
export function missingMonitoringDays(
  rules: OperationsRules,
  system: { status: string; since: string },
  today: string,
  recorded: readonly string[],
): string[] {
  if (!rules.dailyMonitoring || system.status !== 'in_operation') return [];
  // The window ends yesterday and reaches back `lookbackDays`, but not before `since`.
  const span = Math.min(rules.dailyMonitoring.lookbackDays, daysBetween(system.since, today));
  const have = new Set(recorded);
  const missing: string[] = [];
  for (let back = span; back >= 1; back--) {
    const iso = addDays(today, -back);
    if (!have.has(iso)) missing.push(iso);
  }
  return missing;
}

/** XZ-30: whether a system deployed so sits on an industry cloud that must come under the city cloud. */
export function onIndustryCloud(rules: OperationsRules, deployment: string): boolean {
  return (rules.industryClouds?.deployments as readonly string[] | undefined)?.includes(deployment) ?? false;
}
