/**
 * The review's rows of the authorization matrix (SECURITY.md 13), composed into ROUTE_ACCESS by
 * src/access/matrix.ts: the five-dimension review, expert and evaluator assignments and their
 * opinions, the filing certificates (routes.ts), the expert library and the departments' yearly
 * assessments (expert-routes.ts). An expert sees only their own assignment (relation `assigned`).
 */
import { AUTHORITY, OVERSIGHT, PROJECT_PARTIES, REVIEW_ASSIGNEES, type RouteRule } from '../access/index.ts';

export const REVIEW_ACCESS: Record<string, RouteRule> = {
  'GET /api/projects/:id/review': {
    roles: PROJECT_PARTIES,
    relation: 'own_jurisdiction',
    note: '专家、评估机构、承建单位不能查看评分',
  },
  'PUT /api/projects/:id/review': { roles: ['authority_reviewer'], relation: 'own_jurisdiction' },
  'GET /api/projects/:id/experts': {
    roles: [...OVERSIGHT, 'expert', 'third_party_evaluator'],
    relation: 'assigned',
    note: '专家只看到本人',
  },
  'POST /api/projects/:id/experts': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/projects/:id/expert-opinion': {
    roles: REVIEW_ASSIGNEES,
    relation: 'assigned',
  },
  'GET /api/projects/:id/certificates': { roles: PROJECT_PARTIES, relation: 'own_department' },
  'GET /api/projects/:id/certificates/:certificateId/download': {
    roles: PROJECT_PARTIES,
    relation: 'own_department',
  },
  'GET /api/experts': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/experts': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'GET /api/department-assessments': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/department-assessments': { roles: AUTHORITY, relation: 'own_jurisdiction' },
};
