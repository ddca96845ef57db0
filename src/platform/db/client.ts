/**
 * Opens the database: embedded PGlite in a data folder (default), PostgreSQL through a `pg` pool
 * when DATABASE_URL is set, or an in-memory PGlite for tests. All three give the same drizzle
 * handle; code above this file never knows which one it has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type QueryOptions, type Transaction, types } from '@electric-sql/pglite';
import type { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: the only handle through which commands write (see src/platform/command.ts). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: a gzip tarball of the data folder (test templates, backups). */
  dump?(): Promise<Blob>;
}

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

/**
 * The types drizzle's PGlite session reads as raw text (timestamps, dates, intervals, numeric[] and
 * the timestamp/date/interval arrays), exactly the set its per-query `parsers` option names.
 */
const RAW_TEXT_TYPES = new Set(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map(String),
);
const withoutParsers = new WeakMap<QueryOptions, QueryOptions>();
const parsersOnClient = new WeakSet<PGlite>();

/**
 * `options` without drizzle's raw-text parsers (the client has them), else `options` itself. drizzle
 * keeps one options object per prepared query, so the answer is remembered per object.
 */
function lighter(options: QueryOptions | undefined): QueryOptions | undefined {
  if (!options?.parsers) return options;
  let light = withoutParsers.get(options);
  if (!light) {
    const onlyRawText = Object.keys(options.parsers).every((oid) => RAW_TEXT_TYPES.has(oid));
    light = onlyRawText ? { ...options, parsers: undefined } : options;
    withoutParsers.set(options, light);
  }
  return light;
}

/**
 * drizzle's PGlite session passes its raw-text parsers with every query, and PGlite then copies its
 * whole parser table (one entry per type and per array type) for that query: ~0.18 ms of a 0.3 ms
 * primary-key read. The client gets the same parsers once, and the per-query copies are dropped
 * (also inside transactions). Results are unchanged: the same types are read as raw text.
 */
function setParsersOnClient(client: PGlite): void {
  if (parsersOnClient.has(client)) return;
  parsersOnClient.add(client);
  for (const oid of RAW_TEXT_TYPES) client.parsers[Number(oid)] = (value: string) => value;
  const lightenQueries = <T extends Pick<Transaction, 'query'>>(target: T): T => {
    const query = target.query.bind(target);
    target.query = ((text: string, params?: unknown[], options?: QueryOptions) =>
      query(text, params, lighter(options))) as T['query'];
    return target;
  };
  lightenQueries(client);
  const transaction = client.transaction.bind(client);
  client.transaction = ((callback: (tx: Transaction) => Promise<unknown>) =>
    transaction((tx) => callback(lightenQueries(tx)))) as PGlite['transaction'];
}

/** A drizzle handle over a PGlite client; `release` runs after the client is closed. */
export function wrapPglite(client: PGlite, release: () => void): Database {
  setParsersOnClient(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR }),
    dump: () => client.dumpDataDir('gzip'),
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * PGlite starts PostgreSQL with `-F` (fsync off), and its Node file system has no fsync: a commit
 * reaches the OS page cache, not the disk. Durable mode starts without `-F`, syncs the WAL with
 * fsync(), and gives the file system a real fsync (issue 9 item 8; cost measured in
 * docs/decisions/0005-embedded-durability.md).
 */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
];

interface NodeFsStream {
  nfd?: number;
}

function enableFsync(client: PGlite): void {
  const nodefs = (client.Module as unknown as { NODEFS?: { stream_ops: Record<string, unknown> } }).NODEFS;
  if (!nodefs) throw new Error('PGlite NODEFS not available: cannot make embedded writes durable');
  nodefs.stream_ops.fsync = (stream: NodeFsStream) => {
    if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
    return 0;
  };
}

/** Embedded PGlite in `<dataDir>/pg`, guarded by a lock file so a second process refuses to start. */
export async function openEmbedded(dataDir: string, options: { fsync?: boolean } = {}): Promise<Database> {
  const durable = options.fsync ?? true;
  const release = lockDataDir(dataDir);
  try {
    const client = await PGlite.create({
      dataDir: path.join(dataDir, 'pg'),
      ...(durable ? { startParams: DURABLE_START_PARAMS } : {}),
    });
    if (durable) enableFsync(client);
    return wrapPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * PGlite's WebAssembly modules and file-system bundle, compiled and read once per process: every
 * in-memory database after the first (test files, several per process) starts ~0.5 s sooner.
 */
let pgliteAssets:
  | Promise<{ pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module; fsBundle: Blob }>
  | undefined;
function loadPgliteAssets() {
  pgliteAssets ??= (async () => {
    const dist = (file: string) => new URL(file, import.meta.resolve('@electric-sql/pglite'));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([
      WebAssembly.compile(await fs.promises.readFile(dist('./pglite.wasm'))),
      WebAssembly.compile(await fs.promises.readFile(dist('./initdb.wasm'))),
    ]);
    const fsBundle = new Blob([await fs.promises.readFile(dist('./pglite.data'))]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle };
  })();
  return pgliteAssets;
}

/**
 * In-memory PGlite, optionally started from a dumped data folder (a pre-migrated template; an
 * uncompressed tarball starts faster than a gzipped one).
 */
export async function openMemory(loadDataDir?: Blob): Promise<Database> {
  return wrapPglite(await openMemoryClient(loadDataDir), () => {});
}

/** The PGlite client behind `openMemory` (tests keep one per process and reset it between files). */
export async function openMemoryClient(loadDataDir?: Blob): Promise<PGlite> {
  const assets = await loadPgliteAssets();
  return PGlite.create(loadDataDir ? { ...assets, loadDataDir } : assets);
}

/** PostgreSQL through a pool. Several app processes may share one database. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // jit off: the platform's statements are short OLTP reads and writes; PostgreSQL's JIT compiles a
  // statement whose estimated cost passes jit_above_cost (待办 over 2,000 projects did) for 60–80 ms,
  // ten times what running it costs (docs/decisions/0007-postgresql-jit-off.md).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'tongchou',
    options: '-c jit=off',
  });
  pool.on('error', () => {}); // idle client errors surface on the next query instead of crashing
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // Several app servers may start at once: one migrates, the others wait for it.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727271)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('select pg_advisory_unlock(727271)').catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** True for the database handle itself, false inside a transaction (for per-handle caches). */
export function isDatabaseHandle(q: Queryable): q is Db {
  return !(q instanceof PgTransaction);
}

/** Rows of a raw query, whichever driver runs it. */
export async function queryRows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
