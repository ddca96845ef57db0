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
import type { RouteEntry } from './route-types.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { projectRoutes } from './routes/projects.ts';

export type { IconKey, PageModule, RouteEntry } from './route-types.ts';

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
    load: () => import('./pages/workbench/search/index.tsx'),
  },
  {
    path: '/rulebooks',
    name: '规则集',
    icon: 'rulebook',
    access: 'canSeeRulebooks',
    description: '各辖区适用的管理办法条款、期限与闸口规则',
    load: () => import('./pages/rulebooks/list/index.tsx'),
  },
  {
    path: '/rulebooks/:code',
    name: '规则集详情',
    access: 'canSeeRulebooks',
    hideInMenu: true,
    load: () => import('./pages/rulebooks/detail/index.tsx'),
  },
  projectRoutes,
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
    load: () => import('./pages/questionnaire/list/index.tsx'),
  },
  {
    path: '/questionnaires/:id',
    name: '问卷详情',
    access: 'canManagePublicity',
    hideInMenu: true,
    load: () => import('./pages/questionnaire/detail/index.tsx'),
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
  ...catalogRoutes,
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
        load: () => import('./pages/org/organisations/index.tsx'),
      },
      {
        path: '/admin/users',
        name: '用户管理',
        icon: 'user',
        access: 'canAdminUsers',
        description: '平台账号、启用状态与所任角色',
        load: () => import('./pages/org/users/index.tsx'),
      },
      {
        path: '/admin/calendar',
        name: '节假日管理',
        icon: 'calendar',
        access: 'canAdminCalendar',
        description: '国务院办公厅公布的放假调休安排与期限计算',
        load: () => import('./pages/calendar/years/index.tsx'),
      },
      {
        path: '/admin/security',
        name: '账户安全与授权',
        icon: 'lock',
        access: 'canManageSecurity',
        description: '角色授权与撤销、账户解锁、动态口令重置（安全管理员）',
        load: () => import('./pages/identity/security/index.tsx'),
      },
    ],
  },
  {
    path: '/audit',
    name: '审计日志',
    icon: 'audit',
    access: 'canReadAudit',
    description: '按时间、操作人、操作类型查询安全审计记录',
    load: () => import('./pages/audit/log/index.tsx'),
  },
  {
    path: '/account/password',
    name: '修改密码',
    icon: 'lock',
    access: 'authenticated',
    hideInMenu: true,
    load: () => import('./pages/identity/password/index.tsx'),
  },
  {
    path: '/account/notifications',
    name: '通知设置',
    icon: 'setting',
    access: 'canSeeProjects',
    hideInMenu: true,
    load: () => import('./pages/notifications/preferences/index.tsx'),
  },
  {
    path: '/account/mfa',
    name: '动态口令',
    icon: 'lock',
    access: 'authenticated',
    hideInMenu: true,
    load: () => import('./pages/identity/mfa/index.tsx'),
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
