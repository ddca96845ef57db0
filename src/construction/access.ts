/**
 * Who may call the construction routes: the project parties (the department or the body the
 * rulebook names for the step, e.g. XZ's 数据中心) record; oversight reads. The step's actor and
 * the project's visibility are checked per request (src/projects repository and step core).
 */

import type { Role } from '../access/roles.ts';
import type { RouteRule } from '../access/rule.ts';

const PARTIES: readonly Role[] = [
  'dept_staff',
  'dept_leader',
  'authority_reviewer',
  'authority_leader',
  'approver',
  'finance_officer',
  'leadership_body',
];

export const CONSTRUCTION_ACCESS: Record<string, RouteRule> = {
  'GET /api/projects/:id/contracts': {
    roles: PARTIES,
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
};
