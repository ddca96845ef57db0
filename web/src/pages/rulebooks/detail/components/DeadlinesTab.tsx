import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { RulebookDetail, RuleDeadline } from '../../../../api/types.ts';
import { ArticleTags } from './ArticleTags.tsx';

const columns: TableColumnsType<RuleDeadline> = [
  { title: '期限', dataIndex: 'name', width: 180 },
  {
    title: '时限',
    dataIndex: 'amount',
    width: 220,
    render: (_, d) => (
      <>
        <Tag color="volcano">{d.amount === 0 ? '当日' : `${d.amount} ${d.unitName}`}</Tag>
        <div>
          <Typography.Text type="secondary">{d.periodText}</Typography.Text>
        </div>
        {d.extension && <Tag color="cyan">可申请延期</Tag>}
      </>
    ),
  },
  {
    title: '义务',
    dataIndex: 'obligation',
    render: (_, d) => (
      <>
        {d.obligation}
        <div>
          <Typography.Text type="secondary">
            义务人：{d.owedBy.orgName}（{d.owedBy.roleName}）
          </Typography.Text>
        </div>
        {d.appliesWhen && (
          <div>
            <Typography.Text type="secondary">适用：{d.appliesWhen.text}</Typography.Text>
          </div>
        )}
      </>
    ),
  },
  { title: '逾期后果', dataIndex: 'consequence', width: 280 },
  {
    title: '条款',
    dataIndex: 'articles',
    width: 150,
    render: (_, d) => <ArticleTags articles={d.articles} />,
  },
];

/** 期限: deadlines counted on the working-day calendar. */
export function DeadlinesTab({ rulebook }: { rulebook: RulebookDetail }) {
  return (
    <Table<RuleDeadline>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rulebook.deadlines}
      pagination={false}
      scroll={{ x: 1000 }}
    />
  );
}
