import { Badge, Button, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import type { CalendarYearSummary } from '../../../../api/types.ts';
import { SOURCE_LABELS } from '../rows.ts';

/** Known / unknown as a value enum. */
const STATUS = {
  known: { text: '已公布', status: 'success' },
  unknown: { text: '未知', status: 'warning' },
} as const;

/** The years the calendar knows or lacks; clicking one opens it in the editor. */
export function YearList({
  items,
  loading,
  selected,
  onSelect,
}: {
  items: CalendarYearSummary[];
  loading: boolean;
  selected: number | undefined;
  onSelect: (year: number) => void;
}) {
  const columns: TableColumnsType<CalendarYearSummary> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    {
      title: '状态',
      dataIndex: 'known',
      width: 100,
      render: (known: boolean) => {
        const s = known ? STATUS.known : STATUS.unknown;
        return <Badge status={s.status} text={s.text} />;
      },
    },
    {
      title: '放假 / 调休',
      key: 'counts',
      width: 100,
      render: (_, y) => (y.holidays + y.workdays > 0 ? `${y.holidays} / ${y.workdays}` : '—'),
    },
    {
      title: '来源',
      dataIndex: 'source',
      render: (source: string | null, y) =>
        source ? (
          <Tooltip title={y.publishedRef ? `发布文号：${y.publishedRef}` : undefined}>
            <span>{SOURCE_LABELS[source] ?? source}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">尚未录入</Typography.Text>
        ),
    },
    {
      title: '',
      key: 'action',
      width: 70,
      render: (_, y) => (
        <Button type="link" size="small" onClick={() => onSelect(y.year)} aria-label={`编辑 ${y.year} 年`}>
          {y.year === selected ? '编辑中' : '编辑'}
        </Button>
      ),
    },
  ];
  return (
    <Table<CalendarYearSummary>
      rowKey="year"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      onRow={(y) => ({
        onClick: () => onSelect(y.year),
        style: { cursor: 'pointer', background: y.year === selected ? '#e6f4ff' : undefined },
      })}
    />
  );
}
