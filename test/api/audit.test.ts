import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { ensureInstalled } from '../../src/bootstrap.ts';
import { generateKeyFile } from '../../src/crypto/keyring.ts';
import { openEmbedded, queryRows } from '../../src/db/client.ts';
import { auditEvents } from '../../src/db/schema.ts';
import { manualClock } from '../../src/shared/clock.ts';
import { login, setup, type TestContext } from '../helper.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

let ctx: TestContext;
before(async () => {
  ctx = await setup();
});
after(async () => {
  await ctx.close();
});

async function auditCount(): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    ctx.database.db,
    sql`select count(*)::int as n from audit_events`,
  );
  return rows[0].n;
}

describe('audit trail', () => {
  test('each write adds exactly one audit row with actor, role, organisation, outcome, IP and request id', async () => {
    const admin = await login(ctx, 'demo.sysadmin');
    const before = await auditCount();
    const res = await admin.request('POST', '/api/users', {
      username: 'audit.probe',
      displayName: '审计探针',
      initialPassword: 'Probe#Pass-2026',
    });
    assert.equal(res.statusCode, 201);
    assert.equal(await auditCount(), before + 1);
    const [row] = await ctx.database.db.select().from(auditEvents).orderBy(sql`id desc`).limit(1);
    assert.equal(row.action, 'user.create');
    assert.equal(row.actorName, 'demo.sysadmin');
    assert.equal(row.role, 'sys_admin');
    assert.ok(row.organisationId);
    assert.equal(row.outcome, 'success');
    assert.equal(row.objectId, res.json().id);
    assert.ok(row.sourceIp);
    assert.equal(row.requestId, res.headers['x-request-id']);
  });

  test('a refused command rolls back its change and is audited as refused', async () => {
    const admin = await login(ctx, 'demo.sysadmin');
    const before = await auditCount();
    const res = await admin.request('POST', '/api/users', {
      username: 'audit.probe',
      displayName: '重复',
      initialPassword: 'Probe#Pass-2026',
    });
    assert.equal(res.statusCode, 409);
    assert.equal(await auditCount(), before + 1);
    const [row] = await ctx.database.db.select().from(auditEvents).orderBy(sql`id desc`).limit(1);
    assert.equal(row.outcome, 'refused');
    assert.equal((row.details as { code: string }).code, 'USERNAME_TAKEN');
  });

  test('the audit admin reads the log, and the query itself is audited', async () => {
    const auditor = await login(ctx, 'demo.auditadmin');
    const res = await auditor.request('GET', '/api/audit?limit=5&action=auth.login');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.ok(body.total >= 1);
    assert.equal(body.items[0].actionName, '登录');
    const [row] = await ctx.database.db.select().from(auditEvents).orderBy(sql`id desc`).limit(1);
    assert.equal(row.action, 'audit.query');
  });

  test('business roles and the other admins cannot read the audit log', async () => {
    for (const user of ['demo.sysadmin', 'demo.secadmin', 'dt.authlead']) {
      const s = await login(ctx, user);
      assert.equal((await s.request('GET', '/api/audit')).statusCode, 403, user);
    }
  });

  test('the database refuses UPDATE and DELETE on audit rows', async () => {
    await assert.rejects(
      ctx.database.db.execute(sql`update audit_events set outcome = 'failure' where id = 1`),
    );
    await assert.rejects(ctx.database.db.execute(sql`delete from audit_events where id = 1`));
  });

  test('the chain verifies, and an out-of-band edit of one row is reported at exactly that row', async () => {
    const clean = await verifyAuditChain(ctx.database.db, ctx.keyring.auditKey);
    assert.equal(clean.ok, true);
    assert.ok(clean.count > 5);
    const ids = (
      await ctx.database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id)
    ).map((r) => r.id);
    const target = ids[Math.floor(ids.length / 2)];
    await ctx.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await ctx.database.db.execute(sql`update audit_events set actor_name = 'mallory' where id = ${target}`);
    await ctx.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    const broken = await verifyAuditChain(ctx.database.db, ctx.keyring.auditKey);
    assert.equal(broken.ok, false);
    assert.equal(broken.firstBroken?.id, target);
    assert.equal(broken.breaks.length, 1);
    const auditor = await login(ctx, 'demo.auditadmin');
    const api = (await auditor.request('GET', '/api/audit/verify')).json();
    assert.equal(api.ok, false);
    assert.equal(api.firstBrokenId, target);
  });
});

describe('npm run audit:verify', () => {
  test('reports the first tampered row of an embedded installation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-audit-'));
    const dataDir = path.join(dir, 'data');
    const keyFile = path.join(dir, 'keys.json');
    try {
      const keyring = generateKeyFile(keyFile, { dataDir });
      const database = await openEmbedded(dataDir);
      await database.migrate();
      await ensureInstalled(
        { db: database.db, clock: manualClock('2026-11-23T02:00:00Z'), auditKey: keyring.auditKey },
        { demo: true },
      );
      await database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      const [second] = await queryRows<{ id: number }>(
        database.db,
        sql`select id from audit_events order by id offset 1 limit 1`,
      );
      await database.db.execute(
        sql`update audit_events set details = '{"forged":true}' where id = ${second.id}`,
      );
      await database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      await database.close();
      assert.ok(second);
      const env = { ...process.env, DATA_DIR: dataDir, TONGCHOU_KEY_FILE: keyFile, DATABASE_URL: '' };
      const result = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
        cwd: ROOT,
        env,
      }).then(
        () => ({ code: 0, stdout: '' }),
        (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
      );
      assert.equal(result.code, 2);
      assert.match(result.stdout, new RegExp(`id=${second.id}\\b`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
