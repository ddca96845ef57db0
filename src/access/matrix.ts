/**
 * The authorization matrix (SECURITY.md 13): for every API route, which roles may call it and
 * which relation to the object is required. The app refuses to start when a route under /api has
 * no entry here, and the access plugin enforces the roles before any handler runs; relations
 * (own department, own jurisdiction, assigned expert) are enforced by each domain's queries and
 * tested route by route. Every module keeps its rows in its own access.ts, exported by its
 * index.ts; this file only composes them, in the order of a project's life. src/app.ts (the
 * composition root) hands ROUTE_ACCESS to the identity plugin, which does not import this file (it
 * would cycle: module routes → identity → matrix → module index).
 */
import { ACCEPTANCE_ACCESS } from '../acceptance/index.ts';
import { AUDIT_ACCESS } from '../audit/index.ts';
import { CALENDAR_ACCESS } from '../calendar/index.ts';
import { CATALOG_ROUTE_ACCESS } from '../catalog/index.ts';
import { CONSTRUCTION_ACCESS } from '../construction/index.ts';
import { DEDUP_ACCESS } from '../dedup/index.ts';
import { EVALUATION_ACCESS } from '../evaluation/index.ts';
import { FUNDS_ACCESS } from '../funds/index.ts';
import { IDENTITY_ACCESS } from '../identity/index.ts';
import { NOTIFICATION_ACCESS } from '../notifications/index.ts';
import { OBLIGATION_ACCESS } from '../obligations/index.ts';
import { OPERATIONS_ACCESS } from '../operations/index.ts';
import { ORG_ACCESS } from '../org/index.ts';
import { PLAN_ACCESS } from '../plans/index.ts';
import { PROGRESS_ACCESS } from '../progress/index.ts';
import { PROJECT_ACCESS } from '../projects/index.ts';
import { PUBLICATION_ACCESS } from '../publication/index.ts';
import { QUESTIONNAIRE_ACCESS } from '../questionnaire/index.ts';
import { REVIEW_ACCESS } from '../review/index.ts';
import { RULEBOOK_ACCESS } from '../rulebooks/index.ts';
import { WORKBENCH_ROUTE_ACCESS } from '../workbench/index.ts';
import { WORKFLOW_ACCESS } from '../workflow/index.ts';
import type { RouteRule } from './rule.ts';

export type { Relation, RouteRule } from './rule.ts';

/** The composition root's own route (src/app.ts): the load balancer's health check. */
const ROOT_ACCESS: Record<string, RouteRule> = {
  'GET /api/health': { public: true, relation: 'none' },
};

export const ROUTE_ACCESS: Record<string, RouteRule> = {
  ...ROOT_ACCESS,
  // accounts, the directory, the audit log and reference data
  ...IDENTITY_ACCESS,
  ...ORG_ACCESS,
  ...AUDIT_ACCESS,
  ...CALENDAR_ACCESS,
  ...RULEBOOK_ACCESS,
  ...NOTIFICATION_ACCESS,
  // the catalogs, then a project from plan to 立项
  ...CATALOG_ROUTE_ACCESS,
  ...PLAN_ACCESS,
  ...PROJECT_ACCESS,
  ...WORKFLOW_ACCESS,
  ...DEDUP_ACCESS,
  ...REVIEW_ACCESS,
  ...OBLIGATION_ACCESS,
  // after 立项: construction, acceptance, progress and money, operation, evaluation
  ...CONSTRUCTION_ACCESS,
  ...ACCEPTANCE_ACCESS,
  ...PROGRESS_ACCESS,
  ...FUNDS_ACCESS,
  ...OPERATIONS_ACCESS,
  ...EVALUATION_ACCESS,
  ...QUESTIONNAIRE_ACCESS,
  // what is public without an account, and the cross-module workbench
  ...PUBLICATION_ACCESS,
  ...WORKBENCH_ROUTE_ACCESS,
};
