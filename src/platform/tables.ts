/** Platform tables shared by the modules: the per-jurisdiction, per-year number sequences. */
import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { jurisdictions } from './db/core.ts';

/** Sequence numbers per jurisdiction, kind and year (project codes, certificate numbers). */
export const documentCounters = pgTable(
  'document_counters',
  {
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionId, t.kind, t.year] })],
);
