/**
 * The directory of jurisdictions and organisations and the workflow environment (rulebook catalog,
 * working-day calendar, directory), cached per database handle and revalidated by one statement.
 *
 * The environment is loaded on the database handle *before* a command opens its transaction
 * (`loadWorkflowEnv`): an embedded PGlite has one connection, and a query on the bare handle inside
 * a transaction would wait for it forever.
 */
import { sql } from 'drizzle-orm';
import type { WorkingDayCalendar } from '../calendar/index.ts';
import { CALENDAR_STAMP, loadCalendar } from '../calendar/index.ts';
import { type Clock, chinaDate } from '../platform/clock.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { type Db, isDatabaseHandle, type Queryable, queryRows } from '../platform/db/client.ts';
import { readAll } from '../platform/db/concurrent.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { preparedPerHandle } from '../platform/db/prepared.ts';
import { expertIndex } from '../review/index.ts';
import { loadRulebookCatalog, RULEBOOK_STAMP, type RulebookCatalog } from '../rulebooks/index.ts';
import type { Directory } from './actors.ts';

/**
 * The directory is cached per database handle and revalidated on every call by one small query:
 * jurisdictions are only ever added, organisations are added or edited with a version bump, so the
 * row counts and the sum of versions change whenever anything in it does (also when another app
 * server sharing the database changed it). Inside a transaction it is read afresh.
 */
const directoryCache = new WeakMap<object, { stamp: string; directory: Directory }>();

const DIRECTORY_STAMP = sql`concat_ws('/', (select count(*) from ${jurisdictions}), (select count(*) from ${organisations}), (select coalesce(sum(${organisations.version}), 0) from ${organisations}))`;

/** `stamp`: DIRECTORY_STAMP as just read by the caller together with other stamps (loadWorkflowEnv). */
export async function loadDirectory(q: Queryable, stamp?: string): Promise<Directory> {
  if (!isDatabaseHandle(q)) return readDirectory(q);
  const key =
    stamp ?? (await queryRows<{ stamp: string }>(q, sql`select ${DIRECTORY_STAMP} as stamp`))[0].stamp;
  const hit = directoryCache.get(q);
  if (hit && hit.stamp === key) return hit.directory;
  const directory = await readDirectory(q);
  directoryCache.set(q, { stamp: key, directory });
  return directory;
}

/**
 * The directory for a read: the snapshot loaded with the environment on the database handle (no
 * statement), read afresh inside a transaction.
 */
export function directoryOf(q: Queryable, env: WorkflowEnv): Promise<Directory> | Directory {
  return isDatabaseHandle(q) ? env.directory : loadDirectory(q);
}

async function readDirectory(q: Queryable): Promise<Directory> {
  const [js, os] = await readAll(q, [
    q
      .select({
        id: jurisdictions.id,
        code: jurisdictions.code,
        name: jurisdictions.name,
        parentId: jurisdictions.parentId,
        rulebookCode: jurisdictions.rulebookCode,
      })
      .from(jurisdictions),
    q
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        jurisdictionId: organisations.jurisdictionId,
        parentId: organisations.parentId,
      })
      .from(organisations),
  ]);
  return { jurisdictions: js, organisations: os };
}

/** The rulebook catalog and the calendar, loaded before a transaction opens. */
export interface WorkflowEnv {
  catalog: RulebookCatalog;
  calendar: WorkingDayCalendar;
  today: string;
  now: Date;
  /** Blind index of a user id as stored for expert assignments (SECURITY.md 30; expert-identity.ts). */
  expertIndex(userId: string): string;
  /** The directory as of this load (reads on the database handle; a transaction reads its own). */
  directory: Directory;
}

const preparedStamps = preparedPerHandle((db) =>
  db
    .select({
      rulebooks: sql<string>`${RULEBOOK_STAMP}`,
      calendar: sql<string>`${CALENDAR_STAMP}`,
      directory: sql<string>`${DIRECTORY_STAMP}`,
    })
    .from(sql`(values (1)) as one`)
    .prepare('workflow_env_stamps'),
);

/**
 * One statement checks the three cached snapshots (rulebooks, calendar, directory) at once; a
 * snapshot is read again only when its stamp changed (issue 11: statements per request).
 */
export async function loadWorkflowEnv(db: Db, clock: Clock, keyring: Keyring): Promise<WorkflowEnv> {
  const [stamps] = await preparedStamps(db).execute();
  const [catalog, calendar, directory] = await Promise.all([
    loadRulebookCatalog(db, stamps.rulebooks),
    loadCalendar(db, stamps.calendar),
    loadDirectory(db, stamps.directory),
  ]);
  const now = clock.now();
  return {
    directory,
    catalog,
    calendar,
    today: chinaDate(now),
    now,
    expertIndex: (userId) => expertIndex(keyring, userId),
  };
}

/** The rulebook a jurisdiction runs under, or null when it has none. */
export function rulebookCodeOf(directory: Directory, jurisdictionId: string): string | null {
  return directory.jurisdictions.find((j) => j.id === jurisdictionId)?.rulebookCode ?? null;
}
