import { Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { RulebookDetail, RuleOrganisation, RuleRole } from '../../../../api/types.ts';
import { ArticleTags } from './ArticleTags.tsx';

const roleColumns: TableColumnsType<RuleRole> = [
  {
    title: '规范角色',
    dataIndex: 'canonicalName',
    width: 200,
    render: (name: string, r) => (
      <>
        {name}{' '}
        <Typography.Text type="secondary" code>
          {r.code}
        </Typography.Text>
      </>
    ),
  },
  { title: '本辖区称谓', dataIndex: 'name', render: (name: string) => <Tag color="blue">{name}</Tag> },
  { title: '所在机构', dataIndex: 'orgName', render: (name: string | null) => name ?? '—' },
  {
    title: '条款',
    dataIndex: 'articles',
    width: 200,
    render: (_, r) => <ArticleTags articles={r.articles} />,
  },
];

const organisationColumns: TableColumnsType<RuleOrganisation> = [
  {
    title: '机构',
    dataIndex: 'name',
    render: (name: string, o) => (
      <>
        {name}
        {o.generic && (
          <Tag style={{ marginInlineStart: 8 }} color="default">
            泛指
          </Tag>
        )}
        {o.textWording && (
          <div>
            <Typography.Text type="secondary">原文作“{o.textWording}”</Typography.Text>
          </div>
        )}
      </>
    ),
  },
  { title: '类型', dataIndex: 'kindName', width: 180 },
  {
    title: '原文中的其他称谓',
    dataIndex: 'terms',
    render: (_, o) =>
      o.terms.length === 0 ? (
        '—'
      ) : (
        <Flex vertical gap={4}>
          {o.terms.map((t) => (
            <span key={`${t.term}:${t.display}`}>
              <Tooltip title={t.articles.map((a) => a.citation).join('；')}>
                <Typography.Text>{t.term}</Typography.Text>
              </Tooltip>
              {t.display !== t.term && (
                <Typography.Text type="secondary"> → 显示为“{t.display}”</Typography.Text>
              )}
            </span>
          ))}
        </Flex>
      ),
  },
  {
    title: '条款',
    dataIndex: 'articles',
    width: 200,
    render: (_, o) => <ArticleTags articles={o.articles} />,
  },
];

/** 角色: canonical roles with this jurisdiction's names, and the organisations the text names. */
export function RolesTab({ rulebook }: { rulebook: RulebookDetail }) {
  return (
    <Flex vertical gap={24}>
      <Table<RuleRole>
        rowKey="code"
        size="small"
        columns={roleColumns}
        dataSource={rulebook.roles}
        pagination={false}
        scroll={{ x: 760 }}
      />
      <div>
        <Typography.Title level={5}>机构</Typography.Title>
        <Table<RuleOrganisation>
          rowKey="key"
          size="small"
          columns={organisationColumns}
          dataSource={rulebook.organisations}
          pagination={false}
          scroll={{ x: 760 }}
        />
      </div>
    </Flex>
  );
}
