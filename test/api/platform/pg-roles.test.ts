/**
 * PostgreSQL roles (SECURITY.md 20): scripts/pg-roles.sql leaves the application role INSERT and
 * SELECT on the audit trail and nothing else there. Runs only on PostgreSQL (TEST_DATABASE_URL);
 * PGlite has no roles.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../../../src/app.ts';
import { DEMO_PASSWORD } from '../../../src/demo/accounts.ts';
import { recordEvent, SYSTEM_CONTEXT } from '../../../src/platform/command.ts';
import { type Database, openPostgres, queryRows } from '../../../src/platform/db/client.ts';
import { openDatabase } from '../../../src/runtime.ts';
import { setup, type TestContext } from '../../support/helper.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const serverUrl = process.env.TEST_DATABASE_URL;
const skip = serverUrl ? false : 'PostgreSQL only: set TEST_DATABASE_URL';

describe('PostgreSQL application role (scripts/pg-roles.sql)', { skip }, () => {
  let ctx: TestContext;
  let appUrl: string;
  let appClient: pg.Client;
  let appDatabase: Database;

  before(async () => {
    ctx = await setup();
    const [{ name }] = await queryRows<{ name: string }>(
      ctx.database.db,
      sql`select current_database() as name`,
    );
    const admin = new URL(serverUrl!);
    admin.pathname = `/${name}`;
    const owner = new pg.Client({ connectionString: admin.toString() });
    await owner.connect();
    await owner.query(fs.readFileSync(path.join(ROOT, 'scripts/pg-roles.sql'), 'utf8'));
    // The test server trusts local connections; production gives the role a password.
    await owner.query('alter role tongchou_app login');
    await owner.end();
    const url = new URL(admin.toString());
    url.username = 'tongchou_app';
    url.password = '';
    appUrl = url.toString();
    appClient = new pg.Client({ connectionString: appUrl });
    await appClient.connect();
    appDatabase = await openPostgres(appUrl, 2);
  });

  after(async () => {
    await appClient?.end();
    await appDatabase?.close();
    await ctx?.close();
  });

  const refusedByPermission = (query: string) =>
    assert.rejects(appClient.query(query), (err: Error & { code?: string }) => {
      assert.equal(err.code, '42501');
      assert.match(err.message, /permission denied|must be owner/);
      assert.doesNotMatch(err.message, /append-only/, 'refused by permissions, not by the trigger');
      return true;
    });

  test('the application role connects as itself, not as a superuser', async () => {
    const { rows } = await appClient.query(
      'select current_user as me, rolsuper from pg_roles where rolname = current_user',
    );
    assert.deepEqual(rows, [{ me: 'tongchou_app', rolsuper: false }]);
  });

  test('UPDATE, DELETE and TRUNCATE of audit rows are refused by permissions', async () => {
    await refusedByPermission("update audit_events set outcome = 'failure' where id = 1");
    await refusedByPermission('delete from audit_events where id = 1');
    await refusedByPermission('truncate audit_events');
    await refusedByPermission('alter table audit_events disable trigger audit_events_no_update');
  });

  test('the application role appends and reads audit rows and works on business tables', async () => {
    const deps = { db: appDatabase.db, clock: ctx.clock, auditKey: ctx.keyring.auditKey };
    await recordEvent(deps, SYSTEM_CONTEXT, { action: 'audit.verify', objectType: 'audit_events' });
    const { rows } = await appClient.query('select action from audit_events order by id desc limit 1');
    assert.equal(rows[0].action, 'audit.verify');
    await appClient.query("update users set display_name = display_name where username = 'dt.staff'");
  });

  test('the application role cannot migrate; with DB_MIGRATE_ON_START=false the server opens the database as it', async () => {
    await assert.rejects(appDatabase.migrate());
    const opened = await openDatabase({
      ...ctx.config,
      databaseUrl: appUrl,
      dbPoolSize: 1,
      migrateOnStart: false,
    });
    await opened.close();
  });

  test('the whole app runs as the application role: a login writes its session and audit row', async () => {
    const app = await buildApp({
      config: ctx.config,
      database: appDatabase,
      keyring: ctx.keyring,
      clock: ctx.clock,
      logger: false,
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'dt.staff', password: DEMO_PASSWORD },
      });
      assert.equal(res.statusCode, 200, res.body);
    } finally {
      await app.close();
    }
  });
});
