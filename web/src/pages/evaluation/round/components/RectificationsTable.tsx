import { Button, Table, Tag } from 'antd';
import { evaluation, RECTIFICATION_STATES, type Rectification, SOURCES } from '../../api.ts';

/**
 * The round's rectification orders: the department reports what it did, the authority (`manage`)
 * closes a reported one. `run` performs a call with its success message and reloads the round.
 */
export function RectificationsTable(props: {
  rectifications: Rectification[];
  manage: boolean;
  run: (work: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const { manage, run } = props;
  return (
    <Table<Rectification>
      rowKey="id"
      dataSource={props.rectifications}
      pagination={false}
      columns={[
        { title: '部门', dataIndex: 'organisationName' },
        { title: '来源', dataIndex: 'source', render: (_, r) => SOURCES[r.source] },
        { title: '问题', dataIndex: 'finding' },
        { title: '整改意见', dataIndex: 'opinion' },
        { title: '期限', dataIndex: 'deadline' },
        {
          title: '状态',
          render: (_, r) =>
            r.overdue ? (
              <Tag color="red">已逾期</Tag>
            ) : (
              <Tag color={r.state === 'closed' ? 'green' : undefined}>{RECTIFICATION_STATES[r.state]}</Tag>
            ),
        },
        {
          title: '操作',
          render: (_, r) =>
            r.state !== 'closed' && !manage ? (
              <Button
                size="small"
                type="link"
                onClick={() => {
                  const report = window.prompt('整改情况');
                  if (report)
                    void run(
                      () => evaluation.reportRectification(r.id, report, r.version),
                      '已报告整改情况',
                    ).catch(() => {});
                }}
              >
                报告整改
              </Button>
            ) : r.state === 'reported' && manage ? (
              <Button
                size="small"
                type="link"
                onClick={() =>
                  void run(() => evaluation.closeRectification(r.id, r.version), '已核销').catch(() => {})
                }
              >
                核销
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
