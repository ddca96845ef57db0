/**
 * 只减不增 (DT-01): the number of live government information systems of a jurisdiction at each month
 * end, with the change explained (which systems were added, retired, merged into another) and any
 * increase flagged. Pure: the systems and the month range are parameters.
 *
 * A system is live at a month end when it was created in that month or before and was neither retired
 * nor merged by then. Its removal month is the earliest of `retiredAt`, `mergedAt` and the first
 * `retired` entry of its status history (已报废 is final: a later status does not revive it). A removal
 * with `mergedInto` counts as merged (只合不分), otherwise as retired. 停用 (suspended) systems still
 * count: they exist until retired.
 *
 * Months are calendar months in China time: a date-only text `YYYY-MM-DD` is taken as written, an
 * instant (Date or timestamp text) is placed in its UTC+8 month.
 */
import { invalid } from '../platform/errors.ts';
import type { SystemStatus } from './model.ts';

export interface SystemLifeRecord {
  id: string;
  name: string;
  /** Jurisdiction code (or name) the system belongs to. */
  jurisdiction: string;
  /** When the system came into the catalog (registered, or built for systems listed afterwards). */
  createdAt: Date | string;
  retiredAt?: Date | string | null;
  /** The id of the system it was merged into. */
  mergedInto?: string | null;
  /** When it was merged; `retiredAt` when absent. */
  mergedAt?: Date | string | null;
  statusHistory?: readonly { status: SystemStatus; at: Date | string }[];
}

export interface SystemRef {
  id: string;
  name: string;
}

export interface MergedSystemRef extends SystemRef {
  into: string;
  /** Name of the system merged into, when it is among the records. */
  intoName?: string;
}

export interface MonthlySystemCount {
  /** `YYYY-MM` */
  month: string;
  /** Live systems at the end of the month. */
  count: number;
  /** Live systems at the end of the previous month. */
  previousCount: number;
  change: number;
  added: SystemRef[];
  retired: SystemRef[];
  merged: MergedSystemRef[];
  /** True when the count rose over the previous month: the 只减不增 principle is breached. */
  increased: boolean;
  article: 'DT-01';
  /** Chinese explanation of the change. */
  explanation: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-\d{2}$/;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MAX_METRIC_MONTHS = 1200;

/** The `YYYY-MM` month of a date-only text, a timestamp text or a Date (UTC+8). */
export function monthOf(value: Date | string): string {
  if (typeof value === 'string') {
    const dateOnly = DATE_ONLY.exec(value.trim());
    if (dateOnly) return `${dateOnly[1]}-${dateOnly[2]}`;
  }
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time))
    throw invalid('METRIC_DATE_INVALID', `日期无效：${String(value)}`, { article: 'DT-01' });
  const shifted = new Date(time + CHINA_OFFSET_MS);
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthIndex(month: string): number {
  const match = MONTH.exec(month);
  if (!match) throw invalid('METRIC_MONTH_INVALID', `月份“${month}”无效，应为 YYYY-MM`, { article: 'DT-01' });
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

const monthText = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

interface Life {
  ref: SystemRef;
  created: number;
  removed: number | null;
  mergedInto: string | null;
}

function lifeOf(system: SystemLifeRecord): Life {
  const created = monthIndex(monthOf(system.createdAt));
  const removals: number[] = [];
  if (system.retiredAt) removals.push(monthIndex(monthOf(system.retiredAt)));
  if (system.mergedAt) removals.push(monthIndex(monthOf(system.mergedAt)));
  const retiredEntry = system.statusHistory?.find((entry) => entry.status === 'retired');
  if (retiredEntry) removals.push(monthIndex(monthOf(retiredEntry.at)));
  const mergedInto = system.mergedInto ? system.mergedInto : null;
  if (mergedInto && removals.length === 0) {
    throw invalid('METRIC_MERGE_DATE_MISSING', `系统“${system.name}”已并入其他系统，但没有并入或报废日期`, {
      article: 'DT-01',
    });
  }
  return {
    ref: { id: system.id, name: system.name },
    created,
    removed: removals.length > 0 ? Math.min(...removals) : null,
    mergedInto,
  };
}

const liveAt = (life: Life, month: number) =>
  life.created <= month && (life.removed === null || life.removed > month);

const names = (refs: readonly SystemRef[]) => refs.map((ref) => `“${ref.name}”`).join('、');

function explain(entry: Omit<MonthlySystemCount, 'explanation'>): string {
  const trend =
    entry.change > 0
      ? `较上月增加 ${entry.change} 个`
      : entry.change < 0
        ? `较上月减少 ${-entry.change} 个`
        : '与上月持平';
  const parts = [`${entry.month} 月末在册系统 ${entry.count} 个，${trend}`];
  if (entry.added.length > 0) parts.push(`新增 ${names(entry.added)}`);
  if (entry.retired.length > 0) parts.push(`报废 ${names(entry.retired)}`);
  if (entry.merged.length > 0) {
    parts.push(`并入 ${entry.merged.map((m) => `“${m.name}”→“${m.intoName ?? m.into}”`).join('、')}`);
  }
  const text = parts.join('；');
  return entry.increased ? `${text}。系统总量只减不增，本月总量增加，需说明理由。` : `${text}。`;
}

/**
 * The live-system count of `jurisdiction` at the end of each month from `fromMonth` to `toMonth`
 * (`YYYY-MM`, inclusive, at most 1200 months), each with the systems added, retired and merged that
 * month and `increased` when the count rose over the previous month end.
 */
export function monthlySystemCounts(
  systems: readonly SystemLifeRecord[],
  jurisdiction: string,
  fromMonth: string,
  toMonth: string,
): MonthlySystemCount[] {
  const from = monthIndex(fromMonth);
  const to = monthIndex(toMonth);
  if (from > to) throw invalid('METRIC_RANGE_INVALID', '起始月份不能晚于结束月份', { article: 'DT-01' });
  if (to - from + 1 > MAX_METRIC_MONTHS) {
    throw invalid('METRIC_RANGE_INVALID', `统计区间不能超过 ${MAX_METRIC_MONTHS} 个月`, { article: 'DT-01' });
  }
  const nameById = new Map(systems.map((system) => [system.id, system.name]));
  const lives = systems.filter((system) => system.jurisdiction === jurisdiction).map(lifeOf);
  const countAt = (month: number) => lives.filter((life) => liveAt(life, month)).length;

  const result: MonthlySystemCount[] = [];
  let previousCount = countAt(from - 1);
  for (let month = from; month <= to; month++) {
    const count = countAt(month);
    const removedNow = lives.filter((life) => life.removed === month);
    const entry = {
      month: monthText(month),
      count,
      previousCount,
      change: count - previousCount,
      added: lives.filter((life) => life.created === month).map((life) => life.ref),
      retired: removedNow.filter((life) => life.mergedInto === null).map((life) => life.ref),
      merged: removedNow.flatMap((life): MergedSystemRef[] => {
        if (life.mergedInto === null) return [];
        const intoName = nameById.get(life.mergedInto);
        return [{ ...life.ref, into: life.mergedInto, ...(intoName !== undefined ? { intoName } : {}) }];
      }),
      increased: count > previousCount,
      article: 'DT-01' as const,
    };
    result.push({ ...entry, explanation: explain(entry) });
    previousCount = count;
  }
  return result;
}
