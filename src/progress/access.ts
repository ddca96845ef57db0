/**
 * Who may call the progress routes: the project parties read; the department (or the body the
 * rulebook names as reporter, e.g. XZ's 数据中心) reports and applies; the authority evaluates and
 * decides — in JC the department evaluates after the approval (五.5). The rulebook's actor and the
 * project's visibility are checked per request (src/progress/commands/).
 */

import { PROJECT_PARTIES, type Role, type RouteRule } from '../access/index.ts';

const AUTHORITY: readonly Role[] = ['authority_reviewer', 'authority_leader', 'approver'];

export const PROGRESS_ACCESS: Record<string, RouteRule> = {
  'GET /api/projects/:id/progress': {
    roles: PROJECT_PARTIES,
    relation: 'own_department',
    note: '项目相关单位可见进度计划、进度报告、偏差、风险和调整申请',
  },
  'POST /api/projects/:id/progress/baseline': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '由规则集指定的填报单位经办人建立进度计划',
  },
  'POST /api/projects/:id/progress/reports': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '由规则集指定的填报单位经办人报送定期进度报告',
  },
  'POST /api/projects/:id/change-requests': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '项目建设单位提交调整申请',
  },
  'POST /api/projects/:id/change-requests/:requestId/evaluate': {
    roles: [...AUTHORITY, 'dept_staff', 'dept_leader'],
    relation: 'own_jurisdiction',
    note: '规则集指定的评估方（主管部门；JC 为通过后由实施单位协同相关部门或专家）综合评估；不得评估本人的申请',
  },
  'POST /api/projects/:id/change-requests/:requestId/decision': {
    roles: AUTHORITY,
    relation: 'own_jurisdiction',
    note: '主管部门决定调整申请；不得决定本人的申请',
  },
};
