import { Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { DemoAccount } from '../../../api/types.ts';

interface Props {
  accounts: DemoAccount[];
  onPick: (account: DemoAccount) => void;
}

/** Demo mode only: every seeded account, one click to put it into the login form. */
export function DemoAccounts({ accounts, onPick }: Props) {
  const jurisdictions = [...new Set(accounts.map((a) => a.jurisdictionName))];
  const columns: TableColumnsType<DemoAccount> = [
    {
      title: '用户',
      dataIndex: 'username',
      render: (_, a) => (
        <>
          <div>{a.displayName}</div>
          <Typography.Text type="secondary" code>
            {a.username}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '密码',
      dataIndex: 'password',
      render: (password: string) => (
        <Typography.Text code copyable>
          {password}
        </Typography.Text>
      ),
    },
    {
      title: '角色',
      dataIndex: 'roleNames',
      render: (roleNames: string[]) => roleNames.map((name) => <Tag key={name}>{name}</Tag>),
    },
    {
      title: '辖区 / 单位',
      dataIndex: 'jurisdictionName',
      filters: jurisdictions.map((j) => ({ text: j, value: j })),
      onFilter: (value, a) => a.jurisdictionName === value,
      render: (_, a) => (
        <>
          <div>{a.jurisdictionName}</div>
          <Typography.Text type="secondary">{a.organisationName}</Typography.Text>
        </>
      ),
    },
    {
      title: '操作',
      key: 'pick',
      width: 72,
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => onPick(a)} aria-label={`填入 ${a.username}`}>
          填入
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="演示账号"
      extra={<Typography.Text type="secondary">演示环境专用，点击“填入”后登录</Typography.Text>}
      data-testid="demo-accounts"
    >
      <Table<DemoAccount>
        size="small"
        rowKey="username"
        columns={columns}
        dataSource={accounts}
        pagination={accounts.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 640 }}
      />
    </Card>
  );
}
