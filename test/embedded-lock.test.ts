/**
 * Embedded mode (issue 9 item 8): the data-folder lock detects a stale lock by more than its pid
 * (a container's PID 1 restarted after kill -9 finds a lock naming its own pid), and PGlite runs
 * with durable writes by default.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openEmbedded, queryRows } from '../src/platform/db/client.ts';
import { currentOwner, DataDirLockedError, lockDataDir, processStartTime } from '../src/platform/db/lock.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-lock-'));

describe('data folder lock', () => {
  test('a lock left with our own pid (PID 1 restarted in a container) is stale and taken over', () => {
    const dir = tempDir();
    try {
      // What the previous incarnation left: the same pid, an earlier start.
      fs.writeFileSync(
        path.join(dir, 'tongchou.lock'),
        JSON.stringify({ ...currentOwner(), startTime: '1' }),
      );
      const release = lockDataDir(dir);
      release();
      // An old-format lock holding only our pid as well.
      fs.writeFileSync(path.join(dir, 'tongchou.lock'), String(process.pid));
      lockDataDir(dir)();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a live process holding the lock refuses a second start; a reused pid does not', async () => {
    const dir = tempDir();
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const pid = child.pid!;
      const owner = { pid, bootId: currentOwner().bootId, startTime: processStartTime(pid) };
      fs.writeFileSync(path.join(dir, 'tongchou.lock'), JSON.stringify(owner));
      assert.throws(() => lockDataDir(dir), DataDirLockedError);
      if (owner.startTime !== null) {
        // The same pid, but the lock names another start time: the owner died and the pid was reused.
        fs.writeFileSync(path.join(dir, 'tongchou.lock'), JSON.stringify({ ...owner, startTime: '1' }));
        lockDataDir(dir)();
        // Another boot: stale whatever the pid.
        fs.writeFileSync(
          path.join(dir, 'tongchou.lock'),
          JSON.stringify({ ...owner, bootId: 'another-boot' }),
        );
        if (owner.bootId) lockDataDir(dir)();
      }
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('embedded durability', () => {
  test('PGlite runs with fsync on and flushes each commit to disk by default', async () => {
    const dir = tempDir();
    try {
      const database = await openEmbedded(dir);
      try {
        const [{ fsync }] = await queryRows<{ fsync: string }>(database.db, sql`show fsync`);
        assert.equal(fsync, 'on');
        const [{ wal_sync_method }] = await queryRows<{ wal_sync_method: string }>(
          database.db,
          sql`show wal_sync_method`,
        );
        assert.equal(wal_sync_method, 'fsync');
        // Commits call the real fsync(2): count the calls.
        const original = fs.fsyncSync;
        let calls = 0;
        fs.fsyncSync = (fd: number) => {
          calls++;
          original(fd);
        };
        try {
          await database.db.execute(sql`create table durability_probe (id int)`);
          await database.db.execute(sql`insert into durability_probe values (1)`);
        } finally {
          fs.fsyncSync = original;
        }
        assert.ok(calls >= 2, `fsync calls: ${calls}`);
      } finally {
        await database.close();
      }
      const relaxed = await openEmbedded(dir, { fsync: false });
      const [{ fsync }] = await queryRows<{ fsync: string }>(relaxed.db, sql`show fsync`);
      assert.equal(fsync, 'off');
      await relaxed.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
