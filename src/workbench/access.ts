/**
 * Authorization-matrix entries of the workbench module (issue 17): 待办, 已办, 我发起的 and the one
 * search box. Each answers only what the caller may already see (visibility in the queries).
 */

import type { RouteRule } from '../access/index.ts';
import { BUSINESS_ROLES, OVERSIGHT } from '../access/index.ts';

export const WORKBENCH_ROUTE_ACCESS: Record<string, RouteRule> = {
  'GET /api/tasks': { roles: BUSINESS_ROLES, relation: 'self' },
  'GET /api/workbench/done': { roles: BUSINESS_ROLES, relation: 'self' },
  'GET /api/workbench/started': { roles: BUSINESS_ROLES, relation: 'self' },
  'GET /api/workbench/export': {
    roles: BUSINESS_ROLES,
    relation: 'self',
    note: '只导出本人可见的行；导出记入审计，限条数、限频',
  },
  'GET /api/cockpit': {
    roles: OVERSIGHT,
    relation: 'own_jurisdiction',
    note: '只统计本人可见的项目',
  },
  'GET /api/search': {
    roles: BUSINESS_ROLES,
    relation: 'own_jurisdiction',
    note: '项目按项目可见范围，系统与资源按目录可见范围，文件标题按所属项目的可见范围',
  },
};
