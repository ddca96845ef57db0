/**
 * The route table as data (ant-design-pro `config/routes.ts`): the router, the menu, the breadcrumb
 * and the workbench shortcuts are all built from it. Each page is a lazy chunk.
 *
 * - `path` is absolute; children repeat their parent's prefix.
 * - `access` names a key of `accessFor(me)` (access.ts). Leave it out only for public pages, which
 *   render outside the signed-in layout (`layout: false`).
 * - A group without `load` has no page: opening its path goes to its first child the user may open.
 *
 * Keep this file free of React values (types only) so access.test.ts can import it under Node.
 */
import type { ComponentType } from 'react';
import type { AccessKey } from './access.ts';

export type IconKey =
  | 'home'
  | 'rulebook'
  | 'setting'
  | 'organisation'
  | 'user'
  | 'calendar'
  | 'audit'
  | 'lock'
  | 'catalog'
  | 'project';

export interface PageModule {
  default: ComponentType;
}

export interface RouteEntry {
  path: string;
  /** Chinese label in the menu, the breadcrumb and the workbench. */
  name: string;
  icon?: IconKey;
  access?: AccessKey;
  load?: () => Promise<PageModule>;
  children?: RouteEntry[];
  hideInMenu?: boolean;
  /** false: rendered without the signed-in layout (login). */
  layout?: false;
  /** One line for the workbench card. */
  description?: string;
}

export const routes: RouteEntry[] = [
  {
    path: '/login',
    name: '登录',
    layout: false,
    hideInMenu: true,
    load: () => import('./pages/login/index.tsx'),
  },
  {
    path: '/',
    name: '工作台',
    icon: 'home',
    access: 'authenticated',
    load: () => import('./pages/home/index.tsx'),
  },
  {
    path: '/search',
    name: '搜索',
    access: 'canSeeProjects',
    hideInMenu: true,
    load: () => import('./pages/search/index.tsx'),
  },
  {
    path: '/rulebooks',
    name: '规则集',
    icon: 'rulebook',
    access: 'canSeeRulebooks',
    description: '各辖区适用的管理办法条款、期限与闸口规则',
    load: () => import('./pages/rulebooks/index.tsx'),
  },
  {
    path: '/rulebooks/:code',
    name: '规则集详情',
    access: 'canSeeRulebooks',
    hideInMenu: true,
    load: () => import('./pages/rulebooks/detail/index.tsx'),
  },
  {
    path: '/projects',
    name: '项目管理',
    icon: 'project',
    access: 'authenticated',
    children: [
      {
        path: '/projects/cockpit',
        name: '领导驾驶舱',
        // The readers of the whole jurisdiction: authority, approval bureau, finance, leadership.
        access: 'canSeeSystemCount',
        description: '项目按状态、部门统计，分年度申请与立项金额；点击图形查看清单',
        load: () => import('./pages/cockpit/index.tsx'),
      },
      {
        path: '/projects/cockpit/disbursed',
        name: '已拨付清单',
        access: 'canSeeSystemCount',
        hideInMenu: true,
        description: '驾驶舱“已拨付”下钻：某预算年度已批准的拨付',
        load: () => import('./pages/cockpit/disbursed/index.tsx'),
      },
      {
        path: '/projects/tasks',
        name: '待办',
        access: 'canSeeProjects',
        description: '等待我办理的申报、审核、审批与专家意见',
        load: () => import('./pages/projects/tasks/index.tsx'),
      },
      {
        path: '/projects/supervision',
        name: '督办看板',
        access: 'canSeeObligations',
        description: '合同备案、验收、报告备案等法定期限：按单位和类别统计逾期，导出台账（DT-19、SC-20a）',
        load: () => import('./pages/supervision/index.tsx'),
      },
      {
        path: '/projects/list',
        name: '我的项目',
        access: 'canSeeProjects',
        description: '本单位申报、本级管辖或指派给我的项目',
        load: () => import('./pages/projects/index.tsx'),
      },
      {
        path: '/projects/new',
        name: '项目申报',
        access: 'canApplyProjects',
        description: '填写建设申请，上传规则集要求的材料并提交（DT-09a、SC-08a）',
        load: () => import('./pages/projects/form/index.tsx'),
      },
      {
        path: '/projects/plans',
        name: '规划与年度计划',
        access: 'canSeePlans',
        description: '政务信息化规划、年度计划及部门规划备案（DT-08、SC-07、XZ-06）',
        load: () => import('./pages/projects/plans/index.tsx'),
      },
      {
        path: '/projects/experts',
        name: '专家库与年度考核',
        access: 'canManageExperts',
        description: '评审专家按领域入库（DT-09d），部门年度考核结果（DT-31）',
        load: () => import('./pages/projects/experts/index.tsx'),
      },
      {
        path: '/projects/plans/:id',
        name: '规划详情',
        access: 'canSeePlans',
        hideInMenu: true,
        load: () => import('./pages/projects/plans/detail/index.tsx'),
      },
      {
        path: '/projects/:id',
        name: '项目详情',
        access: 'canSeeProjects',
        hideInMenu: true,
        load: () => import('./pages/projects/detail/index.tsx'),
      },
      {
        path: '/projects/:id/edit',
        name: '修改申报',
        access: 'canApplyProjects',
        hideInMenu: true,
        load: () => import('./pages/projects/form/index.tsx'),
      },
      {
        path: '/projects/:id/review',
        name: '合理性审核',
        access: 'canSeeProjects',
        hideInMenu: true,
        load: () => import('./pages/projects/review/index.tsx'),
      },
      {
        path: '/projects/:id/expert',
        name: '专家意见',
        access: 'canSeeProjects',
        hideInMenu: true,
        load: () => import('./pages/projects/expert/index.tsx'),
      },
      {
        path: '/projects/:id/construction',
        name: '建设与整改',
        access: 'canSeeObligations',
        hideInMenu: true,
        load: () => import('./pages/projects/construction/index.tsx'),
      },
      {
        path: '/projects/:id/progress',
        name: '项目进度',
        access: 'canSeeProjects',
        hideInMenu: true,
        load: () => import('./pages/projects/progress/index.tsx'),
      },
      {
        path: '/projects/:id/steps/:stepId',
        name: '办理',
        access: 'canSeeProjects',
        hideInMenu: true,
        load: () => import('./pages/projects/step/index.tsx'),
      },
    ],
  },
  {
    path: '/public/notices',
    name: '资金分配公示',
    layout: false,
    hideInMenu: true,
    load: () => import('./pages/funds/public/index.tsx'),
  },
  {
    path: '/q/:slug',
    name: '满意度问卷填写',
    layout: false,
    hideInMenu: true,
    load: () => import('./pages/questionnaire/public/index.tsx'),
  },
  {
    path: '/questionnaires',
    name: '满意度问卷',
    icon: 'catalog',
    access: 'canManagePublicity',
    description: '成效评价的公众满意度问卷：设计、发布链接和二维码、统计图表（DT-30、SC-24、XZ-26）',
    load: () => import('./pages/questionnaire/index.tsx'),
  },
  {
    path: '/questionnaires/:id',
    name: '问卷详情',
    access: 'canManagePublicity',
    hideInMenu: true,
    load: () => import('./pages/questionnaire/detail.tsx'),
  },
  {
    path: '/funds',
    name: '资金管理',
    icon: 'project',
    access: 'authenticated',
    children: [
      {
        path: '/funds/projects',
        name: '项目资金',
        access: 'canSeeFunds',
        description: '预算评审与预算审定意见、各级分担、按年度的资金台账（DT-14、DT-16、SC-13、XZ-11）',
        load: () => import('./pages/funds/projects/index.tsx'),
      },
      {
        path: '/funds/notices',
        name: '资金分配公示',
        access: 'canManagePublicity',
        description: '资金拟分配计划公示、公众异议与答复（DT-15、SC-13）',
        load: () => import('./pages/funds/notices/index.tsx'),
      },
      {
        path: '/funds/disbursements',
        name: '资金拨付',
        access: 'canSeeDisbursements',
        description: '拨付申请与逐项拨付条件（依据条款），例外处理须两名财政人员',
        load: () => import('./pages/funds/disbursements/index.tsx'),
      },
      {
        path: '/funds/projects/:id',
        name: '项目资金详情',
        access: 'canSeeFunds',
        hideInMenu: true,
        load: () => import('./pages/funds/project/index.tsx'),
      },
    ],
  },
  {
    path: '/catalog',
    name: '目录管理',
    icon: 'catalog',
    access: 'authenticated',
    children: [
      {
        path: '/catalog/systems',
        name: '系统目录',
        access: 'canSeeCatalogs',
        description: '政务信息系统目录：登记、修改、报废或并入（SC-10）',
        load: () => import('./pages/catalog/systems/index.tsx'),
      },
      {
        path: '/catalog/resources',
        name: '信息资源目录',
        access: 'canSeeCatalogs',
        description: '信息资源注册、审核、发布与下架，一数一源提示（DT-10、SC-26）',
        load: () => import('./pages/catalog/resources/index.tsx'),
      },
      {
        path: '/catalog/cloud-services',
        name: '云服务目录',
        access: 'canSeeCloudCatalog',
        description: '政务云 IaaS、PaaS、SaaS 服务及单价（DT-13、SC-12）',
        load: () => import('./pages/catalog/cloud-services/index.tsx'),
      },
      {
        path: '/catalog/system-count',
        name: '只减不增',
        access: 'canSeeSystemCount',
        description: '各月在册系统数，总量增加的月份标红（DT-01）',
        load: () => import('./pages/catalog/system-count/index.tsx'),
      },
    ],
  },
  {
    // 运行与安全 (issue 15): the records follow the system catalog's scope, so the catalog readers see them.
    path: '/operations',
    name: '运行与安全',
    icon: 'lock',
    access: 'canSeeCatalogs',
    children: [
      {
        path: '/operations/overview',
        name: '安全概览',
        access: 'canSeeCatalogs',
        description: '到期测评、逾期演练、未办结安全事件，可导出 Excel（DT-35、DT-36）',
        load: () => import('./pages/operations/overview/index.tsx'),
      },
      {
        path: '/operations/systems',
        name: '系统安全档案',
        access: 'canSeeCatalogs',
        description: '等保定级备案、测评、密评、风险评估、自主可控产品（DT-35、SC-28、XZ-31）',
        load: () => import('./pages/operations/systems/index.tsx'),
      },
      {
        path: '/operations/emergency-plans',
        name: '应急预案与演练',
        access: 'canSeeCatalogs',
        description: '预案版本与演练计划、举行情况（DT-36、SC-29、XZ-32）',
        load: () => import('./pages/operations/emergency-plans/index.tsx'),
      },
      {
        path: '/operations/incidents',
        name: '安全事件',
        access: 'canSeeCatalogs',
        description: '分级报告时限、处置记录、报备与更正（DT-36、SC-29、XZ-31、XZ-32）',
        load: () => import('./pages/operations/incidents/index.tsx'),
      },
      {
        path: '/operations/responsibilities',
        name: '数据质量责任',
        access: 'canSeeCatalogs',
        description: '资源的采集、校核与责任单位（DT-34、JC-06）',
        load: () => import('./pages/operations/responsibilities/index.tsx'),
      },
      {
        path: '/operations/base-libraries',
        name: '基础资源库',
        access: 'canSeeCatalogs',
        description: '六大基础资源库与责任单位（DT-33）',
        load: () => import('./pages/operations/base-libraries/index.tsx'),
      },
      {
        path: '/operations/internal-rules',
        name: '部门内部管理制度',
        access: 'canSeeCatalogs',
        description: '九项全生命周期管理制度登记与缺项（DT-05b）',
        load: () => import('./pages/operations/internal-rules/index.tsx'),
      },
      {
        path: '/operations/cloud',
        name: '上云与运维移交',
        access: 'canSeeCatalogs',
        description: '各部门上云情况、不上云申请审核、运维移交（XZ-08b、XZ-28、XZ-30）',
        load: () => import('./pages/operations/cloud/index.tsx'),
      },
      {
        path: '/operations/retirements',
        name: '停用报废',
        access: 'canSeeCatalogs',
        description: '申请、数据归档或迁移确认、审批，退出在册总数（DT-01）',
        load: () => import('./pages/operations/retirements/index.tsx'),
      },
      {
        path: '/operations/monitoring',
        name: '政务信息资源日常监测',
        access: 'canSeeCatalogs',
        description: '运行系统每日监测记录，缺漏日期标出（SC-27）',
        load: () => import('./pages/operations/monitoring/index.tsx'),
      },
    ],
  },
  {
    path: '/dedup',
    name: '查重',
    icon: 'catalog',
    access: 'canSeeCatalogs',
    children: [
      {
        path: '/dedup/check',
        name: '拟建项目查重',
        access: 'canSeeCatalogs',
        description: '拟建内容与已有系统、项目、资源及统建清单、负面清单比对，无需先建项目',
        load: () => import('./pages/dedup/check/index.tsx'),
      },
      {
        path: '/dedup/unified',
        name: '统建清单',
        access: 'canSeeCatalogs',
        description: '统一建设、各部门必须使用的系统和能力',
        load: () => import('./pages/dedup/lists/index.tsx'),
      },
      {
        path: '/dedup/negative',
        name: '负面清单',
        access: 'canSeeCatalogs',
        description: '任何部门不得自行建设的内容',
        load: () => import('./pages/dedup/lists/index.tsx'),
      },
    ],
  },
  {
    path: '/admin',
    name: '系统管理',
    icon: 'setting',
    access: 'authenticated',
    children: [
      {
        path: '/admin/organisations',
        name: '组织机构',
        icon: 'organisation',
        access: 'canAdminOrgs',
        description: '各辖区的主管部门、审批、财政及建设单位',
        load: () => import('./pages/admin/organisations/index.tsx'),
      },
      {
        path: '/admin/users',
        name: '用户管理',
        icon: 'user',
        access: 'canAdminUsers',
        description: '平台账号、启用状态与所任角色',
        load: () => import('./pages/admin/users/index.tsx'),
      },
      {
        path: '/admin/calendar',
        name: '节假日管理',
        icon: 'calendar',
        access: 'canAdminCalendar',
        description: '国务院办公厅公布的放假调休安排与期限计算',
        load: () => import('./pages/admin/calendar/index.tsx'),
      },
      {
        path: '/admin/security',
        name: '账户安全与授权',
        icon: 'lock',
        access: 'canManageSecurity',
        description: '角色授权与撤销、账户解锁、动态口令重置（安全管理员）',
        load: () => import('./pages/admin/security/index.tsx'),
      },
    ],
  },
  {
    path: '/audit',
    name: '审计日志',
    icon: 'audit',
    access: 'canReadAudit',
    description: '按时间、操作人、操作类型查询安全审计记录',
    load: () => import('./pages/audit/index.tsx'),
  },
  {
    path: '/account/password',
    name: '修改密码',
    icon: 'lock',
    access: 'authenticated',
    hideInMenu: true,
    load: () => import('./pages/account/password/index.tsx'),
  },
  {
    path: '/account/notifications',
    name: '通知设置',
    icon: 'setting',
    access: 'canSeeProjects',
    hideInMenu: true,
    load: () => import('./pages/account/notifications/index.tsx'),
  },
  {
    path: '/account/mfa',
    name: '动态口令',
    icon: 'lock',
    access: 'authenticated',
    hideInMenu: true,
    load: () => import('./pages/account/mfa/index.tsx'),
  },
  {
    path: '/public/evaluation',
    name: '年度考核结果公示',
    layout: false,
    hideInMenu: true,
    load: () => import('./pages/evaluation/public/index.tsx'),
  },
  {
    // 年度考核 (issue 14): departments see their own projects, the authority and oversight roles the jurisdiction.
    path: '/evaluation',
    name: '年度考核',
    icon: 'project',
    access: 'canSeeCatalogs',
    children: [
      {
        path: '/evaluation/rounds',
        name: '考核年度',
        access: 'canSeeCatalogs',
        description:
          '自评价、财政抽查、绩效考核评分、应用效能评估、整改与年度报告（DT-07、DT-27、DT-28、DT-30、DT-31）',
        load: () => import('./pages/evaluation/rounds/index.tsx'),
      },
      {
        path: '/evaluation/rounds/:id',
        name: '考核详情',
        access: 'canSeeCatalogs',
        hideInMenu: true,
        load: () => import('./pages/evaluation/round/index.tsx'),
      },
    ],
  },
  {
    path: '*',
    name: '页面不存在',
    access: 'authenticated',
    hideInMenu: true,
    load: () => import('./pages/not-found/index.tsx'),
  },
];
