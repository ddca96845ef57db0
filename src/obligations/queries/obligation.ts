/** One obligation, presented. */
import { eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { obligations } from '../tables.ts';
import { listRows, presentObligation } from './rows.ts';

/** One obligation, presented (after a decision). */
export async function obligationView(db: Queryable, id: string, today: string) {
  const calendar = await loadCalendar(db);
  const [row] = await listRows(db, eq(obligations.id, id), 1, 0);
  return presentObligation(row, today, calendar);
}
