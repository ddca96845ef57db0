/**
 * Several independent reads at once where that is safe. On the database handle each query takes its
 * own pooled connection, so they run concurrently; inside a transaction there is one client, and pg
 * deprecates (and will refuse) concurrent queries on one client, so they run one after another.
 * Drizzle query builders are lazy (they run when awaited), which is what makes the ordering hold:
 * pass the builders, not already-started promises.
 */
import { isDatabaseHandle, type Queryable } from './client.ts';

export async function readAll<T extends unknown[]>(
  q: Queryable,
  queries: [...{ [K in keyof T]: PromiseLike<T[K]> }],
): Promise<T> {
  if (isDatabaseHandle(q)) return (await Promise.all(queries)) as T;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as T;
}
