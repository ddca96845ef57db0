import { Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiErrorResult } from '../../../../components/ApiErrorResult.tsx';
import { formatDateTime } from '../../../../format.ts';
import { useRequest } from '../../../../hooks/useRequest.ts';
import { getSubmission, listSubmissions } from '../../api.ts';
import { diffValueText } from '../../logic.ts';

const KIND = {
  added: { text: '新增', color: 'green' },
  removed: { text: '删除', color: 'red' },
  changed: { text: '修改', color: 'blue' },
} as const;

/** Each submission is a frozen snapshot; the reviewer sees what changed against the previous one. */
export function SubmissionsTab({ projectId }: { projectId: string }) {
  const listFetcher = useCallback((signal: AbortSignal) => listSubmissions(projectId, signal), [projectId]);
  const list = useRequest(listFetcher);
  const [seq, setSeq] = useState<number | null>(null);
  useEffect(() => {
    const items = list.data?.items ?? [];
    if (items.length > 0) setSeq(items[items.length - 1].seq);
  }, [list.data]);
  const detailFetcher = useCallback(
    (signal: AbortSignal) => (seq ? getSubmission(projectId, seq, signal) : Promise.resolve(null)),
    [projectId, seq],
  );
  const detail = useRequest(detailFetcher);

  if (list.error) return <ApiErrorResult error={list.error} onRetry={list.reload} />;
  if ((list.data?.items ?? []).length === 0) return <Empty description="尚未提交" />;
  const d = detail.data;
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <span>申报快照：</span>
        <Select
          style={{ width: 360 }}
          value={seq ?? undefined}
          onChange={setSeq}
          options={(list.data?.items ?? []).map((s) => ({
            value: s.seq,
            label: `第 ${s.seq} 次 · ${formatDateTime(s.submittedAt)} · ${s.submittedBy}`,
          }))}
        />
        {d && (
          <Typography.Text type="secondary" copyable={{ text: d.snapshotHash }}>
            SM3 {d.snapshotHash.slice(0, 16)}…
          </Typography.Text>
        )}
      </Space>
      {d && d.previousSeq === null && (
        <Typography.Paragraph type="secondary">首次提交，无可比较的上一次申报。</Typography.Paragraph>
      )}
      {d && d.previousSeq !== null && (
        <Table
          rowKey="path"
          size="small"
          pagination={false}
          loading={detail.loading}
          locale={{ emptyText: `与第 ${d.previousSeq} 次申报相比没有变化` }}
          dataSource={d.changes}
          columns={[
            {
              title: '变化',
              dataIndex: 'kind',
              width: 80,
              render: (k: keyof typeof KIND) => <Tag color={KIND[k].color}>{KIND[k].text}</Tag>,
            },
            { title: `字段（与第 ${d.previousSeq} 次相比）`, dataIndex: 'label' },
            { title: '原内容', dataIndex: 'before', render: (v: unknown) => diffValueText(v) },
            { title: '新内容', dataIndex: 'after', render: (v: unknown) => diffValueText(v) },
          ]}
        />
      )}
    </>
  );
}
