/** `npm run db:migrate`: applies the checked-in SQL migrations to the configured database. */
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/runtime.ts';

try {
  const config = loadConfig();
  const database = await openDatabase(config, { migrate: true });
  await database.close();
  console.log(`数据库迁移完成 / migrations applied (${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
  process.exit(1);
}
