/**
 * Expected refusals are domain errors with a stable code, a Chinese message and, where a rule
 * refuses, the article it comes from (e.g. `DT-11`). HTTP status is chosen at the edge
 * (src/platform/http/errors.ts); nothing below the route layer knows about HTTP. Pure: the server
 * imports it as src/platform/errors.ts, the shared date arithmetic (shared/dates/) throws it.
 */
export type ErrorKind =
  | 'invalid' // 400: input does not fit the schema or a field rule
  | 'unauthenticated' // 401
  | 'forbidden' // 403: the role or relation does not allow it
  | 'not_found' // 404: absent, or not visible to this user
  | 'conflict' // 409: version mismatch, duplicate, wrong state
  | 'refused' // 422: a rule (gate) of the rulebook refuses
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface DomainErrorOptions {
  field?: string;
  article?: string;
  details?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly field?: string;
  readonly article?: string;
  readonly details?: Record<string, unknown>;

  constructor(kind: ErrorKind, code: string, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.field = options.field;
    this.article = options.article;
    this.details = options.details;
  }
}

/** 401: no session, or it has expired. */
export const unauthenticated = () =>
  new DomainError('unauthenticated', 'UNAUTHENTICATED', '未登录或会话已过期，请重新登录');
export const invalid = (code: string, message: string, options?: DomainErrorOptions) =>
  new DomainError('invalid', code, message, options);
export const forbidden = (message = '无权执行此操作', code = 'FORBIDDEN', options?: DomainErrorOptions) =>
  new DomainError('forbidden', code, message, options);
export const notFound = (message = '对象不存在或无权查看', code = 'NOT_FOUND') =>
  new DomainError('not_found', code, message);
export const conflict = (code: string, message: string, options?: DomainErrorOptions) =>
  new DomainError('conflict', code, message, options);
export const refused = (code: string, message: string, article: string, options?: DomainErrorOptions) =>
  new DomainError('refused', code, message, { ...options, article });
/**
 * An optimistic-concurrency refusal (409 VERSION_CONFLICT): the caller's copy is stale. `field` names
 * the version the caller sent (`version`, or `updatedAt` where a row carries no counter; none where
 * the stale value is not a field of the request).
 */
export const versionConflict = (
  message = '数据已被他人修改，请刷新后重试',
  field: string | null = 'version',
  details?: Record<string, unknown>,
) => conflict('VERSION_CONFLICT', message, { ...(field ? { field } : {}), ...(details ? { details } : {}) });
