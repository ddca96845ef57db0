/**
 * Opens what the app runs on, from configuration: the database (embedded or PostgreSQL, migrated),
 * the keyring (generated on first embedded start; required in production), the clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { CryptoError } from './platform/crypto/errors.ts';
import { generateKeyFile, loadKeyring } from './platform/crypto/key-file.ts';
import type { Keyring } from './platform/crypto/keyring.ts';
import { type Database, openEmbedded, openPostgres } from './platform/db/client.ts';

/**
 * Opens the database and, unless `migrate` is false, applies pending migrations. A production
 * server connecting as the restricted application role (scripts/pg-roles.sql) runs with
 * DB_MIGRATE_ON_START=false; `npm run db:migrate` runs the migrations as the owner role.
 */
export async function openDatabase(
  config: Config,
  { migrate = config.migrateOnStart }: { migrate?: boolean } = {},
): Promise<Database> {
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.dbPoolSize)
    : await openEmbedded(config.dataDir, { fsync: config.embeddedFsync });
  try {
    if (migrate) await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/**
 * Embedded installs get a key file created beside the project (outside the data folder) on first
 * start. With DATABASE_URL the keys must be provided: several servers must share one keyring.
 */
export function openKeyring(config: Config): { keyring: Keyring; created: boolean } {
  try {
    return { keyring: loadKeyring(config), created: false };
  } catch (err) {
    const missing = err instanceof CryptoError && err.code === 'KEYRING_MISSING';
    const absent = !config.keysFromEnv && !fs.existsSync(config.keyFile);
    if (!(missing || absent) || config.databaseUrl) throw err;
    fs.mkdirSync(path.dirname(config.keyFile), { recursive: true, mode: 0o700 });
    return { keyring: generateKeyFile(config.keyFile, { dataDir: config.dataDir }), created: true };
  }
}
