/**
 * Types of the money API (src/funds/schemas.ts), as aliases of the types generated from the OpenAPI
 * document (web/src/api/schema.ts, `npm run gen:api-types`). Amounts are yuan decimal strings.
 */
import type { ApiBody, ApiResponse } from '../../api/client.ts';

export type FundsView = ApiResponse<'/api/funds/projects/{id}', 'get'>;
export type FundsStep = FundsView['steps'][number];
type Review = NonNullable<FundsView['review']>;
export type ReviewLine = Review['lines'][number];
export type Share = Review['shares'][number];
export type LedgerRow = FundsView['ledger'][number];
export type Disbursement = FundsView['disbursements'][number];
export type Override = FundsView['overrides'][number];
export type DisbursementDetail = ApiResponse<'/api/funds/disbursements/{id}', 'get'>;
export type Gate = DisbursementDetail['gates'][number];
export type NoticeItem = ApiResponse<'/api/funds/notices', 'get'>['items'][number];
export type DisbursementItem = ApiResponse<'/api/funds/disbursements', 'get'>['items'][number];
export type QueueItem = ApiResponse<'/api/funds/disbursements', 'get'>['items'][number];
export type NoticeSummary = ApiResponse<'/api/public/notices', 'get'>['items'][number];
export type NoticeListItem = ApiResponse<'/api/funds/notices', 'get'>['items'][number];
export type NoticeDetail = ApiResponse<'/api/funds/notices/{id}', 'get'>;
export type PublicNoticeDetail = ApiResponse<'/api/public/notices/{id}', 'get'>;
export type ReviewInput = ApiBody<'/api/funds/projects/{id}/budget-review', 'post'>;

export const PHASE_LABELS: Record<string, string> = {
  draft: '草稿',
  scheduled: '待公示',
  current: '公示中',
  ended: '已结束',
};
export const STATUS_LABELS: Record<string, string> = {
  pending: '待审批',
  approved: '已拨付',
  refused: '不予拨付',
};
export const KIND_OPTIONS = [
  { value: 'construction', label: '建设资金' },
  { value: 'om', label: '运维经费' },
];
export const LEVEL_OPTIONS = [
  { value: 'national', label: '国家' },
  { value: 'province', label: '省级' },
  { value: 'city', label: '市级' },
  { value: 'county', label: '县（区）级' },
  { value: 'district', label: '区级' },
];
