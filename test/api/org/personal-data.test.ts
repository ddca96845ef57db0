/**
 * Personal data and secrets at rest (SECURITY.md 6, 7, 24, 30, 34; 密评 8.4e; 等保 个人信息保护):
 * phone numbers and 身份证号 are SM4 envelopes with a blind index, shown masked, unmasked only for
 * the system administrator and audited; and a dump of the database and the captured logs hold none
 * of the seeded phone number, ID number or passwords.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { and, eq, sql } from 'drizzle-orm';
import { buildApp } from '../../../src/app.ts';
import { users } from '../../../src/identity/tables.ts';
import { UNREADABLE } from '../../../src/org/user-data.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { isEnvelope } from '../../../src/platform/crypto/sm4.ts';
import { queryRows } from '../../../src/platform/db/client.ts';
import { sessionFrom } from '../../security-helper.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

const run = promisify(execFile);

const PHONE = '13812345678';
const PHONE_TYPED = '138 1234 5678';
const ID_NUMBER = '11010519491231002X';
const PASSWORD = 'Seeded#Secret-2026';
const NEW_PASSWORD = 'Rotated#Secret-2027';
const SEEDED = [PHONE, ID_NUMBER, PASSWORD, NEW_PASSWORD];

let ctx: TestContext;
let sys: Session;
before(async () => {
  ctx = await setup();
  sys = await login(ctx, 'demo.sysadmin');
});
after(async () => {
  await ctx.close();
});

async function createUser(username: string, phone: string, idNumber: string) {
  const res = await sys.request('POST', '/api/users', {
    username,
    displayName: '张三',
    initialPassword: 'Initial#Pass-2026',
    phone,
    idNumber,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

describe('personal data', () => {
  test('phone and ID number are stored as SM4 envelopes with a blind index and listed masked', async () => {
    const created = await createUser('pd.masked', PHONE_TYPED, ID_NUMBER.toLowerCase());
    assert.equal(created.phoneMasked, '138****5678');
    assert.equal(created.idNumberMasked, '110105********002X');
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, created.id));
    assert.ok(isEnvelope(row.phoneEnc) && isEnvelope(row.idNumberEnc));
    assert.match(row.phoneIndex!, /^[0-9a-f]{64}$/);
    assert.match(row.idNumberIndex!, /^[0-9a-f]{64}$/);
    const list = await sys.request('GET', '/api/users?q=pd.masked');
    assert.ok(!list.body.includes(PHONE) && !list.body.includes(ID_NUMBER));
    const lookup = await sys.request('POST', '/api/users/lookup', { idNumber: ID_NUMBER });
    assert.deepEqual(
      lookup.json().items.map((u: { id: string }) => u.id),
      [created.id],
    );
  });

  test('the unmasked view needs the system administrator and every view is audited without the values', async () => {
    const created = await createUser('pd.unmasked', '13700001111', '110101199003071233');
    for (const who of ['demo.secadmin', 'demo.auditadmin', 'dt.leader']) {
      const s = await login(ctx, who);
      const res = await s.request('GET', `/api/users/${created.id}/sensitive`);
      assert.equal(res.statusCode, 403, who);
      assert.ok(!res.body.includes('13700001111'));
    }
    const res = await sys.request('GET', `/api/users/${created.id}/sensitive`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { id: created.id, phone: '13700001111', idNumber: '110101199003071233' });
    const rows = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.sensitive_view'), eq(auditEvents.objectId, created.id)));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].actorName, 'demo.sysadmin');
    assert.ok(!JSON.stringify(rows[0]).includes('13700001111'));
  });

  test('an ID number with a wrong check character or date is refused', async () => {
    for (const idNumber of ['110105194912310021', '110105194913310028']) {
      const res = await sys.request('POST', '/api/users', {
        username: 'pd.invalid',
        displayName: '李四',
        initialPassword: 'Initial#Pass-2026',
        idNumber,
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'ID_NUMBER_INVALID');
      assert.ok(!res.body.includes(idNumber), 'the value is not echoed');
    }
  });

  test('an envelope copied to another user does not decrypt there (bound to its row)', async () => {
    const a = await createUser('pd.source', '13600002222', '110101199003071233');
    const b = await createUser('pd.target', '13600003333', '11010519491231002X');
    await ctx.database.db.execute(
      sql`update users set phone_enc = (select phone_enc from users where id = ${a.id}) where id = ${b.id}`,
    );
    const list = (await sys.request('GET', '/api/users?q=pd.')).json().items;
    assert.equal(list.find((u: { id: string }) => u.id === b.id).phoneMasked, UNREADABLE);
    assert.equal(list.find((u: { id: string }) => u.id === a.id).phoneMasked, '136****2222');
  });
});

describe('no secrets in a database dump or in the logs', () => {
  test('a database dump and the captured logs hold none of the seeded phone, ID number or passwords', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({
      config: ctx.config,
      database: ctx.database,
      keyring: ctx.keyring,
      clock: ctx.clock,
      logger: { level: 'trace', stream },
    });
    try {
      const admin = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'demo.sysadmin', password: 'Tc#Demo-2026' },
      });
      const { csrfToken } = admin.json();
      const cookie = String(admin.headers['set-cookie']).split(';')[0];
      const write = (method: 'POST' | 'GET', url: string, payload?: object, as = { cookie, csrfToken }) =>
        app.inject({
          method,
          url,
          headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
          ...(payload ? { payload } : {}),
        });
      const created = await write('POST', '/api/users', {
        username: 'pd.dump',
        displayName: '王五',
        initialPassword: PASSWORD,
        phone: PHONE_TYPED,
        idNumber: ID_NUMBER,
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await write('GET', `/api/users/${created.json().id}/sensitive`)).statusCode, 200);
      assert.equal((await write('POST', '/api/users/lookup', { phone: PHONE })).statusCode, 200);
      const user = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'pd.dump', password: PASSWORD },
      });
      assert.equal(user.statusCode, 200);
      const userSession = sessionFrom(
        { ...ctx, app },
        'pd.dump',
        String(user.headers['set-cookie']).split(';')[0],
        user.json().csrfToken,
        user.json().user.id,
      );
      const changed = await userSession.request('POST', '/api/auth/password', {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      assert.equal(changed.statusCode, 204);
      // A failed login, and credentials or numbers misdirected into a URL, must not leak either.
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: NEW_PASSWORD },
      });
      await app.inject({ method: 'POST', url: `/api/auth/login?username=pd.dump&password=${NEW_PASSWORD}` });
      await app.inject({ method: 'GET', url: `/api/users?phone=${PHONE}`, headers: { cookie } });
    } finally {
      await app.close();
    }
    const log = lines.join('');
    assert.ok(log.includes('/api/users/lookup'), 'the log captured the requests');
    assert.ok(log.includes('/api/auth/login?[query omitted]'), 'query strings are left out of the log');
    for (const secret of [...SEEDED, PHONE_TYPED]) assert.ok(!log.includes(secret), `log holds ${secret}`);

    const dumps: { name: string; text: string }[] = [];
    if (ctx.database.kind === 'postgres') {
      const [{ name }] = await queryRows<{ name: string }>(
        ctx.database.db,
        sql`select current_database() as name`,
      );
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const { stdout } = await run('/usr/bin/pg_dump', ['--no-owner', url.toString()], {
        maxBuffer: 512 * 1024 * 1024,
      });
      assert.match(stdout, /COPY public\.users/);
      dumps.push({ name: 'pg_dump', text: stdout });
    } else {
      const tables = await queryRows<{ schema: string; name: string }>(
        ctx.database.db,
        sql`select table_schema as schema, table_name as name from information_schema.tables
            where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`,
      );
      assert.ok(tables.some((t) => t.name === 'users'));
      const parts: string[] = [];
      for (const t of tables) {
        const rows = await queryRows<{ row: string }>(
          ctx.database.db,
          sql`select t::text as row from ${sql.identifier(t.schema)}.${sql.identifier(t.name)} t`,
        );
        parts.push(`-- ${t.schema}.${t.name}\n${rows.map((r) => r.row).join('\n')}`);
      }
      dumps.push({ name: 'select * from every table', text: parts.join('\n') });
      const tarball = gunzipSync(Buffer.from(await (await ctx.database.dump!()).arrayBuffer()));
      dumps.push({ name: 'dumpDataDir', text: tarball.toString('latin1') + tarball.toString('utf8') });
    }
    for (const dump of dumps) {
      assert.ok(dump.text.includes('pd.dump'), `${dump.name} holds the seeded user`);
      for (const secret of SEEDED) assert.ok(!dump.text.includes(secret), `${dump.name} holds ${secret}`);
    }
  });

  test('log lines stay one JSON object each: control characters in requests are escaped', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({
      config: ctx.config,
      database: ctx.database,
      keyring: ctx.keyring,
      clock: ctx.clock,
      logger: { level: 'info', stream },
    });
    try {
      await app.inject({ method: 'GET', url: '/api/no-such%0d%0a{"level":60,"msg":"forged"}' });
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'user-agent': 'evil\r\n{"msg":"forged"}' },
        payload: { username: 'line\nbreak\u001b[31m', password: 'Whatever#1' },
      });
    } finally {
      await app.close();
    }
    const text = lines.join('');
    const records = text.split('\n').filter(Boolean);
    assert.ok(records.length >= 4);
    for (const record of records) {
      const parsed = JSON.parse(record) as { msg?: string };
      assert.notEqual(parsed.msg, 'forged');
    }
    assert.ok(!text.includes(String.fromCharCode(27)), 'no raw escape character in the log');
  });
});
