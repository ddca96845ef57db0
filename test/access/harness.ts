/**
 * The authorization matrix as a test (SECURITY.md 13), in parts: every route in src/access/matrix.ts
 * is called as anonymous and as every canonical role — allowed roles get the success path, the others
 * 401/403 with no data — and every GET also as HEAD. A route whose matrix entry names an object
 * relation (own_department, own_jurisdiction, assigned) is also called on each side of the relation
 * (SECURITY.md 13–15): the own side succeeds, the other side gets 403 or 404 with no data.
 *
 * The cases live in files: each test/access/<module>.cases.ts (a module's routes, or for core,
 * catalog, plans and projects a group of the routes before the lifecycle modules).
 * Each file's routes are one part, run by test/access/<part>.matrix.test.ts on its own
 * database, so the parts run in parallel shards. A module without its own part file runs in
 * rest.matrix.test.ts. test/access/matrix.test.ts proves that every route
 * of the matrix has a case and that every case is in a part with a file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Relation, ROUTE_ACCESS, type RouteRule } from '../../src/access/matrix.ts';
import { ROLE_CODES, type Role } from '../../src/access/roles.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { multipart, ProjectFixtures, pdfBytes, Sessions } from '../factories/projects.ts';
import { login, type Session, setup, type TestContext } from '../support/helper.ts';
import type { Call, Method, RelationCase, RelationSide, RouteCase } from './types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The running part's app, its system administrator and the sequence for unique names. */
export const env = {
  ctx: undefined as unknown as TestContext,
  admin: undefined as unknown as Session,
  seq: 0,
};

/** The sides each object relation must be tested on; the first is the allowed side. */
export const RELATION_SIDES: Partial<Record<Relation, [RelationSide, RelationSide]>> = {
  own_department: ['own_department', 'other_department'],
  own_jurisdiction: ['own_jurisdiction', 'other_jurisdiction'],
  assigned: ['assigned', 'unassigned'],
};

const DENIED_SIDES = new Set<RelationSide>(['other_department', 'other_jurisdiction', 'unassigned']);

/** Matrix entries with an object relation whose case lacks a side of it (pure: tested). */
export function missingRelationCases(
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

export async function newUser(): Promise<string> {
  const n = ++env.seq;
  const res = await env.admin.request('POST', '/api/users', {
    username: `matrix.u${n}`,
    displayName: `矩阵用户${n}`,
    initialPassword: 'Matrix#Pass-2026',
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

export async function anyOrganisation(
  kind = 'department',
): Promise<{ id: string; version: number; jurisdictionId: string }> {
  const res = await env.admin.request('GET', '/api/organisations');
  return res.json().items.find((o: { kind: string }) => o.kind === kind);
}

export const okOr =
  (...codes: number[]) =>
  (res: LightMyRequestResponse) =>
    res.statusCode < 300 || codes.includes(res.statusCode);

export async function catalogOrg(name: string): Promise<string> {
  const res = await env.admin.request('GET', '/api/organisations');
  return res.json().items.find((o: { name: string }) => o.name === name).id;
}
/** Relation calls on a department-owned object: dt.staff owns it, dt.staff2 (another department) does not. */
export const byDepartment = (call: RouteCase['call']): RelationCase[] => [
  { side: 'own_department', as: 'dt.staff', call },
  { side: 'other_department', as: 'dt.staff2', call },
];
/** Relation calls in the authority's jurisdiction: dt.reviewer's own, sc.reviewer's another. */
export const byJurisdiction = (call: RouteCase['call']): RelationCase[] => [
  { side: 'own_jurisdiction', as: 'dt.reviewer', call },
  { side: 'other_jurisdiction', as: 'sc.reviewer', call },
];
/** A list filtered on an organisation: own gives 200, another department's a 404. */
export const listByOrganisation = (path: string, param: string): RelationCase[] => [
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
export const listByJurisdiction = (path: string, as: string): RelationCase[] => [
  { side: 'own_jurisdiction', as, call: () => ({ url: `${path}?jurisdiction=DT` }) },
  { side: 'other_jurisdiction', as, call: () => ({ url: `${path}?jurisdiction=SC` }) },
];

// ---- project cases (issue 5): DT projects of 大同市教育局 (dt.staff), reviewed by 数字政府服务中心 ----
let projectFx: ProjectFixtures | undefined;
export const fx = () => {
  if (!projectFx) {
    projectFx = new ProjectFixtures(env.ctx, new Sessions(env.ctx));
    projectFx.sharesRefused = true;
  }
  return projectFx;
};
export const shared = () => fx().shared();
/**
 * The handler answered (an allowed role): success, or a refusal by the object relation or a rule —
 * anything but the matrix's own 403 FORBIDDEN.
 */
export const reached = (res: LightMyRequestResponse) =>
  res.statusCode < 300 ||
  [400, 404, 409, 422].includes(res.statusCode) ||
  (res.statusCode === 403 && res.json().code !== 'FORBIDDEN');
export const uploadCall = (projectId: string, code = 'other'): Call => {
  const body = multipart({ materialCode: code }, { name: `${code}.pdf`, data: pdfBytes(code) });
  return { url: `/api/projects/${projectId}/materials`, body: body.payload, headers: body.headers };
};
export const userIdOf = async (username: string) => (await login(env.ctx, username)).userId;
export const stepUrl = (id: string, verb: string) => `/api/projects/${id}/steps/dt.review.assessment/${verb}`;

export function methodOf(key: string): Method {
  return key.split(' ')[0] as Method;
}

/** Where each case comes from and which part runs it. */
export interface CaseSource {
  /** The file that defines the case, relative to the repository. */
  file: string;
  part: string;
}

export const partFile = (part: string) => `test/access/${part}.matrix.test.ts`;

let loaded: Promise<{ cases: Record<string, RouteCase>; sources: Record<string, CaseSource> }> | undefined;

/**
 * Every case with its source and part: each test/access/<module>.cases.ts is part <module> (or
 * `rest` while it has no part file of its own) unless it exports another PART.
 */
export function loadCases(): typeof loaded & object {
  loaded ??= (async () => {
    const files: Array<{ file: string; part: (mod: { PART?: string }) => string }> = [];
    for (const f of fs.readdirSync(path.join(ROOT, 'test/access')).sort()) {
      if (!f.endsWith('.cases.ts')) continue;
      const own = f.slice(0, -'.cases.ts'.length);
      files.push({
        file: `test/access/${f}`,
        part: (mod) => mod.PART ?? (fs.existsSync(path.join(ROOT, partFile(own))) ? own : 'rest'),
      });
    }
    const cases: Record<string, RouteCase> = {};
    const sources: Record<string, CaseSource> = {};
    for (const { file, part } of files) {
      const mod = (await import(path.join(ROOT, file))) as {
        CASES: Record<string, RouteCase>;
        PART?: string;
      };
      for (const [key, routeCase] of Object.entries(mod.CASES)) {
        if (key in cases) throw new Error(`${key}: case defined twice (${sources[key].file} and ${file})`);
        cases[key] = routeCase;
        sources[key] = { file, part: part(mod) };
      }
    }
    return { cases, sources };
  })();
  return loaded;
}

/** One session per demo account, reused across routes (logging in costs an Argon2id hash). */
const sessions = new Map<string, Session>();
/**
 * Sessions proven alive (GET /api/auth/me) since the last call that could have ended one: a write
 * to /api/auth/* (logout, password) or any write that succeeded. A refusal or a read ends no session,
 * so most calls reuse the session without asking again.
 */
const alive = new Set<string>();
async function sessionAs(username: string): Promise<Session> {
  const cached = sessions.get(username);
  if (cached && (alive.has(username) || (await cached.request('GET', '/api/auth/me')).statusCode === 200)) {
    alive.add(username);
    return cached;
  }
  const fresh = await login(env.ctx, username);
  sessions.set(username, fresh);
  alive.add(username);
  return fresh;
}
/**
 * Watches every request of the part's app (the cases' builders and fixtures too) for one that could
 * have ended a session.
 */
function watchSessionEnds(app: TestContext['app']): void {
  const inject = app.inject.bind(app) as (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  const watched = async (opts: InjectOptions) => {
    const res = await inject(opts);
    const method = String(opts.method ?? 'GET').toUpperCase();
    const url = String(opts.url ?? '');
    if (!['GET', 'HEAD'].includes(method) && (url.startsWith('/api/auth/') || res.statusCode < 300)) {
      alive.clear();
    }
    return res;
  };
  app.inject = watched as unknown as typeof app.inject;
}

/**
 * Builds a request that must be refused: a fresh object it asks for is made once per kind and
 * handed to every such request (a refused call changes nothing; see ProjectFixtures).
 */
async function refusing(build: () => Call | Promise<Call>): Promise<Call> {
  ProjectFixtures.refusing = true;
  try {
    return await build();
  } finally {
    ProjectFixtures.refusing = false;
  }
}

const roleUsers = new Map<Role, string>();
for (const role of ROLE_CODES) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (account) roleUsers.set(role, account.username);
}

export { roleUsers };

/**
 * Registers one part: a fresh app and database for it, then for each of its routes the anonymous
 * call (and HEAD), one call per canonical role (and HEAD), and the relation calls.
 */
export async function matrixPart(part: string): Promise<void> {
  const { cases, sources } = await loadCases();
  const keys = Object.keys(cases).filter((key) => sources[key].part === part);
  if (keys.length === 0) {
    // `rest` is empty while every module has its own part file; any other part must have cases.
    test(`authorization matrix: ${part} has no routes of its own`, () => {
      assert.equal(part, 'rest', `no cases in part ${part}`);
    });
    return;
  }
  const CASES = Object.fromEntries(keys.map((key) => [key, cases[key]]));

  before(async () => {
    env.ctx = await setup();
    watchSessionEnds(env.ctx.app);
    env.seq = 0;
    projectFx = undefined;
    sessions.clear();
    alive.clear();
    refused.clear();
    env.admin = await login(env.ctx, 'demo.sysadmin');
  });
  after(async () => {
    await env.ctx.close();
  });

  /** The request the refused roles (and anonymous) send for a route, built once. */
  const refused = new Map<string, Promise<Call>>();
  function refusedRequest(key: string): Promise<Call> {
    let req = refused.get(key);
    if (!req) {
      req = refusing(() => CASES[key].call(env.ctx, ++env.seq));
      refused.set(key, req);
    }
    return req;
  }

  describe(`authorization matrix: ${part}`, () => {
    for (const [key, rule] of Object.entries(ROUTE_ACCESS)) {
      if (!(key in CASES)) continue;
      test(`${key}: anonymous and every role get exactly the matrix's answer`, async () => {
        const routeCase = CASES[key];
        const method = methodOf(key);
        const isAllowed = routeCase.allowed ?? ((res: LightMyRequestResponse) => res.statusCode < 300);

        // Anonymous: a public route's success path; otherwise the 401 comes before the handler, so
        // the request the refused roles send will do.
        const anon = rule.public ? await routeCase.call(env.ctx, ++env.seq) : await refusedRequest(key);
        const anonRes = await env.ctx.app.inject({
          method,
          url: anon.url,
          ...(anon.body === undefined ? {} : { payload: anon.body as object }),
          ...(anon.headers ? { headers: anon.headers } : {}),
        });
        // HEAD is answered by the GET handler, so it must pass the same gate (issue 9 item 1).
        const anonHead =
          method === 'GET'
            ? await env.ctx.app.inject({
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
        }
      });

      if (rule.public) continue;
      for (const role of ROLE_CODES) {
        test(`${key} as ${role}`, async () => {
          const routeCase = CASES[key];
          const session = await sessionAs(roleUsers.get(role)!);
          const allowed = rule.roles === 'authenticated' || rule.roles.includes(role);
          // A refused call changes nothing, so the refused roles share one request per route.
          const req = allowed ? await routeCase.call(env.ctx, ++env.seq) : await refusedRequest(key);
          const res = await session.request(methodOf(key), req.url, req.body, req.headers);
          if (routeCase.endsSession) sessions.delete(session.username);
          // The same request as HEAD: the same status as the GET, never a body, never a 500.
          const head =
            methodOf(key) === 'GET'
              ? await env.ctx.app.inject({
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

    for (const [key, routeCase] of Object.entries(CASES)) {
      for (const relation of routeCase.relations ?? []) {
        const denied = DENIED_SIDES.has(relation.side);
        test(`${key} on an object of the ${relation.side.replace('_', ' ')} as ${relation.as}: ${denied ? 'denied' : 'allowed'}`, async () => {
          const session = await sessionAs(relation.as);
          const req = denied
            ? await refusing(() => relation.call(env.ctx, ++env.seq))
            : await relation.call(env.ctx, ++env.seq);
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
}
