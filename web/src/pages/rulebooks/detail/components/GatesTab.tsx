import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { RulebookDetail, RuleGate } from '../../../../api/types.ts';
import { ArticleTags } from './ArticleTags.tsx';

const columns: TableColumnsType<RuleGate> = [
  {
    title: '闸口',
    dataIndex: 'name',
    width: 220,
    render: (name: string, g) => (
      <>
        {name}
        <div>
          <Tag color={g.severity === 'block' ? 'red' : 'gold'}>{g.severityName}</Tag>
        </div>
      </>
    ),
  },
  {
    title: '受控动作',
    dataIndex: 'actions',
    width: 200,
    render: (_, g) => (
      <Flex gap={4} wrap>
        {g.actions.map((a) => (
          <Tag key={a.code}>{a.name}</Tag>
        ))}
      </Flex>
    ),
  },
  {
    title: '条件',
    dataIndex: 'passWhen',
    render: (_, g) => (
      <>
        <div>
          <Typography.Text type="secondary">适用于：</Typography.Text>
          {g.appliesWhen ? g.appliesWhen.text : '所有项目'}
        </div>
        <div>
          <Typography.Text type="secondary">放行条件：</Typography.Text>
          {g.passWhen?.text ?? '—'}
        </div>
      </>
    ),
  },
  { title: '阻断理由', dataIndex: 'reason', width: 300 },
  {
    title: '条款',
    dataIndex: 'articles',
    width: 150,
    render: (_, g) => <ArticleTags articles={g.articles} />,
  },
];

/** 闸口: conditions that block an action (立项, 拨付, …), each with the reason shown to users. */
export function GatesTab({ rulebook }: { rulebook: RulebookDetail }) {
  return (
    <Table<RuleGate>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rulebook.gates}
      pagination={false}
      scroll={{ x: 1100 }}
    />
  );
}
