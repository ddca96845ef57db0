import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../api/client.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { type ListParams, readListParams, toServerQuery, writeListParams } from './query.ts';

export interface Paged<T> {
  items: T[];
  total: number;
}

interface ListOptions {
  prefix?: string;
  pageSize?: number;
  /** What the total counts (共 N 个系统); default 条. */
  noun?: string;
}

/**
 * What a list view draws: the rows, the filters from the URL, and the pager. `P` is the page as the
 * server answers it, when it carries more than the rows and the total (待办's overdue count).
 */
export interface ListQuery<T, P extends Paged<T> = Paged<T>> {
  data: P | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  params: ListParams;
  setFilters: (filters: Record<string, string | undefined>) => void;
  pagination: {
    current: number;
    pageSize: number;
    total: number;
    showSizeChanger: boolean;
    pageSizeOptions: number[];
    showTotal: (total: number) => string;
    onChange: (page: number, pageSize: number) => void;
  };
}

/** The list's filters and page in the URL, and the pager that rewrites them. */
function useListUrl(options: ListOptions, total: number) {
  const prefix = options.prefix ?? '';
  const noun = options.noun ?? '条';
  const [search, setSearch] = useSearchParams();
  const params: ListParams = readListParams(search, prefix, options.pageSize);
  const setFilters = useCallback(
    (filters: Record<string, string | undefined>) =>
      setSearch((s) => writeListParams(s, prefix, { filters }), { replace: true }),
    [setSearch, prefix],
  );
  const setPage = useCallback(
    (page: number, pageSize: number) =>
      setSearch((s) => writeListParams(s, prefix, pageSize !== params.pageSize ? { pageSize } : { page })),
    [setSearch, prefix, params.pageSize],
  );
  const pagination = useMemo(
    () => ({
      current: params.page,
      pageSize: params.pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (n: number) => `共 ${n} ${noun}`,
      onChange: setPage,
    }),
    [params.page, params.pageSize, total, setPage, noun],
  );
  return { params, setFilters, pagination };
}

/**
 * One list's state from the URL and its request: `fetcher(query, signal)` gets the filters plus
 * `limit`/`offset`; changing a filter rewrites the URL (page 1), which reloads the list.
 */
export function useListQuery<T, P extends Paged<T> = Paged<T>>(
  fetcher: (query: Record<string, string | number>, signal: AbortSignal) => Promise<P>,
  options: ListOptions = {},
): ListQuery<T, P> {
  const [search] = useSearchParams();
  const serialised = JSON.stringify(
    toServerQuery(readListParams(search, options.prefix ?? '', options.pageSize)),
  );
  const run = useCallback(
    (signal: AbortSignal) => fetcher(JSON.parse(serialised) as Record<string, string | number>, signal),
    [fetcher, serialised],
  );
  const state = useRequest(run);
  const url = useListUrl(options, state.data?.total ?? 0);
  return { ...state, ...url };
}
