/**
 * The project routes' rows of the authorization matrix (SECURITY.md 13; issue 5: from plan to 立项),
 * composed into ROUTE_ACCESS by src/access/matrix.ts: the list and its options, create, edit and
 * submit the application, the timeline, the submissions and the materials (routes.ts,
 * meta-routes.ts, material-routes.ts). Relations are enforced in repository.ts (visibleContext) and
 * by the rulebook's step actors (actors.ts). The step verbs are src/workflow's rows, the review's
 * src/review's.
 */
import { BUSINESS_ROLES, PROJECT_VIEWERS, type RouteRule, STEP_ACTORS } from '../access/index.ts';

export const PROJECT_ACCESS: Record<string, RouteRule> = {
  'GET /api/projects': {
    roles: BUSINESS_ROLES,
    relation: 'own_department',
    note: '本单位、本级管辖或指派给我的项目',
  },
  'GET /api/projects/meta': {
    roles: BUSINESS_ROLES,
    relation: 'none',
    note: '项目选项（代码与中文名），不含项目数据',
  },
  'POST /api/projects': { roles: ['dept_staff'], relation: 'own_department' },
  'GET /api/projects/:id': {
    roles: PROJECT_VIEWERS,
    relation: 'own_department',
    note: '部门本单位及共建；主管本级；专家仅指派',
  },
  'PATCH /api/projects/:id': { roles: ['dept_staff'], relation: 'own_department' },
  'POST /api/projects/:id/submit': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '规则集申报步骤的办理人',
  },
  'GET /api/projects/:id/timeline': { roles: PROJECT_VIEWERS, relation: 'own_department' },
  'GET /api/projects/:id/submissions': { roles: PROJECT_VIEWERS, relation: 'own_department' },
  'GET /api/projects/:id/submissions/:seq': { roles: PROJECT_VIEWERS, relation: 'own_department' },
  'POST /api/projects/:id/materials': {
    roles: STEP_ACTORS,
    relation: 'own_department',
    note: '申请材料或本环节决定文书',
  },
  'DELETE /api/projects/:id/materials/:materialId': { roles: STEP_ACTORS, relation: 'own_department' },
  'GET /api/projects/:id/materials/:materialId/download': {
    roles: PROJECT_VIEWERS,
    relation: 'own_department',
  },
};
