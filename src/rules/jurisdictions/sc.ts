/**
 * SC — 《朔州市朔城区政务信息化项目建设应用管理办法》.
 *
 * Chain: 项目建设单位 (区直部门) submits 建议书 (skipped for projects already in the plan), 可研
 * with the sharing-analysis chapter, 初步设计, 信息资源目录 and 投资概算 → 区政务信息管理局 reviews
 * with related departments and approves 立项. Unplanned projects first pass 前置审查 and 区人民政府.
 * Acceptance within six months of completion; acceptance report filed within 30 working days.
 */

import type { EvaluationRules } from '../evaluation-model.ts';
import type { Rulebook } from '../model.ts';
import type { OperationsRules } from '../operations-model.ts';
import { all, eachFollowedBy, happened, isNotTrue, isTrue, notHappened } from '../predicate.ts';
import type { ProgressRules } from '../progress-model.ts';
import {
  ADMIN_ROLES,
  articleTable,
  jointPlan,
  material,
  multiYearBudget,
  UNPLANNED_OR_NEW_DEPARTMENT,
} from './common.ts';

const DEPT = { role: 'dept_staff', org: 'sc_department' } as const;
const AUTHORITY = { role: 'authority_reviewer', org: 'sc_authority' } as const;
const DISTRICT_GOVERNMENT = { role: 'leadership_body', org: 'sc_district_government' } as const;

export const SC_RULEBOOK: Rulebook = {
  id: 'SC',
  jurisdictionCode: '140602',
  jurisdictionName: '朔州市朔城区',
  version: 1,
  effectiveFrom: '2020-07-29',
  name: '朔州市朔城区政务信息化项目规则集',
  regulation: {
    title: '朔州市朔城区政务信息化项目建设应用管理办法',
    issuer: '朔州市朔城区',
  },
  notes: [
    '第三十一条：本办法自公布之日起施行；所存文本未载公布日期。生效日期暂取其上位文件《朔州市政务信息化项目建设应用管理办法》（朔政办发〔2020〕28号）的印发日期 2020-07-29，待核实后以新版本更正。',
    '所存文本缺第五条（第四条后即为第六条）。',
  ],
  articles: articleTable([
    ['SC-02', '第二条'],
    ['SC-04', '第四条'],
    ['SC-07', '第七条'],
    ['SC-08a', '第八条'],
    ['SC-08b', '第八条'],
    ['SC-09a', '第九条'],
    ['SC-09b', '第九条'],
    ['SC-10', '第十条'],
    ['SC-11a', '第十一条'],
    ['SC-11b', '第十一条'],
    ['SC-11c', '第十一条'],
    ['SC-12', '第十二条'],
    ['SC-13', '第十三条'],
    ['SC-14', '第十四条'],
    ['SC-15', '第十五条'],
    ['SC-16', '第十六条'],
    ['SC-17', '第十七条'],
    ['SC-18', '第十八条'],
    ['SC-19', '第十九条'],
    ['SC-20a', '第二十条'],
    ['SC-20b', '第二十条'],
    ['SC-20c', '第二十条'],
    ['SC-21', '第二十一条'],
    ['SC-22', '第二十二条'],
    ['SC-23', '第二十三条'],
    ['SC-24', '第二十四条'],
    ['SC-26', '第二十六条'],
    ['SC-27', '第二十七条'],
    ['SC-28', '第二十八条'],
    ['SC-29', '第二十九条'],
  ]),
  organisations: [
    {
      key: 'sc_department',
      name: '区直部门',
      kind: 'department',
      generic: true,
      terms: [{ term: '项目建设单位', display: '项目建设单位', articles: ['SC-04', 'SC-08a'] }],
      articles: ['SC-04'],
    },
    {
      key: 'sc_authority',
      name: '区政务信息管理局',
      kind: 'authority',
      terms: [{ term: '区政务信息化主管部门', display: '区政务信息化主管部门', articles: ['SC-04'] }],
      articles: ['SC-04'],
    },
    { key: 'sc_finance', name: '区财政局', kind: 'finance', terms: [], articles: ['SC-04', 'SC-13'] },
    { key: 'sc_finance_review', name: '区财政评审中心', kind: 'finance', terms: [], articles: ['SC-13'] },
    {
      key: 'sc_digital_center',
      name: '区数字政府服务中心',
      kind: 'data_center',
      terms: [],
      articles: ['SC-04', 'SC-12', 'SC-27'],
    },
    {
      key: 'sc_district_government',
      name: '区人民政府',
      kind: 'leadership_body',
      terms: [],
      articles: ['SC-07', 'SC-11b', 'SC-11c'],
    },
    {
      key: 'sc_evaluator',
      name: '咨询评估单位',
      kind: 'evaluator',
      generic: true,
      terms: [],
      articles: ['SC-09a'],
    },
    {
      key: 'sc_contractor',
      name: '项目承建单位',
      kind: 'contractor',
      generic: true,
      terms: [],
      articles: ['SC-16'],
    },
    {
      key: 'sc_supervisor',
      name: '项目监理单位',
      kind: 'supervisor',
      generic: true,
      terms: [],
      articles: ['SC-16'],
    },
  ],
  roles: [
    { code: 'dept_staff', name: '项目建设单位经办人员', org: 'sc_department', articles: ['SC-04'] },
    { code: 'dept_leader', name: '项目建设单位负责人', org: 'sc_department', articles: ['SC-15'] },
    {
      code: 'authority_reviewer',
      name: '区政务信息管理局审核人员',
      org: 'sc_authority',
      articles: ['SC-11a'],
    },
    { code: 'authority_leader', name: '区政务信息管理局负责人', org: 'sc_authority', articles: ['SC-04'] },
    { code: 'approver', name: '区政务信息管理局立项审批人员', org: 'sc_authority', articles: ['SC-08a'] },
    {
      code: 'finance_officer',
      name: '区财政局（区财政评审中心）经办人员',
      org: 'sc_finance',
      articles: ['SC-13'],
    },
    { code: 'leadership_body', name: '区人民政府', org: 'sc_district_government', articles: ['SC-11b'] },
    { code: 'expert', name: '评审专家', articles: [] },
    { code: 'contractor', name: '项目承建单位', org: 'sc_contractor', articles: ['SC-16'] },
    { code: 'supervisor', name: '项目监理单位', org: 'sc_supervisor', articles: ['SC-16'] },
    { code: 'third_party_evaluator', name: '咨询评估单位', org: 'sc_evaluator', articles: ['SC-09a'] },
    ...ADMIN_ROLES,
  ],
  workflow: {
    start: ['sc.plan.register'],
    stages: [
      {
        code: 'plan',
        name: '规划',
        steps: [
          {
            id: 'sc.plan.register',
            name: '在管理平台完善政务信息系统目录，列入项目所涉系统',
            summary:
              'All systems of a new project are listed in the platform’s system catalog before approval.',
            actor: DEPT,
            articles: ['SC-10'],
            action: 'register',
            outcomes: [{ event: 'registered', name: '已列入目录', next: ['sc.application.proposal'] }],
            materials: [],
          },
        ],
      },
      {
        code: 'application',
        name: '申报',
        steps: [
          {
            id: 'sc.application.proposal',
            name: '编报项目建议书（未纳入规划的项目）',
            summary:
              'A project not yet in the district plan starts with a proposal; planned ones may skip it.',
            actor: DEPT,
            articles: ['SC-08a'],
            condition: isNotTrue('planned'),
            outcomes: [
              { event: 'proposal_submitted', name: '已提交建议书', next: ['sc.application.submit'] },
            ],
            materials: [
              material(
                'proposal',
                '项目建议书',
                'required',
                ['SC-08a'],
                'The proposal opens the application.',
              ),
            ],
          },
          {
            id: 'sc.application.submit',
            name: '编报可行性研究报告、初步设计、信息资源目录和投资概算',
            summary: 'The building unit submits the feasibility study and the other application materials.',
            actor: DEPT,
            articles: ['SC-08a', 'SC-08b', 'SC-09a', 'SC-09b'],
            outcomes: [{ event: 'submitted', name: '已提交', next: ['sc.review.record'] }],
            materials: [
              material('feasibility_study', '可行性研究报告', 'required', ['SC-08a'], 'Feasibility study.'),
              material('preliminary_design', '初步设计', 'required', ['SC-08a'], 'Preliminary design.'),
              material(
                'sharing_analysis_chapter',
                '信息资源共享分析篇（章）（可行性研究报告、初步设计方案中）',
                'required',
                ['SC-09a'],
                'Feasibility study and preliminary design each contain a sharing-analysis chapter.',
              ),
              material(
                'resource_catalog',
                '信息资源目录（明确数据来源、格式、更新、共享和开放属性）',
                'required',
                ['SC-08a', 'SC-09b'],
                'The resource catalog states source, format, update, sharing and open attributes.',
              ),
              material('cost_estimate', '投资概算', 'required', ['SC-08a'], 'Investment estimate.'),
              material(
                'upward_application',
                '向上级有关单位办理申报手续的项目资料（国家、省统筹安排资金的项目）',
                'conditional',
                ['SC-14'],
                'A nationally or provincially funded project sends its upward application to be recorded.',
                isTrue('higherLevelFunded'),
              ),
              multiYearBudget(['SC-08b']),
              jointPlan(['SC-08b']),
            ],
          },
        ],
      },
      {
        code: 'review',
        name: '审核',
        steps: [
          {
            id: 'sc.review.record',
            name: '国家、省统筹安排资金的项目报送项目资料，记录在案',
            summary:
              'A nationally or provincially funded project, applied for upward, is recorded with the district authority: no district 立项.',
            actor: { role: 'authority_reviewer', org: 'sc_authority' },
            articles: ['SC-14'],
            condition: isTrue('higherLevelFunded'),
            skipTo: ['sc.review.pre_review'],
            outcomes: [{ event: 'filed', name: '记录在案', next: [], result: 'ended' }],
            materials: [],
          },
          {
            id: 'sc.review.pre_review',
            name: '前置审查（新设立部门或未纳入规划的项目）',
            summary: 'Unplanned projects and new departments get a pre-review by the authority.',
            actor: AUTHORITY,
            articles: ['SC-11b'],
            condition: UNPLANNED_OR_NEW_DEPARTMENT,
            outcomes: [
              { event: 'pre_review_passed', name: '前置审查通过', next: ['sc.review.government_approval'] },
              { event: 'pre_review_failed', name: '前置审查未通过', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'sc.review.government_approval',
            name: '报区人民政府批准',
            summary: 'After the pre-review the district government approves the unplanned project.',
            actor: DISTRICT_GOVERNMENT,
            articles: ['SC-11b'],
            condition: UNPLANNED_OR_NEW_DEPARTMENT,
            outcomes: [
              { event: 'government_approved', name: '区人民政府批准', next: ['sc.review.network_consent'] },
              { event: 'government_refused', name: '区人民政府不予批准', next: [], result: 'refused' },
            ],
            materials: [],
          },
          {
            id: 'sc.review.network_consent',
            name: '新建业务专网报区人民政府同意',
            summary:
              'A new dedicated network needs a legal or higher-level basis and district government consent.',
            actor: DISTRICT_GOVERNMENT,
            articles: ['SC-11c'],
            condition: isTrue('hasDedicatedNetwork'),
            outcomes: [
              { event: 'consent_given', name: '同意新建业务专网', next: ['sc.review.assessment'] },
              { event: 'consent_refused', name: '不同意新建业务专网', next: [], result: 'refused' },
            ],
            materials: [
              material(
                'network_legal_basis',
                '新建业务专网的法律、法规、国家规定或上级主管部门要求',
                'required',
                ['SC-11c'],
                'The basis that requires the dedicated network.',
              ),
            ],
          },
          {
            id: 'sc.review.assessment',
            name: '会同有关部门从需求、集约、方案、预算、绩效五个方面全面审核',
            summary: 'The authority with related departments reviews the five dimensions.',
            actor: AUTHORITY,
            articles: ['SC-11a', 'SC-09a', 'SC-16'],
            // 第十六条 asks for competition only "对于项目内容复杂、技术要求高的": the reviewer (or the
            // 立项 body) records whether the project is such, with a reason.
            findings: ['complexProject'],
            outcomes: [
              { event: 'review_completed', name: '审核完成', next: ['sc.filing_approval.establishment'] },
            ],
            materials: [
              material(
                'evaluation_report',
                '咨询评估单位评估报告（含对信息资源共享分析篇的评估意见）',
                'optional',
                ['SC-09a'],
                'Where a consulting evaluation is made, its report assesses the sharing-analysis chapter.',
              ),
            ],
          },
        ],
      },
      {
        code: 'filing_approval',
        name: '立项审批',
        steps: [
          {
            id: 'sc.filing_approval.establishment',
            name: '区政务信息管理局审批立项',
            summary:
              'The district authority approves establishment; the approval gives an opinion on sharing.',
            actor: { role: 'approver', org: 'sc_authority' },
            articles: ['SC-08a', 'SC-04', 'SC-16'],
            action: 'approve_establishment',
            findings: ['complexProject'],
            outcomes: [
              { event: 'establishment_approved', name: '批准立项', next: ['sc.budget.review'] },
              { event: 'establishment_refused', name: '不予立项', next: [], result: 'refused' },
            ],
            materials: [
              material(
                'approval_document',
                '立项批复文件（含对信息资源共享分析篇的意见）',
                'required',
                ['SC-09a'],
                'The approval document contains an opinion on the sharing-analysis chapter.',
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
            id: 'sc.budget.review',
            name: '区财政评审中心预算评审，提出预算审定意见',
            summary: 'The finance review center reviews the budget of approved projects.',
            actor: { role: 'finance_officer', org: 'sc_finance_review' },
            articles: ['SC-13'],
            outcomes: [{ event: 'budget_decided', name: '出具预算审定意见', next: ['sc.budget.publicity'] }],
            materials: [],
          },
          {
            id: 'sc.budget.publicity',
            name: '资金拟分配计划公示',
            summary: 'Once the budget is fixed the authority publicizes the proposed allocation.',
            actor: AUTHORITY,
            articles: ['SC-13'],
            outcomes: [{ event: 'allocation_published', name: '已公示', next: ['sc.budget.funds'] }],
            materials: [],
          },
          {
            id: 'sc.budget.funds',
            name: '区财政局统筹保障建设及运维经费',
            summary: 'The finance bureau arranges construction and O&M funds.',
            actor: { role: 'finance_officer', org: 'sc_finance' },
            articles: ['SC-13', 'SC-04'],
            action: 'allocate_budget',
            outcomes: [{ event: 'funds_arranged', name: '已安排经费', next: ['sc.construction.contract'] }],
            materials: [],
          },
        ],
      },
      {
        code: 'construction',
        name: '建设',
        steps: [
          {
            id: 'sc.construction.contract',
            name: '确定项目责任人，确定项目承建单位并签订建设合同',
            summary:
              'The building unit names a project owner, chooses the contractor (by market competition when the project is complex or technically demanding; district state-owned firms are encouraged) and signs the contract.',
            actor: DEPT,
            articles: ['SC-15', 'SC-16'],
            action: 'procure',
            outcomes: [
              {
                event: 'contract_signed',
                name: '已签订合同',
                next: [
                  'sc.construction.contract_filing',
                  'sc.construction.supervisor_filing',
                  'sc.construction.build',
                ],
              },
            ],
            materials: [
              material(
                'project_owner',
                '项目责任人确定文件',
                'required',
                ['SC-15'],
                'The building unit names the person responsible for the project.',
              ),
              material(
                'competition_record',
                '通过市场竞争方式确定项目承建单位的文件（项目内容复杂、技术要求高的）',
                'conditional',
                ['SC-16'],
                'Only a complex or technically demanding project must choose its contractor by open competition.',
                isTrue('complexProject'),
              ),
            ],
          },
          {
            id: 'sc.construction.contract_filing',
            name: '合同文本报区政务信息管理局备案',
            summary: 'The contract is filed with the authority within 5 working days of signing.',
            actor: DEPT,
            articles: ['SC-16'],
            outcomes: [{ event: 'contract_filed', name: '合同已备案', next: [] }],
            materials: [
              material('contract_text', '项目建设合同文本', 'required', ['SC-16'], 'Contract text.'),
            ],
          },
          {
            id: 'sc.construction.supervisor_filing',
            name: '项目监理单位报区政务信息管理局备案',
            summary: 'The supervisor chosen by market mechanism is filed with the authority.',
            actor: DEPT,
            articles: ['SC-16'],
            outcomes: [{ event: 'supervisor_filed', name: '监理单位已备案', next: [] }],
            materials: [],
          },
          {
            id: 'sc.construction.build',
            name: '组织建设，定期对照分析并评估资金使用',
            summary: 'Periodic plan-vs-actual comparison and fund-usage assessment during construction.',
            actor: DEPT,
            articles: ['SC-17'],
            outcomes: [{ event: 'construction_completed', name: '项目建成', next: ['sc.acceptance.accept'] }],
            materials: [],
          },
        ],
      },
      {
        code: 'acceptance',
        name: '验收',
        steps: [
          {
            id: 'sc.acceptance.accept',
            name: '建成后半年内组织竣工验收',
            summary: 'Completion acceptance within six months, with the listed acceptance materials.',
            actor: DEPT,
            articles: ['SC-20a', 'SC-20b', 'SC-18', 'SC-19'],
            outcomes: [
              { event: 'acceptance_passed', name: '验收通过', next: ['sc.acceptance.report_filing'] },
            ],
            materials: [
              material(
                'construction_summary',
                '项目建设总结',
                'required',
                ['SC-20b'],
                'Construction summary.',
              ),
              material('financial_report', '财务报告', 'required', ['SC-20b'], 'Financial report.'),
              material('audit_report', '审计报告', 'required', ['SC-20b'], 'Audit report.'),
              material(
                'security_assessment_report',
                '安全风险评估报告（非涉密信息系统网络安全等级保护测评报告或涉密信息系统安全保密测评报告）',
                'required',
                ['SC-20b'],
                'Security risk assessment: MLPS assessment, or secrecy assessment for classified systems.',
              ),
              material(
                'crypto_assessment_report',
                '密码应用安全性评估报告',
                'required',
                ['SC-20b'],
                'Cryptography application security assessment report.',
              ),
              material(
                'resource_catalog_registration',
                '项目信息资源目录纳入共享平台目录管理系统的情况',
                'required',
                ['SC-18'],
                'Registering the resource catalog in the sharing platform is an acceptance item.',
              ),
              material(
                'security_controllability',
                '软硬件产品安全可控情况（自主可控关键产品）',
                'required',
                ['SC-19'],
                'Security controllability of key products is an important acceptance item.',
              ),
            ],
          },
          {
            id: 'sc.acceptance.report_filing',
            name: '竣工验收报告报区政务信息管理局备案',
            summary: 'The acceptance report is filed within 30 working days of acceptance.',
            actor: DEPT,
            articles: ['SC-21'],
            outcomes: [
              {
                event: 'acceptance_report_filed',
                name: '验收报告已备案',
                next: ['sc.operation.self_evaluation', 'sc.operation.assessment'],
              },
            ],
            materials: [
              material('acceptance_report', '竣工验收报告', 'required', ['SC-21'], 'Acceptance report.'),
            ],
          },
        ],
      },
      {
        code: 'operation',
        name: '运行',
        steps: [
          {
            id: 'sc.operation.self_evaluation',
            name: '项目自评价',
            summary: 'The building unit self-evaluates per budget performance rules; finance spot-checks.',
            actor: DEPT,
            articles: ['SC-22'],
            recurring: true,
            outcomes: [{ event: 'self_evaluation_submitted', name: '已报送自评价报告', next: [] }],
            materials: [],
          },
          {
            id: 'sc.operation.assessment',
            name: '日常应用监督、评价考核和应用效能评估',
            summary: 'The authority supervises, assesses and evaluates efficacy of operating projects.',
            actor: AUTHORITY,
            articles: ['SC-22', 'SC-24'],
            recurring: true,
            outcomes: [{ event: 'evaluation_result_issued', name: '已出具评估结果', next: [] }],
            materials: [],
          },
        ],
      },
    ],
  },
  deadlines: [
    {
      id: 'sc.deadline.contract_filing',
      name: '合同备案',
      anchor: { event: 'contract_signed' },
      amount: 5,
      unit: 'working_days',
      obligation: '将合同文本报区政务信息管理局备案',
      owedBy: DEPT,
      fulfilledBy: ['contract_filed'],
      stepId: 'sc.construction.contract_filing',
      consequence: { text: '逾期未备案：本办法未规定专门后果，平台记为逾期并提示区政务信息管理局督办。' },
      articles: ['SC-16'],
      summary: 'Contract filed within 5 working days of signing.',
    },
    {
      id: 'sc.deadline.acceptance',
      name: '竣工验收',
      anchor: { event: 'construction_completed' },
      amount: 6,
      unit: 'calendar_months',
      obligation: '项目建成后半年内组织竣工验收；不能按期的，向区政务信息管理局提出延期验收申请',
      owedBy: DEPT,
      fulfilledBy: ['acceptance_passed'],
      stepId: 'sc.acceptance.accept',
      extension: {
        requestEvent: 'extension_requested',
        grantEvent: 'extension_granted',
        refuseEvent: 'extension_refused',
        articles: ['SC-20c'],
        decidedBy: AUTHORITY,
        maxRequests: null,
        maxCalendarMonths: null,
        limitsNote:
          '原文只规定向政务信息化主管部门提出延期验收申请，未规定延期的次数和期限；由主管部门逐次审批。',
      },
      consequence: {
        text: '无合理原因长期拖延不验收的，由区政务信息管理局责令限期整改；拒不整改或整改后仍不符合要求的，暂停拨付项目建设和运维资金，直至终止项目。',
        gateId: 'sc.gate.rectification',
      },
      articles: ['SC-20a'],
      summary: 'Completion acceptance within six calendar months of completion; extension on request.',
    },
    {
      id: 'sc.deadline.acceptance_report',
      name: '竣工验收报告备案',
      anchor: { event: 'acceptance_passed' },
      amount: 30,
      unit: 'working_days',
      obligation: '将竣工验收报告提交区政务信息管理局备案',
      owedBy: DEPT,
      fulfilledBy: ['acceptance_report_filed'],
      stepId: 'sc.acceptance.report_filing',
      consequence: {
        text: '未备案的项目不得拨付后续建设资金和运行维护经费。',
        gateId: 'sc.gate.acceptance_report',
      },
      articles: ['SC-21'],
      summary: 'Acceptance report filed within 30 working days after acceptance.',
    },
  ],
  scope: {
    excludesClassified: true,
    classifiedRefusal:
      '本办法只适用于区直部门非涉密政务信息化项目（第二条）。涉密项目请按国家保密管理规定，报本单位保密工作机构和区保密行政管理部门办理，不在本平台申报。',
    articles: ['SC-02'],
    summary: 'The district rules cover non-classified projects only.',
  },
  catalog: {
    governmentClouds: ['city_cloud', 'district_cloud'],
    cloudArticles: ['SC-12'],
    dedicatedNetwork: { consent: '区人民政府', articles: ['SC-11c'] },
    // 第十二条: 区数字政府服务中心负责编制；区政务信息化主管部门会同区财政局负责审批并发布.
    cloudCatalog: {
      compiler: 'sc_digital_center',
      approvers: ['authority', 'finance'],
      articles: ['SC-12'],
    },
    summary: 'A new dedicated network needs the district government’s consent (第十一条).',
  },
  planning: {
    jurisdictionPlan: [
      {
        id: 'sc.plan_chain.district_government',
        name: '区人民政府批准',
        org: 'sc_district_government',
        roles: ['leadership_body'],
        level: 'home',
        canRefuse: false,
        articles: ['SC-07'],
        summary: 'The district government approves the district plan and annual plan.',
      },
    ],
    summary: 'The district plan is approved by the district government (第七条).',
  },
  requiredFields: [
    {
      field: 'projectOwner',
      message: '请确定项目责任人（第十五条：项目建设单位应当确定项目责任人）',
      articles: ['SC-15'],
      summary: 'The building unit names the person responsible for the project.',
    },
    {
      field: 'performanceTargets',
      message: '请填写至少一项绩效目标（第十一条：审核绩效目标合理性）',
      articles: ['SC-11a'],
      summary: 'The review weighs the performance targets, so the application states them.',
    },
  ],
  gates: [
    {
      id: 'sc.gate.catalog',
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
      reason:
        '项目涉及的信息系统未全部列入政务信息系统目录，不予审批项目、不予安排建设投资、不予安排运维资金。',
      articles: ['SC-10'],
      summary: 'Systems not listed in the catalog get no approval, investment or O&M funds.',
    },
    {
      id: 'sc.gate.no_build_before_approval',
      name: '不得未批先建',
      actions: ['procure', 'disburse_construction'],
      passWhen: happened('establishment_approved'),
      severity: 'block',
      strength: 'absolute',
      reason: '项目尚未经区政务信息管理局审批立项，不得未批先建。',
      articles: ['SC-08b'],
      summary: 'No procurement or construction funds before establishment approval.',
    },
    {
      id: 'sc.gate.no_disguised_packaging',
      name: '不得变相包装',
      actions: ['approve_establishment', 'allocate_budget'],
      passWhen: isNotTrue('packagedInOtherProject'),
      severity: 'block',
      strength: 'absolute',
      reason: '不得将信息化项目变相包装或纳入其他项目进行建设。',
      articles: ['SC-08b'],
      summary: 'An IT project disguised inside another project is not approved or funded.',
    },
    {
      id: 'sc.gate.adapt_existing',
      name: '上级要求对接的原则上改造现有系统',
      actions: ['approve_establishment'],
      appliesWhen: isTrue('requiredByHigherAuthority'),
      passWhen: isTrue('adaptsExistingSystems'),
      severity: 'warn',
      strength: 'softened',
      reason:
        '因上级主管部门要求对接的，原则上应按数据对接标准改造区直部门现有系统，不得新增建设项目及增加信息系统数量。',
      articles: ['SC-11b'],
      summary: 'Higher-level demands should be met by adapting existing systems (a principle: warning).',
    },
    {
      id: 'sc.gate.unplanned_pre_review',
      name: '未纳入规划项目须前置审查并经区人民政府批准',
      actions: ['approve_establishment'],
      appliesWhen: UNPLANNED_OR_NEW_DEPARTMENT,
      passWhen: all(happened('pre_review_passed'), happened('government_approved')),
      severity: 'block',
      strength: 'absolute',
      reason: '新设立部门或未纳入规划的项目，须经区政务信息管理局前置审查并报区人民政府批准后实施。',
      articles: ['SC-11b'],
      summary: 'Unplanned projects need the pre-review and district government approval first.',
    },
    {
      id: 'sc.gate.interoperability',
      name: '须能互联互通、信息共享、业务协同',
      actions: ['approve_establishment'],
      passWhen: isTrue('interoperable'),
      severity: 'block',
      strength: 'absolute',
      reason: '不再批准建设无法实现互联互通、信息共享、业务协同的信息系统。',
      articles: ['SC-11c'],
      summary: 'Systems that cannot interconnect and share are not approved.',
    },
    {
      id: 'sc.gate.sharing_om',
      name: '须按要求共享数据方可拨付运维经费',
      actions: ['disburse_om'],
      passWhen: isTrue('sharingCompliant'),
      severity: 'block',
      strength: 'absolute',
      reason: '未按照要求进行业务协同和数据共享的信息化项目，不再拨付运维经费。',
      articles: ['SC-11c'],
      summary: 'No O&M funds for projects that do not share data as required.',
    },
    {
      id: 'sc.gate.dedicated_network',
      name: '新建业务专网须有依据并经区人民政府同意',
      actions: ['approve_establishment'],
      appliesWhen: isTrue('hasDedicatedNetwork'),
      passWhen: all(
        isTrue('dedicatedNetworkLegalBasis'),
        happened('consent_given', 'sc.review.network_consent'),
      ),
      severity: 'block',
      strength: 'absolute',
      reason:
        '除国家另有规定外，区直部门不得新建业务专网；按照法律、法规和国家规定、上级主管部门要求需要新建的，应报区人民政府同意。',
      articles: ['SC-11c'],
      summary: 'A new dedicated network needs a basis and the district government’s consent.',
    },
    {
      id: 'sc.gate.extranet',
      name: '新建系统原则上依托电子政务外网',
      actions: ['approve_establishment'],
      passWhen: isTrue('onExtranet'),
      severity: 'warn',
      strength: 'softened',
      reason: '新建信息系统原则上依托市电子政务外网建设。',
      articles: ['SC-11c'],
      summary: 'New systems should run on the city e-government extranet (a principle: warning).',
    },
    {
      id: 'sc.gate.acceptance_report',
      name: '验收报告须备案',
      actions: ['disburse_construction', 'disburse_om'],
      appliesWhen: happened('acceptance_passed'),
      passWhen: eachFollowedBy('acceptance_passed', 'acceptance_report_filed'),
      severity: 'block',
      strength: 'absolute',
      reason: '竣工验收报告未报区政务信息管理局备案，不得拨付后续建设资金和运行维护经费。',
      articles: ['SC-21'],
      summary: 'After acceptance, no further funds until the acceptance report is filed.',
    },
    {
      id: 'sc.gate.rectification',
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
      articles: ['SC-23'],
      summary: 'Refused or failed rectification suspends funds, up to termination.',
    },
    {
      id: 'sc.gate.cobuild_share',
      name: '协同建设项目区级承担的资金列入本级预算',
      actions: ['review_budget'],
      appliesWhen: isTrue('higherLevelCoBuild'),
      passWhen: isTrue('districtShareBudgeted'),
      severity: 'block',
      strength: 'absolute',
      reason:
        '由省与市、区协同建设的项目，须根据事权划分确定区级承担的建设资金、运维经费，并列入区级财政预算。',
      articles: ['SC-14'],
      summary: 'A co-built project states the district’s share, carried by the district budget.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Operations and security records (issue 15, src/operations) — kept apart from the plan → 立项 rules
// above. Intervals of 测评/密评 follow the national schemes the texts defer to (定期评估).

export const SC_OPERATIONS: OperationsRules = {
  articles: ['SC-26', 'SC-27', 'SC-28', 'SC-29'],
  mlpsIntervalMonths: { 1: null, 2: 24, 3: 12, 4: 6, 5: 6 },
  cryptoIntervalMonths: 12,
  riskIntervalMonths: 12,
  drillIntervalMonths: 12,
  assessmentArticles: ['SC-28'],
  riskAssessmentJoint: {
    contractorRequired: true,
    articles: ['SC-28'],
    wording: '项目建设单位与项目承建单位共同开展网络与信息安全风险评估',
  },
  emergencyPlanJoint: {
    contractorRequired: true,
    articles: ['SC-29'],
    wording: '项目建设单位与项目承建单位共同制定应急预案并定期组织演练',
  },
  incident: {
    articles: ['SC-29'],
    reportTo: '按照规定向有关部门报告',
    authorityFiling: null,
    liability: null,
  },
  dataResponsibility: {
    articles: ['SC-26', 'SC-27'],
    principle: '谁采集、谁负责；谁校核、谁负责',
    required: ['collector', 'checker'],
  },
  cloud: {
    articles: ['SC-12'],
    countedDeployments: ['city_cloud', 'district_cloud'],
    exemptionGrounds: ['legal', 'secrecy'],
    omHandover: { required: false, articles: [], wording: '' },
  },
  internalRules: null,
  baseLibraries: null,
  dailyMonitoring: {
    articles: ['SC-27'],
    wording: '区数字政府服务中心应建立健全政务信息资源管理制度，建立政务信息资源的日常监测机制',
    lookbackDays: 30,
  },
  industryClouds: null,
};

/** Evaluation (issue 14): 第二十二条、第二十三条、第二十四条. */
export const SC_EVALUATION: EvaluationRules = {
  selfEvaluation: {
    articles: ['SC-22'],
    wording: '项目建设单位按照财政预算绩效管理要求开展项目自评价',
    submitterOrgKey: null,
  },
  spotCheck: { financeOrgKey: 'sc_finance', financeName: '区财政局', articles: ['SC-22'] },
  assessment: {
    articles: ['SC-22', 'SC-24'],
    wording: '对项目资金使用情况、项目产出和效果以及服务对象满意度等情况进行考核评价',
  },
  efficacy: { articles: ['SC-24'] },
  rectification: { articles: ['SC-23'] },
  nextYearReference: { articles: ['SC-24'] },
  publication: null,
};

// ---------------------------------------------------------------------------------------------
// Progress reports and adjustment applications (issue 12, src/progress). The text says only 定期:
// the period (monthly) and the report's due date (5 working days after the period) are the
// platform's default reading (src/rules/README.md), changeable here per rulebook.

export const SC_PROGRESS: ProgressRules = {
  reports: {
    articles: ['SC-17'],
    reporter: { org: 'sc_department', roles: ['dept_staff'], name: '项目建设单位' },
    periodMonths: 1,
    periodFromText: false,
    obligation: true,
    dueWorkingDays: 5,
    wording: '项目建设单位定期开展对照分析，评估项目资金使用情况（第十七条）',
  },
  changes: {
    articles: ['SC-17'],
    order: 'evaluate_then_decide',
    applicant: { org: 'sc_department', roles: ['dept_staff'], name: '项目建设单位' },
    evaluator: {
      org: 'sc_authority',
      roles: ['authority_reviewer', 'authority_leader', 'approver'],
      name: '区政务信息化主管部门（区政务信息管理局）',
    },
    decider: {
      org: 'sc_authority',
      roles: ['authority_reviewer', 'authority_leader', 'approver'],
      name: '区政务信息化主管部门（区政务信息管理局）',
    },
    evaluationParticipants: false,
    wording:
      '建设条件、建设内容发生重大变化时提交调整申请，区政务信息化主管部门综合评估后提出意见并相应调整（第十七条）',
  },
};
