/**
 * The user and organisation directories page in SQL (issue 11): GET /api/users and
 * GET /api/security/users take filters (q, status, role, organisationId), `sort` and
 * `limit`/`offset` and answer { items, total, limit, offset }; GET /api/organisations does the same
 * when `limit` is given and otherwise answers the whole directory as before. Out-of-range paging is
 * a 400 at its field, never clamped. Who sees what is unchanged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sys: Session;
let sec: Session;
let staff: Session;
const ids: Record<string, string> = {};
const NAMES = ['pg.alpha', 'pg.bravo', 'pg.charlie', 'pg.delta', 'pg.echo', 'pg.foxtrot', 'pg.golf'];

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  phoneMasked: string | null;
  roles: { role: string; organisationId: string }[];
}

before(async () => {
  ctx = await setup();
  sys = await login(ctx, 'demo.sysadmin');
  sec = await login(ctx, 'demo.secadmin');
  staff = await login(ctx, 'dt.staff');
  for (const [i, username] of NAMES.entries()) {
    const res = await sys.request('POST', '/api/users', {
      username,
      displayName: i === 3 ? '分页测试Delta' : `分页测试${i}`,
      initialPassword: 'Paging#Pass-2026',
      phone: `1370000000${i}`,
    });
    assert.equal(res.statusCode, 201, res.body);
    ids[username] = res.json().id;
  }
});
after(async () => {
  await ctx.close();
});

const get = async (s: Session, url: string) => {
  const res = await s.request('GET', url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
};
const names = (page: { items: { username: string }[] }) => page.items.map((u) => u.username);

describe('GET /api/users', () => {
  test('pages in name order with the total of all matches', async () => {
    const first = await get(sys, '/api/users?q=pg.&limit=3');
    assert.deepEqual(
      { total: first.total, limit: first.limit, offset: first.offset },
      { total: 7, limit: 3, offset: 0 },
    );
    assert.deepEqual(names(first), ['pg.alpha', 'pg.bravo', 'pg.charlie']);
    const last = await get(sys, '/api/users?q=pg.&limit=3&offset=6');
    assert.deepEqual(names(last), ['pg.golf']);
    assert.equal(last.total, 7);
    const beyond = await get(sys, '/api/users?q=pg.&limit=3&offset=50');
    assert.deepEqual({ items: beyond.items, total: beyond.total }, { items: [], total: 7 });
    const defaults = await get(sys, '/api/users');
    assert.equal(defaults.limit, 25);
    assert.equal(defaults.offset, 0);
    assert.ok(defaults.total >= 7 + 3, `${defaults.total} users`);
    assert.equal(defaults.items.length, Math.min(25, defaults.total));
  });

  test('sorts by user name either way', async () => {
    assert.deepEqual(names(await get(sys, '/api/users?q=pg.&sort=-username&limit=2')), [
      'pg.golf',
      'pg.foxtrot',
    ]);
    assert.deepEqual(names(await get(sys, '/api/users?q=pg.&sort=username&limit=2')), [
      'pg.alpha',
      'pg.bravo',
    ]);
  });

  test('filters on name (either field, any case), status, role and organisation', async () => {
    assert.deepEqual(names(await get(sys, '/api/users?q=PG.ECH')), ['pg.echo']);
    assert.deepEqual(names(await get(sys, `/api/users?q=${encodeURIComponent('测试delta')}`)), ['pg.delta']);

    const bravo = (await get(sys, '/api/users?q=pg.bravo')).items[0] as UserRow & { version: number };
    const off = await sys.request('PATCH', `/api/users/${bravo.id}`, {
      disabled: true,
      version: bravo.version,
    });
    assert.equal(off.statusCode, 200, off.body);
    const disabled = await get(sys, '/api/users?q=pg.&status=disabled');
    assert.deepEqual({ names: names(disabled), total: disabled.total }, { names: ['pg.bravo'], total: 1 });
    assert.equal((await get(sys, '/api/users?q=pg.&status=enabled')).total, 6);

    const orgs = (await get(sys, '/api/organisations')).items as { id: string; kind: string }[];
    const [a, b] = orgs.filter((o) => o.kind === 'department');
    for (const [user, org] of [
      ['pg.charlie', a],
      ['pg.delta', b],
    ] as const) {
      const res = await sec.request('POST', `/api/users/${ids[user]}/roles`, {
        role: 'dept_staff',
        organisationId: org.id,
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const byRole = await get(sys, '/api/users?q=pg.&role=dept_staff');
    assert.deepEqual(names(byRole), ['pg.charlie', 'pg.delta']);
    const byOrg = await get(sys, `/api/users?q=pg.&organisationId=${a.id}`);
    assert.deepEqual(names(byOrg), ['pg.charlie']);
    // A user's roles come whole, not only the one matched.
    assert.deepEqual(
      (byOrg.items[0] as UserRow).roles.map((r) => r.organisationId),
      [a.id],
    );
    assert.equal((await get(sys, `/api/users?q=pg.&role=finance_officer&organisationId=${a.id}`)).total, 0);

    const secPage = await get(sec, `/api/security/users?q=pg.&role=dept_staff&limit=1`);
    assert.deepEqual({ names: names(secPage), total: secPage.total }, { names: ['pg.charlie'], total: 2 });
  });

  test('personal data stays masked in the page', async () => {
    const page = await get(sys, '/api/users?q=pg.alpha');
    assert.equal((page.items[0] as UserRow).phoneMasked, '137****0000');
    assert.ok(!JSON.stringify(page).includes('13700000000'));
    const secPage = await sec.request('GET', '/api/security/users?q=pg.alpha');
    assert.ok(!secPage.body.includes('0000'), 'the security view carries no phone at all');
  });

  test('out-of-range paging and unknown sorts are a 400 at the field', async () => {
    for (const [url, field] of [
      ['/api/users?limit=0', 'limit'],
      ['/api/users?limit=101', 'limit'],
      ['/api/users?offset=-1', 'offset'],
      ['/api/users?sort=displayName', 'sort'],
      ['/api/users?status=locked', 'status'],
      ['/api/security/users?limit=500', 'limit'],
    ] as const) {
      const res = await (url.startsWith('/api/security') ? sec : sys).request('GET', url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().code, 'VALIDATION_FAILED', url);
      assert.equal(res.json().field, field, url);
    }
  });

  test('who sees the directories is unchanged', async () => {
    assert.equal((await staff.request('GET', '/api/users?limit=5')).statusCode, 403);
    assert.equal((await sec.request('GET', '/api/users?limit=5')).statusCode, 403);
    assert.equal((await sys.request('GET', '/api/security/users?limit=5')).statusCode, 403);
    assert.equal((await staff.request('GET', '/api/security/users?limit=5')).statusCode, 403);
  });
});

describe('GET /api/organisations', () => {
  interface Org {
    id: string;
    name: string;
    kind: string;
    jurisdictionId: string;
  }
  test('without limit: the whole directory as before (no paging fields)', async () => {
    const whole = await get(staff, '/api/organisations');
    assert.deepEqual(Object.keys(whole), ['items']);
    assert.ok(whole.items.length > 10);
  });

  test('with limit: filters, sort, page and total for every caller alike', async () => {
    const whole = (await get(staff, '/api/organisations')).items as Org[];
    const departments = whole.filter((o) => o.kind === 'department');
    const first = await get(staff, '/api/organisations?kind=department&limit=2');
    assert.equal(first.total, departments.length);
    assert.deepEqual(
      first.items.map((o: Org) => o.id),
      departments.slice(0, 2).map((o) => o.id),
      'the directory order, paged',
    );
    assert.deepEqual({ limit: first.limit, offset: first.offset }, { limit: 2, offset: 0 });

    const place = departments[0].jurisdictionId;
    const here = await get(sys, `/api/organisations?jurisdictionId=${place}&limit=100`);
    assert.equal(here.total, whole.filter((o) => o.jurisdictionId === place).length);
    assert.deepEqual(await get(staff, `/api/organisations?jurisdictionId=${place}&limit=100`), here);

    const needle = departments[0].name.slice(0, 3);
    const named = await get(staff, `/api/organisations?q=${encodeURIComponent(needle)}&limit=100`);
    assert.equal(named.total, whole.filter((o) => o.name.includes(needle)).length);

    const asc = (await get(staff, '/api/organisations?sort=name&limit=100')).items as Org[];
    const desc = (await get(staff, '/api/organisations?sort=-name&limit=100')).items as Org[];
    assert.equal(asc.length, Math.min(100, whole.length));
    for (let i = 1; i < asc.length; i++) assert.ok(asc[i - 1].name <= asc[i].name, asc[i].name);
    for (let i = 1; i < desc.length; i++) assert.ok(desc[i - 1].name >= desc[i].name, desc[i].name);
  });

  test('out-of-range paging is a 400 at the field', async () => {
    for (const [url, field] of [
      ['/api/organisations?limit=0', 'limit'],
      ['/api/organisations?limit=101', 'limit'],
      ['/api/organisations?limit=10&offset=-1', 'offset'],
      ['/api/organisations?kind=nope&limit=10', 'kind'],
    ] as const) {
      const res = await staff.request('GET', url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().field, field, url);
    }
  });
});
