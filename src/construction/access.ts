/**
 * Who may call the construction routes: the project parties (the department or the body the
 * rulebook names for the step, e.g. XZ's 数据中心) record; oversight reads. The step's actor and
 * the project's visibility are checked per request (src/projects repository and step core).
 */

import { AUTHORITY, PROJECT_PARTIES, type Role, type RouteRule } from '../access/index.ts';

/** Roles of the overseeing bodies that order and judge rectification (the matrix rows and rules.ts). */
export const OVERSEERS: readonly Role[] = [...AUTHORITY, 'leadership_body'];

export const CONSTRUCTION_ACCESS: Record<string, RouteRule> = {
  'GET /api/projects/:id/contracts': {
    roles: PROJECT_PARTIES,
    relation: 'own_department',
    note: '项目相关单位（申报单位、主管部门等）可见',
  },
  'POST /api/projects/:id/contracts': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '由规则集指定的签约单位经办人登记',
  },
  'POST /api/projects/:id/contracts/:contractId/file': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '合同报主管部门备案',
  },
  'POST /api/projects/:id/contracts/:contractId/deliverables/:deliverableId/delivered': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '登记成果交付（设计文件、源代码、测试文档）',
  },
  'GET /api/projects/:id/supervisors': {
    roles: PROJECT_PARTIES,
    relation: 'own_department',
    note: '项目相关单位可见',
  },
  'POST /api/projects/:id/supervisors': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '由规则集指定的单位经办人报监理单位备案',
  },
  'GET /api/projects/:id/rectifications': {
    roles: PROJECT_PARTIES,
    relation: 'own_department',
    note: '项目相关单位可见整改通知和资金闸口',
  },
  'POST /api/projects/:id/rectifications': {
    roles: OVERSEERS,
    relation: 'own_jurisdiction',
    note: '主管部门（或其上级）责令限期整改',
  },
  'POST /api/projects/:id/rectifications/:rectificationId/report': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '项目建设单位报送整改情况',
  },
  'POST /api/projects/:id/rectifications/:rectificationId/decision': {
    roles: OVERSEERS,
    relation: 'own_jurisdiction',
    note: '认定整改合格、不合格或拒不整改；不得认定本人报送的整改',
  },
};
