import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { RulebookDetail } from '../../../../api/types.ts';
import { ArticleTags } from './ArticleTags.tsx';

type Row = RulebookDetail['materials'][number];

const REQUIREMENT_COLOR = { required: 'green', conditional: 'gold', optional: 'default' } as const;

const columns: TableColumnsType<Row> = [
  { title: '材料', dataIndex: 'name', width: 240 },
  { title: '办理环节', dataIndex: 'stepName', width: 260 },
  {
    title: '要求',
    dataIndex: 'requirement',
    render: (_, m) => (
      <>
        <Tag color={REQUIREMENT_COLOR[m.requirement]}>{m.requirementName}</Tag>
        {m.condition && <Typography.Text type="secondary">{m.condition.text}</Typography.Text>}
      </>
    ),
  },
  {
    title: '条款',
    dataIndex: 'articles',
    width: 180,
    render: (_, m) => <ArticleTags articles={m.articles} />,
  },
];

/** 材料: every material of every step. */
export function MaterialsTab({ rulebook }: { rulebook: RulebookDetail }) {
  return (
    <Table<Row>
      rowKey={(m) => `${m.stepId}/${m.code}`}
      size="small"
      columns={columns}
      dataSource={rulebook.materials}
      pagination={false}
      scroll={{ x: 860 }}
    />
  );
}
