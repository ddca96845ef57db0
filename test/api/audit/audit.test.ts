import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  ArchiveError,
  AUDIT_EXPORT_RATE_PER_MINUTE,
  archiveAuditEvents,
  verifyAuditArchive,
  verifyAuditChain,
} from '../../../src/audit/index.ts';
import { ensureInstalled } from '../../../src/bootstrap.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { manualClock } from '../../../src/platform/clock.ts';
import { generateKeyFile } from '../../../src/platform/crypto/key-file.ts';
import { openEmbedded, queryRows } from '../../../src/platform/db/client.ts';
import { login, setup, type TestContext } from '../../support/helper.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

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

  test('if the audit record cannot be written, the business change is rolled back with it', async () => {
    const admin = await login(ctx, 'demo.sysadmin');
    await ctx.database.db.execute(
      sql`alter table audit_events add constraint audit_probe_ck check (action <> 'user.create') not valid`,
    );
    try {
      const res = await admin.request('POST', '/api/users', {
        username: 'audit.rollback',
        displayName: '回滚探针',
        initialPassword: 'Probe#Pass-2026',
      });
      assert.equal(res.statusCode, 500);
      assert.equal(res.json().code, 'INTERNAL');
    } finally {
      await ctx.database.db.execute(sql`alter table audit_events drop constraint audit_probe_ck`);
    }
    const rows = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from users where username = 'audit.rollback'`,
    );
    assert.equal(rows[0].n, 0, 'the user was not created without its audit record');
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

describe('audit export', () => {
  test('the audit admin exports CSV that names the exporter and the time; the export is audited once', async () => {
    const auditor = await login(ctx, 'demo.auditadmin');
    const before = await auditCount();
    const res = await auditor.request('GET', '/api/audit/export?format=csv&action=auth.login');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="audit-\d{14}\.csv"$/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const text = res.body.replace(/^\uFEFF/, '');
    assert.match(text, /导出人,demo\.auditadmin（审计管理员（演示））/);
    assert.match(text, /导出时间（北京时间）,2026-11-23 10:\d\d:\d\d/);
    assert.match(text, /筛选条件,action=auth\.login/);
    assert.match(text, /序号,时间,操作人/);
    assert.match(text, /,登录,auth\.login,/);
    assert.equal(await auditCount(), before + 1);
    const [row] = await ctx.database.db.select().from(auditEvents).orderBy(sql`id desc`).limit(1);
    assert.equal(row.action, 'audit.export');
    assert.equal(row.actorName, 'demo.auditadmin');
    const details = row.details as { format: string; rows: number; truncated: boolean };
    assert.equal(details.format, 'csv');
    assert.ok(details.rows >= 1);
    assert.equal(details.truncated, false);
  });

  test('the xlsx export opens as a workbook that names the exporter', async () => {
    const auditor = await login(ctx, 'demo.auditadmin');
    const res = await auditor.request('GET', '/api/audit/export?format=xlsx');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    assert.equal(sheet.getCell('A2').value, '导出人');
    assert.match(String(sheet.getCell('B2').value), /demo\.auditadmin/);
    assert.equal(sheet.getCell('A3').value, '导出时间（北京时间）');
    assert.equal(workbook.creator, 'demo.auditadmin（审计管理员（演示））');
  });

  test('bulk export is capped at AUDIT_EXPORT_MAX_ROWS and the file says it was cut', async () => {
    const capped = await setup({ auditExportMaxRows: 2 });
    try {
      const auditor = await login(capped, 'demo.auditadmin');
      const res = await auditor.request('GET', '/api/audit/export?format=csv');
      assert.equal(res.statusCode, 200);
      const dataLines = res.body.split('\r\n').filter((l) => /^\d+,/.test(l));
      assert.equal(dataLines.length, 2);
      assert.match(res.body, /已截断为最新 2 条/);
      const [row] = await capped.database.db.select().from(auditEvents).orderBy(sql`id desc`).limit(1);
      assert.deepEqual(
        {
          rows: (row.details as { rows: number }).rows,
          truncated: (row.details as { truncated: boolean }).truncated,
        },
        { rows: 2, truncated: true },
      );
    } finally {
      await capped.close();
    }
  });

  test('export is rate-limited per user', async () => {
    const auditor = await login(ctx, 'demo.auditadmin');
    const codes: number[] = [];
    for (let i = 0; i <= AUDIT_EXPORT_RATE_PER_MINUTE; i++) {
      codes.push((await auditor.request('GET', '/api/audit/export?format=csv&action=none')).statusCode);
    }
    assert.equal(codes.at(-1), 429);
    assert.ok(codes.slice(0, -1).every((c) => c === 200 || c === 429));
  });
});

describe('audit retention and archive', () => {
  test('rows past the retention go to a signed JSON-lines archive with its SM3, and nothing is deleted', async () => {
    const c = await setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-archive-'));
    try {
      const auditor = await login(c, 'demo.auditadmin');
      await auditor.request('GET', '/api/audit?limit=1');
      const countBefore = (await c.database.db.select().from(auditEvents)).length;
      c.clock.advance(181 * 86_400_000);
      const manifest = await archiveAuditEvents(c.deps, c.keyring, { retentionDays: 180, dir });
      assert.ok(manifest);
      assert.equal(manifest.rows, countBefore);
      assert.equal(manifest.firstId, 1);
      assert.equal(manifest.anchorPrevHash, '0'.repeat(64));
      // Nothing deleted: every row is still there, plus the archive's own audit row.
      const after = await c.database.db.select().from(auditEvents).orderBy(auditEvents.id);
      assert.equal(after.length, countBefore + 1);
      assert.equal(after.at(-1)!.action, 'audit.archive');
      assert.equal((after.at(-1)!.details as { deleted: number }).deleted, 0);
      const base = `audit-${manifest.firstId}-${manifest.lastId}`;
      const lines = fs
        .readFileSync(path.join(dir, `${base}.jsonl`), 'utf8')
        .trim()
        .split('\n');
      assert.equal(lines.length, countBefore);
      assert.equal(JSON.parse(lines[0]).hash, after[0].hash);
      assert.match(fs.readFileSync(path.join(dir, `${base}.jsonl.sm3`), 'utf8'), /^[0-9a-f]{64} {2}audit-/);
      assert.deepEqual(verifyAuditArchive(c.keyring, c.keyring.auditKey, dir, `${base}.manifest.json`), {
        ok: true,
        problems: [],
      });
      // Nothing new past the retention: nothing to do. Later rows continue the chain from the anchor.
      assert.equal(await archiveAuditEvents(c.deps, c.keyring, { retentionDays: 180, dir }), null);
      c.clock.advance(181 * 86_400_000);
      const next = await archiveAuditEvents(c.deps, c.keyring, { retentionDays: 180, dir });
      assert.ok(next);
      assert.equal(next.firstId, manifest.lastId + 1);
      assert.equal(next.anchorPrevHash, manifest.lastHash);
      // A changed byte in the archive is detected.
      const file = path.join(dir, `${base}.jsonl`);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"success"', '"failure"'));
      const tampered = verifyAuditArchive(c.keyring, c.keyring.auditKey, dir, `${base}.manifest.json`);
      assert.equal(tampered.ok, false);
      assert.ok(tampered.problems.some((p) => p.includes('SM3')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await c.close();
    }
  });

  test('a retention under 180 days is refused', async () => {
    await assert.rejects(
      archiveAuditEvents(ctx.deps, ctx.keyring, { retentionDays: 179, dir: os.tmpdir() }),
      (err: unknown) => err instanceof ArchiveError && err.code === 'RETENTION_TOO_SHORT',
    );
  });

  test('an archive of a broken chain is refused', async () => {
    const c = await setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-archive-'));
    try {
      await c.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      await c.database.db.execute(sql`update audit_events set actor_name = 'mallory' where id = 2`);
      await c.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      c.clock.advance(181 * 86_400_000);
      await assert.rejects(
        archiveAuditEvents(c.deps, c.keyring, { retentionDays: 180, dir }),
        (err: unknown) => err instanceof ArchiveError && err.code === 'CHAIN_BROKEN',
      );
      assert.deepEqual(fs.readdirSync(dir), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await c.close();
    }
  });
});
