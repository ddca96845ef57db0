/**
 * XZ — 《忻州市交通运输局政务信息化项目建设应用管理办法》(忻交发〔2022〕81号, 2022-05-16).
 *
 * Here the 市交通运输数据中心 is the department side (it prepares, contracts and files, with the
 * 项目提出单位 / 项目使用单位) and also the first reviewer; 项目建设单位 is the contractor.
 * Chain (第七条, 第十条, 第十一条 read together): 数据中心 review → 局党组 consent → 市政务信息管理局
 * 审查 (unplanned: 前置审查; it can refuse or return) → 市政府 consent → 市政务信息管理局 批复立项.
 * A new 业务专网 needs 市政务信息管理局 and then 市政府 (第十条). 局党组 consents at each key step:
 * plan, application, supervisor, acceptance report and every disbursement.
 */

import type { EvaluationRules } from '../evaluation-model.ts';
import type { Rulebook } from '../model.ts';
import type { OperationsRules } from '../operations-model.ts';
import { all, any, eachFollowedBy, happened, isNotTrue, isTrue, notHappened } from '../predicate.ts';
import type { ProgressRules } from '../progress-model.ts';
import { ADMIN_ROLES, articleTable, jointPlan, material, multiYearBudget, UNPLANNED } from './common.ts';

const DATA_CENTER = { role: 'dept_staff', org: 'xz_data_center' } as const;
const PARTY_GROUP = { role: 'leadership_body', org: 'xz_party_group' } as const;
const CITY_AUTHORITY = { role: 'authority_reviewer', org: 'xz_city_authority' } as const;
const CITY_GOVERNMENT = { role: 'leadership_body', org: 'xz_city_government' } as const;
const FINANCE = { role: 'finance_officer', org: 'xz_finance_section' } as const;

export const XZ_RULEBOOK: Rulebook = {
  id: 'XZ',
  jurisdictionCode: '140900',
  jurisdictionName: '忻州市交通运输局',
  version: 1,
  effectiveFrom: '2022-05-16',
  name: '忻州市交通运输局政务信息化项目规则集',
  regulation: {
    title: '忻州市交通运输局政务信息化项目建设应用管理办法',
    issuer: '忻州市交通运输局',
    date: '2022-05-16',
    docNumber: '忻交发〔2022〕81号',
  },
  notes: [
    '第三十四条：本办法自印发之日起施行（2022年5月16日印发）。',
    '所存文本缺第九条（第八条后即为第十条）。',
    '第七条称市政务信息管理局“审批立项”，第十条称“报市政务信息管理局审查，报市政府同意后批复”，第十一条称“通过市政务信息管理局备案的项目”：三条合读，市政务信息管理局审查（可不予通过或退回），市政府同意，再由市政务信息管理局批复立项。',
  ],
  articles: articleTable([
    ['XZ-02', '第二条'],
    ['XZ-05a', '第五条'],
    ['XZ-05b', '第五条'],
    ['XZ-06', '第六条'],
    ['XZ-07', '第七条'],
    ['XZ-08a', '第八条'],
    ['XZ-08b', '第八条'],
    ['XZ-10a', '第十条'],
    ['XZ-10b', '第十条'],
    ['XZ-11', '第十一条'],
    ['XZ-12', '第十二条'],
    ['XZ-14', '第十四条'],
    ['XZ-16', '第十六条'],
    ['XZ-17', '第十七条'],
    ['XZ-19', '第十九条'],
    ['XZ-20', '第二十条'],
    ['XZ-21', '第二十一条'],
    ['XZ-22', '第二十二条'],
    ['XZ-23', '第二十三条'],
    ['XZ-24', '第二十四条'],
    ['XZ-25', '第二十五条'],
    ['XZ-26', '第二十六条'],
    ['XZ-28', '第二十八条'],
    ['XZ-30', '第三十条'],
    ['XZ-31', '第三十一条'],
    ['XZ-32', '第三十二条'],
  ]),
  organisations: [
    {
      key: 'xz_data_center',
      name: '市交通运输数据中心',
      kind: 'data_center',
      terms: [{ term: '实施单位', display: '实施单位（市交通运输数据中心）', articles: ['XZ-05a'] }],
      articles: ['XZ-05a'],
    },
    {
      key: 'xz_user_unit',
      name: '项目使用单位',
      kind: 'department',
      generic: true,
      terms: [
        { term: '项目提出单位', display: '项目提出单位', articles: ['XZ-07', 'XZ-08a'] },
        { term: '局机关各科室、局属各单位', display: '局机关各科室、局属各单位', articles: ['XZ-02'] },
      ],
      articles: ['XZ-26', 'XZ-31'],
    },
    {
      key: 'xz_party_group',
      name: '局党组',
      kind: 'leadership_body',
      terms: [],
      articles: ['XZ-05a', 'XZ-05b'],
    },
    {
      key: 'xz_finance_section',
      name: '市交通运输局财务科',
      kind: 'finance',
      terms: [{ term: '财务科', display: '财务科', articles: ['XZ-05a', 'XZ-11'] }],
      articles: ['XZ-05a', 'XZ-11'],
    },
    { key: 'xz_city_finance', name: '市财政局', kind: 'finance', terms: [], articles: ['XZ-05a', 'XZ-11'] },
    {
      key: 'xz_city_authority',
      name: '市政务信息管理局',
      kind: 'authority',
      terms: [],
      articles: ['XZ-06', 'XZ-07', 'XZ-10a', 'XZ-14'],
    },
    {
      key: 'xz_city_government',
      name: '市政府',
      kind: 'leadership_body',
      terms: [],
      articles: ['XZ-10a', 'XZ-10b'],
    },
    {
      key: 'xz_contractor',
      name: '项目建设单位（承建）',
      kind: 'contractor',
      generic: true,
      terms: [{ term: '项目建设单位', display: '项目建设单位（承建）', articles: ['XZ-12'] }],
      articles: ['XZ-12'],
    },
    {
      key: 'xz_supervisor',
      name: '项目监理单位',
      kind: 'supervisor',
      generic: true,
      terms: [],
      articles: ['XZ-17'],
    },
    {
      key: 'xz_evaluator',
      name: '第三方评估机构',
      kind: 'evaluator',
      generic: true,
      terms: [],
      articles: ['XZ-26'],
    },
  ],
  roles: [
    {
      code: 'dept_staff',
      name: '市交通运输数据中心（项目使用单位）经办人员',
      org: 'xz_data_center',
      articles: ['XZ-05a', 'XZ-07'],
    },
    { code: 'dept_leader', name: '市交通运输数据中心负责人', org: 'xz_data_center', articles: ['XZ-05a'] },
    {
      code: 'authority_reviewer',
      name: '审核人员（市交通运输数据中心、市政务信息管理局）',
      org: 'xz_data_center',
      articles: ['XZ-10a'],
    },
    {
      code: 'authority_leader',
      name: '市政务信息管理局负责人',
      org: 'xz_city_authority',
      articles: ['XZ-10a'],
    },
    { code: 'approver', name: '市政务信息管理局立项审批人员', org: 'xz_city_authority', articles: ['XZ-07'] },
    { code: 'finance_officer', name: '财务科经办人员', org: 'xz_finance_section', articles: ['XZ-05a'] },
    {
      code: 'leadership_body',
      name: '局党组、市政府',
      org: 'xz_party_group',
      articles: ['XZ-05a', 'XZ-10a'],
    },
    { code: 'expert', name: '评审专家', articles: [] },
    { code: 'contractor', name: '项目建设单位（承建）', org: 'xz_contractor', articles: ['XZ-12'] },
    { code: 'supervisor', name: '项目监理单位', org: 'xz_supervisor', articles: ['XZ-17'] },
    { code: 'third_party_evaluator', name: '第三方评估机构', org: 'xz_evaluator', articles: ['XZ-26'] },
    ...ADMIN_ROLES,
  ],
  workflow: {
    start: ['xz.plan.register'],
    stages: [
      {
        code: 'plan',
        name: '规划',
        steps: [
          {
            id: 'xz.plan.register',
            name: '完善政务信息系统目录，列入项目所涉系统',
            summary:
              'The data center lists all systems of a new project in the system catalog before approval.',
            actor: DATA_CENTER,
            articles: ['XZ-08a'],
            action: 'register',
            outcomes: [{ event: 'registered', name: '已列入目录', next: ['xz.application.prepare'] }],
            materials: [],
          },
        ],
      },
      {
        code: 'application',
        name: '申报',
        steps: [
          {
            id: 'xz.application.prepare',
            name: '与项目提出单位共商编制申请材料',
            summary:
              'Data center and requesting unit prepare the materials per the city’s preparation norms.',
            actor: DATA_CENTER,
            articles: ['XZ-07', 'XZ-08a'],
            outcomes: [{ event: 'submitted', name: '已提交', next: ['xz.review.data_center'] }],
            materials: [
              material(
                'proposal',
                '项目建议书',
                'required',
                ['XZ-07'],
                'Proposal per 忻数政办发〔2021〕4号.',
              ),
              material(
                'feasibility_study',
                '可行性研究报告',
                'required',
                ['XZ-07'],
                'Feasibility study per the norms.',
              ),
              material(
                'preliminary_design',
                '初步设计',
                'required',
                ['XZ-07'],
                'Preliminary design per the norms.',
              ),
              material(
                'cost_estimate',
                '投资概算',
                'required',
                ['XZ-07'],
                'Investment estimate per the norms.',
              ),
              material(
                'resource_catalog',
                '信息资源目录（明确数据来源、格式、更新、共享和开放属性，梳理数据库目录）',
                'required',
                ['XZ-08a'],
                'The resource catalog is a required approval document.',
              ),
              multiYearBudget(['XZ-07']),
              jointPlan(['XZ-07']),
            ],
          },
        ],
      },
      {
        code: 'review',
        name: '审核',
        steps: [
          {
            id: 'xz.review.data_center',
            name: '市交通运输数据中心从五个方面全面审核，提出审核意见',
            summary:
              'The data center reviews the five dimensions (and, if unplanned, integration and sharing).',
            actor: { role: 'authority_reviewer', org: 'xz_data_center' },
            articles: ['XZ-10a', 'XZ-10b'],
            outcomes: [
              { event: 'review_completed', name: '提出审核意见', next: ['xz.review.party_consent'] },
            ],
            materials: [],
          },
          {
            id: 'xz.review.party_consent',
            name: '报局党组同意',
            summary: 'The bureau’s party group consents before the project goes to the city.',
            actor: PARTY_GROUP,
            articles: ['XZ-07', 'XZ-10a'],
            outcomes: [
              { event: 'consent_given', name: '局党组同意', next: ['xz.review.city_review'] },
              { event: 'consent_refused', name: '局党组不同意', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'xz.review.city_review',
            name: '报市政务信息管理局审查',
            summary: 'The city authority reviews a planned project; it can pass, refuse or return it.',
            actor: CITY_AUTHORITY,
            articles: ['XZ-10a', 'XZ-07'],
            condition: isTrue('planned'),
            outcomes: [
              { event: 'review_completed', name: '审查通过', next: ['xz.review.city_pre_review'] },
              { event: 'filing_refused', name: '审查不予通过', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'xz.review.city_pre_review',
            name: '报市政务信息管理局前置审查（未纳入规划的项目）',
            summary: 'An unplanned project gets the city authority’s pre-review.',
            actor: CITY_AUTHORITY,
            articles: ['XZ-10b'],
            condition: UNPLANNED,
            outcomes: [
              { event: 'pre_review_passed', name: '前置审查通过', next: ['xz.review.network_authority'] },
              { event: 'pre_review_failed', name: '前置审查未通过', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'xz.review.network_authority',
            name: '新建业务专网报市政务信息管理局',
            summary:
              'A new dedicated network goes first to the city authority (then to the city government).',
            actor: CITY_AUTHORITY,
            articles: ['XZ-10b'],
            condition: isTrue('hasDedicatedNetwork'),
            outcomes: [
              { event: 'consent_given', name: '同意报市政府', next: ['xz.review.network_consent'] },
              { event: 'consent_refused', name: '不同意新建业务专网', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'xz.review.network_consent',
            name: '新建业务专网经市政府同意',
            summary: 'After the city authority, the city government consents to the dedicated network.',
            actor: CITY_GOVERNMENT,
            articles: ['XZ-10b'],
            condition: isTrue('hasDedicatedNetwork'),
            outcomes: [
              {
                event: 'consent_given',
                name: '同意新建业务专网',
                next: ['xz.review.city_government'],
              },
              { event: 'consent_refused', name: '不同意新建业务专网', next: [], result: 'refused' },
            ],
            materials: [
              material(
                'network_legal_basis',
                '新建业务专网的国家相关规定依据',
                'required',
                ['XZ-10b'],
                'The national rule that requires the dedicated network.',
              ),
            ],
          },
          {
            id: 'xz.review.city_government',
            name: '报市政府同意',
            summary: 'After the city authority’s review the city government consents (unplanned: 批准).',
            actor: CITY_GOVERNMENT,
            articles: ['XZ-10a', 'XZ-10b'],
            outcomes: [
              { event: 'consent_given', name: '市政府同意', next: ['xz.filing_approval.establishment'] },
              { event: 'consent_refused', name: '市政府不同意', next: [], result: 'refused' },
            ],
            materials: [],
          },
        ],
      },
      {
        code: 'filing_approval',
        name: '立项',
        steps: [
          {
            id: 'xz.filing_approval.establishment',
            name: '市政务信息管理局批复立项',
            summary:
              'With the city government’s consent, the city authority approves the project (批复立项, 第七条; 备案, 第十一条).',
            actor: { role: 'approver', org: 'xz_city_authority' },
            articles: ['XZ-07', 'XZ-10a', 'XZ-11'],
            action: 'approve_establishment',
            outcomes: [
              { event: 'establishment_approved', name: '批复立项', next: ['xz.budget.review'] },
              { event: 'establishment_refused', name: '不予立项', next: [], result: 'refused' },
            ],
            materials: [],
          },
        ],
      },
      {
        code: 'budget',
        name: '预算',
        steps: [
          {
            id: 'xz.budget.review',
            name: '财务科预算审定',
            summary: 'The finance section fixes the budget of projects filed with the city authority.',
            actor: FINANCE,
            articles: ['XZ-11', 'XZ-05a'],
            action: 'allocate_budget',
            outcomes: [{ event: 'budget_decided', name: '预算已审定', next: ['xz.budget.report'] }],
            materials: [],
          },
          {
            id: 'xz.budget.report',
            name: '预算上报市财政局列入财政预算',
            summary: 'The fixed budget is reported to the city finance bureau.',
            actor: FINANCE,
            articles: ['XZ-11', 'XZ-05a'],
            outcomes: [{ event: 'budget_reported', name: '已上报', next: ['xz.construction.contract'] }],
            materials: [],
          },
        ],
      },
      {
        code: 'construction',
        name: '建设',
        steps: [
          {
            id: 'xz.construction.contract',
            name: '竞争确定项目建设单位（承建），受局委托签订建设合同',
            summary: 'The data center contracts the contractor, fixing system ownership and deliverables.',
            actor: DATA_CENTER,
            articles: ['XZ-12'],
            action: 'procure',
            outcomes: [
              {
                event: 'contract_signed',
                name: '已签订合同',
                next: [
                  'xz.construction.contract_filing',
                  'xz.construction.supervisor_consent',
                  'xz.construction.deliverables',
                  'xz.construction.build',
                ],
              },
            ],
            materials: [
              material(
                'contract_text',
                '项目建设合同（明确系统所有权及提交成果）',
                'required',
                ['XZ-12'],
                'The contract states system ownership and the deliverables.',
              ),
            ],
          },
          {
            id: 'xz.construction.contract_filing',
            name: '合同文本报市政务信息管理局备案',
            summary: 'The contract is filed with the city authority within 5 working days of signing.',
            actor: DATA_CENTER,
            articles: ['XZ-14'],
            outcomes: [{ event: 'contract_filed', name: '合同已备案', next: [] }],
            materials: [],
          },
          {
            id: 'xz.construction.supervisor_consent',
            name: '确定项目监理单位并报局党组同意',
            summary: 'The supervisor chosen by market mechanism needs the party group’s consent.',
            actor: PARTY_GROUP,
            articles: ['XZ-17'],
            outcomes: [
              { event: 'consent_given', name: '局党组同意', next: ['xz.construction.supervisor_filing'] },
              { event: 'consent_refused', name: '局党组不同意', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'xz.construction.supervisor_filing',
            name: '项目监理单位报市政务信息管理局备案',
            summary: 'The supervisor is filed with the city authority.',
            actor: DATA_CENTER,
            articles: ['XZ-17'],
            outcomes: [{ event: 'supervisor_filed', name: '监理单位已备案', next: [] }],
            materials: [],
          },
          {
            id: 'xz.construction.deliverables',
            name: '提交成果（设计文件、源代码、测试文档等）',
            summary: 'The contractor hands over design documents, source code and test documents.',
            actor: { role: 'contractor', org: 'xz_contractor' },
            articles: ['XZ-12'],
            outcomes: [{ event: 'deliverables_submitted', name: '成果已提交', next: [] }],
            materials: [
              material('design_documents', '设计文件', 'required', ['XZ-12'], 'Design documents.'),
              material('source_code', '源代码', 'required', ['XZ-12'], 'Source code.'),
              material('test_documents', '测试文档', 'required', ['XZ-12'], 'Test documents.'),
            ],
          },
          {
            id: 'xz.construction.build',
            name: '组织建设并在市政务信息化项目管理平台填报进展',
            summary:
              'The data center reports progress in the city platform; major changes need an application.',
            actor: DATA_CENTER,
            articles: ['XZ-16'],
            outcomes: [{ event: 'construction_completed', name: '项目建成', next: ['xz.acceptance.accept'] }],
            materials: [],
          },
        ],
      },
      {
        code: 'acceptance',
        name: '验收',
        steps: [
          {
            id: 'xz.acceptance.accept',
            name: '组织竣工验收',
            summary: 'Completion acceptance, including the resource catalog and controllable products.',
            actor: DATA_CENTER,
            articles: ['XZ-19', 'XZ-20'],
            outcomes: [
              { event: 'acceptance_passed', name: '验收通过', next: ['xz.acceptance.report_consent'] },
            ],
            materials: [
              material(
                'resource_catalog_registration',
                '项目信息资源目录纳入共享平台目录管理系统的情况',
                'required',
                ['XZ-19'],
                'Registering the resource catalog in the sharing platform is an acceptance item.',
              ),
              material(
                'security_controllability',
                '软硬件产品安全可控情况（自主可控关键产品）',
                'required',
                ['XZ-20'],
                'Security controllability of key products is an acceptance item.',
              ),
            ],
          },
          {
            id: 'xz.acceptance.report_consent',
            name: '竣工验收报告报局党组同意',
            summary: 'The acceptance report needs the party group’s consent before filing.',
            actor: PARTY_GROUP,
            articles: ['XZ-21'],
            outcomes: [
              { event: 'consent_given', name: '局党组同意', next: ['xz.acceptance.report_filing'] },
              { event: 'consent_refused', name: '局党组不同意', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'xz.acceptance.report_filing',
            name: '竣工验收报告报市政务信息管理局备案',
            summary: 'The acceptance report is filed within 30 working days of acceptance.',
            actor: DATA_CENTER,
            articles: ['XZ-21'],
            outcomes: [
              {
                event: 'acceptance_report_filed',
                name: '验收报告已备案',
                next: ['xz.operation.self_evaluation', 'xz.operation.assessment'],
              },
            ],
            materials: [
              material('acceptance_report', '竣工验收报告', 'required', ['XZ-21'], 'Acceptance report.'),
            ],
          },
        ],
      },
      {
        code: 'operation',
        name: '运行',
        steps: [
          {
            id: 'xz.operation.self_evaluation',
            name: '项目自评价，报送市政务信息管理局',
            summary:
              'After each budget year the data center self-evaluates and reports to the city authority.',
            actor: DATA_CENTER,
            articles: ['XZ-22'],
            recurring: true,
            outcomes: [{ event: 'self_evaluation_submitted', name: '已报送自评价报告', next: [] }],
            materials: [],
          },
          {
            id: 'xz.operation.assessment',
            name: '日常监督、绩效评价、年度考核和应用效能评估',
            summary: 'The data center supervises, assesses and evaluates the units’ systems.',
            actor: { role: 'authority_reviewer', org: 'xz_data_center' },
            articles: ['XZ-23', 'XZ-25', 'XZ-26'],
            recurring: true,
            outcomes: [{ event: 'evaluation_result_issued', name: '已出具应用评估结果', next: [] }],
            materials: [],
          },
        ],
      },
    ],
  },
  deadlines: [
    {
      id: 'xz.deadline.contract_filing',
      name: '合同备案',
      anchor: { event: 'contract_signed' },
      amount: 5,
      unit: 'working_days',
      obligation: '将合同文本报市政务信息管理局备案',
      owedBy: DATA_CENTER,
      fulfilledBy: ['contract_filed'],
      stepId: 'xz.construction.contract_filing',
      consequence: {
        text: '未备案的项目不得拨付后续建设资金和运行维护经费（第二十一条）。',
        gateId: 'xz.gate.contract_filed',
      },
      articles: ['XZ-14'],
      summary: 'Contract filed with the city authority within 5 working days of signing.',
    },
    {
      id: 'xz.deadline.acceptance_report',
      name: '竣工验收报告备案',
      anchor: { event: 'acceptance_passed' },
      amount: 30,
      unit: 'working_days',
      obligation: '将竣工验收报告经局党组同意后提交市政务信息管理局备案',
      owedBy: DATA_CENTER,
      fulfilledBy: ['acceptance_report_filed'],
      stepId: 'xz.acceptance.report_filing',
      consequence: {
        text: '未备案的项目不得拨付后续建设资金和运行维护经费。',
        gateId: 'xz.gate.acceptance_report',
      },
      articles: ['XZ-21'],
      summary: 'Acceptance report, with party-group consent, filed within 30 working days.',
    },
  ],
  scope: {
    excludesClassified: true,
    classifiedRefusal:
      '本办法所称政务信息化项目是非涉密信息化项目（第二条、第三条）。涉密项目请按国家保密管理规定，报局保密工作机构和市保密行政管理部门办理，不在本平台申报。',
    articles: ['XZ-02'],
    summary: 'The bureau rules cover non-classified projects only (第三条).',
  },
  rectification: {
    orderedBy: PARTY_GROUP,
    ordered: DATA_CENTER,
    articles: ['XZ-24'],
    summary: 'The bureau party group orders the data center to rectify within a time limit (第二十四条).',
  },
  catalog: {
    governmentClouds: ['city_cloud'],
    cloudArticles: ['XZ-28'],
    cloudExemptionGround: { articles: ['XZ-28'] },
    dedicatedNetwork: { consent: '市政务信息管理局并经市政府', articles: ['XZ-10b'] },
    summary:
      'Systems run on the 市级政务云 unless law or secrecy exempts them (第二十八条); a new dedicated network goes to the city authority and the city government (第十条).',
  },
  planning: {
    jurisdictionPlan: [
      {
        id: 'xz.plan_chain.party_group',
        name: '局党组同意',
        org: 'xz_party_group',
        roles: ['leadership_body'],
        level: 'home',
        canRefuse: false,
        articles: ['XZ-06'],
        summary: 'The bureau’s party group consents to the plan the data center compiled.',
      },
      {
        id: 'xz.plan_chain.city_filing',
        name: '市政务信息管理局审查备案',
        org: 'xz_city_authority',
        roles: ['authority_reviewer'],
        level: 'home',
        canRefuse: true,
        articles: ['XZ-06'],
        summary:
          'The city authority reviews and files it (it may refuse or return it); only then is it approved.',
      },
    ],
    summary:
      'The data center’s plan goes to the party group, then to the city authority for review and filing (第六条).',
  },
  requiredFields: [
    {
      field: 'performanceTargets',
      message: '请填写至少一项绩效目标（第十条：审核绩效目标的合理性）',
      articles: ['XZ-10a'],
      summary: 'The data center reviews the performance targets, so the application states them.',
    },
  ],
  gates: [
    {
      id: 'xz.gate.disbursement_basis_construction',
      name: '拨付建设资金须以合同备案为依据',
      actions: ['disburse_construction'],
      passWhen: all(happened('contract_signed'), eachFollowedBy('contract_signed', 'contract_filed')),
      severity: 'block',
      strength: 'absolute',
      reason: '财务科根据项目建设合同备案拨付资金：项目建设合同尚未备案。',
      articles: ['XZ-05b'],
      summary: 'Construction funds are disbursed on the basis of the filed contract.',
    },
    {
      id: 'xz.gate.disbursement_basis_om',
      name: '拨付运维资金须以验收备案和应用评估结果为依据',
      actions: ['disburse_om'],
      passWhen: all(happened('acceptance_report_filed'), happened('evaluation_result_issued')),
      severity: 'block',
      strength: 'absolute',
      reason: '财务科根据竣工验收备案及项目应用评估结果拨付资金：尚无竣工验收备案或应用评估结果。',
      articles: ['XZ-05b'],
      summary: 'O&M funds follow the acceptance filing and the application evaluation result.',
    },
    {
      id: 'xz.gate.disbursement_consent',
      name: '拨付资金须经局党组同意',
      actions: ['disburse_construction', 'disburse_om'],
      passWhen: isTrue('disbursementConsent'),
      severity: 'block',
      strength: 'absolute',
      reason: '资金拨付须报局党组同意。',
      articles: ['XZ-05b'],
      summary: 'Every disbursement needs the party group’s consent.',
    },
    {
      id: 'xz.gate.resource_catalog',
      name: '信息资源目录是审批要件',
      actions: ['approve_establishment'],
      passWhen: isTrue('resourceCatalogProvided'),
      severity: 'block',
      strength: 'absolute',
      reason: '信息资源目录是政务信息化建设项目的规划审批要件，未提交的不予审批。',
      articles: ['XZ-08a'],
      summary: 'No approval without the information resource catalog.',
    },
    {
      id: 'xz.gate.system_catalog',
      name: '所涉信息系统须列入目录',
      actions: [
        'register',
        'approve_establishment',
        'allocate_budget',
        'disburse_construction',
        'disburse_om',
      ],
      passWhen: isTrue('systemsInCatalog'),
      severity: 'block',
      strength: 'absolute',
      reason: '项目涉及的信息系统未全部列入目录，不予审批项目，不予安排建设投资，不予安排运维资金。',
      articles: ['XZ-08a'],
      summary: 'Systems not listed in the catalog get no approval, investment or O&M funds.',
    },
    {
      id: 'xz.gate.no_build_before_approval',
      name: '不得未批先建',
      actions: ['procure', 'disburse_construction'],
      passWhen: happened('establishment_approved'),
      severity: 'block',
      strength: 'absolute',
      reason: '项目尚未经市政务信息管理局批复立项，不得未批先建。',
      articles: ['XZ-08a'],
      summary: 'No procurement or construction funds before establishment.',
    },
    {
      id: 'xz.gate.no_disguised_packaging',
      name: '不得变相包装',
      actions: ['approve_establishment', 'allocate_budget'],
      passWhen: isNotTrue('packagedInOtherProject'),
      severity: 'block',
      strength: 'absolute',
      reason: '不得将信息化项目变相包装或纳入其他项目进行建设。',
      articles: ['XZ-08a'],
      summary: 'An IT project disguised inside another project is not approved or funded.',
    },
    {
      id: 'xz.gate.review_chain',
      name: '须经数据中心审核、局党组同意和市政务信息管理局审查',
      actions: ['approve_establishment'],
      appliesWhen: isTrue('planned'),
      passWhen: all(
        happened('review_completed', 'xz.review.data_center'),
        happened('consent_given', 'xz.review.party_consent'),
        happened('review_completed', 'xz.review.city_review'),
        happened('consent_given', 'xz.review.city_government'),
      ),
      severity: 'block',
      strength: 'absolute',
      reason: '批复立项须经市交通运输数据中心审核、局党组同意、市政务信息管理局审查和市政府同意。',
      articles: ['XZ-10a'],
      summary:
        'Approval only after data-center review, party-group consent, city authority review and city government consent.',
    },
    {
      id: 'xz.gate.unplanned_pre_review',
      name: '未纳入规划项目须前置审查',
      actions: ['approve_establishment'],
      appliesWhen: UNPLANNED,
      passWhen: all(
        happened('review_completed', 'xz.review.data_center'),
        happened('consent_given', 'xz.review.party_consent'),
        happened('pre_review_passed', 'xz.review.city_pre_review'),
        happened('consent_given', 'xz.review.city_government'),
      ),
      severity: 'block',
      strength: 'absolute',
      reason:
        '未纳入规划的项目，须经市交通运输数据中心审查、局党组同意、市政务信息管理局前置审查，报市政府批准后实施。',
      articles: ['XZ-10b'],
      summary: 'Unplanned projects: data-center review, party group, city pre-review, then city government.',
    },
    {
      id: 'xz.gate.interoperability',
      name: '须能互联互通、信息共享、业务协同',
      actions: ['approve_establishment'],
      passWhen: isTrue('interoperable'),
      severity: 'block',
      strength: 'absolute',
      reason: '不实现互联互通、信息共享、业务协同的信息系统，不再批准建设。',
      articles: ['XZ-10b'],
      summary: 'Systems that do not interconnect and share are not approved.',
    },
    {
      id: 'xz.gate.cloud_sharing_om',
      name: '已有系统须上云并共享数据方可拨付运维经费',
      actions: ['disburse_om'],
      passWhen: all(any(isTrue('onCloud'), isTrue('cloudExempt')), isTrue('sharingCompliant')),
      severity: 'block',
      strength: 'absolute',
      reason: '已有系统未按照要求进行上云和数据共享的信息化项目，不再拨付运维经费。',
      articles: ['XZ-10b'],
      summary: 'No O&M funds for systems not on the cloud or not sharing data.',
    },
    {
      id: 'xz.gate.dedicated_network',
      name: '新建业务专网须有依据并经市政府同意',
      actions: ['approve_establishment'],
      appliesWhen: isTrue('hasDedicatedNetwork'),
      passWhen: all(
        isTrue('dedicatedNetworkLegalBasis'),
        happened('consent_given', 'xz.review.network_authority'),
        happened('consent_given', 'xz.review.network_consent'),
      ),
      severity: 'block',
      strength: 'absolute',
      reason:
        '除法律、法规和国家另有规定外不得新建业务专网；按国家相关规定需要新建的，应报市政务信息管理局并经市政府同意。',
      articles: ['XZ-10b'],
      summary: 'A new dedicated network needs a national basis and the city government’s consent.',
    },
    {
      id: 'xz.gate.contract_filed',
      name: '建设合同须备案',
      actions: ['disburse_construction', 'disburse_om'],
      appliesWhen: happened('contract_signed'),
      passWhen: eachFollowedBy('contract_signed', 'contract_filed'),
      severity: 'block',
      strength: 'absolute',
      reason: '项目建设合同未备案，不得拨付后续建设资金和运行维护经费。',
      articles: ['XZ-21'],
      summary: 'Unfiled contract: no further construction or O&M funds.',
    },
    {
      id: 'xz.gate.supervisor_filed',
      name: '项目监理单位须备案',
      actions: ['disburse_construction', 'disburse_om'],
      appliesWhen: happened('contract_signed'),
      passWhen: happened('supervisor_filed'),
      severity: 'block',
      strength: 'absolute',
      reason: '项目监理单位未备案，不得拨付后续建设资金和运行维护经费。',
      articles: ['XZ-21'],
      summary: 'Unfiled supervisor: no further construction or O&M funds.',
    },
    {
      id: 'xz.gate.acceptance_report',
      name: '验收报告须备案',
      actions: ['disburse_construction', 'disburse_om'],
      appliesWhen: happened('acceptance_passed'),
      passWhen: eachFollowedBy('acceptance_passed', 'acceptance_report_filed'),
      severity: 'block',
      strength: 'absolute',
      reason: '竣工验收报告未经局党组同意报市政务信息管理局备案，不得拨付后续建设资金和运行维护经费。',
      articles: ['XZ-21'],
      summary: 'After acceptance, no further funds until the acceptance report is filed.',
    },
    {
      id: 'xz.gate.rectification',
      name: '拒不整改或整改不合格暂停拨付',
      actions: ['disburse_construction', 'disburse_om'],
      passWhen: all(
        isNotTrue('rectificationRefused'),
        isNotTrue('rectificationFailed'),
        notHappened('terminated'),
      ),
      severity: 'block',
      strength: 'absolute',
      reason: '拒不整改或整改后仍不符合要求的，通知财务部门暂停拨付项目建设和运维资金，直至终止项目。',
      articles: ['XZ-24'],
      summary: 'Refused or failed rectification: finance suspends funds, up to termination.',
    },
    {
      id: 'xz.gate.cloud_first',
      name: '上云为常态，不上云为例外',
      actions: ['approve_establishment'],
      passWhen: any(isTrue('onCloud'), isTrue('cloudExempt')),
      severity: 'block',
      strength: 'absolute',
      reason: '除有关法律法规规定和特殊保密要求外，政务信息化系统均应纳入市政务云平台运行。',
      articles: ['XZ-28'],
      summary: 'Systems run on the city cloud unless exempt by law or secrecy.',
    },
    {
      id: 'xz.gate.no_separate_hardware_funds',
      name: '不单独安排硬件和通用软件经费',
      actions: ['allocate_budget'],
      passWhen: isNotTrue('requestsSeparateHardwareFunds'),
      severity: 'block',
      strength: 'absolute',
      reason: '局财务科不再为各单位单独安排相关的硬件设施和通用软件（操作系统、数据库等）经费。',
      articles: ['XZ-28'],
      summary: 'No separate funds for hardware and generic software (cloud services instead).',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Operations and security records (issue 15, src/operations) — kept apart from the plan → 立项 rules
// above. Intervals of 测评/密评 follow the national schemes the texts defer to (定期评估).

export const XZ_OPERATIONS: OperationsRules = {
  articles: ['XZ-08b', 'XZ-28', 'XZ-30', 'XZ-31', 'XZ-32'],
  mlpsIntervalMonths: { 1: null, 2: 24, 3: 12, 4: 6, 5: 6 },
  cryptoIntervalMonths: 12,
  riskIntervalMonths: 12,
  drillIntervalMonths: 12,
  assessmentArticles: ['XZ-31'],
  riskAssessmentJoint: {
    contractorRequired: true,
    articles: ['XZ-31'],
    wording: '市交通运输数据中心与项目建设单位共同开展网络与信息安全风险评估',
  },
  emergencyPlanJoint: {
    contractorRequired: true,
    articles: ['XZ-32'],
    wording: '市交通运输数据中心与项目使用单位、项目建设单位共同制定应急预案并定期组织演练',
  },
  incident: {
    articles: ['XZ-32'],
    reportTo: '按照规定向有关部门报告',
    authorityFiling: null,
    liability: {
      articles: ['XZ-31'],
      byCause: { weak_password: 'user_unit', stolen_password: 'user_unit', technical: 'contractor' },
    },
  },
  // 第二十九条 (谁采集、谁负责；谁校核、谁负责，由各项目使用单位承担) has no id of its own in requirements.tsv.
  dataResponsibility: {
    articles: [],
    principle: '谁采集、谁负责；谁校核、谁负责（项目使用单位承担质量责任）',
    required: ['collector', 'checker'],
  },
  cloud: {
    articles: ['XZ-08b', 'XZ-28', 'XZ-30'],
    countedDeployments: ['city_cloud'],
    exemptionGrounds: ['legal', 'secrecy'],
    omHandover: { required: true, articles: ['XZ-30'], wording: '存量信息系统逐步由项目建设单位接管运维' },
  },
  internalRules: null,
  baseLibraries: null,
  dailyMonitoring: null,
  industryClouds: {
    articles: ['XZ-30'],
    wording: '其他已建行业云要全部纳入市级政务云平台统一管理',
    deployments: ['other_cloud'],
  },
};

/** Evaluation (issue 14): 第二十二条至第二十六条. */
export const XZ_EVALUATION: EvaluationRules = {
  selfEvaluation: {
    articles: ['XZ-22'],
    wording: '市交通运输数据中心在年度预算结束后开展项目自评价，并将自评价报告报送市政务信息管理局',
    submitterOrgKey: 'xz_data_center',
  },
  spotCheck: { financeOrgKey: 'xz_finance_section', financeName: '财务科', articles: ['XZ-23'] },
  assessment: {
    articles: ['XZ-23', 'XZ-25'],
    wording: '对局机关及局属各单位项目使用情况开展年度工作绩效考核',
  },
  efficacy: { articles: ['XZ-26'] },
  rectification: { articles: ['XZ-24'] },
  nextYearReference: { articles: ['XZ-25'] },
  publication: null,
};

// ---------------------------------------------------------------------------------------------
// Progress reports and adjustment applications (issue 12, src/progress). The text says only 定期:
// the period (monthly) and the report's due date (5 working days after the period) are the
// platform's default reading (src/rules/README.md), changeable here per rulebook.

export const XZ_PROGRESS: ProgressRules = {
  reports: {
    articles: ['XZ-16'],
    reporter: { org: 'xz_data_center', roles: ['dept_staff'], name: '市交通运输数据中心' },
    periodMonths: 1,
    periodFromText: false,
    obligation: true,
    dueWorkingDays: 5,
    wording: '市交通运输数据中心在市政务信息化项目管理平台中填报项目进展（第十六条）',
  },
  changes: {
    articles: ['XZ-16'],
    order: 'evaluate_then_decide',
    applicant: { org: 'xz_data_center', roles: ['dept_staff'], name: '市交通运输数据中心' },
    evaluator: {
      org: 'xz_city_authority',
      roles: ['authority_reviewer', 'authority_leader', 'approver'],
      name: '市政务信息管理局',
    },
    decider: {
      org: 'xz_city_authority',
      roles: ['authority_reviewer', 'authority_leader', 'approver'],
      name: '市政务信息管理局',
    },
    evaluationParticipants: false,
    wording:
      '建设条件、建设内容发生重大变化时提交调整申请，市政务信息管理局综合评估后提出意见并相应调整（第十六条）',
  },
};
