/**
 * Counting the SQL statements of one request at the driver (issue 11: reads in SQL, no N+1), for
 * test/api/read-statements.test.ts and plans-experts-statements.test.ts.
 */
import assert from 'node:assert/strict';
import type { Database } from '../../src/platform/db/client.ts';

type Query = (...args: unknown[]) => Promise<unknown>;
interface DriverClient {
  query: Query;
  transaction?: (fn: (tx: { query: Query }) => Promise<unknown>) => Promise<unknown>;
}

/**
 * Counts statements sent through the driver (PGlite or a pg pool) while `run` is awaited. The audit
 * checkpoint (src/audit/anchor.ts) advances in the background a second after any response; it is
 * brought up to date first, so that a pending pass never lands inside a counted request.
 */
export function statementCounter(database: Database, settle: () => Promise<void>) {
  const client = (database.db as unknown as { $client: DriverClient }).$client;
  let counting = false;
  let n = 0;
  const query = client.query.bind(client);
  client.query = (...args) => {
    if (counting) n++;
    return query(...args);
  };
  const transaction = client.transaction?.bind(client);
  if (transaction) {
    client.transaction = (fn) =>
      transaction((tx) => {
        const inner = tx.query.bind(tx);
        tx.query = (...args) => {
          if (counting) n++;
          return inner(...args);
        };
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
