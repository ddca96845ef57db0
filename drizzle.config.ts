import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Core tables in src/db/schema.ts; each domain keeps its own in src/<domain>/tables.ts.
  schema: ['./src/db/schema.ts', './src/*/tables.ts'],
  out: './migrations',
});
