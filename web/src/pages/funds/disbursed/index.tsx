import { Alert, Card, Statistic, Table } from 'antd';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { call } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { formatYuan } from '../../projects/logic.ts';
import type { QueueItem } from '../types.ts';

const PAGE_SIZE = 20;

/**
 * 驾驶舱“已拨付”下钻 (issue 17): the approved disbursements of one budget year, filtered by the year in
 * the URL (`?year=2026&page=2`); the sum above the table is the figure that was clicked. The rows are
 * the funds list's (`GET /api/funds/disbursements?status=approved&year=…`), with its visibility.
 */
export default function CockpitDisbursedPage() {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const fetcher = useCallback(
    (signal: AbortSignal) =>
      call('get', '/api/funds/disbursements', {
        query: { status: 'approved', year: Number(year), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        signal,
      }),
    [year, page],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
  if (!/^\d{4}$/.test(year))
    return <Alert type="warning" showIcon message="请从领导驾驶舱的“已拨付”图形进入（缺少预算年度）" />;
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title={`${year} 年度已拨付清单`}
        description={
          <>
            已批准的拨付，限本人可见的项目。<Link to="/projects/cockpit">返回领导驾驶舱</Link>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Statistic
          title={`${year} 年度已拨付合计（${data?.total ?? 0} 笔）`}
          value={data ? formatYuan(data.totalAmount) : '—'}
          valueStyle={{ fontSize: 20 }}
        />
      </Card>
      <Table<QueueItem>
        data-testid="disbursed-list"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showTotal: (n) => `共 ${n} 笔`,
          onChange: (p) => setParams({ year, page: String(p) }),
        }}
        columns={[
          {
            title: '项目',
            dataIndex: 'projectName',
            render: (name: string, r) => (
              <Link to={`/projects/${r.projectId}`}>
                {name}（{r.projectCode}）
              </Link>
            ),
          },
          { title: '申请单位', dataIndex: 'department', width: 180 },
          { title: '类别', dataIndex: 'kindLabel', width: 100 },
          {
            title: '金额',
            dataIndex: 'amount',
            width: 160,
            align: 'right',
            render: (a: string) => formatYuan(a),
          },
          { title: '用途', dataIndex: 'purpose', ellipsis: true },
          {
            title: '批准时间',
            dataIndex: 'decidedAt',
            width: 170,
            render: (t: string | null) => (t ? formatDateTime(t) : '—'),
          },
        ]}
      />
    </>
  );
}
