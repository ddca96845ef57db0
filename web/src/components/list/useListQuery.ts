import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useRequest } from '../../hooks/useRequest.ts';
import { type ListParams, readListParams, toServerQuery, writeListParams } from './query.ts';

export interface Paged<T> {
  items: T[];
  total: number;
}

/**
 * One list's state from the URL and its request: `fetcher(query, signal)` gets the filters plus
 * `limit`/`offset`; changing a filter rewrites the URL (page 1), which reloads the list.
 */
export function useListQuery<T>(
  fetcher: (query: Record<string, string | number>, signal: AbortSignal) => Promise<Paged<T>>,
  options: { prefix?: string; pageSize?: number; noun?: string } = {},
) {
  const prefix = options.prefix ?? '';
  const noun = options.noun ?? '条';
  const [search, setSearch] = useSearchParams();
  const params: ListParams = readListParams(search, prefix, options.pageSize);
  const serialised = JSON.stringify(toServerQuery(params));
  const run = useCallback(
    (signal: AbortSignal) => fetcher(JSON.parse(serialised) as Record<string, string | number>, signal),
    [fetcher, serialised],
  );
  const state = useRequest(run);
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
      total: state.data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (total: number) => `共 ${total} ${noun}`,
      onChange: setPage,
    }),
    [params.page, params.pageSize, state.data?.total, setPage, noun],
  );
  return { ...state, params, setFilters, pagination };
}

export type ListQuery<T> = ReturnType<typeof useListQuery<T>>;
