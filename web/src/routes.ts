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

export type IconKey = 'home' | 'rulebook' | 'setting' | 'organisation' | 'user' | 'audit' | 'lock';

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
    path: '/rulebooks',
    name: '规则集',
    icon: 'rulebook',
    access: 'canSeeRulebooks',
    description: '各辖区适用的管理办法条款、期限与闸口规则',
    load: () => import('./pages/rulebooks/index.tsx'),
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
    path: '*',
    name: '页面不存在',
    access: 'authenticated',
    hideInMenu: true,
    load: () => import('./pages/not-found/index.tsx'),
  },
];
