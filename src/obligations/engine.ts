/**
 * The obligations engine: open, meet, extend and waive stored obligations inside the caller's
 * command transaction (`tx` from runCommand), so a module records its business change and the
 * obligation it opens or meets in one audited step.
 *
 * Due dates come from the working-day calendar the caller loaded before the transaction
 * (`loadCalendar`); when the computation crosses a year the holiday table does not know, the due
 * date is null and the unknown years are kept ("calendar unknown"), never guessed.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CalendarResult, IsoDate, WorkingDayCalendar } from '../calendar/index.ts';
import { formatIsoDate, parseIsoDate } from '../calendar/index.ts';
import type { Queryable, Tx } from '../platform/db/client.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import type { DeadlineUnit, Rulebook } from '../rules/index.ts';
import { type ObligationState, obligations } from './tables.ts';

export type ObligationRow = typeof obligations.$inferSelect;

/** What the engine needs from outside the transaction: the calendar and "now" (injected clock). */
export interface ObligationEnv {
  calendar: WorkingDayCalendar;
  now: Date;
  /** Working days before the due date when the "due soon" reminder goes out (default 3). */
  reminderWorkingDays?: number;
}

export const LIVE_STATES: readonly ObligationState[] = ['open', 'extended', 'overdue'];
export const DEFAULT_REMINDER_WORKING_DAYS = 3;

export interface ObligationKey {
  kind: string;
  projectId?: string | null;
  systemId?: string | null;
  /** The instance (a contract number); '' or absent when there is one per anchor. */
  ref?: string;
}

export interface OpenObligationInput extends ObligationKey {
  jurisdictionId: string;
  holderOrganisationId: string;
  /** Chinese: what must be done. */
  title: string;
  /** Requirement ids of the article(s) the deadline comes from; at least one. */
  articles: string[];
  anchorDate: IsoDate;
  amount: number;
  unit: DeadlineUnit;
  link?: string | null;
}

export function addPeriod(calendar: WorkingDayCalendar, from: IsoDate, amount: number, unit: DeadlineUnit) {
  switch (unit) {
    case 'working_days':
      return calendar.addWorkingDays(from, amount);
    case 'calendar_days':
      return calendar.addCalendarDays(from, amount);
    case 'calendar_months':
      return calendar.addCalendarMonths(from, amount);
  }
}

/**
 * The day `n` working days before `due` (the "due soon" reminder), or null when the calendar does
 * not know a day in between. Counted backwards day by day; at most 366 days are looked at.
 */
export function workingDaysBefore(calendar: WorkingDayCalendar, due: IsoDate, n: number): IsoDate | null {
  if (n <= 0) return due;
  const dueDay = parseIsoDate(due);
  let counted = 0;
  for (let back = 1; back <= 366; back++) {
    const day = formatIsoDate(dueDay - back);
    const w = calendar.isWorkingDay(day);
    if (!w.known) return null;
    if (w.working) counted++;
    if (counted >= n) return day;
  }
  return null;
}

function reminderDate(env: ObligationEnv, due: CalendarResult, anchor: IsoDate): IsoDate | null {
  if (!due.known) return null;
  const before = workingDaysBefore(
    env.calendar,
    due.date,
    env.reminderWorkingDays ?? DEFAULT_REMINDER_WORKING_DAYS,
  );
  if (before === null) return null;
  return before < anchor ? anchor : before;
}

function keyWhere(key: ObligationKey) {
  return and(
    eq(obligations.kind, key.kind),
    sql`coalesce(${obligations.projectId}::text, '') = ${key.projectId ?? ''}`,
    sql`coalesce(${obligations.systemId}::text, '') = ${key.systemId ?? ''}`,
    eq(obligations.ref, key.ref ?? ''),
  );
}

export async function findObligation(q: Queryable, key: ObligationKey): Promise<ObligationRow | null> {
  const [row] = await q.select().from(obligations).where(keyWhere(key)).limit(1);
  return row ?? null;
}

/**
 * Opens an obligation (inside the caller's transaction). One per (kind, project, system, ref): a
 * second open of the same key is a conflict (OBLIGATION_EXISTS).
 */
export async function openObligation(
  tx: Tx,
  env: ObligationEnv,
  input: OpenObligationInput,
): Promise<ObligationRow> {
  // A department's own obligation (a drill of its department-wide plan) has no project or system:
  // it is anchored on its holder and named by its ref.
  if (!input.projectId && !input.systemId && !input.ref) {
    throw invalid('OBLIGATION_ANCHOR_REQUIRED', '义务须挂在项目、目录系统或本单位的具体事项上', {
      field: 'projectId',
    });
  }
  if (input.articles.length === 0) {
    throw invalid('OBLIGATION_ARTICLE_REQUIRED', '义务须注明依据条款', { field: 'articles' });
  }
  if (!Number.isInteger(input.amount) || input.amount < 0) {
    throw invalid('OBLIGATION_AMOUNT_INVALID', '期限须为非负整数', { field: 'amount' });
  }
  parseIsoDate(input.anchorDate);
  if (await findObligation(tx, input)) {
    throw conflict('OBLIGATION_EXISTS', `“${input.title}”已登记`, { article: input.articles[0] });
  }
  const due = addPeriod(env.calendar, input.anchorDate, input.amount, input.unit);
  const [row] = await tx
    .insert(obligations)
    .values({
      jurisdictionId: input.jurisdictionId,
      holderOrganisationId: input.holderOrganisationId,
      projectId: input.projectId ?? null,
      systemId: input.systemId ?? null,
      kind: input.kind,
      ref: input.ref ?? '',
      title: input.title,
      articles: input.articles,
      anchorDate: input.anchorDate,
      amount: input.amount,
      unit: input.unit,
      dueDate: due.known ? due.date : null,
      unknownYears: due.unknownYears,
      remindOn: reminderDate(env, due, input.anchorDate),
      link: input.link ?? null,
      createdAt: env.now,
      updatedAt: env.now,
    })
    .returning();
  return row;
}

/**
 * Opens the obligation of a rulebook deadline (`dt.deadline.contract_filing` …): title, period and
 * articles come from the rulebook.
 */
export async function openDeadline(
  tx: Tx,
  env: ObligationEnv,
  rulebook: Rulebook,
  deadlineId: string,
  input: Omit<OpenObligationInput, 'kind' | 'title' | 'articles' | 'amount' | 'unit'>,
): Promise<ObligationRow> {
  const deadline = rulebook.deadlines.find((d) => d.id === deadlineId);
  if (!deadline) throw notFound(`规则集 ${rulebook.id} 没有期限 ${deadlineId}`, 'DEADLINE_NOT_FOUND');
  return openObligation(tx, env, {
    ...input,
    kind: deadline.id,
    title: deadline.obligation,
    articles: deadline.articles,
    amount: deadline.amount,
    unit: deadline.unit,
  });
}

async function lockLive(tx: Tx, where: ReturnType<typeof keyWhere>, what: string): Promise<ObligationRow> {
  const [row] = await tx.select().from(obligations).where(where).for('update');
  if (!row) throw notFound(`没有待履行的“${what}”`, 'OBLIGATION_NOT_FOUND');
  if (!LIVE_STATES.includes(row.state)) {
    throw conflict('OBLIGATION_NOT_OPEN', `“${row.title}”已${row.state === 'met' ? '履行' : '豁免'}`, {
      article: row.articles[0],
    });
  }
  return row;
}

/**
 * Marks an obligation met on `on` (a civil date). Met after the due date stays visible as late.
 * Returns the updated row.
 */
export async function meetObligation(
  tx: Tx,
  env: ObligationEnv,
  key: ObligationKey,
  met: { on: IsoDate; by: string | null },
): Promise<ObligationRow> {
  const row = await lockLive(tx, keyWhere(key), key.kind);
  parseIsoDate(met.on);
  const late = row.dueDate !== null && met.on > row.dueDate;
  const [updated] = await tx
    .update(obligations)
    .set({
      state: 'met',
      metOn: met.on,
      metBy: met.by,
      late,
      updatedAt: env.now,
      version: sql`${obligations.version} + 1`,
    })
    .where(eq(obligations.id, row.id))
    .returning();
  return updated;
}

/** Moves the due date to `until` (a granted extension); reminders start again for the new date. */
export async function extendObligation(
  tx: Tx,
  env: ObligationEnv,
  id: string,
  input: { until: IsoDate; reason: string },
): Promise<ObligationRow> {
  const row = await lockLive(tx, eq(obligations.id, id) as ReturnType<typeof keyWhere>, '义务');
  parseIsoDate(input.until);
  if (input.until <= (row.dueDate ?? row.anchorDate)) {
    throw invalid('EXTENSION_NOT_LATER', '延期后的日期须晚于原到期日', { field: 'until' });
  }
  if (input.reason.trim().length === 0)
    throw invalid('REASON_REQUIRED', '请填写延期理由', { field: 'reason' });
  const [updated] = await tx
    .update(obligations)
    .set({
      state: 'extended',
      extendedFrom: row.extendedFrom ?? row.dueDate ?? row.anchorDate,
      extensionReason: input.reason.trim(),
      dueDate: input.until,
      unknownYears: [],
      remindOn: reminderDate(env, { date: input.until, known: true, unknownYears: [] }, row.anchorDate),
      overdueSince: null,
      updatedAt: env.now,
      version: sql`${obligations.version} + 1`,
    })
    .where(eq(obligations.id, row.id))
    .returning();
  return updated;
}

/** Waives an obligation with a reason (the authority's decision; the holder cannot waive its own). */
export async function waiveObligation(
  tx: Tx,
  env: ObligationEnv,
  id: string,
  input: { reason: string; by: string },
): Promise<ObligationRow> {
  const row = await lockLive(tx, eq(obligations.id, id) as ReturnType<typeof keyWhere>, '义务');
  if (input.reason.trim().length === 0)
    throw invalid('REASON_REQUIRED', '请填写豁免理由', { field: 'reason' });
  const [updated] = await tx
    .update(obligations)
    .set({
      state: 'waived',
      waivedReason: input.reason.trim(),
      waivedBy: input.by,
      updatedAt: env.now,
      version: sql`${obligations.version} + 1`,
    })
    .where(eq(obligations.id, row.id))
    .returning();
  return updated;
}

/** The obligations of some projects (any state), oldest anchor first. */
export async function obligationsOfProjects(q: Queryable, projectIds: string[]): Promise<ObligationRow[]> {
  if (projectIds.length === 0) return [];
  return q
    .select()
    .from(obligations)
    .where(inArray(obligations.projectId, projectIds))
    .orderBy(obligations.anchorDate, obligations.createdAt, obligations.id);
}

export interface DueStatus {
  /** Open (or extended) and past the due date; also true once the sweep marked it overdue. */
  overdue: boolean;
  /** Working days from today to the due date (negative when past); null when unknown or closed. */
  remainingWorkingDays: number | null;
  calendarUnknown: boolean;
}

/** What the UI shows about the due date today: overdue or the working days left. */
export function dueStatus(row: ObligationRow, today: IsoDate, calendar: WorkingDayCalendar): DueStatus {
  const live = LIVE_STATES.includes(row.state);
  if (row.dueDate === null) return { overdue: false, remainingWorkingDays: null, calendarUnknown: true };
  const overdue = live && (row.state === 'overdue' || today > row.dueDate);
  if (!live) return { overdue: false, remainingWorkingDays: null, calendarUnknown: false };
  const between =
    today <= row.dueDate
      ? calendar.workingDaysBetween(today, row.dueDate)
      : calendar.workingDaysBetween(row.dueDate, today);
  if (!between.known) return { overdue, remainingWorkingDays: null, calendarUnknown: true };
  return {
    overdue,
    remainingWorkingDays: today <= row.dueDate ? between.days : -between.days,
    calendarUnknown: false,
  };
}
