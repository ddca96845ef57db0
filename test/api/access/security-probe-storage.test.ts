/**
 * Regression tests for the outside probe's findings (issue 9), one describe block per item: what is
 * kept outside the request — the audit log's newest rows and orphaned upload files. Each test fails
 * on the code before the fix.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { advanceCheckpoint, CHECKPOINT_FILE } from '../../../src/audit/anchor.ts';
import { verifyAuditChain } from '../../../src/audit/index.ts';
import { queryRows } from '../../../src/platform/db/client.ts';
import { sweepOrphanFiles } from '../../../src/projects/commands/sweep-orphan-files.ts';
import { draftProject, expectStatus, Sessions, setupProjects, upload } from '../../factories/projects.ts';
import { login, setup } from '../../support/helper.ts';

describe('item 4: deleting the newest audit rows is detected', () => {
  test('a signed checkpoint outside the database reveals deleted newest rows; id gaps are reported', async () => {
    const c = await setup();
    try {
      const auditor = await login(c, 'demo.auditadmin');
      for (let i = 0; i < 20; i++) await auditor.request('GET', '/api/audit?limit=1');
      const dir = c.config.auditArchiveDir;
      assert.equal(await advanceCheckpoint(c.database.db, c.keyring, dir, c.clock.now()), 'written');
      const clean = (await auditor.request('GET', '/api/audit/verify')).json();
      assert.equal(clean.ok, true, JSON.stringify(clean));
      assert.equal(clean.anchor, 'ok');

      const removeNewest = async (n: number) => {
        await c.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
        await c.database.db.execute(
          sql`delete from audit_events where id in (select id from audit_events order by id desc limit ${n})`,
        );
        await c.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      };
      // The last 6 rows (the verify call's own row and the 5 before it): the chain alone still verifies.
      await removeNewest(6);
      const chainOnly = await verifyAuditChain(c.database.db, c.keyring.auditKey);
      assert.equal(chainOnly.breaks.length, 0, 'the HMAC chain alone cannot see it');
      const anchored = await verifyAuditChain(c.database.db, c.keyring.auditKey, {
        anchor: { keyring: c.keyring, dir },
      });
      assert.equal(anchored.ok, false);
      assert.equal(anchored.anchor?.status, 'truncated');
      // The writer refuses to move a checkpoint the table no longer matches (it is the evidence).
      assert.equal(await advanceCheckpoint(c.database.db, c.keyring, dir, c.clock.now()), 'refused');

      // Ten more deleted, then new writes continue the shortened chain: the checkpoint's row now
      // holds another hash, so the verifier still fails (ids follow the last row, see src/platform/audit-log/record.ts).
      await removeNewest(10);
      await auditor.request('GET', '/api/audit?limit=1');
      const after = (await auditor.request('GET', '/api/audit/verify')).json();
      assert.equal(after.ok, false, JSON.stringify(after));
      assert.match(after.reason, /^checkpoint_(truncated|mismatch)$/);

      // A row deleted in the middle: the chain breaks and the missing id is reported as a gap.
      const [{ id: middle }] = await queryRows<{ id: number }>(
        c.database.db,
        sql`select id from audit_events order by id limit 1 offset 3`,
      );
      await c.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      await c.database.db.execute(sql`delete from audit_events where id = ${middle}`);
      await c.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      const gap = await verifyAuditChain(c.database.db, c.keyring.auditKey);
      assert.deepEqual(gap.gaps, [
        { id: Number(middle) + 1, missingFrom: Number(middle), missingTo: Number(middle) },
      ]);
      assert.equal(gap.ok, false);

      // A forged checkpoint (edited without the SM2 key) is reported as such.
      const file = path.join(dir, CHECKPOINT_FILE);
      const forged = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...forged, lastId: 1 }));
      const bad = await verifyAuditChain(c.database.db, c.keyring.auditKey, {
        anchor: { keyring: c.keyring, dir },
      });
      assert.equal(bad.anchor?.status, 'bad_signature');
      assert.equal(bad.ok, false);
    } finally {
      await c.close();
    }
  });
});

describe('item 14: orphaned upload files are swept', () => {
  test('files no material row names, older than the grace period, are removed and audited; referenced ones stay', async () => {
    const c = await setupProjects();
    try {
      const s = new Sessions(c);
      const staff = await s.as('dt.staff');
      const { id } = await draftProject(staff);
      expectStatus(await upload(staff, id, 'other'), 201, 'upload');
      const folder = path.join(c.config.dataDir, 'files');
      const [{ name: kept }] = await queryRows<{ name: string }>(
        c.database.db,
        sql`select storage_name as name from project_materials where project_id = ${id}`,
      );
      const orphan = `${'ab'.repeat(16)}.pdf`;
      const young = `${'cd'.repeat(16)}.pdf`;
      fs.mkdirSync(path.join(folder, 'ab'), { recursive: true });
      fs.mkdirSync(path.join(folder, 'cd'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'ab', orphan), 'left by a killed upload');
      fs.writeFileSync(path.join(folder, 'ab', `${orphan}.partial`), 'half written');
      fs.writeFileSync(path.join(folder, 'cd', young), 'upload still committing');
      const old = new Date(c.clock.now().getTime() - 2 * 3600_000);
      const recent = new Date(c.clock.now().getTime() - 60_000);
      for (const f of [path.join(folder, 'ab', orphan), path.join(folder, 'ab', `${orphan}.partial`)])
        fs.utimesSync(f, old, old);
      fs.utimesSync(path.join(folder, kept.slice(0, 2), kept), old, old);
      fs.utimesSync(path.join(folder, 'cd', young), recent, recent);

      const { removed } = await sweepOrphanFiles(c.deps, folder);
      assert.deepEqual(removed.sort(), [orphan, `${orphan}.partial`].sort());
      assert.ok(fs.existsSync(path.join(folder, kept.slice(0, 2), kept)), 'the referenced file stays');
      assert.ok(fs.existsSync(path.join(folder, 'cd', young)), 'a young file stays');
      assert.ok(!fs.existsSync(path.join(folder, 'ab', orphan)));
      const rows = await queryRows<{ details: { count: number } }>(
        c.database.db,
        sql`select details from audit_events where action = 'file.orphan_sweep'`,
      );
      assert.deepEqual(
        rows.map((r) => r.details.count),
        [2],
      );
      // The material still downloads.
      const material = (await staff.request('GET', `/api/projects/${id}`)).json().materials[0];
      expectStatus(
        await staff.request('GET', `/api/projects/${id}/materials/${material.id}/download`),
        200,
        'download',
      );
    } finally {
      await c.close();
    }
  });
});
