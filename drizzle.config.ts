import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Core tables in src/db/schema.ts; each domain keeps its own in src/<domain>/tables.ts or, split by
  // area, in src/<domain>/tables/*.ts (test/arch/boundaries.test.ts checks every pgTable is covered).
  schema: ['./src/db/schema.ts', './src/*/tables.ts', './src/*/tables/*.ts'],
  out: './migrations',
});
