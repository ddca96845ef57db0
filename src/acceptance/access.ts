/**
 * Who may call the acceptance routes: the project parties read the acceptance deadlines and the
 * 延期验收 requests; the body that owes the deadline (the department) requests; the authority decides
 * and records the planned acceptance date. Which body of the rulebook owes and decides, and the
 * project's visibility, are checked per request (src/acceptance/commands/).
 */

import { AUTHORITY, PROJECT_PARTIES, type RouteRule } from '../access/index.ts';

export const ACCEPTANCE_ACCESS: Record<string, RouteRule> = {
  'GET /api/projects/:id/acceptance-extensions': {
    roles: PROJECT_PARTIES,
    relation: 'own_department',
    note: '项目相关单位可见验收期限和延期验收申请',
  },
  'POST /api/projects/:id/acceptance-extensions': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '规则集指定的义务单位（项目建设单位）提出延期验收申请',
  },
  'POST /api/projects/:id/acceptance-extensions/:extensionId/decision': {
    roles: AUTHORITY,
    relation: 'own_jurisdiction',
    note: '规则集指定的主管部门审批延期验收申请；不得审批本人提出的申请',
  },
  'POST /api/projects/:id/acceptance-plan': {
    roles: AUTHORITY,
    relation: 'own_jurisdiction',
    note: '主管部门登记批复的计划验收日期',
  },
};
