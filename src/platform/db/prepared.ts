/**
 * Prepared statements per database handle for the hot reads (issue 11): drizzle builds the SQL
 * once, and PostgreSQL parses and plans a named statement once per pooled connection instead of on
 * every request. Inside a transaction the query is built as usual (a prepared statement belongs to
 * the handle that prepared it).
 */
import type { Db } from './client.ts';

export function preparedPerHandle<P>(build: (db: Db) => P): (db: Db) => P {
  const cache = new WeakMap<Db, P>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
