/**
 * The public routes' rows of the authorization matrix (SECURITY.md 13), spread into ROUTE_ACCESS:
 * `public: true`, so they need no session. Every one that reads stored data is rate-limited and
 * filtered to what has been published (src/publication/routes.ts and the owning modules' queries).
 * `GET /api/health` and the login routes stay in src/access/matrix.ts with their owners.
 */
import type { RouteRule } from '../access/index.ts';

export const PUBLICATION_ACCESS: Record<string, RouteRule> = {
  'GET /api/public/login-info': { public: true, relation: 'none' },
  'GET /api/public/resources': { public: true, relation: 'none', note: '已发布且向社会开放的资源；限流' },
  'GET /api/public/resources/:code': {
    public: true,
    relation: 'none',
    note: '已发布且向社会开放的资源；限流',
  },
  'GET /api/public/notices': { public: true, relation: 'none', note: '公示中与往期公示；限流' },
  'GET /api/public/notices/:id': { public: true, relation: 'none', note: '限流' },
  'POST /api/public/notices/:id/objections': { public: true, relation: 'none', note: '匿名异议；严格限流' },
  'GET /api/public/questionnaires/:slug': { public: true, relation: 'none', note: '开放期内显示题目；限流' },
  'POST /api/public/questionnaires/:slug/responses': {
    public: true,
    relation: 'none',
    note: '匿名填写；每设备每天一次；按来源地址限流',
  },
  'GET /api/public/evaluation-results': {
    public: true,
    relation: 'none',
    note: '已公示的年度考核结果；限流',
  },
};
