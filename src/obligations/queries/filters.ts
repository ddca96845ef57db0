/** The list filters of obligations as SQL conditions, and overdue as of a day. */
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ObligationRow } from '../engine.ts';
import { obligations } from '../tables.ts';

export type ListFilters = {
  projectId?: string;
  systemId?: string;
  holderOrganisationId?: string;
  kind?: string;
  state?: string;
  overdue?: boolean;
};

/** Overdue as of `today`: swept overdue, or still open (or extended) past its due date. */
export const overdueSql = (today: string) =>
  sql`(${obligations.state} = 'overdue' or (${obligations.state} in ('open', 'extended') and ${obligations.dueDate} < ${today}::date))`;

export function filterConditions(f: ListFilters, today: string): SQL[] {
  const c: SQL[] = [];
  if (f.projectId) c.push(eq(obligations.projectId, f.projectId));
  if (f.systemId) c.push(eq(obligations.systemId, f.systemId));
  if (f.holderOrganisationId) c.push(eq(obligations.holderOrganisationId, f.holderOrganisationId));
  if (f.kind) c.push(eq(obligations.kind, f.kind));
  if (f.state === 'live') c.push(inArray(obligations.state, ['open', 'extended', 'overdue']));
  else if (f.state) c.push(eq(obligations.state, f.state as ObligationRow['state']));
  if (f.overdue === true) c.push(overdueSql(today));
  if (f.overdue === false) c.push(sql`not ${overdueSql(today)}`);
  return c;
}
