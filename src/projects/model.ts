/**
 * The project application as plain data (issue 5, "From plan to 立项"): the enumerations of DT 第三条
 * (type, category, funding mode), the expert fields of DT 第九条, the project states shown in lists,
 * and the Chinese labels. Codes are the English names of GLOSSARY.md; labels are what users see.
 * No I/O.
 */

export interface Labelled<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

const codes = <T extends readonly Labelled[]>(list: T): T[number]['code'][] => list.map((e) => e.code);

/** 新建 / 扩建 / 升级改造 / 运行维护 (DT-03a); the codes are the rules' `projectType` fact values. */
export const PROJECT_TYPES = [
  { code: 'new', label: '新建' },
  { code: 'expansion', label: '扩建' },
  { code: 'upgrade', label: '升级改造' },
  { code: 'maintenance', label: '运行维护' },
] as const satisfies readonly Labelled[];
export type ProjectType = (typeof PROJECT_TYPES)[number]['code'];
export const PROJECT_TYPE_CODES = codes(PROJECT_TYPES);

/** DT-03b: the four project categories. */
export const PROJECT_CATEGORIES = [
  { code: 'application_system', label: '信息化应用系统开发' },
  { code: 'network_infrastructure', label: '信息网络及软硬件支撑系统' },
  { code: 'data_resource', label: '信息资源大数据开发利用' },
  { code: 'information_security', label: '信息安全' },
] as const satisfies readonly Labelled[];
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number]['code'];
export const PROJECT_CATEGORY_CODES = codes(PROJECT_CATEGORIES);

/** DT-03c: the four funding modes. */
export const FUNDING_MODES = [
  { code: 'government_investment', label: '政府投资建设' },
  { code: 'joint_construction', label: '政府与社会企业联合建设' },
  { code: 'purchase_of_services', label: '政府向社会购买服务' },
  { code: 'funded_om', label: '需要政府资金运行维护' },
] as const satisfies readonly Labelled[];
export type FundingMode = (typeof FUNDING_MODES)[number]['code'];
export const FUNDING_MODE_CODES = codes(FUNDING_MODES);

/** DT-09d: the fields of the expert committee and third-party evaluation. */
export const EXPERT_FIELDS = [
  { code: 'information_systems', label: '信息化系统' },
  { code: 'network_engineering', label: '网络工程' },
  { code: 'hardware', label: '硬件设备' },
  { code: 'cost', label: '工程造价' },
  { code: 'supervision', label: '工程监理' },
  { code: 'audit', label: '工程审计' },
] as const satisfies readonly Labelled[];
export type ExpertField = (typeof EXPERT_FIELDS)[number]['code'];
export const EXPERT_FIELD_CODES = codes(EXPERT_FIELDS);

export const SYSTEM_RELATIONS = [
  { code: 'builds', label: '新建' },
  { code: 'changes', label: '改造' },
] as const satisfies readonly Labelled[];
export type SystemRelation = (typeof SYSTEM_RELATIONS)[number]['code'];
export const SYSTEM_RELATION_CODES = codes(SYSTEM_RELATIONS);

export const RESOURCE_RELATIONS = [
  { code: 'produces', label: '产生' },
  { code: 'uses', label: '使用' },
] as const satisfies readonly Labelled[];
export type ResourceRelation = (typeof RESOURCE_RELATIONS)[number]['code'];
export const RESOURCE_RELATION_CODES = codes(RESOURCE_RELATIONS);

/** Where a project stands, for lists; derived from the rulebook evaluation after every change. */
export const PROJECT_STATES = [
  { code: 'draft', label: '草稿' },
  { code: 'returned', label: '已退回' },
  { code: 'withdrawn', label: '已撤回' },
  { code: 'in_review', label: '审核中' },
  { code: 'in_approval', label: '立项审批中' },
  { code: 'established', label: '已立项' },
  { code: 'recorded', label: '已记录在案' },
  { code: 'refused', label: '未通过' },
] as const satisfies readonly Labelled[];
export type ProjectState = (typeof PROJECT_STATES)[number]['code'];
export const PROJECT_STATE_CODES = codes(PROJECT_STATES);

export const PLAN_KINDS = [
  { code: 'overall', label: '政务信息化规划' },
  { code: 'annual', label: '年度计划' },
] as const satisfies readonly Labelled[];
export type PlanKind = (typeof PLAN_KINDS)[number]['code'];
export const PLAN_KIND_CODES = codes(PLAN_KINDS);

/** `jurisdiction`: compiled by the authority for its jurisdiction (DT-08, SC-07, XZ-06); `department`: filed with it. */
export const PLAN_SCOPES = [
  { code: 'jurisdiction', label: '本级规划（主管部门编制）' },
  { code: 'department', label: '部门（县区）规划（报主管部门备案）' },
] as const satisfies readonly Labelled[];
export type PlanScope = (typeof PLAN_SCOPES)[number]['code'];

export const PLAN_STATUSES = [
  { code: 'draft', label: '编制中' },
  { code: 'submitted', label: '已报送' },
  { code: 'approved', label: '已批准' },
  { code: 'filed', label: '已备案' },
  { code: 'returned', label: '已退回' },
  { code: 'refused', label: '审查不予通过' },
] as const satisfies readonly Labelled[];
/** Decisions on a step of a plan's chain (XZ 第六条, DT 第八条). */
export const PLAN_DECISIONS = [
  { code: 'approve', label: '同意' },
  { code: 'return', label: '退回' },
  { code: 'refuse', label: '不予通过' },
] as const satisfies readonly Labelled[];
export type PlanStatus = (typeof PLAN_STATUSES)[number]['code'];
export const PLAN_STATUS_CODES = codes(PLAN_STATUSES);

export const EXPERT_CONCLUSIONS = [
  { code: 'agree', label: '同意' },
  { code: 'agree_with_changes', label: '修改后同意' },
  { code: 'disagree', label: '不同意' },
] as const satisfies readonly Labelled[];
export type ExpertConclusion = (typeof EXPERT_CONCLUSIONS)[number]['code'];
export const EXPERT_CONCLUSION_CODES = codes(EXPERT_CONCLUSIONS);

export const ASSIGNMENT_KINDS = [
  { code: 'expert', label: '专家' },
  { code: 'evaluator', label: '第三方评估机构' },
] as const satisfies readonly Labelled[];
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number]['code'];

/** Entries of the project timeline (表 project_actions.kind). */
export const ACTION_KINDS = [
  { code: 'created', label: '创建项目' },
  { code: 'updated', label: '修改申报内容' },
  { code: 'material_uploaded', label: '上传材料' },
  { code: 'material_removed', label: '删除材料' },
  { code: 'step', label: '办理' },
  { code: 'returned', label: '退回' },
  { code: 'withdrawn', label: '撤回' },
  { code: 'reassigned', label: '转办' },
  { code: 'urged', label: '催办' },
  { code: 'comment', label: '意见' },
  { code: 'review_saved', label: '保存审核意见' },
  { code: 'expert_assigned', label: '指派专家' },
  { code: 'expert_opinion', label: '专家意见' },
  { code: 'certificate_issued', label: '出具文书' },
  { code: 'finding', label: '认定' },
  { code: 'evaluation', label: '绩效评价' },
] as const satisfies readonly Labelled[];
export type ActionKind = (typeof ACTION_KINDS)[number]['code'];

/** The label of `code` in `list`, or the code itself. */
export function labelOf(list: readonly Labelled[], code: string | null | undefined): string {
  if (code == null) return '';
  return list.find((e) => e.code === code)?.label ?? code;
}

/** Review findings that override what the applicant declared (they feed the rulebook's gates). */
export const REVIEW_FINDINGS = [
  'interoperable',
  'packagedInOtherProject',
  'conflictsWithSharingPolicy',
] as const;
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number];
export type ReviewFindings = Partial<Record<ReviewFinding, boolean>>;

/**
 * What the applicant declares about the project (facts of the rules' FACT_CATALOG the applicant is
 * the source of). Absent means not stated: a gate needing it stays closed.
 */
export const DECLARATIONS = [
  'interoperable',
  'newDepartment',
  'requiredByHigherAuthority',
  'adaptsExistingSystems',
  'newSystemJustified',
  'onExtranet',
  'onCloud',
  'cloudExempt',
  'isStandaloneBigData',
  'higherLevelCoBuild',
  'inDistrictBudget',
  'requestsSeparateHardwareFunds',
  'higherLevelFunded',
] as const;
export type Declaration = (typeof DECLARATIONS)[number];
export type Declarations = Partial<Record<Declaration, boolean>>;

/**
 * Materials of later steps that the applicant supplies as evidence (the legal basis of a dedicated
 * network, DT-12d, SC-11c, XZ-10b), and documents only the platform issues (the filing certificate,
 * DT-09b): nobody uploads those.
 */
export const APPLICANT_EVIDENCE: readonly string[] = ['network_legal_basis'];
export const ISSUED_DOCUMENTS: readonly string[] = ['filing_certificate'];

export const ASSESSMENT_GRADES = [
  { code: 'excellent', label: '优秀' },
  { code: 'good', label: '良好' },
  { code: 'pass', label: '合格' },
  { code: 'fail', label: '不合格' },
] as const satisfies readonly Labelled[];

/** What the application form shows for each declaration (shorter than the rules' fact labels). */
export const DECLARATION_LABELS: Readonly<Record<Declaration, string>> = {
  interoperable: '可实现互联互通、信息共享、业务协同',
  onExtranet: '依托电子政务外网建设',
  onCloud: '部署在政务云平台',
  cloudExempt: '因法律法规或保密要求不上云',
  newDepartment: '新设立部门的项目',
  requiredByHigherAuthority: '因上级主管部门要求需新建系统并对接',
  adaptsExistingSystems: '按数据对接标准改造现有系统',
  newSystemJustified: '确需新建系统（已说明理由）',
  isStandaloneBigData: '区级单位单独建设的政务大数据项目',
  higherLevelCoBuild: '上级要求配合建设',
  inDistrictBudget: '已纳入本级财政预算',
  requestsSeparateHardwareFunds: '单独申请硬件和通用软件经费',
  higherLevelFunded: '由国家、省统筹安排并拨付资金建设（朔城区第十四条：记录在案）',
};

/** What the review form shows for each finding the reviewer may record. */
export const REVIEW_FINDING_LABELS: Readonly<Record<ReviewFinding, string>> = {
  interoperable: '可实现互联互通、信息共享、业务协同',
  packagedInOtherProject: '存在变相包装或纳入其他项目建设',
  conflictsWithSharingPolicy: '与共享和集约化建设政策相违背',
};
