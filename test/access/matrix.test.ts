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
 * with no data. Domains add their cases in test/access/<module>.cases.ts.
 *
 * The calls run in parts, test/access/<part>.matrix.test.ts (one per cases file, see
 * harness.ts), so that they spread over the test shards; this file proves that
 * together the parts cover every route.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROUTE_ACCESS, type RouteRule } from '../../src/access/matrix.ts';
import { ROLE_CODES } from '../../src/access/roles.ts';
import { buildApp } from '../../src/app.ts';
import { setup, type TestContext } from '../support/helper.ts';
import { declaresTest } from '../traceability-check.ts';
import { loadCases, missingRelationCases, partFile, roleUsers } from './harness.ts';
import type { Method } from './types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { cases: CASES, sources } = await loadCases();

let ctx: TestContext;
before(async () => {
  ctx = await setup();
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
      assert.ok(CASES[key], `${key} has no case in test/access/<module>.cases.ts`);
    }
  });

  test('every case runs in a part that has its own test file calling that part', () => {
    const problems: string[] = [];
    for (const key of Object.keys(ROUTE_ACCESS)) {
      const source = sources[key];
      if (!source) continue; // reported by the test above
      const file = path.join(ROOT, partFile(source.part));
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (!text.includes(`matrixPart('${source.part}')`)) problems.push(`${key}: ${partFile(source.part)}`);
    }
    assert.deepEqual(problems, []);
  });

  test('a route without a matrix entry stops the app from starting (test of the test)', async () => {
    const { config, database, keyring, clock } = ctx;
    const app = await buildApp({ config, database, keyring, clock, logger: false });
    assert.throws(() => app.get('/api/unlisted-route', async () => ({})), /没有授权矩阵条目|no entry/);
    await app.close().catch(() => {});
  });

  test('every canonical role has a demo account to test with', () => {
    assert.deepEqual([...roleUsers.keys()].sort(), [...ROLE_CODES].sort());
  });

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
});
