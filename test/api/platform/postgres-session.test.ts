/**
 * The app's PostgreSQL sessions run with JIT off (docs/decisions/0007-postgresql-jit-off.md): a
 * statement estimated above jit_above_cost is not compiled for 60–80 ms per execution. On PGlite
 * (no JIT) there is nothing to check.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/platform/db/client.ts';
import { setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
before(async () => {
  ctx = await setup();
});
after(async () => {
  await ctx.close();
});

describe('PostgreSQL session settings', () => {
  test('every pooled connection runs with jit = off', { skip: !process.env.TEST_DATABASE_URL }, async () => {
    assert.equal(ctx.database.kind, 'postgres');
    // More reads than one connection serves, in parallel, so that several pooled connections answer.
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        queryRows<{ jit: string; pid: number }>(
          ctx.database.db,
          sql`select current_setting('jit') as jit, pg_backend_pid() as pid, pg_sleep(0.05)::text`,
        ),
      ),
    );
    const rows = answers.flat();
    assert.ok(new Set(rows.map((r) => r.pid)).size > 1, 'several connections answered');
    assert.deepEqual([...new Set(rows.map((r) => r.jit))], ['off']);
  });
});
