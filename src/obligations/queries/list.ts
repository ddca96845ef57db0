/** The obligations in the caller's scope matching the filters: one page with the total, or the export rows. */
import { and, count, type SQL } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { CommandDeps } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { obligations } from '../tables.ts';
import { filterConditions, type ListFilters } from './filters.ts';
import { listRows, presentObligation } from './rows.ts';
import { scopeCondition } from './scope.ts';

type Deps = CommandDeps & { keyring: Keyring };

/** One page of the obligations in the caller's scope matching the filters, with the total. */
export async function listObligations(
  deps: Deps,
  actor: Actor,
  filters: ListFilters,
  today: string,
  page: { limit: number; offset: number },
) {
  const where = and(await scopeCondition(deps, actor), ...filterConditions(filters, today)) as SQL;
  const rows = await listRows(deps.db, where, page.limit, page.offset);
  const [total] = await deps.db.select({ n: count() }).from(obligations).where(where);
  const calendar = await loadCalendar(deps.db);
  return { items: rows.map((r) => presentObligation(r, today, calendar)), total: total?.n ?? 0 };
}

/** Every obligation in the caller's scope matching the filters (at most `max`), presented. */
export async function exportObligations(
  deps: Deps,
  actor: Actor,
  filters: ListFilters,
  today: string,
  max: number,
) {
  const where = and(await scopeCondition(deps, actor), ...filterConditions(filters, today)) as SQL;
  const rows = await listRows(deps.db, where, max, 0);
  const calendar = await loadCalendar(deps.db);
  return rows.map((r) => presentObligation(r, today, calendar));
}
