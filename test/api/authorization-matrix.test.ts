/**
 * The authorization matrix as a test (SECURITY.md 13): every route in src/access/matrix.ts is
 * registered, every registered /api route has an entry (start-up refuses otherwise — shown below),
 * and every entry is called as anonymous and as every canonical role: allowed roles get the
 * success path, the others 401/403 with no data.
 *
 * The relation dimension (SECURITY.md 13–15): a route whose matrix entry names an object relation
 * (own_department, own_jurisdiction, assigned) must list `relations` in its case — at least one call
 * on each side of the relation (own and other department, own and other jurisdiction, assigned and
 * unassigned), each made by an allowed role: the own side succeeds, the other side gets 403 or 404
 * with no data. Domains add their cases to CASES next to their routes' entries.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Relation, ROUTE_ACCESS, type RouteRule } from '../../src/access/matrix.ts';
import { ROLE_CODES, type Role } from '../../src/access/roles.ts';
import { buildApp } from '../../src/app.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import type { Call, Method, RelationCase, RelationSide, RouteCase } from '../access/types.ts';
import { login, type Session, setup, type TestContext } from '../helper.ts';
import { declaresTest } from '../traceability-check.ts';
import {
  applicationBody,
  FIVE_OPINIONS,
  multipart,
  ProjectFixtures,
  pdfBytes,
  Sessions,
} from './projects-support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Cases kept beside each module's tests: every test/access/<module>.cases.ts exports CASES. */
const MODULE_CASES: Record<string, RouteCase> = {};
for (const file of fs.readdirSync(path.join(ROOT, 'test/access')).sort()) {
  if (!file.endsWith('.cases.ts')) continue;
  const mod = (await import(path.join(ROOT, 'test/access', file))) as { CASES: Record<string, RouteCase> };
  for (const [key, routeCase] of Object.entries(mod.CASES)) {
    if (key in MODULE_CASES) throw new Error(`${key}: case defined twice (test/access/${file})`);
    MODULE_CASES[key] = routeCase;
  }
}

/** The sides each object relation must be tested on; the first is the allowed side. */
const RELATION_SIDES: Partial<Record<Relation, [RelationSide, RelationSide]>> = {
  own_department: ['own_department', 'other_department'],
  own_jurisdiction: ['own_jurisdiction', 'other_jurisdiction'],
  assigned: ['assigned', 'unassigned'],
};

const DENIED_SIDES = new Set<RelationSide>(['other_department', 'other_jurisdiction', 'unassigned']);

/** Matrix entries with an object relation whose case lacks a side of it (pure: tested below). */
function missingRelationCases(
  access: Record<string, RouteRule>,
  cases: Record<string, Pick<RouteCase, 'relations' | 'relationsTestedIn'>>,
): string[] {
  const missing: string[] = [];
  for (const [key, rule] of Object.entries(access)) {
    const sides = RELATION_SIDES[rule.relation];
    if (!sides || (cases[key]?.relationsTestedIn?.length ?? 0) > 0) continue;
    const present = new Set((cases[key]?.relations ?? []).map((r) => r.side));
    for (const side of sides) if (!present.has(side)) missing.push(`${key}: ${side}`);
  }
  return missing;
}

let ctx: TestContext;
let admin: Session;
let seqCounter = 0;

async function newUser(): Promise<string> {
  const n = ++seqCounter;
  const res = await admin.request('POST', '/api/users', {
    username: `matrix.u${n}`,
    displayName: `矩阵用户${n}`,
    initialPassword: 'Matrix#Pass-2026',
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

async function anyOrganisation(
  kind = 'department',
): Promise<{ id: string; version: number; jurisdictionId: string }> {
  const res = await admin.request('GET', '/api/organisations');
  return res.json().items.find((o: { kind: string }) => o.kind === kind);
}

const okOr =
  (...codes: number[]) =>
  (res: LightMyRequestResponse) =>
    res.statusCode < 300 || codes.includes(res.statusCode);

// ---- catalog cases (issue 4): objects of 大同市教育局 (dt.staff) and of DT's authority (dt.reviewer) ----
const catalogSessions = new Map<string, Session>();
async function catalogAs(username: string): Promise<Session> {
  const cached = catalogSessions.get(username);
  if (cached) return cached;
  const session = await login(ctx, username);
  catalogSessions.set(username, session);
  return session;
}
async function catalogOrg(name: string): Promise<string> {
  const res = await admin.request('GET', '/api/organisations');
  return res.json().items.find((o: { name: string }) => o.name === name).id;
}
async function catalogJurisdiction(code: string): Promise<string> {
  const res = await admin.request('GET', '/api/jurisdictions');
  return res.json().items.find((j: { code: string }) => j.code === code).id;
}
const catalogSystem = (seq: number) => ({
  name: `矩阵系统${seq}`,
  purpose: '授权矩阵测试',
  status: 'in_operation',
  deployment: 'city_cloud',
  networks: ['extranet'],
  projectRefs: [],
  resourceCodes: [],
  sharedOnPlatform: false,
  cloudMigration: 'migrated',
});
const catalogResource = (seq: number) => ({
  code: '319009001',
  category: 'department',
  name: `矩阵资源${seq}`,
  providerCode: '11140200000000990R',
  summary: '授权矩阵测试',
  formatClass: 'database',
  formatType: '达梦',
  dataItems: [{ name: '名称', dataType: 'string', length: 50 }],
  sharing: 'conditional',
  sharingConditions: '履职需要',
  sharingMethods: ['interface'],
  openness: 'none',
  updateCycle: 'yearly',
  relatedCodes: [],
  classified: false,
});
const catalogCloud = (seq: number) => ({
  name: '矩阵云主机',
  category: 'iaas',
  spec: `${seq}核`,
  unit: '台·年',
  unitPrice: 100,
  provider: '矩阵云服务商',
});
async function catalogNewSystem(seq: number): Promise<{ id: string; version: number }> {
  const res = await (await catalogAs('dt.staff')).request('POST', '/api/catalog/systems', catalogSystem(seq));
  assert.equal(res.statusCode, 201, res.body);
  return res.json().system;
}
/** A resource of 大同市教育局, moved by dt.staff / dt.authlead to `state`. */
async function catalogNewResource(
  seq: number,
  state: 'registered' | 'under_review' | 'published' = 'registered',
): Promise<{ id: string; version: number }> {
  const staff = await catalogAs('dt.staff');
  const res = await staff.request('POST', '/api/catalog/resources', catalogResource(seq));
  assert.equal(res.statusCode, 201, res.body);
  let resource = res.json().resource;
  if (state !== 'registered') {
    const submitted = await staff.request('POST', `/api/catalog/resources/${resource.id}/submit`, {
      version: 1,
    });
    resource = submitted.json().resource;
  }
  if (state === 'published') {
    const published = await (await catalogAs('dt.authlead')).request(
      'POST',
      `/api/catalog/resources/${resource.id}/review`,
      { decision: 'publish', version: resource.version },
    );
    resource = published.json().resource;
  }
  return resource;
}
async function catalogNewCloud(seq: number, approved = false): Promise<{ id: string; version: number }> {
  const reviewer = await catalogAs('dt.reviewer');
  const res = await reviewer.request('POST', '/api/catalog/cloud-services', catalogCloud(seq));
  assert.equal(res.statusCode, 201, res.body);
  if (!approved) return res.json();
  const done = await reviewer.request('POST', '/api/catalog/cloud-services/approve', {
    items: [{ id: res.json().id, version: 1 }],
  });
  return done.json().items[0];
}
const fileRequired = (res: LightMyRequestResponse) =>
  res.statusCode === 400 && res.json().code === 'CATALOG_FILE_REQUIRED';
/** Relation calls on a department-owned object: dt.staff owns it, dt.staff2 (another department) does not. */
const byDepartment = (call: RouteCase['call']): RelationCase[] => [
  { side: 'own_department', as: 'dt.staff', call },
  { side: 'other_department', as: 'dt.staff2', call },
];
/** Relation calls in the authority's jurisdiction: dt.reviewer's own, sc.reviewer's another. */
const byJurisdiction = (call: RouteCase['call']): RelationCase[] => [
  { side: 'own_jurisdiction', as: 'dt.reviewer', call },
  { side: 'other_jurisdiction', as: 'sc.reviewer', call },
];
/** A list filtered on an organisation: own gives 200, another department's a 404. */
const listByOrganisation = (path: string, param: string): RelationCase[] => [
  {
    side: 'own_department',
    as: 'dt.staff',
    call: async () => ({ url: `${path}?${param}=${await catalogOrg('大同市教育局')}` }),
  },
  {
    side: 'other_department',
    as: 'dt.staff',
    call: async () => ({ url: `${path}?${param}=${await catalogOrg('大同市卫生健康委员会')}` }),
  },
];
const listByJurisdiction = (path: string, as: string): RelationCase[] => [
  { side: 'own_jurisdiction', as, call: () => ({ url: `${path}?jurisdiction=DT` }) },
  { side: 'other_jurisdiction', as, call: () => ({ url: `${path}?jurisdiction=SC` }) },
];

// ---- project cases (issue 5): DT projects of 大同市教育局 (dt.staff), reviewed by 数字政府服务中心 ----
let projectFx: ProjectFixtures | undefined;
const fx = () => {
  projectFx ??= new ProjectFixtures(ctx, new Sessions(ctx));
  return projectFx;
};
const shared = () => fx().shared();
/**
 * The handler answered (an allowed role): success, or a refusal by the object relation or a rule —
 * anything but the matrix's own 403 FORBIDDEN.
 */
const reached = (res: LightMyRequestResponse) =>
  res.statusCode < 300 ||
  [400, 404, 409, 422].includes(res.statusCode) ||
  (res.statusCode === 403 && res.json().code !== 'FORBIDDEN');
const uploadCall = (projectId: string, code = 'other'): Call => {
  const body = multipart({ materialCode: code }, { name: `${code}.pdf`, data: pdfBytes(code) });
  return { url: `/api/projects/${projectId}/materials`, body: body.payload, headers: body.headers };
};
const userIdOf = async (username: string) => (await login(ctx, username)).userId;
const stepUrl = (id: string, verb: string) => `/api/projects/${id}/steps/dt.review.assessment/${verb}`;

const CORE_CASES: Record<string, RouteCase> = {
  'GET /api/health': { call: () => ({ url: '/api/health' }) },
  'GET /api/public/login-info': { call: () => ({ url: '/api/public/login-info' }) },
  'POST /api/auth/login': {
    call: () => ({ url: '/api/auth/login', body: { username: 'dt.staff', password: 'Tc#Demo-2026' } }),
  },
  // A pending login that does not exist: the route is reached and answers 401 MFA_CHALLENGE_INVALID.
  'POST /api/auth/mfa': {
    call: () => ({ url: '/api/auth/mfa', body: { mfaToken: 'x'.repeat(43), code: '123456' } }),
    allowed: (res) => res.statusCode === 401 && res.json().code === 'MFA_CHALLENGE_INVALID',
  },
  'POST /api/auth/mfa/enrolment': { call: () => ({ url: '/api/auth/mfa/enrolment' }) },
  // A code that cannot be right proves the route was reached without enrolling demo users.
  'POST /api/auth/mfa/enrolment/confirm': {
    call: () => ({ url: '/api/auth/mfa/enrolment/confirm', body: { code: 'abcdef' } }),
    allowed: (res) =>
      res.statusCode === 400 && ['MFA_CODE_WRONG', 'MFA_ENROLMENT_NOT_STARTED'].includes(res.json().code),
  },
  'POST /api/auth/logout': { call: () => ({ url: '/api/auth/logout' }), endsSession: true },
  'GET /api/auth/me': { call: () => ({ url: '/api/auth/me' }) },
  // A wrong current password proves the route was reached without changing demo passwords.
  'POST /api/auth/password': {
    call: () => ({
      url: '/api/auth/password',
      body: { currentPassword: 'Not-The#Current1', newPassword: 'Whatever#2026x' },
    }),
    allowed: (res) => res.statusCode === 400 && res.json().code === 'CURRENT_PASSWORD_WRONG',
  },
  'GET /api/jurisdictions': { call: () => ({ url: '/api/jurisdictions' }) },
  'POST /api/jurisdictions': {
    call: async (_c, seq) => {
      const root = (await admin.request('GET', '/api/jurisdictions'))
        .json()
        .items.find((j: { code: string }) => j.code === 'SX');
      return {
        url: '/api/jurisdictions',
        body: {
          code: `MX${seq}`,
          name: `矩阵县${seq}`,
          level: 'district',
          parentId: root.id,
          rulebookCode: null,
        },
      };
    },
  },
  'GET /api/organisations': { call: () => ({ url: '/api/organisations' }) },
  'GET /api/organisations/:id': {
    call: async () => ({ url: `/api/organisations/${(await anyOrganisation()).id}` }),
  },
  'POST /api/organisations': {
    call: async (_c, seq) => {
      const o = await anyOrganisation();
      return {
        url: '/api/organisations',
        body: {
          name: `矩阵机构${seq}`,
          kind: 'department',
          parentId: null,
          jurisdictionId: o.jurisdictionId,
        },
      };
    },
  },
  'PATCH /api/organisations/:id': {
    call: async (_c, seq) => {
      const created = await admin.request('POST', '/api/organisations', {
        name: `矩阵改名${seq}`,
        kind: 'department',
        parentId: null,
        jurisdictionId: (await anyOrganisation()).jurisdictionId,
      });
      return {
        url: `/api/organisations/${created.json().id}`,
        body: { name: `矩阵改名后${seq}`, version: 1 },
      };
    },
  },
  'GET /api/users': { call: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    call: (_c, seq) => ({
      url: '/api/users',
      body: { username: `matrix.c${seq}`, displayName: '新用户', initialPassword: 'Matrix#Pass-2026' },
    }),
  },
  'PATCH /api/users/:id': {
    call: async () => ({ url: `/api/users/${await newUser()}`, body: { displayName: '改名', version: 1 } }),
  },
  'POST /api/users/:id/password-reset': {
    call: async () => ({
      url: `/api/users/${await newUser()}/password-reset`,
      body: { temporaryPassword: 'Temporary#Pass-2026' },
    }),
  },
  'GET /api/users/:id/sensitive': { call: async () => ({ url: `/api/users/${await newUser()}/sensitive` }) },
  'POST /api/users/lookup': { call: () => ({ url: '/api/users/lookup', body: { phone: '13800000000' } }) },
  'GET /api/security/users': { call: () => ({ url: '/api/security/users' }) },
  'GET /api/security/policy': { call: () => ({ url: '/api/security/policy' }) },
  'POST /api/users/:id/unlock': { call: async () => ({ url: `/api/users/${await newUser()}/unlock` }) },
  'DELETE /api/users/:id/mfa': { call: async () => ({ url: `/api/users/${await newUser()}/mfa` }) },
  'POST /api/users/:id/roles': {
    call: async () => ({
      url: `/api/users/${await newUser()}/roles`,
      body: { role: 'dept_staff', organisationId: (await anyOrganisation()).id },
    }),
  },
  'DELETE /api/users/:id/roles/:assignmentId': {
    call: async () => {
      const id = await newUser();
      const sec = await login(ctx, 'demo.secadmin');
      const granted = await sec.request('POST', `/api/users/${id}/roles`, {
        role: 'dept_staff',
        organisationId: (await anyOrganisation()).id,
      });
      return { url: `/api/users/${id}/roles/${granted.json().roles[0].id}` };
    },
  },
  'GET /api/audit': { call: () => ({ url: '/api/audit?limit=5' }) },
  'GET /api/audit/verify': { call: () => ({ url: '/api/audit/verify' }) },
  'GET /api/audit/export': { call: () => ({ url: '/api/audit/export?format=csv&action=auth.login' }) },
  'GET /api/calendar/years': { call: () => ({ url: '/api/calendar/years' }) },
  'GET /api/calendar/years/:year': { call: () => ({ url: '/api/calendar/years/2026' }) },
  'PUT /api/calendar/years/:year': {
    call: async (_c, seq) => {
      const year = 2040 + (seq % 50);
      return {
        url: `/api/calendar/years/${year}`,
        body: {
          rows: [{ date: `${year}-01-01`, kind: 'holiday', name: '元旦' }],
          publishedRef: `测试〔${year}〕${seq}号`,
        },
      };
    },
    // A year saved twice by different roles needs the version of the first save: 409 is authorised too.
    allowed: okOr(409),
  },
  'GET /api/calendar/compute': {
    call: () => ({ url: '/api/calendar/compute?from=2026-09-28&amount=5&unit=working_days' }),
  },
  'GET /api/rulebooks': { call: () => ({ url: '/api/rulebooks' }) },
  'GET /api/rulebooks/:jurisdiction': { call: () => ({ url: '/api/rulebooks/DT' }) },
  'POST /api/rulebooks/:jurisdiction/versions': {
    call: (_c, seq) => ({
      url: '/api/rulebooks/DT/versions',
      body: {
        baseCode: 'DT',
        jurisdictionCode: `MX${seq}`,
        name: `矩阵派生规则集${seq}`,
        effectiveFrom: '2027-01-01',
        changes: [],
      },
    }),
    allowed: okOr(400, 409),
  },
  'POST /api/rulebooks/:jurisdiction/evaluate': {
    call: () => ({ url: '/api/rulebooks/DT/evaluate', body: { facts: {}, events: [], today: '2026-11-23' } }),
  },

  'GET /api/catalog/meta': { call: () => ({ url: '/api/catalog/meta' }) },
  'GET /api/catalog/systems': {
    call: () => ({ url: '/api/catalog/systems' }),
    relations: listByOrganisation('/api/catalog/systems', 'ownerOrganisationId'),
  },
  'GET /api/catalog/systems/:id': {
    call: async (_c, seq) => ({ url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}` }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}`,
    })),
  },
  'POST /api/catalog/systems': {
    call: (_c, seq) => ({ url: '/api/catalog/systems', body: catalogSystem(seq) }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: async (_c, seq) => ({
          url: '/api/catalog/systems',
          body: { ...catalogSystem(seq), ownerOrganisationId: await catalogOrg('大同市教育局') },
        }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async (_c, seq) => ({
          url: '/api/catalog/systems',
          body: { ...catalogSystem(seq), ownerOrganisationId: await catalogOrg('大同市卫生健康委员会') },
        }),
      },
    ],
  },
  'PATCH /api/catalog/systems/:id': {
    call: async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}`,
      body: { remarks: '矩阵修改', version: 1 },
    }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}`,
      body: { remarks: '矩阵修改', version: 1 },
    })),
  },
  'POST /api/catalog/systems/:id/retire': {
    call: async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}/retire`,
      body: { retirementDate: '2026-11-01', version: 1 },
    }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}/retire`,
      body: { retirementDate: '2026-11-01', version: 1 },
    })),
  },
  'GET /api/catalog/systems/template': { call: () => ({ url: '/api/catalog/systems/template' }) },
  'POST /api/catalog/systems/import': {
    call: () => ({ url: '/api/catalog/systems/import', body: {} }),
    allowed: fileRequired,
  },
  'GET /api/catalog/systems/export': {
    call: () => ({ url: '/api/catalog/systems/export' }),
    relations: listByOrganisation('/api/catalog/systems/export', 'ownerOrganisationId'),
  },
  'GET /api/catalog/metrics/system-count': {
    call: () => ({ url: '/api/catalog/metrics/system-count' }),
    relations: listByJurisdiction('/api/catalog/metrics/system-count', 'dt.reviewer'),
  },
  'GET /api/catalog/resources': {
    call: () => ({ url: '/api/catalog/resources' }),
    relations: listByOrganisation('/api/catalog/resources', 'providerOrganisationId'),
  },
  'GET /api/catalog/resources/:id': {
    call: async (_c, seq) => ({ url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}` }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}`,
    })),
  },
  'POST /api/catalog/resources': {
    call: (_c, seq) => ({ url: '/api/catalog/resources', body: catalogResource(seq) }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: async (_c, seq) => ({
          url: '/api/catalog/resources',
          body: { ...catalogResource(seq), providerOrganisationId: await catalogOrg('大同市教育局') },
        }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async (_c, seq) => ({
          url: '/api/catalog/resources',
          body: { ...catalogResource(seq), providerOrganisationId: await catalogOrg('大同市卫生健康委员会') },
        }),
      },
    ],
  },
  'PATCH /api/catalog/resources/:id': {
    call: async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}`,
      body: { summary: '矩阵修改', version: 1 },
    }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}`,
      body: { summary: '矩阵修改', version: 1 },
    })),
  },
  'POST /api/catalog/resources/:id/submit': {
    call: async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}/submit`,
      body: { version: 1 },
    }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}/submit`,
      body: { version: 1 },
    })),
  },
  'POST /api/catalog/resources/:id/review': {
    call: async (_c, seq) => {
      const resource = await catalogNewResource(seq, 'under_review');
      return {
        url: `/api/catalog/resources/${resource.id}/review`,
        body: { decision: 'publish', version: resource.version },
      };
    },
    relations: byJurisdiction(async (_c, seq) => {
      const resource = await catalogNewResource(seq, 'under_review');
      return {
        url: `/api/catalog/resources/${resource.id}/review`,
        body: { decision: 'return', note: '矩阵退回', version: resource.version },
      };
    }),
  },
  'POST /api/catalog/resources/:id/withdraw': {
    call: async (_c, seq) => {
      const resource = await catalogNewResource(seq, 'published');
      return { url: `/api/catalog/resources/${resource.id}/withdraw`, body: { version: resource.version } };
    },
    relations: byJurisdiction(async (_c, seq) => {
      const resource = await catalogNewResource(seq, 'published');
      return { url: `/api/catalog/resources/${resource.id}/withdraw`, body: { version: resource.version } };
    }),
  },
  'GET /api/catalog/resources/template': { call: () => ({ url: '/api/catalog/resources/template' }) },
  'POST /api/catalog/resources/import': {
    call: () => ({ url: '/api/catalog/resources/import', body: {} }),
    allowed: fileRequired,
  },
  'GET /api/catalog/resources/export': {
    call: () => ({ url: '/api/catalog/resources/export' }),
    relations: listByOrganisation('/api/catalog/resources/export', 'providerOrganisationId'),
  },
  'GET /api/catalog/single-source-conflicts': {
    call: () => ({ url: '/api/catalog/single-source-conflicts' }),
    relations: listByOrganisation('/api/catalog/single-source-conflicts', 'organisationId'),
  },
  'GET /api/catalog/cloud-services': {
    call: () => ({ url: '/api/catalog/cloud-services' }),
    relations: listByJurisdiction('/api/catalog/cloud-services', 'dt.staff'),
  },
  'POST /api/catalog/cloud-services': {
    call: (_c, seq) => ({ url: '/api/catalog/cloud-services', body: catalogCloud(seq) }),
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.reviewer',
        call: async (_c, seq) => ({
          url: '/api/catalog/cloud-services',
          body: { ...catalogCloud(seq), jurisdictionId: await catalogJurisdiction('DT') },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'dt.reviewer',
        call: async (_c, seq) => ({
          url: '/api/catalog/cloud-services',
          body: { ...catalogCloud(seq), jurisdictionId: await catalogJurisdiction('SC') },
        }),
      },
    ],
  },
  'PATCH /api/catalog/cloud-services/:id': {
    call: async (_c, seq) => ({
      url: `/api/catalog/cloud-services/${(await catalogNewCloud(seq)).id}`,
      body: { remarks: '矩阵修改', version: 1 },
    }),
    relations: byJurisdiction(async (_c, seq) => ({
      url: `/api/catalog/cloud-services/${(await catalogNewCloud(seq)).id}`,
      body: { remarks: '矩阵修改', version: 1 },
    })),
  },
  'POST /api/catalog/cloud-services/approve': {
    call: async (_c, seq) => ({
      url: '/api/catalog/cloud-services/approve',
      body: { items: [{ id: (await catalogNewCloud(seq)).id, version: 1 }] },
    }),
    relations: byJurisdiction(async (_c, seq) => ({
      url: '/api/catalog/cloud-services/approve',
      body: { items: [{ id: (await catalogNewCloud(seq)).id, version: 1 }] },
    })),
  },
  'POST /api/catalog/cloud-services/publish': {
    call: async (_c, seq) => {
      const item = await catalogNewCloud(seq, true);
      return {
        url: '/api/catalog/cloud-services/publish',
        body: { items: [{ id: item.id, version: item.version }] },
      };
    },
    relations: byJurisdiction(async (_c, seq) => {
      const item = await catalogNewCloud(seq, true);
      return {
        url: '/api/catalog/cloud-services/publish',
        body: { items: [{ id: item.id, version: item.version }] },
      };
    }),
  },
  'POST /api/catalog/cloud-services/reopen': {
    call: async (_c, seq) => {
      const item = await catalogNewCloud(seq, true);
      return {
        url: '/api/catalog/cloud-services/reopen',
        body: { items: [{ id: item.id, version: item.version }] },
      };
    },
    relations: byJurisdiction(async (_c, seq) => {
      const item = await catalogNewCloud(seq, true);
      return {
        url: '/api/catalog/cloud-services/reopen',
        body: { items: [{ id: item.id, version: item.version }] },
      };
    }),
  },
  'GET /api/catalog/cloud-services/template': {
    call: () => ({ url: '/api/catalog/cloud-services/template' }),
  },
  'POST /api/catalog/cloud-services/import': {
    call: () => ({ url: '/api/catalog/cloud-services/import', body: {} }),
    allowed: fileRequired,
  },
  'GET /api/catalog/cloud-services/export': {
    call: () => ({ url: '/api/catalog/cloud-services/export' }),
    relations: listByJurisdiction('/api/catalog/cloud-services/export', 'dt.staff'),
  },
  'GET /api/public/resources': { call: () => ({ url: '/api/public/resources' }) },
  'GET /api/public/resources/:code': { call: () => ({ url: '/api/public/resources/311001001%2F000001' }) },

  'GET /api/projects': {
    call: () => ({ url: '/api/projects' }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: async () => ({ url: `/api/projects?organisationId=${await catalogOrg('大同市教育局')}` }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async () => ({
          url: `/api/projects?organisationId=${await catalogOrg('大同市卫生健康委员会')}`,
        }),
      },
    ],
  },
  'POST /api/projects': {
    call: () => ({ url: '/api/projects', body: applicationBody() }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: () => ({ url: '/api/projects', body: applicationBody() }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async () => ({
          url: '/api/projects',
          body: applicationBody({ organisationId: await catalogOrg('大同市卫生健康委员会') }),
        }),
      },
    ],
  },
  'GET /api/projects/:id': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}` }),
    allowed: reached,
    relations: byDepartment(async () => ({ url: `/api/projects/${(await shared()).submittedId}` })),
  },
  'PATCH /api/projects/:id': {
    call: async () => ({
      url: `/api/projects/${(await shared()).draftId}`,
      body: { summary: '矩阵修改', version: 1 },
    }),
    allowed: reached,
    relations: byDepartment(async () => {
      const draft = await fx().draft();
      return { url: `/api/projects/${draft.id}`, body: { summary: '矩阵修改', version: draft.version } };
    }),
  },
  'POST /api/projects/:id/submit': {
    call: async () => ({ url: `/api/projects/${(await shared()).draftId}/submit` }),
    allowed: reached,
    relations: byDepartment(async () => ({ url: `/api/projects/${(await fx().ready()).id}/submit` })),
  },
  'POST /api/projects/:id/withdraw': {
    call: async () => ({
      url: `/api/projects/${(await shared()).submittedId}/withdraw`,
      body: { reason: '' },
    }),
    allowed: reached,
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.staff',
        call: async () => ({
          url: `/api/projects/${await fx().submitted()}/withdraw`,
          body: { reason: '补充材料' },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'sc.reviewer',
        call: async () => ({ url: `/api/projects/${await fx().submitted()}/withdraw`, body: { reason: '' } }),
      },
    ],
  },
  'POST /api/projects/:id/steps/:stepId/decision': {
    call: async () => ({
      url: stepUrl((await shared()).submittedId, 'decision'),
      body: { outcome: 'review_completed', opinion: '同意' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: stepUrl(await fx().reviewed(), 'decision'),
      body: { outcome: 'review_completed', opinion: '同意' },
    })),
  },
  // DT's review step lets no fact be established: the route is reached (400 FINDING_NOT_ALLOWED);
  // the JC 立项备案 findings themselves are in test/api/projects-jc.test.ts.
  'PUT /api/projects/:id/steps/:stepId/findings': {
    call: async () => ({
      url: stepUrl((await shared()).submittedId, 'findings'),
      body: { fact: 'interoperable', value: true, reason: '经核实可互联互通' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: stepUrl(await fx().reviewed(), 'findings'),
      body: { fact: 'interoperable', value: true, reason: '经核实可互联互通' },
    })).map((r) => ({
      ...r,
      allowed: (res: LightMyRequestResponse) =>
        res.statusCode === 400 && res.json().code === 'FINDING_NOT_ALLOWED',
    })),
  },
  'POST /api/projects/:id/steps/:stepId/return': {
    call: async () => ({
      url: stepUrl((await shared()).submittedId, 'return'),
      body: { to: 'applicant', reason: '请补充材料' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: stepUrl(await fx().submitted(), 'return'),
      body: { to: 'applicant', reason: '请补充材料' },
    })),
  },
  'POST /api/projects/:id/steps/:stepId/reassign': {
    call: async () => ({
      url: stepUrl((await shared()).submittedId, 'reassign'),
      body: { userId: await fx().colleague(), note: '' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: stepUrl(await fx().submitted(), 'reassign'),
      body: { userId: await fx().colleague(), note: '代为审核' },
    })),
  },
  'GET /api/projects/:id/steps/:stepId/colleagues': {
    call: async () => ({ url: stepUrl((await shared()).submittedId, 'colleagues') }),
    allowed: reached,
    relations: byJurisdiction(async () => ({ url: stepUrl((await shared()).submittedId, 'colleagues') })),
  },
  'POST /api/projects/:id/steps/:stepId/urge': {
    call: async () => ({ url: stepUrl((await shared()).submittedId, 'urge'), body: { message: '' } }),
    allowed: reached,
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.staff',
        call: async () => ({ url: stepUrl(await fx().submitted(), 'urge'), body: { message: '请尽快办理' } }),
      },
      {
        side: 'other_jurisdiction',
        as: 'sc.reviewer',
        call: async () => ({ url: stepUrl((await shared()).submittedId, 'urge'), body: { message: '' } }),
      },
    ],
  },
  'POST /api/projects/:id/comments': {
    call: async () => ({
      url: `/api/projects/${(await shared()).submittedId}/comments`,
      body: { text: '矩阵意见' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: `/api/projects/${(await shared()).submittedId}/comments`,
      body: { text: '矩阵意见' },
    })),
  },
  'GET /api/projects/:id/timeline': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/timeline` }),
    allowed: reached,
    relations: byDepartment(async () => ({ url: `/api/projects/${(await shared()).submittedId}/timeline` })),
  },
  'GET /api/projects/:id/submissions': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/submissions` }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/projects/${(await shared()).submittedId}/submissions`,
    })),
  },
  'GET /api/projects/:id/submissions/:seq': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/submissions/1` }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/projects/${(await shared()).submittedId}/submissions/1`,
    })),
  },
  'POST /api/projects/:id/materials': {
    call: async () => uploadCall((await shared()).draftId),
    allowed: reached,
    relations: byDepartment(async () => uploadCall((await fx().draft()).id)),
  },
  'DELETE /api/projects/:id/materials/:materialId': {
    call: async () => {
      const o = await shared();
      return { url: `/api/projects/${o.filedId}/materials/${o.filedMaterialId}` };
    },
    allowed: reached,
    relations: byDepartment(async () => {
      const { id } = await fx().draft();
      const staff = await login(ctx, 'dt.staff');
      const call = uploadCall(id);
      const res = await staff.request('POST', call.url, call.body, call.headers);
      assert.equal(res.statusCode, 201, res.body);
      return { url: `/api/projects/${id}/materials/${res.json().id}` };
    }),
  },
  'GET /api/projects/:id/materials/:materialId/download': {
    call: async () => ({
      url: `/api/projects/${(await shared()).submittedId}/materials/${(await shared()).materialId}/download`,
    }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/projects/${(await shared()).submittedId}/materials/${(await shared()).materialId}/download`,
    })),
  },
  'GET /api/tasks': { call: () => ({ url: '/api/tasks' }) },
  'GET /api/notifications': { call: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/:id/read': {
    call: () => ({ url: '/api/notifications/00000000-0000-4000-8000-000000000000/read' }),
    allowed: reached,
  },
  'GET /api/projects/:id/review': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/review` }),
    allowed: reached,
    relations: byJurisdiction(async () => ({ url: `/api/projects/${(await shared()).submittedId}/review` })),
  },
  'PUT /api/projects/:id/review': {
    call: async () => ({
      url: `/api/projects/${(await shared()).submittedId}/review`,
      body: { opinions: FIVE_OPINIONS },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: `/api/projects/${await fx().submitted()}/review`,
      body: { opinions: FIVE_OPINIONS },
    })),
  },
  'GET /api/projects/:id/experts': {
    call: async () => ({ url: `/api/projects/${(await shared()).assignedId}/experts` }),
    allowed: reached,
    relations: [
      {
        side: 'assigned',
        as: 'dt.expert',
        call: async () => ({ url: `/api/projects/${(await shared()).assignedId}/experts` }),
      },
      {
        side: 'unassigned',
        as: 'dt.expert',
        call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/experts` }),
      },
    ],
  },
  'POST /api/projects/:id/experts': {
    call: async () => ({
      url: `/api/projects/${(await shared()).filedId}/experts`,
      body: { userId: await userIdOf('dt.evaluator'), kind: 'evaluator', field: null },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: `/api/projects/${await fx().submitted()}/experts`,
      body: { userId: await userIdOf('dt.evaluator'), kind: 'evaluator', field: null },
    })),
  },
  'POST /api/projects/:id/expert-opinion': {
    call: async () => ({
      url: `/api/projects/${(await shared()).assignedId}/expert-opinion`,
      body: { opinion: '方案可行，建议复用现有平台。', conclusion: 'agree' },
    }),
    allowed: reached,
    relations: [
      {
        side: 'assigned',
        as: 'dt.expert',
        call: async () => ({
          url: `/api/projects/${(await shared()).assignedId}/expert-opinion`,
          body: { opinion: '方案可行。', conclusion: 'agree' },
        }),
      },
      {
        side: 'unassigned',
        as: 'dt.expert',
        call: async () => ({
          url: `/api/projects/${(await shared()).submittedId}/expert-opinion`,
          body: { opinion: '方案可行。', conclusion: 'agree' },
        }),
      },
    ],
  },
  'GET /api/projects/:id/certificates': {
    call: async () => ({ url: `/api/projects/${(await shared()).filedId}/certificates` }),
    allowed: reached,
    relations: byDepartment(async () => ({ url: `/api/projects/${(await shared()).filedId}/certificates` })),
  },
  'GET /api/projects/:id/certificates/:certificateId/download': {
    call: async () => {
      const o = await shared();
      return { url: `/api/projects/${o.filedId}/certificates/${o.certificateId}/download?format=docx` };
    },
    allowed: reached,
    relations: byDepartment(async () => {
      const o = await shared();
      return { url: `/api/projects/${o.filedId}/certificates/${o.certificateId}/download?format=docx` };
    }),
  },
  'GET /api/experts': {
    call: () => ({ url: '/api/experts' }),
    relations: listByJurisdiction('/api/experts', 'dt.reviewer'),
  },
  'POST /api/experts': {
    call: async () => ({
      url: '/api/experts',
      body: {
        userId: await userIdOf('dt.expert'),
        fields: ['cost'],
        employerOrganisationId: null,
        title: '',
      },
    }),
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: '/api/experts',
          body: {
            userId: await userIdOf('dt.expert'),
            fields: ['audit'],
            employerOrganisationId: null,
            title: '',
          },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: '/api/experts',
          body: {
            userId: await userIdOf('sc.expert'),
            fields: ['audit'],
            employerOrganisationId: null,
            title: '',
          },
        }),
      },
    ],
  },
  'GET /api/department-assessments': {
    call: () => ({ url: '/api/department-assessments' }),
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: `/api/department-assessments?organisationId=${await catalogOrg('大同市教育局')}`,
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: `/api/department-assessments?organisationId=${await catalogOrg('朔城区教育科技局')}`,
        }),
      },
    ],
  },
  'POST /api/department-assessments': {
    call: async (_c, seq) => ({
      url: '/api/department-assessments',
      body: {
        organisationId: await catalogOrg('大同市教育局'),
        year: 2000 + (seq % 25),
        score: 80,
        grade: 'good',
        summary: '',
      },
    }),
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: '/api/department-assessments',
          body: {
            organisationId: await catalogOrg('大同市教育局'),
            year: 2025,
            score: 90,
            grade: 'excellent',
            summary: '',
          },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: '/api/department-assessments',
          body: {
            organisationId: await catalogOrg('朔城区教育科技局'),
            year: 2025,
            score: 90,
            grade: 'excellent',
            summary: '',
          },
        }),
      },
    ],
  },
  'GET /api/plans': {
    call: () => ({ url: '/api/plans' }),
    relations: listByJurisdiction('/api/plans', 'dt.reviewer'),
  },
  'POST /api/plans': {
    call: () => ({
      url: '/api/plans',
      body: { kind: 'annual', title: '矩阵年度计划', year: 2026, summary: '' },
    }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: () => ({
          url: '/api/plans',
          body: { kind: 'annual', title: '教育局年度计划', year: 2026, summary: '' },
        }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async () => ({
          url: '/api/plans',
          body: {
            kind: 'annual',
            title: '卫健委年度计划',
            year: 2026,
            summary: '',
            organisationId: await catalogOrg('大同市卫生健康委员会'),
          },
        }),
      },
    ],
  },
  'GET /api/plans/:id': {
    call: async () => ({ url: `/api/plans/${(await shared()).planId}` }),
    allowed: reached,
    relations: byJurisdiction(async () => ({ url: `/api/plans/${await fx().reportedPlan()}` })),
  },
  'PATCH /api/plans/:id': {
    call: async () => ({
      url: `/api/plans/${(await shared()).planId}`,
      body: { summary: '矩阵', version: 1 },
    }),
    allowed: reached,
    relations: byDepartment(async () => {
      const plan = await fx().departmentPlan();
      return { url: `/api/plans/${plan.id}`, body: { summary: '修改', version: plan.version } };
    }),
  },
  'POST /api/plans/:id/entries': {
    call: async () => ({
      url: `/api/plans/${(await shared()).planId}/entries`,
      body: {
        organisationId: await catalogOrg('大同市教育局'),
        projectName: '矩阵条目',
        estimatedBudget: '100',
        year: 2026,
        summary: '',
      },
    }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/plans/${(await fx().departmentPlan()).id}/entries`,
      body: {
        organisationId: await catalogOrg('大同市教育局'),
        projectName: '矩阵条目',
        estimatedBudget: '100',
        year: 2026,
        summary: '',
      },
    })),
  },
  'DELETE /api/plans/:id/entries/:entryId': {
    call: async () => {
      const o = await shared();
      return { url: `/api/plans/${o.planId}/entries/${o.planEntryId}` };
    },
    allowed: reached,
    relations: byDepartment(async () => {
      const plan = await fx().departmentPlan(true);
      return { url: `/api/plans/${plan.id}/entries/${plan.entryId}` };
    }),
  },
  'POST /api/plans/:id/submit': {
    call: async () => ({ url: `/api/plans/${(await shared()).planId}/submit` }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/plans/${(await fx().departmentPlan(true)).id}/submit`,
    })),
  },
  'POST /api/plans/:id/decision': {
    call: async () => ({
      url: `/api/plans/${await fx().reportedPlan()}/decision`,
      body: { decision: 'approve', opinion: '' },
    }),
    allowed: reached,
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.gov',
        call: async () => ({
          url: `/api/plans/${await fx().reportedPlan()}/decision`,
          body: { decision: 'approve', opinion: '同意' },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'sc.gov',
        call: async () => ({
          url: `/api/plans/${await fx().reportedPlan()}/decision`,
          body: { decision: 'approve', opinion: '' },
        }),
      },
    ],
  },
  'GET /api/plan-entries': {
    call: () => ({ url: '/api/plan-entries' }),
    relations: listByOrganisation('/api/plan-entries', 'organisationId'),
  },
};

for (const key of Object.keys(MODULE_CASES)) {
  if (key in CORE_CASES) throw new Error(`${key}: case defined in a module file and in the core list`);
}
const CASES: Record<string, RouteCase> = { ...CORE_CASES, ...MODULE_CASES };

function methodOf(key: string): Method {
  return key.split(' ')[0] as Method;
}

before(async () => {
  ctx = await setup();
  admin = await login(ctx, 'demo.sysadmin');
});
after(async () => {
  await ctx.close();
});

describe('authorization matrix', () => {
  test('every matrix entry is a registered route and has a test case', () => {
    for (const key of Object.keys(ROUTE_ACCESS)) {
      const [method, url] = key.split(' ');
      assert.ok(
        ctx.app.hasRoute({ method: method as Method, url }),
        `${key} is in the matrix but not registered`,
      );
      assert.ok(CASES[key], `${key} has no case in test/api/authorization-matrix.test.ts`);
    }
  });

  test('a route without a matrix entry stops the app from starting (test of the test)', async () => {
    const { config, database, keyring, clock } = { ...ctx, database: ctx.database };
    const app = await buildApp({ config, database, keyring, clock, logger: false });
    assert.throws(() => app.get('/api/unlisted-route', async () => ({})), /没有授权矩阵条目|no entry/);
    await app.close().catch(() => {});
  });

  /** One session per demo account, reused across routes (logging in costs an Argon2id hash). */
  const sessions = new Map<string, Session>();
  async function sessionAs(username: string): Promise<Session> {
    const cached = sessions.get(username);
    if (cached && (await cached.request('GET', '/api/auth/me')).statusCode === 200) return cached;
    const fresh = await login(ctx, username);
    sessions.set(username, fresh);
    return fresh;
  }

  /** The request the refused roles send for a route, built once. */
  const refused = new Map<string, Promise<Call>>();
  function refusedRequest(key: string): Promise<Call> {
    let req = refused.get(key);
    if (!req) {
      req = Promise.resolve(CASES[key].call(ctx, ++seqCounter));
      refused.set(key, req);
    }
    return req;
  }

  const roleUsers = new Map<Role, string>();
  for (const role of ROLE_CODES) {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role);
    if (account) roleUsers.set(role, account.username);
  }

  test('every canonical role has a demo account to test with', () => {
    assert.deepEqual([...roleUsers.keys()].sort(), [...ROLE_CODES].sort());
  });

  for (const [key, rule] of Object.entries(ROUTE_ACCESS)) {
    test(`${key}: anonymous and every role get exactly the matrix's answer`, async () => {
      const routeCase = CASES[key];
      assert.ok(routeCase, `no case for ${key}`);
      const method = methodOf(key);
      const isAllowed = routeCase.allowed ?? ((res: LightMyRequestResponse) => res.statusCode < 300);

      // Anonymous
      const anon = await routeCase.call(ctx, ++seqCounter);
      const anonRes = await ctx.app.inject({
        method,
        url: anon.url,
        ...(anon.body === undefined ? {} : { payload: anon.body as object }),
        ...(anon.headers ? { headers: anon.headers } : {}),
      });
      // HEAD is answered by the GET handler, so it must pass the same gate (issue 9 item 1).
      const anonHead =
        method === 'GET'
          ? await ctx.app.inject({
              method: 'HEAD',
              url: anon.url,
              ...(anon.headers ? { headers: anon.headers } : {}),
            })
          : undefined;
      if (rule.public) {
        assert.ok(isAllowed(anonRes), `${key} anonymous: ${anonRes.statusCode} ${anonRes.body}`);
        if (anonHead) assert.equal(anonHead.statusCode, anonRes.statusCode, `HEAD ${anon.url} anonymous`);
      } else {
        assert.equal(anonRes.statusCode, 401, `${key} anonymous`);
        assert.equal(anonRes.json().code, 'UNAUTHENTICATED');
        if (anonHead) {
          assert.equal(anonHead.statusCode, 401, `HEAD ${anon.url} anonymous`);
          assert.equal(anonHead.body, '', `HEAD ${anon.url} anonymous carries no body`);
        }
        return;
      }
    });

    if (rule.public) continue;
    for (const role of ROLE_CODES) {
      test(`${key} as ${role}`, async () => {
        const routeCase = CASES[key];
        const session = await sessionAs(roleUsers.get(role)!);
        const allowed = rule.roles === 'authenticated' || rule.roles.includes(role);
        // A refused call changes nothing, so the refused roles share one request per route.
        const req = allowed ? await routeCase.call(ctx, ++seqCounter) : await refusedRequest(key);
        const res = await session.request(methodOf(key), req.url, req.body, req.headers);
        if (routeCase.endsSession) sessions.delete(session.username);
        // The same request as HEAD: the same status as the GET, never a body, never a 500.
        const head =
          methodOf(key) === 'GET'
            ? await ctx.app.inject({
                method: 'HEAD',
                url: req.url,
                headers: { cookie: session.cookie, ...(req.headers ?? {}) },
              })
            : undefined;
        if (head) {
          assert.equal(head.statusCode, res.statusCode, `HEAD ${req.url} as ${role}: ${head.statusCode}`);
          assert.equal(head.body, '', `HEAD ${req.url} as ${role} carries no body`);
        }
        if (allowed) {
          assert.ok(
            (routeCase.allowed ?? ((r) => r.statusCode < 300))(res),
            `${key} as ${role} should succeed: ${res.statusCode} ${res.body}`,
          );
        } else {
          assert.equal(
            res.statusCode,
            403,
            `${key} as ${role} should be refused: ${res.statusCode} ${res.body}`,
          );
          const body = res.json();
          assert.equal(body.code, 'FORBIDDEN');
          assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'requestId']);
        }
      });
    }
  }

  test('every route with an object relation has calls on both sides of it', () => {
    assert.deepEqual(missingRelationCases(ROUTE_ACCESS, CASES), []);
  });

  test('relation tests named in other files exist verbatim', () => {
    const problems: string[] = [];
    for (const [key, routeCase] of Object.entries(CASES)) {
      for (const ref of routeCase.relationsTestedIn ?? []) {
        const at = ref.indexOf(': ');
        const file = path.join(ROOT, ref.slice(0, at));
        const name = ref.slice(at + 2);
        if (at < 0 || !fs.existsSync(file) || !declaresTest(fs.readFileSync(file, 'utf8'), name)) {
          problems.push(`${key}: ${ref}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test('a route with an object relation but no relation calls is reported (test of the test)', () => {
    const access: Record<string, RouteRule> = {
      'GET /api/x/:id': { roles: ['dept_staff'], relation: 'own_department' },
      'GET /api/y/:id': { roles: ['expert'], relation: 'assigned' },
      'GET /api/z': { roles: ['dept_staff'], relation: 'none' },
    };
    const call = () => ({ url: '/api/x/1' });
    assert.deepEqual(
      missingRelationCases(access, {
        'GET /api/x/:id': { relations: [{ side: 'own_department', as: 'dt.staff', call }] },
      }),
      ['GET /api/x/:id: other_department', 'GET /api/y/:id: assigned', 'GET /api/y/:id: unassigned'],
    );
  });

  for (const [key, routeCase] of Object.entries(CASES)) {
    for (const relation of routeCase.relations ?? []) {
      const denied = DENIED_SIDES.has(relation.side);
      test(`${key} on an object of the ${relation.side.replace('_', ' ')} as ${relation.as}: ${denied ? 'denied' : 'allowed'}`, async () => {
        const session = await sessionAs(relation.as);
        const req = await relation.call(ctx, ++seqCounter);
        const res = await session.request(methodOf(key), req.url, req.body, req.headers);
        if (!denied) {
          assert.ok(
            (relation.allowed ?? ((r) => r.statusCode < 300))(res),
            `${key} (${relation.side}) as ${relation.as} should succeed: ${res.statusCode} ${res.body}`,
          );
          return;
        }
        assert.ok(
          res.statusCode === 403 || res.statusCode === 404,
          `${key} (${relation.side}) as ${relation.as} should be refused: ${res.statusCode} ${res.body}`,
        );
        assert.deepEqual(Object.keys(res.json()).sort(), ['code', 'message', 'requestId']);
      });
    }
  }
});
