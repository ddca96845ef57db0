/**
 * Filters of a list page live in the URL (shareable, survive reload and the back button). Pure
 * functions here (no React) so they run under `node --test`; `useListQuery` wires them to the router.
 *
 * Keys are optionally prefixed (`done.q`) so several lists on one page keep their own filters.
 */
export interface ListParams {
  /** Filters other than paging, as strings (empty ones dropped). */
  filters: Record<string, string>;
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

const key = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

/** Reads one list's parameters from the URL; anything malformed falls back to the first page. */
export function readListParams(
  search: URLSearchParams,
  prefix = '',
  pageSize = DEFAULT_PAGE_SIZE,
): ListParams {
  const filters: Record<string, string> = {};
  const start = prefix ? `${prefix}.` : '';
  for (const [k, v] of search) {
    if (!k.startsWith(start) || v === '') continue;
    const name = k.slice(start.length);
    if (name === 'page' || name === 'pageSize' || (prefix === '' && name.includes('.'))) continue;
    filters[name] = v;
  }
  const page = Number(search.get(key(prefix, 'page')));
  const size = Number(search.get(key(prefix, 'pageSize')));
  return {
    filters,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : pageSize,
  };
}

/**
 * The URL after a change: new filters reset to page 1; other lists' keys (other prefixes) are kept.
 */
export function writeListParams(
  search: URLSearchParams,
  prefix: string,
  change: { filters?: Record<string, string | undefined>; page?: number; pageSize?: number },
): URLSearchParams {
  const next = new URLSearchParams(search);
  if (change.filters) {
    for (const [name, value] of Object.entries(change.filters)) {
      if (value === undefined || value === '') next.delete(key(prefix, name));
      else next.set(key(prefix, name), value);
    }
    next.delete(key(prefix, 'page'));
  }
  if (change.page !== undefined) {
    if (change.page <= 1) next.delete(key(prefix, 'page'));
    else next.set(key(prefix, 'page'), String(change.page));
  }
  if (change.pageSize !== undefined) {
    next.set(key(prefix, 'pageSize'), String(change.pageSize));
    next.delete(key(prefix, 'page'));
  }
  return next;
}

/** The query the server expects: the filters plus `limit` / `offset`. */
export function toServerQuery(params: ListParams): Record<string, string | number> {
  return { ...params.filters, limit: params.pageSize, offset: (params.page - 1) * params.pageSize };
}

export type SortOrder = 'ascend' | 'descend' | null;

/**
 * A column's order from the URL's `sort` (`name` ascending, `-name` descending): what the table
 * shows on the column header. Sorting is the server's (`sort` goes with the other filters).
 */
export function sortOrderOf(sort: string | undefined, column: string): SortOrder {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

/** The URL's `sort` after a click on a column header (none: the list's own order). */
export function sortParam(column: string, order: SortOrder | undefined): string | undefined {
  if (order === 'ascend') return column;
  if (order === 'descend') return `-${column}`;
  return undefined;
}
