/**
 * The one way the web app talks to the server: same-origin fetch, JSON in and out, the anti-CSRF
 * header on every state-changing request, and every failure turned into an {@link ApiError} that
 * carries the server's error contract (`code`, Chinese `message`, `field`, `article`, `requestId`).
 *
 * No React and no router in here: the session layer registers what to do on 401 through
 * {@link setUnauthorizedHandler}. Only `fetch`, `Headers` and `URLSearchParams` are used, so the
 * module also runs (and is tested) under Node.
 */
import type { ApiErrorBody as ErrorContract, paths } from './schema.ts';

/**
 * Every error body the server sends: the generated contract plus `problems`, which the 400s of a
 * holiday year and of a derived rulebook add (every problem found).
 */
export type ApiErrorBody = ErrorContract & { problems?: unknown[] };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly article?: string;
  readonly requestId?: string;
  /** Every problem found, when the server lists them (a holiday year's rows, a derived rulebook). */
  readonly problems?: unknown[];

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.article = body.article;
    this.requestId = body.requestId;
    this.problems = body.problems;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Status 0: the request never reached the server (offline, proxy down, DNS, CORS). */
export const NETWORK_ERROR = 'NETWORK_ERROR';
/** The server answered 2xx but not with JSON (e.g. an HTML page from a misrouted request). */
export const BAD_RESPONSE = 'BAD_RESPONSE';

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '请求参数有误',
  401: '登录已失效，请重新登录',
  403: '无权执行此操作',
  404: '请求的资源不存在',
  405: '不支持的请求方式',
  409: '数据已被他人修改或状态已变化，请刷新后重试',
  413: '提交的内容过大',
  422: '该操作不符合规则要求',
  429: '操作过于频繁，请稍后再试',
};

export function fallbackMessage(status: number): string {
  if (FALLBACK_MESSAGES[status]) return FALLBACK_MESSAGES[status];
  if (status >= 500) return '服务器暂时不可用，请稍后再试';
  return `请求失败（HTTP ${status}）`;
}

/**
 * Builds the ApiError for a non-2xx answer. Uses the server's body when it follows the error
 * contract, and a Chinese message chosen by status otherwise (a proxy error page, an empty body).
 */
export function toApiError(status: number, body: unknown, headerRequestId?: string | null): ApiError {
  const requestId = headerRequestId ?? undefined;
  if (isErrorBody(body)) {
    return new ApiError(status, {
      code: body.code,
      message: body.message,
      field: typeof body.field === 'string' ? body.field : undefined,
      article: typeof body.article === 'string' ? body.article : undefined,
      requestId: typeof body.requestId === 'string' ? body.requestId : requestId,
      problems: Array.isArray(body.problems) ? body.problems : undefined,
    });
  }
  return new ApiError(status, { code: `HTTP_${status}`, message: fallbackMessage(status), requestId });
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' && typeof candidate.message === 'string' && candidate.message !== ''
  );
}

// ---- session-wide state -------------------------------------------------------------------------

let csrfToken: string | null = null;

/** Stored from the latest /api/auth/me or /api/auth/login answer; cleared at logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

type UnauthorizedHandler = () => void;

function defaultUnauthorizedHandler(): void {
  if (typeof window === 'undefined') return;
  const { pathname, search, hash } = window.location;
  if (pathname === '/login') return;
  window.location.assign(`/login?redirect=${encodeURIComponent(pathname + search + hash)}`);
}

let unauthorizedHandler: UnauthorizedHandler = defaultUnauthorizedHandler;

/** The session layer takes over what happens on 401; returns a function that restores the default. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = defaultUnauthorizedHandler;
  };
}

/** Calls whose 401 is an answer, not an expired session: they never trigger the login redirect. */
const NO_REDIRECT_PATHS = new Set(['/api/auth/me', '/api/auth/login', '/api/auth/logout']);

// ---- requests -----------------------------------------------------------------------------------

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Default true, except for the auth calls listed in NO_REDIRECT_PATHS. */
  redirectOnUnauthorized?: boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const SAFE_METHODS = new Set<HttpMethod>(['GET']);

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json' });
  const hasBody = options.body !== undefined;
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (!SAFE_METHODS.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, { code: NETWORK_ERROR, message: '无法连接服务器，请检查网络后重试' });
  }

  const body = await readBody(response);

  if (!response.ok) {
    const error = toApiError(response.status, body, response.headers.get('x-request-id'));
    const redirect = options.redirectOnUnauthorized ?? !NO_REDIRECT_PATHS.has(path);
    if (response.status === 401 && redirect) unauthorizedHandler();
    throw error;
  }

  if (response.status === 204 || response.status === 205) return undefined as T;
  if (body === undefined) {
    throw new ApiError(response.status, {
      code: BAD_RESPONSE,
      message: '服务器返回了无法识别的数据',
      requestId: response.headers.get('x-request-id') ?? undefined,
    });
  }
  return body as T;
}

/** The parsed JSON body, or undefined when there is none or it is not JSON. */
async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** Any thrown value as an ApiError, so pages handle one shape (a bug in the page becomes a generic error). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, { code: 'CLIENT_ERROR', message: '页面处理出错，请刷新后重试' });
}

// ---- typed calls from the generated OpenAPI types (./schema.ts, `npm run gen:api-types`) ------------

/** Every route of the API, as the OpenAPI document spells it (`/api/projects/{id}`). */
export type ApiPath = keyof paths;
export type ApiMethod<P extends ApiPath> = Extract<
  keyof paths[P],
  'get' | 'post' | 'put' | 'patch' | 'delete'
>;
type Part<O, K extends string> = O extends { [key in K]: infer T } ? T : never;
type Operation<P extends ApiPath, M extends ApiMethod<P>> = paths[P][M];
type SuccessStatus = 200 | 201 | 202 | 204;

/** What a route answers on success: `ApiResponse<'/api/projects/{id}', 'get'>` is a project's detail. */
export type ApiResponse<P extends ApiPath, M extends ApiMethod<P>> =
  Part<Operation<P, M>, 'responses'> extends infer R ? R[Extract<keyof R, SuccessStatus>] : never;
/** The JSON body a route takes. */
export type ApiBody<P extends ApiPath, M extends ApiMethod<P>> = Part<Operation<P, M>, 'body'>;
/** The query parameters a route takes. */
export type ApiQuery<P extends ApiPath, M extends ApiMethod<P>> = Part<Operation<P, M>, 'query'>;
/** The path parameters of a route (`{ id: string }` for `/api/projects/{id}`). */
export type ApiParams<P extends ApiPath, M extends ApiMethod<P>> = Part<Operation<P, M>, 'params'>;

type Present<T, K extends string> = [T] extends [never] ? { [key in K]?: undefined } : { [key in K]: T };
type Optional<T, K extends string> = [T] extends [never] ? { [key in K]?: undefined } : { [key in K]?: T };

/** What {@link call} takes for a route: its path parameters and body when it has them, its query. */
export type CallOptions<P extends ApiPath, M extends ApiMethod<P>> = Present<ApiParams<P, M>, 'params'> &
  Optional<ApiQuery<P, M>, 'query'> &
  Present<ApiBody<P, M>, 'body'> &
  Pick<RequestOptions, 'signal' | 'redirectOnUnauthorized'>;

/** `/api/projects/{id}` with `{ id }` filled in (each value URI-encoded). */
export function fillPath(path: string, params?: Record<string, string | number>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${path}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * A typed call of one route: `call('get', '/api/projects/{id}', { params: { id } })` returns the
 * route's 200 type; the params, query and body are checked against the OpenAPI document.
 */
export function call<P extends ApiPath, M extends ApiMethod<P>>(
  method: M,
  path: P,
  ...[options]: object extends CallOptions<P, M> ? [CallOptions<P, M>?] : [CallOptions<P, M>]
): Promise<ApiResponse<P, M>> {
  const { params, query, body, ...rest } = (options ?? {}) as {
    params?: Record<string, string | number>;
    query?: Record<string, QueryValue>;
    body?: unknown;
  } & Pick<RequestOptions, 'signal' | 'redirectOnUnauthorized'>;
  return request<ApiResponse<P, M>>(method.toUpperCase() as HttpMethod, fillPath(path, params), {
    ...rest,
    query,
    body,
  });
}
