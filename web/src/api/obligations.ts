/** Hand-written types and calls of the obligation and notification routes (src/obligations, src/notifications). */
import { api, buildUrl, type QueryValue } from './client.ts';

export type ObligationState = 'open' | 'met' | 'overdue' | 'extended' | 'waived';

export interface ObligationItem {
  id: string;
  kind: string;
  title: string;
  articles: string[];
  projectId: string | null;
  projectCode: string | null;
  projectName: string | null;
  systemId: string | null;
  jurisdictionId: string;
  holderOrganisationId: string;
  holderName: string;
  ref: string;
  anchorDate: string;
  amount: number;
  unit: 'working_days' | 'calendar_days' | 'calendar_months';
  dueDate: string | null;
  calendarUnknown: boolean;
  unknownYears: number[];
  state: ObligationState;
  overdue: boolean;
  remainingWorkingDays: number | null;
  metOn: string | null;
  late: boolean;
  extendedFrom: string | null;
  extensionReason: string | null;
  waivedReason: string | null;
  link: string | null;
  version: number;
}

export interface ObligationFilters {
  projectId?: string;
  kind?: string;
  holderOrganisationId?: string;
  state?: ObligationState | 'live';
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

export interface BoardRow {
  holderOrganisationId: string;
  holderName: string;
  kind: string;
  title: string;
  live: number;
  overdue: number;
  met: number;
  metLate: number;
  waived: number;
}

export const STATE_LABELS: Record<ObligationState, { text: string; color: string }> = {
  open: { text: '待履行', color: 'blue' },
  met: { text: '已履行', color: 'green' },
  overdue: { text: '已逾期', color: 'red' },
  extended: { text: '已延期', color: 'orange' },
  waived: { text: '已豁免', color: 'default' },
};

export const UNIT_LABELS = {
  working_days: '个工作日',
  calendar_days: '日',
  calendar_months: '个月',
} as const;

const q = (f: ObligationFilters) => f as Record<string, QueryValue>;

export const listObligations = (f: ObligationFilters, signal?: AbortSignal) =>
  api.get<{ items: ObligationItem[]; total: number }>('/api/obligations', { query: q(f), signal });
export const obligationBoard = (
  f: Pick<ObligationFilters, 'kind' | 'holderOrganisationId'>,
  signal?: AbortSignal,
) =>
  api.get<{ rows: BoardRow[]; totals: { live: number; overdue: number; met: number } }>(
    '/api/obligations/board',
    {
      query: q(f),
      signal,
    },
  );
export const exportUrl = (f: ObligationFilters) => {
  const { limit: _l, offset: _o, ...rest } = f;
  return buildUrl('/api/obligations/export', q(rest));
};
export const extendObligation = (id: string, body: { until: string; reason: string; version: number }) =>
  api.post<ObligationItem>(`/api/obligations/${id}/extend`, body);
export const waiveObligation = (id: string, body: { reason: string; version: number }) =>
  api.post<ObligationItem>(`/api/obligations/${id}/waive`, body);

/** "剩 3 个工作日" / "今日到期" / "逾期 2 个工作日" / "日历未知". */
export function remainingText(o: ObligationItem): string {
  if (o.state === 'met') return o.late ? `逾期履行（${o.metOn}）` : `已履行（${o.metOn}）`;
  if (o.state === 'waived') return '已豁免';
  if (o.calendarUnknown || o.remainingWorkingDays === null) return '日历未知（节假日安排未公布）';
  if (o.remainingWorkingDays === 0) return o.overdue ? '已逾期' : '今日到期';
  if (o.remainingWorkingDays < 0) return `逾期 ${-o.remainingWorkingDays} 个工作日`;
  return `剩 ${o.remainingWorkingDays} 个工作日`;
}

export interface NotificationItem {
  id: string;
  projectId: string | null;
  stepId: string | null;
  obligationId: string | null;
  kind: string;
  message: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export const unreadCount = (signal?: AbortSignal) =>
  api.get<{ unread: number }>('/api/notifications/unread-count', { signal });
export const latestNotifications = (signal?: AbortSignal) =>
  api.get<{ items: NotificationItem[]; unread: number; total: number }>('/api/notifications', {
    query: { limit: 10 },
    signal,
  });
export const markRead = (id: string) => api.post<{ ok: boolean }>(`/api/notifications/${id}/read`);
export const markAllRead = () => api.post<{ marked: number }>('/api/notifications/read-all');
