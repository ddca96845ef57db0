/** Types (generated, ./schema.ts) and calls of the obligation routes (src/obligations). */
import { type ApiBody, type ApiQuery, type ApiResponse, buildUrl, call, type QueryValue } from './client.ts';

export type ObligationFilters = ApiQuery<'/api/obligations', 'get'>;
/** The stored states (the list's `state` filter also takes `live`: open, extended or overdue). */
export type ObligationState = Exclude<NonNullable<ObligationFilters['state']>, 'live'>;
export type ObligationItem = ApiResponse<'/api/obligations', 'get'>['items'][number];
export type BoardRow = ApiResponse<'/api/obligations/board', 'get'>['rows'][number];

const STATE_LABEL_MAP: Record<ObligationState, { text: string; color: string }> = {
  open: { text: '待履行', color: 'blue' },
  met: { text: '已履行', color: 'green' },
  overdue: { text: '已逾期', color: 'red' },
  extended: { text: '已延期', color: 'orange' },
  waived: { text: '已豁免', color: 'default' },
};
/** By an item's `state` (a string in the list's schema; every stored state has a label). */
export const STATE_LABELS: Record<string, { text: string; color: string }> = STATE_LABEL_MAP;

/** By an item's `unit` (a string in the list's schema). */
export const UNIT_LABELS: Record<string, string> = {
  working_days: '个工作日',
  calendar_days: '日',
  calendar_months: '个月',
};

export const listObligations = (query: ObligationFilters, signal?: AbortSignal) =>
  call('get', '/api/obligations', { query, signal });
export const obligationBoard = (query: ApiQuery<'/api/obligations/board', 'get'>, signal?: AbortSignal) =>
  call('get', '/api/obligations/board', { query, signal });
export const exportUrl = (f: ObligationFilters) => {
  const { limit: _l, offset: _o, ...rest } = f;
  return buildUrl('/api/obligations/export', rest as Record<string, QueryValue>);
};
export const extendObligation = (id: string, body: ApiBody<'/api/obligations/{id}/extend', 'post'>) =>
  call('post', '/api/obligations/{id}/extend', { params: { id }, body });
export const waiveObligation = (id: string, body: ApiBody<'/api/obligations/{id}/waive', 'post'>) =>
  call('post', '/api/obligations/{id}/waive', { params: { id }, body });

/** "剩 3 个工作日" / "今日到期" / "逾期 2 个工作日" / "日历未知". */
export function remainingText(o: ObligationItem): string {
  if (o.state === 'met') return o.late ? `逾期履行（${o.metOn}）` : `已履行（${o.metOn}）`;
  if (o.state === 'waived') return '已豁免';
  if (o.calendarUnknown || o.remainingWorkingDays === null) return '日历未知（节假日安排未公布）';
  if (o.remainingWorkingDays === 0) return o.overdue ? '已逾期' : '今日到期';
  if (o.remainingWorkingDays < 0) return `逾期 ${-o.remainingWorkingDays} 个工作日`;
  return `剩 ${o.remainingWorkingDays} 个工作日`;
}
