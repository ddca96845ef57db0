/**
 * In-memory PGlite databases for the test helper, reused within a process: starting PGlite from the
 * 46 MB template tarball costs ~1 CPU-s, while putting a used instance back to the template's state
 * costs a fraction of that. Several test files run in one process (scripts/test-run.ts), so every
 * file after the first gets a reset instance instead of a new one.
 *
 * The reset: every table emptied and refilled with the rows the template held (kept in memory as
 * COPY output), every sequence set back, session settings reset. An instance whose schema no longer
 * matches the template's (a test added a constraint, disabled a trigger, made a table…) is not
 * reused but closed, and the next file gets a fresh one. A file still starts from exactly the
 * template's rows, so files share no state.
 */
import type { PGlite } from '@electric-sql/pglite';
import { type Database, openMemoryClient, wrapPglite } from '../../src/platform/db/client.ts';

/** What the template held, read from the first instance before any test touched it. */
interface Snapshot {
  fingerprint: string;
  tables: string[];
  rows: Array<{ table: string; blob: Blob }>;
  sequences: string;
}

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;

/** Everything a test could change besides rows: relations, columns, constraints, triggers, functions, roles. */
const FINGERPRINT = `
select md5(coalesce(string_agg(x, E'\\n' order by x), '')) as fp from (
  select 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || coalesce((
    select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text
      || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ', ' order by a.attnum)
    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '') as x
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname not in ${SYSTEM_SCHEMAS}
  union all
  select 'con ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  from pg_constraint where connamespace not in (select oid from pg_namespace where nspname in ${SYSTEM_SCHEMAS})
  union all
  select 'trg ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text from pg_trigger where not tgisinternal
  union all
  select 'fn ' || p.proname || ' ' || md5(p.prosrc) from pg_proc p
  where p.pronamespace not in (select oid from pg_namespace where nspname in ${SYSTEM_SCHEMAS})
  union all
  select 'idx ' || indexrelid::regclass::text || ' ' || pg_get_indexdef(indexrelid) from pg_index
  where indrelid in (select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ${SYSTEM_SCHEMAS})
  union all
  select 'role ' || rolname || ' ' || rolcanlogin::text from pg_roles
  union all
  select 'ns ' || nspname from pg_namespace
  union all
  select 'ext ' || extname || ' ' || extversion from pg_extension
) s`;

async function fingerprint(client: PGlite): Promise<string> {
  const res = await client.query<{ fp: string }>(FINGERPRINT);
  return res.rows[0].fp;
}

async function takeSnapshot(client: PGlite): Promise<Snapshot> {
  const tables = (
    await client.query<{ name: string }>(
      `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
       where schemaname not in ${SYSTEM_SCHEMAS} order by 1`,
    )
  ).rows.map((r) => r.name);
  const rows: Snapshot['rows'] = [];
  for (const table of tables) {
    const res = await client.query(`copy ${table} to '/dev/blob'`);
    if (res.blob && res.blob.size > 0) rows.push({ table, blob: res.blob });
  }
  // One statement that puts every sequence back where the template left it.
  const seqs = (
    await client.query<{ name: string; value: string | null; start: string }>(
      `select quote_ident(schemaname) || '.' || quote_ident(sequencename) as name,
              last_value::text as value, start_value::text as start
       from pg_sequences where schemaname not in ${SYSTEM_SCHEMAS}`,
    )
  ).rows;
  const sequences = seqs
    .map((s) =>
      s.value === null
        ? `select setval('${s.name.replace(/'/g, "''")}', ${s.start}, false);`
        : `select setval('${s.name.replace(/'/g, "''")}', ${s.value}, true);`,
    )
    .join('\n');
  return { fingerprint: await fingerprint(client), tables, rows, sequences };
}

let snapshot: { key: string; value: Snapshot } | undefined;
/** Used instances waiting for the next file, with the template they came from. */
const idle: Array<{ key: string; client: PGlite; expiry: NodeJS.Timeout }> = [];
const MAX_IDLE = 2;
/**
 * An idle instance keeps a PostgreSQL timer pending, which would keep the process alive after its
 * last file: one not taken again within this time is closed.
 */
const IDLE_MS = 2000;

let resets = 0;
const VACUUM_EVERY = 8;

/** Puts a used instance back to the template's rows; false when its schema changed (then it is closed). */
async function reset(client: PGlite, snap: Snapshot): Promise<boolean> {
  try {
    if ((await fingerprint(client)) !== snap.fingerprint) return false;
    // Replica role: no trigger fires (the append-only guards, the foreign keys) while rows are put
    // back. DELETE, not TRUNCATE: truncating 90 tables makes 90 new files and costs ten times more;
    // the dead rows it leaves are vacuumed away every few resets.
    const empty = snap.tables.map((t) => `delete from ${t};`).join(' ');
    await client.exec(`reset all; set session_replication_role = replica; ${empty}`);
    for (const { table, blob } of snap.rows)
      await client.query(`copy ${table} from '/dev/blob'`, [], { blob });
    await client.exec(`${snap.sequences}\nreset all;`);
    if (++resets % VACUUM_EVERY === 0) await client.exec('vacuum');
    return true;
  } catch {
    return false;
  }
}

/**
 * An in-memory database holding the template's rows: a reset idle instance when there is one, else
 * a new one from the tarball. `close()` hands the instance back for the next file.
 */
export async function templateInstance(key: string, tar: Blob): Promise<Database> {
  let client: PGlite | undefined;
  while (!client && idle.length > 0) {
    const candidate = idle.pop()!;
    clearTimeout(candidate.expiry);
    if (candidate.key === key && snapshot?.key === key && (await reset(candidate.client, snapshot.value))) {
      client = candidate.client;
    } else {
      await candidate.client.close().catch(() => {});
    }
  }
  if (!client) {
    client = await openMemoryClient(tar);
    if (snapshot?.key !== key) snapshot = { key, value: await takeSnapshot(client) };
  }
  const owned = client;
  let closed = false;
  const database = wrapPglite(owned, () => {});
  return {
    ...database,
    async close() {
      if (closed) return;
      closed = true;
      if (idle.length >= MAX_IDLE || owned.closed) {
        await owned.close();
        return;
      }
      const entry = {
        key,
        client: owned,
        expiry: setTimeout(() => {
          const at = idle.indexOf(entry);
          if (at >= 0) idle.splice(at, 1);
          void owned.close().catch(() => {});
        }, IDLE_MS),
      };
      idle.push(entry);
    },
  };
}
