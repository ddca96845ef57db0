/**
 * The obligation sweep (run by the platform jobs on an interval, and by tests with an injected
 * clock): marks obligations overdue and sends the reminders — some working days before the due
 * date, on the due date, and once overdue. Each reminder is keyed (obligation, kind, due date) in
 * `obligation_reminders`: with several app processes sweeping at once, the process whose insert
 * wins sends it and the others skip it, so every reminder is sent exactly once. An extension moves
 * the due date, so the reminders start again for the new date. One pass handles at most `batch`.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AUTHORITY, DEPARTMENT } from '../../access/index.ts';
import {
  type DeliveryChannel,
  enqueueExternal,
  notify,
  usersOfOrganisations,
} from '../../notifications/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../../platform/command.ts';
import { queryRows } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { DomainError } from '../../platform/errors.ts';
import { LIVE_STATES } from '../engine.ts';
import { obligationReminders, obligations, type ReminderKind } from '../tables.ts';

export interface SweepOptions {
  /** Channels configured for outbound delivery (queued here, sent by deliverPending). */
  channels?: readonly DeliveryChannel[];
  /** Most reminders handled in one pass (default 200). */
  batch?: number;
}

export interface SweepResult {
  reminders: number;
  markedOverdue: number;
  /** Candidates another process handled first. */
  skipped: number;
}

/** Roles of the holder organisation that receive reminders (the authority's AUTHORITY hear about overdue ones, 督办). */
const HOLDER_ROLES = [...DEPARTMENT, ...AUTHORITY];

const KIND_TEXT: Record<ReminderKind, string> = {
  before: '即将到期',
  due: '今日到期',
  overdue: '已逾期',
};

class AlreadyHandled extends DomainError {
  constructor() {
    super('not_found', 'REMINDER_ALREADY_SENT', '提醒已由其他进程发送');
  }
}

export async function runSweep(deps: CommandDeps, options: SweepOptions = {}): Promise<SweepResult> {
  const batch = options.batch ?? 200;
  const today = chinaDate(deps.clock.now());
  const kindSql = sql`case when o.due_date < ${today}::date then 'overdue' when o.due_date = ${today}::date then 'due' else 'before' end`;
  const candidates = await queryRows<{ id: string; kind: ReminderKind; due_date: string }>(
    deps.db,
    sql`select o.id, ${kindSql} as kind, o.due_date::text as due_date
        from ${obligations} o
        where o.state in ('open', 'extended', 'overdue') and o.due_date is not null
          and (o.due_date <= ${today}::date or (o.remind_on is not null and o.remind_on <= ${today}::date))
          and not exists (
            select 1 from ${obligationReminders} r
            where r.obligation_id = o.id and r.due_date = o.due_date and r.kind = ${kindSql})
        order by o.due_date, o.id
        limit ${batch}`,
  );
  const result: SweepResult = { reminders: 0, markedOverdue: 0, skipped: 0 };
  for (const c of candidates) {
    try {
      const marked = await remind(deps, options.channels ?? [], c.id, c.kind, c.due_date, today);
      result.reminders++;
      if (marked) result.markedOverdue++;
    } catch (err) {
      if (err instanceof AlreadyHandled) result.skipped++;
      else throw err;
    }
  }
  return result;
}

/** One reminder in one audited transaction; throws AlreadyHandled when another process won. */
async function remind(
  deps: CommandDeps,
  channels: readonly DeliveryChannel[],
  id: string,
  kind: ReminderKind,
  dueDate: string,
  today: string,
): Promise<boolean> {
  return runCommand(
    deps,
    SYSTEM_CONTEXT,
    { action: 'obligation.remind', objectType: 'obligation', objectId: id, details: { kind, dueDate } },
    async (tx, audit) => {
      const [o] = await tx.select().from(obligations).where(eq(obligations.id, id)).for('update');
      if (!o || !LIVE_STATES.includes(o.state) || o.dueDate !== dueDate) throw new AlreadyHandled();
      const now = deps.clock.now();
      const claimed = await tx
        .insert(obligationReminders)
        .values({ obligationId: id, kind, dueDate, sentAt: now, recipients: 0 })
        .onConflictDoNothing()
        .returning({ id: obligationReminders.obligationId });
      if (claimed.length === 0) throw new AlreadyHandled();
      let marked = false;
      if (kind === 'overdue' && o.state !== 'overdue') {
        await tx
          .update(obligations)
          .set({
            state: 'overdue',
            overdueSince: today,
            updatedAt: now,
            version: sql`${obligations.version} + 1`,
          })
          .where(eq(obligations.id, id));
        marked = true;
      }
      const holders = await usersOfOrganisations(tx, [o.holderOrganisationId], HOLDER_ROLES);
      let recipients = holders;
      if (kind === 'overdue') {
        const authorities = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(
            and(eq(organisations.jurisdictionId, o.jurisdictionId), eq(organisations.kind, 'authority')),
          );
        const supervisors = await usersOfOrganisations(
          tx,
          authorities.map((a) => a.id).filter((a) => a !== o.holderOrganisationId),
          AUTHORITY,
        );
        recipients = [...holders, ...supervisors];
      }
      const key = `obligation:${id}:${kind}:${dueDate}`;
      const message = `【${KIND_TEXT[kind]}】${o.title}（到期日 ${dueDate}，依据 ${o.articles.join('、')}）`;
      const sent = await notify(tx, {
        recipients,
        kind: `obligation_${kind}`,
        message,
        at: now,
        projectId: o.projectId,
        obligationId: id,
        link: o.link,
        dedupeKey: key,
      });
      const [holder] = await tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, [o.holderOrganisationId]));
      await enqueueExternal(tx, channels, {
        key,
        subject: `统筹平台提醒：${o.title}${KIND_TEXT[kind]}`,
        body: `${holder?.name ?? ''}：${message}`,
        at: now,
      });
      await tx
        .update(obligationReminders)
        .set({ recipients: sent })
        .where(
          and(
            eq(obligationReminders.obligationId, id),
            eq(obligationReminders.kind, kind),
            eq(obligationReminders.dueDate, dueDate),
          ),
        );
      audit.details = { kind, dueDate, recipients: sent, marked };
      audit.jurisdictionId = o.jurisdictionId;
      return marked;
    },
  );
}
