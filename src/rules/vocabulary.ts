/**
 * The vocabulary the rules speak: the project facts predicates may test, and Chinese labels for
 * events, stages and gated actions. A rulebook may only refer to facts and events listed here.
 */
import type { EventType, FactType, GateAction, StageCode } from './model/codes.ts';

interface FactSpec {
  readonly type: FactType;
  readonly label: string;
  readonly values?: readonly string[];
}

/** Facts about a project that conditions and gates may test. Labels are shown in the UI. */
export const FACT_CATALOG = {
  projectType: {
    type: 'string',
    label: '项目类型',
    values: ['new', 'expansion', 'upgrade', 'maintenance'],
  },
  planned: { type: 'boolean', label: '已纳入政务信息化规划或年度计划' },
  newDepartment: { type: 'boolean', label: '新设立部门的项目' },
  multiYear: { type: 'boolean', label: '分年度实施' },
  crossDepartment: { type: 'boolean', label: '跨部门、跨地域、跨层级共建共享' },
  requiredByHigherAuthority: { type: 'boolean', label: '因上级主管部门要求需新建信息系统并对接' },
  adaptsExistingSystems: { type: 'boolean', label: '按数据对接标准改造现有系统对接' },
  newSystemJustified: { type: 'boolean', label: '确有需要新建系统（已说明理由）' },
  packagedInOtherProject: { type: 'boolean', label: '变相包装或纳入其他项目建设' },
  systemsInCatalog: { type: 'boolean', label: '所涉信息系统均已列入政务信息系统目录' },
  resourceCatalogProvided: { type: 'boolean', label: '已编制信息资源目录' },
  interoperable: { type: 'boolean', label: '可实现互联互通、信息共享、业务协同' },
  sharingCompliant: { type: 'boolean', label: '已按要求进行业务协同和数据共享' },
  conflictsWithSharingPolicy: { type: 'boolean', label: '与政务资源共享和集约化建设政策相违背' },
  hasDedicatedNetwork: { type: 'boolean', label: '拟新建业务专网' },
  dedicatedNetworkLegalBasis: { type: 'boolean', label: '新建业务专网有法律、法规或国家规定依据' },
  onExtranet: { type: 'boolean', label: '依托电子政务外网建设' },
  isStandaloneBigData: { type: 'boolean', label: '区级单位单独建设的政务大数据项目' },
  higherLevelCoBuild: { type: 'boolean', label: '上级要求配合建设' },
  inDistrictBudget: { type: 'boolean', label: '已纳入区级财政预算' },
  financeGuaranteeOpinion: { type: 'boolean', label: '已有区级财政部门资金保障意见' },
  fundsSecured: { type: 'boolean', label: '项目资金已落实' },
  districtShareBudgeted: { type: 'boolean', label: '区级承担的建设资金和运维经费已列明并列入本级财政预算' },
  onCloud: { type: 'boolean', label: '已部署（或拟部署）在市级政务云平台' },
  cloudExempt: { type: 'boolean', label: '因法律法规或特殊保密要求不上云' },
  requestsSeparateHardwareFunds: { type: 'boolean', label: '单独申请硬件设施和通用软件经费' },
  rectificationRefused: { type: 'boolean', label: '拒不整改' },
  rectificationFailed: { type: 'boolean', label: '整改后仍不符合要求' },
  disbursementConsent: { type: 'boolean', label: '本次拨付已经局党组同意' },
  plannedAcceptanceDate: { type: 'date', label: '批复的计划验收日期' },
  complexProject: { type: 'boolean', label: '项目内容复杂、技术要求高' },
  higherLevelFunded: { type: 'boolean', label: '由国家、省统筹安排并拨付资金建设' },
  financeGuaranteeOverruled: {
    type: 'boolean',
    label: '无资金保障仍予立项（立项备案机关已记录理由）',
  },
  classified: { type: 'boolean', label: '涉密项目' },
} as const satisfies Record<string, FactSpec>;

export const EVENT_LABELS: Readonly<Record<EventType, string>> = {
  registered: '录入管理平台',
  proposal_submitted: '提交项目建议书',
  submitted: '提交申请材料',
  pre_review_passed: '前置审查通过',
  pre_review_failed: '前置审查未通过',
  government_approved: '政府批准',
  government_refused: '政府不予批准',
  consent_given: '同意',
  consent_refused: '不同意',
  review_completed: '审核完成',
  filed: '予以备案',
  filing_refused: '不予备案',
  finance_opinion_issued: '出具资金保障意见',
  finance_guarantee_refused: '出具不予资金保障意见',
  establishment_approved: '批准立项',
  establishment_refused: '不予立项',
  budget_decided: '出具预算审定意见',
  budget_reported: '预算上报市财政局',
  funds_arranged: '安排建设及运维经费',
  allocation_published: '资金拟分配计划公示',
  contract_signed: '签订合同',
  contract_filed: '合同备案',
  supervisor_filed: '监理单位备案',
  deliverables_submitted: '提交成果（设计文件、源代码、测试文档等）',
  construction_completed: '项目建成',
  acceptance_applied: '申请竣工验收',
  extension_requested: '提出延期验收申请',
  extension_granted: '同意延期验收',
  extension_refused: '不同意延期验收',
  acceptance_passed: '竣工验收通过',
  acceptance_failed: '竣工验收未通过',
  acceptance_report_filed: '竣工验收报告备案',
  self_evaluation_submitted: '报送自评价报告',
  evaluation_result_issued: '出具应用评估结果',
  rectification_ordered: '责令限期整改',
  rectification_completed: '整改完成',
  terminated: '终止项目',
  retired: '停用报废',
};

export const STAGE_LABELS: Readonly<Record<StageCode, string>> = {
  plan: '规划',
  application: '申报',
  review: '审核',
  filing_approval: '立项',
  budget: '预算',
  construction: '建设',
  acceptance: '验收',
  operation: '运行',
  retired: '停用报废',
};

export const ACTION_LABELS: Readonly<Record<GateAction, string>> = {
  register: '录入管理平台、列入系统目录',
  file_review: '备案',
  approve_establishment: '立项',
  allocate_budget: '安排建设投资',
  review_budget: '预算评审',
  procure: '招标采购、签订合同',
  disburse_construction: '拨付建设资金',
  disburse_om: '拨付运维经费',
};
