/**
 * JC — 《晋城市城区加强政务大数据项目建设应用管理制度》(城政办发〔2022〕18号, 2022-07-12).
 *
 * Chain: 区直部门 reports the plan → (standalone big-data project: 区政府常务会) → (outside the
 * district budget: 区财政局 funds-guarantee opinion) → 区行政审批服务管理局 立项备案 → 区财政局
 * budget review; procurement only once funds are secured. No filing deadlines in this text.
 */
import type { Rulebook } from '../model.ts';
import type { OperationsRules } from '../operations-model.ts';
import { all, any, happened, isNotTrue, isTrue, notHappened } from '../predicate.ts';
import type { ProgressRules } from '../progress-model.ts';
import { ADMIN_ROLES, articleTable, material } from './common.ts';

const DEPT = { role: 'dept_staff', org: 'jc_department' } as const;
const FINANCE = { role: 'finance_officer', org: 'jc_finance' } as const;
const STANDALONE_BIG_DATA = all(isTrue('isStandaloneBigData'), isNotTrue('higherLevelCoBuild'));

export const JC_RULEBOOK: Rulebook = {
  id: 'JC',
  jurisdictionCode: '140502',
  jurisdictionName: '晋城市城区',
  version: 1,
  effectiveFrom: '2022-07-12',
  name: '晋城市城区政务大数据项目规则集',
  regulation: {
    title: '晋城市城区加强政务大数据项目建设应用管理制度',
    issuer: '晋城市城区人民政府办公室',
    date: '2022-07-12',
    docNumber: '城政办发〔2022〕18号',
  },
  notes: [
    '文本未规定施行日期，以印发日期 2022-07-12 为生效日期。',
    '五.1 原文作“区政府常委会”，按政府议事机构惯例理解为区政府常务会（议），界面显示“区政府常务会”。',
    '本制度未规定合同备案、监理备案、验收期限和验收报告备案期限，故无期限规则。',
  ],
  articles: articleTable([
    ['JC-03', '三'],
    ['JC-04', '四'],
    ['JC-05-1', '五.1'],
    ['JC-05-2', '五.2'],
    ['JC-05-3', '五.3'],
    ['JC-05-4', '五.4'],
    ['JC-05-5', '五.5'],
    ['JC-05-6', '五.6'],
    ['JC-05-7', '五.7'],
    ['JC-06', '六'],
  ]),
  organisations: [
    {
      key: 'jc_department',
      name: '区直部门',
      kind: 'department',
      generic: true,
      terms: [{ term: '项目实施单位', display: '项目实施单位（建设）', articles: ['JC-04'] }],
      articles: ['JC-04'],
    },
    {
      key: 'jc_towns',
      name: '镇（街道）',
      kind: 'department',
      generic: true,
      terms: [],
      articles: ['JC-04'],
    },
    {
      key: 'jc_authority',
      name: '区行政审批服务管理局（区政务信息管理局）',
      kind: 'authority',
      terms: [{ term: '区政务信息管理局', display: '区政务信息管理局', articles: ['JC-04'] }],
      articles: ['JC-04'],
    },
    { key: 'jc_finance', name: '区财政局', kind: 'finance', terms: [], articles: ['JC-04', 'JC-05-2'] },
    {
      key: 'jc_executive_meeting',
      name: '区政府常务会',
      kind: 'leadership_body',
      textWording: '区政府常委会',
      terms: [],
      articles: ['JC-05-1'],
    },
    {
      key: 'jc_experts',
      name: '技术专家',
      kind: 'expert_committee',
      generic: true,
      terms: [],
      articles: ['JC-05-5', 'JC-05-6'],
    },
    {
      key: 'jc_contractor',
      name: '项目实施单位（承建）',
      kind: 'contractor',
      generic: true,
      terms: [{ term: '项目实施单位', display: '项目实施单位（承建）', articles: ['JC-04'] }],
      articles: ['JC-04'],
    },
    {
      key: 'jc_supervisor',
      name: '工程监理单位',
      kind: 'supervisor',
      generic: true,
      terms: [],
      articles: ['JC-05-4'],
    },
  ],
  roles: [
    { code: 'dept_staff', name: '区直部门经办人员', org: 'jc_department', articles: ['JC-04'] },
    { code: 'dept_leader', name: '区直部门项目负责人', org: 'jc_department', articles: ['JC-05-4'] },
    {
      code: 'authority_reviewer',
      name: '区行政审批服务管理局审核人员',
      org: 'jc_authority',
      articles: ['JC-04'],
    },
    {
      code: 'authority_leader',
      name: '区行政审批服务管理局负责人',
      org: 'jc_authority',
      articles: ['JC-04'],
    },
    { code: 'approver', name: '区行政审批服务管理局立项备案人员', org: 'jc_authority', articles: ['JC-04'] },
    { code: 'finance_officer', name: '区财政局经办人员', org: 'jc_finance', articles: ['JC-04'] },
    { code: 'leadership_body', name: '区政府常务会', org: 'jc_executive_meeting', articles: ['JC-05-1'] },
    { code: 'expert', name: '技术专家', org: 'jc_experts', articles: ['JC-05-5', 'JC-05-6'] },
    { code: 'contractor', name: '项目实施单位（承建）', org: 'jc_contractor', articles: ['JC-04'] },
    { code: 'supervisor', name: '工程监理单位', org: 'jc_supervisor', articles: ['JC-05-4'] },
    { code: 'third_party_evaluator', name: '第三方评估机构', articles: [] },
    ...ADMIN_ROLES,
  ],
  workflow: {
    start: ['jc.application.submit'],
    stages: [
      {
        code: 'application',
        name: '申报',
        steps: [
          {
            id: 'jc.application.submit',
            name: '报送涉及政务信息系统建设的规划，申请立项备案',
            summary: 'Departments and towns report plans that involve information systems for 立项备案.',
            actor: DEPT,
            articles: ['JC-05-2', 'JC-04'],
            outcomes: [{ event: 'submitted', name: '已报送', next: ['jc.review.executive_meeting'] }],
            materials: [
              material(
                'project_plan',
                '项目规划（建设方案）',
                'required',
                ['JC-05-2'],
                'The plan involving information systems is what is reported for 立项备案.',
              ),
            ],
          },
        ],
      },
      {
        code: 'review',
        name: '审核',
        steps: [
          {
            id: 'jc.review.executive_meeting',
            name: '区政府常务会研究批准（区级单位单独建设政务大数据项目）',
            summary: 'A district unit’s standalone big-data project needs the executive meeting’s approval.',
            actor: { role: 'leadership_body', org: 'jc_executive_meeting' },
            articles: ['JC-05-1'],
            condition: STANDALONE_BIG_DATA,
            outcomes: [
              { event: 'consent_given', name: '研究批准', next: ['jc.review.finance_opinion'] },
              { event: 'consent_refused', name: '不予批准', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'jc.review.finance_opinion',
            name: '区财政局出具资金保障意见（未纳入区级财政预算的项目）',
            summary:
              'A project outside the district budget needs the finance bureau’s funds-guarantee opinion.',
            actor: FINANCE,
            articles: ['JC-05-2'],
            condition: isNotTrue('inDistrictBudget'),
            outcomes: [
              {
                event: 'finance_opinion_issued',
                name: '已出具资金保障意见',
                next: ['jc.filing_approval.establishment'],
              },
              {
                // Not a refusal of the project: 五.2 "一般不予立项" leaves the decision to the 立项 body.
                event: 'finance_guarantee_refused',
                name: '不予资金保障',
                next: ['jc.filing_approval.establishment'],
              },
            ],
            materials: [],
          },
        ],
      },
      {
        code: 'filing_approval',
        name: '立项备案',
        steps: [
          {
            id: 'jc.filing_approval.establishment',
            name: '区行政审批服务管理局立项备案',
            summary: 'The district authority files (establishes) the project.',
            actor: { role: 'approver', org: 'jc_authority' },
            articles: ['JC-04', 'JC-05-1', 'JC-05-2'],
            action: 'approve_establishment',
            // 四.1 立项备案 is the 区行政审批服务管理局's: it finds the facts of 五.1/五.2 and may
            // override the applicant's declarations, each with a reason.
            findings: [
              'conflictsWithSharingPolicy',
              'packagedInOtherProject',
              'interoperable',
              'isStandaloneBigData',
              'higherLevelCoBuild',
              'inDistrictBudget',
              'financeGuaranteeOverruled',
            ],
            outcomes: [
              { event: 'establishment_approved', name: '予以立项备案', next: ['jc.budget.review'] },
              { event: 'establishment_refused', name: '不予立项', next: [], result: 'refused' },
            ],
            materials: [
              material(
                'executive_meeting_approval',
                '区政府常务会研究批准意见',
                'conditional',
                ['JC-05-1'],
                'Standalone big-data projects attach the executive meeting’s approval.',
                STANDALONE_BIG_DATA,
              ),
              material(
                'finance_guarantee_opinion',
                '区级财政部门资金保障意见',
                'conditional',
                ['JC-05-2'],
                'Projects outside the district budget attach the funds-guarantee opinion, unless finance gave its opinion on the platform or the 立项 body overruled its absence with a reason.',
                all(
                  isNotTrue('inDistrictBudget'),
                  notHappened('finance_opinion_issued'),
                  notHappened('finance_guarantee_refused'),
                  isNotTrue('financeGuaranteeOverruled'),
                ),
              ),
            ],
          },
        ],
      },
      {
        code: 'budget',
        name: '预算',
        steps: [
          {
            id: 'jc.budget.review',
            name: '区财政局资金预算和评审，落实项目资金',
            summary: 'The finance bureau budgets and reviews; funds must be secured before procurement.',
            actor: FINANCE,
            articles: ['JC-04', 'JC-05-2'],
            action: 'allocate_budget',
            outcomes: [
              { event: 'funds_arranged', name: '资金已落实', next: ['jc.construction.procurement'] },
            ],
            materials: [],
          },
        ],
      },
      {
        code: 'construction',
        name: '建设',
        steps: [
          {
            id: 'jc.construction.procurement',
            name: '确定项目负责人，按过审方案招标采购并签订合同',
            summary:
              'A named project leader; bidding, procurement, supervision and contracts per the approved plan.',
            actor: DEPT,
            articles: ['JC-05-4', 'JC-05-2'],
            action: 'procure',
            outcomes: [{ event: 'contract_signed', name: '已签订合同', next: ['jc.construction.build'] }],
            materials: [],
          },
          {
            id: 'jc.construction.build',
            name: '项目建设（项目实施单位承建），区直部门登记项目建成',
            summary:
              'The implementing unit builds the project (四.4); the 区直部门, itself the 项目实施单位 of 四.3 and bound to the project, records its completion.',
            actor: DEPT,
            articles: ['JC-04', 'JC-05-4'],
            outcomes: [{ event: 'construction_completed', name: '项目建成', next: ['jc.acceptance.accept'] }],
            materials: [],
          },
        ],
      },
      {
        code: 'acceptance',
        name: '验收',
        steps: [
          {
            id: 'jc.acceptance.accept',
            name: '协同相关部门或技术专家验收',
            summary:
              'Acceptance with related departments or experts; data shared and stored locally afterwards.',
            actor: DEPT,
            articles: ['JC-05-6'],
            outcomes: [{ event: 'acceptance_passed', name: '验收通过', next: [] }],
            materials: [
              material(
                'acceptance_opinion',
                '相关部门或技术专家验收意见',
                'required',
                ['JC-05-6'],
                'Acceptance is made with related departments or technical experts.',
              ),
              material(
                'data_landing',
                '数据开放共享和数据落盘情况（确保数据落盘）',
                'required',
                ['JC-05-6'],
                'After acceptance the data must be shared openly and stored locally (确保数据落盘).',
              ),
            ],
          },
        ],
      },
    ],
  },
  deadlines: [],
  scope: {
    excludesClassified: true,
    classifiedRefusal:
      '本制度一般适用于区本级使用财政性资金的非涉密政务大数据建设项目（三）。涉密项目请按国家保密管理规定，报本单位保密工作机构和区保密行政管理部门办理，不在本平台立项备案。',
    articles: ['JC-03'],
    summary: 'The district rules cover non-classified projects only.',
  },
  catalog: {
    governmentClouds: ['city_cloud', 'district_cloud'],
    cloudArticles: [],
    summary: 'The JC text sets no catalog rule for clouds or dedicated networks.',
  },
  requiredFields: [
    {
      field: 'projectOwner',
      message: '请确定项目负责人（五.4：项目实施单位应建立健全项目责任制，确定项目负责人）',
      articles: ['JC-05-4'],
      summary: 'The implementing unit names the project leader.',
    },
  ],
  gates: [
    {
      id: 'jc.gate.sharing_policy',
      name: '不得违背共享和集约化建设政策',
      actions: ['approve_establishment'],
      passWhen: isNotTrue('conflictsWithSharingPolicy'),
      severity: 'block',
      strength: 'absolute',
      reason: '与国家、省、市、区政务资源共享和集约化建设相关政策相违背的，不予立项。',
      articles: ['JC-05-1'],
      summary: 'Projects against sharing and intensive-construction policy are not established.',
    },
    {
      id: 'jc.gate.standalone_big_data',
      name: '单独建设政务大数据项目须经区政府常务会批准',
      actions: ['approve_establishment'],
      appliesWhen: STANDALONE_BIG_DATA,
      passWhen: happened('consent_given', 'jc.review.executive_meeting'),
      severity: 'block',
      strength: 'softened',
      reason:
        '除上级要求配合建设外，区级单位原则上不单独建设政务大数据项目；确因工作需要的，应经区政府常务会研究批准后实施。',
      articles: ['JC-05-1'],
      summary: 'A standalone district big-data project needs the executive meeting’s approval.',
    },
    {
      id: 'jc.gate.interoperability',
      name: '须能互联互通、信息共享、业务协同',
      actions: ['approve_establishment', 'procure'],
      passWhen: isTrue('interoperable'),
      severity: 'block',
      strength: 'absolute',
      reason: '无法实现互联互通、信息共享、业务协同的信息系统，不得建设。',
      articles: ['JC-05-1'],
      summary: 'Systems that cannot interconnect and share must not be built.',
    },
    {
      id: 'jc.gate.sharing_om',
      name: '须按要求共享数据方可拨付运维经费',
      actions: ['disburse_om'],
      passWhen: isTrue('sharingCompliant'),
      severity: 'block',
      strength: 'absolute',
      reason: '未按要求进行业务协同和数据共享的政务大数据项目，不再拨付运维经费。',
      articles: ['JC-05-1'],
      summary: 'No O&M funds without the required sharing.',
    },
    {
      id: 'jc.gate.no_build_before_approval',
      name: '不得未批先建',
      actions: ['procure', 'disburse_construction'],
      passWhen: happened('establishment_approved'),
      severity: 'block',
      strength: 'absolute',
      reason: '项目尚未经区行政审批服务管理局立项备案，不得未批先建。',
      articles: ['JC-05-1'],
      summary: 'No procurement or construction funds before 立项备案.',
    },
    {
      id: 'jc.gate.no_disguised_packaging',
      name: '不得变相包装',
      actions: ['approve_establishment', 'allocate_budget'],
      passWhen: isNotTrue('packagedInOtherProject'),
      severity: 'block',
      strength: 'absolute',
      reason: '不得将政务大数据项目变相包装或纳入其他项目进行建设。',
      articles: ['JC-05-1'],
      summary: 'A big-data project disguised inside another project is not established or funded.',
    },
    {
      id: 'jc.gate.finance_guarantee',
      name: '须纳入区级财政预算或有资金保障意见',
      actions: ['approve_establishment'],
      passWhen: any(
        isTrue('inDistrictBudget'),
        all(
          any(isTrue('financeGuaranteeOpinion'), happened('finance_opinion_issued')),
          notHappened('finance_guarantee_refused'),
        ),
        isTrue('financeGuaranteeOverruled'),
      ),
      severity: 'block',
      strength: 'softened',
      reason:
        '未纳入区级财政预算或无区级财政部门资金保障意见的，一般不予立项；确需立项的，立项备案机关须记录理由。',
      articles: ['JC-05-2'],
      summary:
        'Without district budget or a finance guarantee opinion the project is generally not established.',
    },
    {
      id: 'jc.gate.funds_secured',
      name: '落实项目资金后方可招标采购',
      actions: ['procure'],
      passWhen: any(isTrue('fundsSecured'), happened('funds_arranged')),
      severity: 'block',
      strength: 'absolute',
      reason: '项目资金尚未落实，不得办理招标投标、政府采购等手续。',
      articles: ['JC-05-2'],
      summary: 'Bidding and procurement only after the funds are secured.',
    },
    {
      id: 'jc.gate.rectification',
      name: '拒不整改或整改不合格暂停拨付',
      actions: ['disburse_construction', 'disburse_om'],
      passWhen: all(
        isNotTrue('rectificationRefused'),
        isNotTrue('rectificationFailed'),
        notHappened('terminated'),
      ),
      severity: 'block',
      strength: 'absolute',
      reason: '项目拒不整改或整改后仍不符合要求，暂停拨付项目建设和运维资金，直至终止项目。',
      articles: ['JC-05-7'],
      summary: 'Refused or failed rectification suspends funds, up to termination.',
    },
    {
      id: 'jc.gate.cobuild_share',
      name: '协同建设项目区级承担的资金列入本级预算',
      actions: ['review_budget'],
      appliesWhen: isTrue('higherLevelCoBuild'),
      passWhen: isTrue('districtShareBudgeted'),
      severity: 'block',
      strength: 'absolute',
      reason:
        '由省、市、区协同建设的政务大数据项目，须根据事权划分确定区级承担的建设资金和运维经费，并列入本级财政预算。',
      articles: ['JC-05-3'],
      summary: 'A co-built project states the district’s share, carried by the district budget.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Operations and security records (issue 15, src/operations) — kept apart from the plan → 立项 rules
// above. Intervals of 测评/密评 follow the national schemes the texts defer to (定期评估).

export const JC_OPERATIONS: OperationsRules = {
  articles: ['JC-06'],
  mlpsIntervalMonths: { 1: null, 2: 24, 3: 12, 4: 6, 5: 6 },
  cryptoIntervalMonths: 12,
  riskIntervalMonths: 12,
  drillIntervalMonths: 12,
  assessmentArticles: ['JC-06'],
  riskAssessmentJoint: {
    contractorRequired: false,
    articles: ['JC-06'],
    wording: '项目实施单位依法依规加强政务信息资源全过程管理',
  },
  emergencyPlanJoint: {
    contractorRequired: false,
    articles: ['JC-06'],
    wording: '项目实施单位制定政务大数据安全事件应急预案',
  },
  incident: {
    articles: ['JC-06'],
    reportTo: '按国家有关规定报告（城区办法未另行规定）',
    authorityFiling: null,
    liability: null,
  },
  dataResponsibility: {
    articles: ['JC-06'],
    principle: '谁主管、谁提供、谁负责；谁经手、谁使用、谁管理、谁负责',
    required: ['provider'],
  },
  cloud: {
    articles: ['JC-05-1'],
    countedDeployments: ['city_cloud', 'district_cloud'],
    exemptionGrounds: ['legal', 'secrecy'],
    omHandover: { required: false, articles: [], wording: '' },
  },
  internalRules: null,
  baseLibraries: null,
  dailyMonitoring: null,
  industryClouds: null,
};

// ---------------------------------------------------------------------------------------------
// Progress reports and adjustment applications (issue 12, src/progress). The text says only 定期:
// the period (monthly) and the report's due date (5 working days after the period) are the
// platform's default reading (src/rules/README.md), changeable here per rulebook.

export const JC_PROGRESS: ProgressRules = {
  reports: {
    articles: ['JC-05-5'],
    reporter: { org: 'jc_department', roles: ['dept_staff'], name: '项目实施单位（区直部门）' },
    periodMonths: 1,
    periodFromText: false,
    obligation: false,
    dueWorkingDays: 5,
    wording: '文件未规定定期填报进展；平台按默认周期记录进展，便于对照分析（解读）',
  },
  changes: {
    articles: ['JC-05-5'],
    order: 'decide_then_evaluate',
    applicant: { org: 'jc_department', roles: ['dept_staff'], name: '项目实施单位（区直部门）' },
    evaluator: {
      org: 'jc_department',
      roles: ['dept_staff', 'dept_leader'],
      name: '项目实施单位协同各相关部门或技术专家',
    },
    decider: {
      org: 'jc_authority',
      roles: ['authority_reviewer', 'authority_leader', 'approver'],
      name: '区行政审批服务管理局（区政务信息管理局）',
    },
    evaluationParticipants: true,
    wording:
      '建设条件、建设内容发生重大变化时向区行政审批服务管理局提交调整申请，申请通过后协同各相关部门或技术专家综合评估（五.5）',
  },
};
