/** The supervision board: the obligations in the caller's scope counted by holder and kind. */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { CommandDeps } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { organisations } from '../../platform/db/core.ts';
import { obligations } from '../tables.ts';
import { filterConditions, type ListFilters, overdueSql } from './filters.ts';
import { scopeCondition } from './scope.ts';

type Deps = CommandDeps & { keyring: Keyring };

/** The supervision board: live, overdue, met (late) and waived by holder and kind. */
export async function obligationBoard(deps: Deps, actor: Actor, filters: ListFilters, today: string) {
  const where = and(await scopeCondition(deps, actor), ...filterConditions(filters, today)) as SQL;
  const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;
  const rows = await deps.db
    .select({
      holderOrganisationId: obligations.holderOrganisationId,
      holderName: organisations.name,
      kind: obligations.kind,
      // The kind's name, not one holder's item: titles read '<object>：<kind>（第N级）' where an
      // obligation belongs to a system or plan, so the object and the level are cut off.
      title: sql<string>`min(regexp_replace(regexp_replace(${obligations.title}, '^.*：', ''), '（第[0-9一二三四五]级）$', ''))`,
      live: n(sql`${obligations.state} in ('open', 'extended', 'overdue')`),
      overdue: n(overdueSql(today)),
      met: n(sql`${obligations.state} = 'met'`),
      metLate: n(sql`${obligations.state} = 'met' and ${obligations.late}`),
      waived: n(sql`${obligations.state} = 'waived'`),
    })
    .from(obligations)
    .innerJoin(organisations, eq(organisations.id, obligations.holderOrganisationId))
    .where(where)
    .groupBy(obligations.holderOrganisationId, organisations.name, obligations.kind)
    .orderBy(
      desc(sql`count(*) filter (where ${overdueSql(today)})`),
      organisations.name,
      obligations.kind,
      obligations.holderOrganisationId,
    );
  const totals = rows.reduce(
    (acc, r) => ({ live: acc.live + r.live, overdue: acc.overdue + r.overdue, met: acc.met + r.met }),
    { live: 0, overdue: 0, met: 0 },
  );
  return { rows, totals };
}
