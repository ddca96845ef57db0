/**
 * Who sees and decides obligations. Scope (SQL, see `scopeCondition`): obligations held by one of
 * the caller's organisations; obligations of projects the caller may see (src/projects visibility);
 * obligations of catalog systems in a jurisdiction the caller oversees as the authority. Extending
 * or waiving is the authority's decision, never on an obligation its own organisation holds.
 */

import { AUTHORITY, DEPARTMENT, OVERSIGHT, type Role, type RouteRule } from '../access/index.ts';

/** Roles that read obligations (their own, their projects', their jurisdiction's). */
export const OBLIGATION_READERS: readonly Role[] = [...DEPARTMENT, ...OVERSIGHT];

export const OBLIGATION_ACCESS: Record<string, RouteRule> = {
  'GET /api/obligations': {
    roles: OBLIGATION_READERS,
    relation: 'own_department',
    note: '本单位承担的义务、可见项目的义务；主管部门另见本辖区系统的义务',
  },
  'GET /api/obligations/board': {
    roles: OBLIGATION_READERS,
    relation: 'own_jurisdiction',
    note: '督办看板：按单位和类别统计；部门只见本单位',
  },
  'GET /api/obligations/export': {
    roles: OBLIGATION_READERS,
    relation: 'own_jurisdiction',
    note: '督办台账导出（CSV），记入审计',
  },
  'POST /api/obligations/:id/extend': {
    roles: AUTHORITY,
    relation: 'own_jurisdiction',
    note: '主管部门批准延期；不得处理本单位承担的义务',
  },
  'POST /api/obligations/:id/waive': {
    roles: AUTHORITY,
    relation: 'own_jurisdiction',
    note: '主管部门豁免并说明理由；不得处理本单位承担的义务',
  },
};
