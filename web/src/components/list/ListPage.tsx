import { Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { ApiErrorResult } from '../ApiErrorResult.tsx';
import { ExportButton } from './ExportButton.tsx';
import { FilterBar, type FilterField } from './FilterBar.tsx';
import { sortOrderOf, sortParam } from './query.ts';
import type { ListQuery, Paged } from './useListQuery.ts';
import { useListQuery } from './useListQuery.ts';

interface ListViewProps<T> {
  fields: FilterField[];
  columns: TableColumnsType<T>;
  /** A column that is unique, or a key made of several (待办: project, kind and step). */
  rowKey: (keyof T & string) | ((row: T) => string);
  empty?: ReactNode;
  extra?: ReactNode;
  /** The server's export list name (GET /api/workbench/export?list=…): adds 导出 Excel. */
  exportList?: string;
  /** More of the table's own props (size, row selection, expandable rows). */
  table?: Omit<TableProps<T>, 'rowKey' | 'columns' | 'dataSource' | 'pagination' | 'loading'>;
}

/**
 * The one list scaffold (issue 17): filters in the URL, server-side paging and counts, columns that
 * scroll instead of clipping. Pages give the fetcher, the filter fields and the columns.
 */
export function ListPage<T extends object>({
  fetcher,
  prefix,
  noun,
  ...view
}: ListViewProps<T> & {
  fetcher: (query: Record<string, string | number>, signal: AbortSignal) => Promise<Paged<T>>;
  prefix?: string;
  /** What the total counts (共 N 个系统); default 条. */
  noun?: string;
}) {
  const list = useListQuery(fetcher, { prefix, noun });
  return <ListView list={list} {...view} />;
}

/**
 * Columns marked `sorter: true` sort on the server: their header shows the URL's `sort`, and a
 * click rewrites it (the column's dataIndex ascending, `-dataIndex` descending, none: default order).
 */
function serverSorted<T>(columns: TableColumnsType<T>, sort: string | undefined): TableColumnsType<T> {
  return columns.map((c) =>
    c.sorter === true && 'dataIndex' in c && typeof c.dataIndex === 'string'
      ? { ...c, sortOrder: sortOrderOf(sort, c.dataIndex) }
      : c,
  );
}

/**
 * The same list drawn from a `useListQuery` the page holds itself (when it needs the filters for
 * an import/export button or reloads the list after a save).
 */
export function ListView<T extends object>({
  list,
  fields,
  columns,
  rowKey,
  empty,
  extra,
  exportList,
  table,
}: ListViewProps<T> & { list: ListQuery<T> }) {
  return (
    <>
      <FilterBar
        fields={fields}
        values={list.params.filters}
        onChange={list.setFilters}
        extra={
          <>
            {extra}
            {exportList && <ExportButton list={exportList} filters={list.params.filters} />}
          </>
        }
      />
      {list.error ? (
        <ApiErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<T>
          rowKey={rowKey}
          loading={list.loading}
          columns={serverSorted(columns, list.params.filters.sort)}
          dataSource={list.data?.items ?? []}
          pagination={list.pagination}
          scroll={{ x: 'max-content' }}
          locale={empty ? { emptyText: empty } : undefined}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action !== 'sort' || Array.isArray(sorter)) return;
            const column = typeof sorter.field === 'string' ? sorter.field : undefined;
            if (column) list.setFilters({ sort: sortParam(column, sorter.order ?? null) });
          }}
          {...table}
        />
      )}
    </>
  );
}
