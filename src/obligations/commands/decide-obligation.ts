import { and, eq, type SQL } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import { loadCalendar } from '../../calendar/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import type { Tx } from '../../platform/db/client.ts';
import { forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { extendObligation, waiveObligation } from '../engine.ts';
import { scopeCondition } from '../queries/scope.ts';
import { obligations } from '../tables.ts';
import type { Deps, ObligationDecision } from './support.ts';

/** Loads the obligation in the caller's scope and checks the authority may decide on it. */
async function decidable(tx: Tx, actor: Actor, scope: SQL, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(obligations)
    .where(and(eq(obligations.id, id), scope))
    .for('update');
  if (!row) throw notFound('义务不存在或无权查看', 'OBLIGATION_NOT_FOUND');
  const authorityOrgs = actor.assignments
    .filter((a) => (AUTHORITY as readonly string[]).includes(a.role))
    .map((a) => a.organisationId);
  if (authorityOrgs.length === 0) throw forbidden('只有主管部门可以处理义务', 'NOT_AUTHORITY');
  if (authorityOrgs.includes(row.holderOrganisationId)) {
    throw forbidden('不得处理本单位承担的义务', 'SELF_DECISION');
  }
  if (row.version !== version) {
    throw versionConflict();
  }
  return row;
}

/** 批准延期 or 豁免: the decision in one audited transaction. */
export async function decideObligation(
  deps: Deps,
  ctx: CommandContext,
  actor: Actor,
  id: string,
  decision: ObligationDecision,
): Promise<void> {
  const calendar = await loadCalendar(deps.db);
  // Read outside the transaction: PGlite has one connection, held by the transaction.
  const scope = await scopeCondition(deps, actor);
  const env = () => ({ calendar, now: deps.clock.now() });
  if (decision.kind === 'extend') {
    await runCommand(
      deps,
      ctx,
      {
        action: 'obligation.extend',
        objectType: 'obligation',
        objectId: id,
        details: { until: decision.until },
      },
      async (tx) => {
        await decidable(tx, actor, scope, id, decision.version);
        await extendObligation(tx, env(), id, decision);
      },
    );
    return;
  }
  await runCommand(
    deps,
    ctx,
    { action: 'obligation.waive', objectType: 'obligation', objectId: id },
    async (tx) => {
      await decidable(tx, actor, scope, id, decision.version);
      await waiveObligation(tx, env(), id, { reason: decision.reason, by: actor.userId });
    },
  );
}
