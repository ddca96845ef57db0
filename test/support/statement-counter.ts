/**
 * Counting the SQL statements of one request at the driver (issue 11: reads in SQL, no N+1), for
 * test/api/platform/read-statements.test.ts and plans-experts-statements.test.ts.
 */
import assert from 'node:assert/strict';
import type { Database } from '../../src/platform/db/client.ts';

type Query = (...args: unknown[]) => Promise<unknown>;
interface PgPool {
  _clients?: { query: Query }[];
  on?: (event: 'connect', listener: (client: { query: Query }) => void) => void;
}
interface DriverClient {
  query: Query;
  transaction?: (fn: (tx: { query: Query }) => Promise<unknown>) => Promise<unknown>;
}

/**
 * Counts statements sent through the driver (PGlite or a pg pool) while `run` is awaited; on
 * a pg pool also those of transactions (BEGIN and COMMIT included), which run on a checked-out client. The audit
 * checkpoint (src/audit/anchor.ts) advances in the background a second after any response; it is
 * brought up to date first, so that a pending pass never lands inside a counted request.
 */
export function statementCounter(database: Database, settle: () => Promise<void>) {
  const client = (database.db as unknown as { $client: DriverClient }).$client;
  let counting = false;
  let n = 0;
  const counted = (target: { query: Query }) => {
    const query = target.query.bind(target);
    target.query = (...args) => {
      if (counting) n++;
      return query(...args);
    };
  };
  const pool = client as DriverClient & PgPool;
  if (Array.isArray(pool._clients) && typeof pool.on === 'function') {
    // A pg pool: pool.query and transactions both run on a pooled client (a transaction on one it
    // checks out), so every client counts — those already open and those the pool opens later.
    const seen = new WeakSet<object>();
    const watch = (c: { query: Query }) => {
      if (seen.has(c)) return;
      seen.add(c);
      counted(c);
    };
    for (const c of pool._clients) watch(c);
    pool.on('connect', watch);
  } else {
    counted(client);
    const transaction = client.transaction?.bind(client);
    if (transaction)
      client.transaction = (fn) =>
        transaction((tx) => {
          counted(tx);
          return fn(tx);
        });
  }
  return async (run: () => Promise<{ statusCode: number }>) => {
    await settle();
    n = 0;
    counting = true;
    try {
      const res = await run();
      assert.equal(res.statusCode, 200);
    } finally {
      counting = false;
    }
    return n;
  };
}
