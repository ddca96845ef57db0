import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Core tables in src/platform/db/core.ts, read through the barrel src/platform/db/schema.ts; each
  // domain keeps its own in src/<domain>/tables.ts or, split by area, in src/<domain>/tables/*.ts; each
  // part of the platform in src/platform/<part>/tables.ts (test/arch/boundaries.test.ts checks every
  // pgTable is covered).
  schema: ['./src/platform/db/schema.ts', './src/*/tables.ts', './src/*/tables/*.ts', './src/platform/*/tables.ts'],
  out: './migrations',
});
