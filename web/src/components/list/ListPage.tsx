import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { ApiErrorResult } from '../ApiErrorResult.tsx';
import { ExportButton } from './ExportButton.tsx';
import { FilterBar, type FilterField } from './FilterBar.tsx';
import type { Paged } from './useListQuery.ts';
import { useListQuery } from './useListQuery.ts';

/**
 * The one list scaffold (issue 17): filters in the URL, server-side paging and counts, columns that
 * scroll instead of clipping. Pages give the fetcher, the filter fields and the columns.
 */
export function ListPage<T extends object>({
  fetcher,
  fields,
  columns,
  rowKey,
  prefix,
  empty,
  extra,
  exportList,
}: {
  fetcher: (query: Record<string, string | number>, signal: AbortSignal) => Promise<Paged<T>>;
  fields: FilterField[];
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  prefix?: string;
  empty?: ReactNode;
  extra?: ReactNode;
  /** The server's export list name (GET /api/workbench/export?list=…): adds 导出 Excel. */
  exportList?: string;
}) {
  const list = useListQuery(fetcher, { prefix });
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
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={list.pagination}
          scroll={{ x: 'max-content' }}
          locale={empty ? { emptyText: empty } : undefined}
        />
      )}
    </>
  );
}
