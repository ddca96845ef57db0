/**
 * Rulebook versions in the database (table `rulebook_versions`) next to the built-in rulebooks of
 * src/rules. The rules stay pure: this module only reads and writes rows and hands plain data to
 * `createRegistry` / `loadRulebook`.
 *
 * The registry (built-in + stored) is cached per database handle and revalidated on every call by
 * one small query (row count and latest `created_at`): the table is insert-only, and several app
 * servers may share one PostgreSQL database.
 */
import { asc, eq, max, sql } from 'drizzle-orm';
import { users } from '../identity/index.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../platform/db/client.ts';
import { jurisdictions } from '../platform/db/core.ts';
import { BUILT_IN_RULEBOOKS, createRegistry, type Rulebook, type RulebookRegistry } from '../rules/index.ts';
import { rulebookVersions } from './tables.ts';

/** Who stored a version and when; absent for built-in rulebooks. */
export interface StoredVersionMeta {
  id: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  changes: unknown[];
}

export interface RulebookCatalog {
  registry: RulebookRegistry;
  /** The ids of every rulebook in the registry. */
  codes: ReadonlySet<string>;
  /** `${code}@${version}` → storage details, for stored versions only. */
  stored: ReadonlyMap<string, StoredVersionMeta>;
  builtIn: ReadonlySet<string>;
}

export const versionKey = (code: string, version: number) => `${code}@${version}`;

const BUILT_IN_KEYS: ReadonlySet<string> = new Set(
  BUILT_IN_RULEBOOKS.map((rb) => versionKey(rb.id, rb.version)),
);

interface CacheEntry {
  key: string;
  catalog: RulebookCatalog;
}

const cache = new WeakMap<object, CacheEntry>();

/**
 * The rulebook a jurisdiction's rulebook derives from (DT-37: the base of its latest stored version),
 * as SQL over `jurisdictions` for a query that selects from that table; null for a built-in rulebook.
 */
export const derivedFromCode = sql<string | null>`(
  select ${rulebookVersions.derivedFromCode} from ${rulebookVersions}
  where ${rulebookVersions.code} = ${jurisdictions.rulebookCode}
  order by ${rulebookVersions.version} desc limit 1)`;

/** What changes whenever a version is stored: the row count and the latest `created_at` (one scalar). */
export const RULEBOOK_STAMP = sql`(select count(*)::text || '@' || coalesce(max(${rulebookVersions.createdAt})::text, '') from ${rulebookVersions})`;

/**
 * Built-in and stored rulebooks as one registry (cached; rebuilt when a version is added). `stamp`:
 * RULEBOOK_STAMP as just read by the caller together with other stamps (loadWorkflowEnv).
 */
export async function loadRulebookCatalog(db: Db, stamp?: string): Promise<RulebookCatalog> {
  const key =
    stamp ?? (await queryRows<{ stamp: string }>(db, sql`select ${RULEBOOK_STAMP} as stamp`))[0].stamp;
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.catalog;

  const rows = await db
    .select({
      id: rulebookVersions.id,
      code: rulebookVersions.code,
      version: rulebookVersions.version,
      content: rulebookVersions.content,
      changes: rulebookVersions.changes,
      createdAt: rulebookVersions.createdAt,
      createdByName: users.displayName,
      createdBy: rulebookVersions.createdBy,
    })
    .from(rulebookVersions)
    .innerJoin(users, eq(users.id, rulebookVersions.createdBy))
    .orderBy(asc(rulebookVersions.code), asc(rulebookVersions.version));
  const registry = createRegistry([...BUILT_IN_RULEBOOKS, ...rows.map((r) => r.content)]);
  const stored = new Map<string, StoredVersionMeta>(
    rows.map((r) => [
      versionKey(r.code, r.version),
      {
        id: r.id,
        createdAt: r.createdAt.toISOString(),
        createdBy: r.createdBy,
        createdByName: r.createdByName,
        changes: r.changes,
      },
    ]),
  );
  const catalog: RulebookCatalog = {
    registry,
    codes: new Set(registry.list().map((s) => s.id)),
    stored,
    builtIn: BUILT_IN_KEYS,
  };
  cache.set(db, { key, catalog });
  return catalog;
}

/**
 * The rulebook code a path segment names: a rulebook id (`DT`, `DT-YG`), or the code of a
 * jurisdiction whose `rulebook_code` is set. Null when neither.
 */
export async function resolveRulebookCode(
  db: Queryable,
  catalog: RulebookCatalog,
  segment: string,
): Promise<string | null> {
  if (catalog.codes.has(segment)) return segment;
  const [row] = await db
    .select({ rulebookCode: jurisdictions.rulebookCode })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, segment));
  if (row?.rulebookCode && catalog.codes.has(row.rulebookCode)) return row.rulebookCode;
  return null;
}

/** The jurisdiction's name when `code` is a jurisdiction of the platform. */
export async function jurisdictionNameOf(db: Queryable, code: string): Promise<string | null> {
  const [row] = await db
    .select({ name: jurisdictions.name })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return row?.name ?? null;
}

/** The highest stored version of `code` (0 when none), read inside the writing transaction. */
export async function latestStoredVersion(tx: Tx, code: string): Promise<number> {
  const [row] = await tx
    .select({ v: max(rulebookVersions.version) })
    .from(rulebookVersions)
    .where(eq(rulebookVersions.code, code));
  return row?.v ?? 0;
}

/**
 * Stores a validated rulebook version and returns its row id; null when (code, version) is already
 * taken — a concurrent save won the race — so the caller reports a version conflict.
 */
export async function insertRulebookVersion(
  tx: Tx,
  rulebook: Rulebook,
  changes: readonly unknown[],
  createdBy: string,
): Promise<string | null> {
  const inserted = await tx
    .insert(rulebookVersions)
    .values({
      code: rulebook.id,
      version: rulebook.version,
      jurisdictionCode: rulebook.jurisdictionCode,
      effectiveFrom: rulebook.effectiveFrom,
      derivedFromCode: rulebook.derivedFrom?.id ?? null,
      derivedFromVersion: rulebook.derivedFrom?.version ?? null,
      content: JSON.parse(JSON.stringify(rulebook)) as unknown,
      changes: JSON.parse(JSON.stringify(changes)) as unknown[],
      createdBy,
    })
    .onConflictDoNothing()
    .returning({ id: rulebookVersions.id });
  return inserted[0]?.id ?? null;
}
