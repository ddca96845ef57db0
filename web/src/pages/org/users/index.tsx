import { ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../access.ts';
import { asApiError } from '../../../api/client.ts';
import type { UserRoleSummary, UserSummary } from '../../../api/types.ts';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { listUsers, updateUser } from './api.ts';
import { ResetPasswordModal } from './components/ResetPasswordModal.tsx';
import { SensitiveButton } from './components/SensitiveButton.tsx';
import { UserModal } from './components/UserModal.tsx';

/** 三员分立: an administrator's account is changed through the security administrator, not here. */
const ADMIN_ROLES = ['sys_admin', 'sec_admin', 'audit_admin'];

/** The account state as a value enum (the API sends `disabled: boolean`). */
const STATUS = {
  enabled: { text: '启用', status: 'success' },
  disabled: { text: '停用', status: 'default' },
  inactive: { text: '停用（长期未登录）', status: 'warning' },
} as const;
const statusOf = (u: UserSummary) =>
  !u.disabled ? STATUS.enabled : u.disabledReason === 'inactive' ? STATUS.inactive : STATUS.disabled;

/** 按用户名或姓名 (q), 状态 (enabled / disabled) and 角色 (role code): the URL's filters, applied by the server. */
const FIELDS: FilterField[] = [
  { name: 'q', label: '按用户名或姓名搜索', type: 'text', width: 320 },
  {
    name: 'status',
    label: '状态',
    type: 'select',
    width: 120,
    options: [
      { value: 'enabled', label: STATUS.enabled.text },
      { value: 'disabled', label: STATUS.disabled.text },
    ],
  },
  {
    name: 'role',
    label: '角色',
    type: 'select',
    width: 180,
    options: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })),
  },
];

/** 用户管理: platform accounts and the roles they hold (sys_admin): create, edit, 停用/启用, 重置密码. */
export default function UsersPage() {
  const list = useListQuery(listUsers, { noun: '个账号' });
  const { loading, reload } = list;
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<UserSummary | null | 'new'>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);

  const toggle = (u: UserSummary) =>
    modal.confirm({
      title: `${u.disabled ? '启用' : '停用'}账号 ${u.displayName}（${u.username}）？`,
      content: u.disabled
        ? '启用后该账号可以重新登录，所任角色不变。'
        : '停用后该账号立即不能登录，已登录的会话在下次请求时失效；所任角色保留，可随时重新启用。',
      okText: u.disabled ? '确认启用' : '确认停用',
      okButtonProps: { danger: !u.disabled },
      onOk: async () => {
        try {
          await updateUser(u.id, { disabled: !u.disabled, version: u.version ?? 1 });
          message.success(u.disabled ? '已启用' : '已停用');
          reload();
        } catch (e) {
          message.error(asApiError(e).message);
        }
      },
    });

  const columns: TableColumnsType<UserSummary> = [
    {
      title: '用户名',
      dataIndex: 'username',
      width: 180,
      sorter: true,
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    { title: '姓名', dataIndex: 'displayName', width: 140 },
    {
      title: '状态',
      dataIndex: 'disabled',
      width: 100,
      render: (_, u) => <Badge status={statusOf(u).status} text={statusOf(u).text} />,
    },
    {
      title: '手机号',
      dataIndex: 'phoneMasked',
      width: 130,
      render: (v: string | null | undefined) => v ?? '—',
    },
    {
      title: '身份证号',
      dataIndex: 'idNumberMasked',
      width: 190,
      render: (v: string | null | undefined) => v ?? '—',
    },
    {
      title: '个人信息',
      key: 'sensitive',
      width: 110,
      render: (_, u) => <SensitiveButton user={u} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_, u) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(u)}>
            修改
          </Button>
          {!u.roles.some((r) => ADMIN_ROLES.includes(r.role)) && (
            <Button size="small" type="link" onClick={() => setResetting(u)}>
              重置密码
            </Button>
          )}
          <Button size="small" type="link" danger={!u.disabled} onClick={() => toggle(u)}>
            {u.disabled ? '启用' : '停用'}
          </Button>
        </Space>
      ),
    },
    {
      title: '角色（单位 · 辖区）',
      dataIndex: 'roles',
      render: (roles: UserRoleSummary[]) =>
        roles.length === 0 ? (
          <Typography.Text type="secondary">未分配角色</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {roles.map((r) => (
              <div key={`${r.role}@${r.organisationName}`}>
                <Tag color="blue">{r.roleName}</Tag>
                <Typography.Text type="secondary">
                  {r.organisationName} · {r.jurisdictionName}
                </Typography.Text>
              </div>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        description="平台账号及其在各单位担任的角色。角色授权由安全管理员负责（三员分立）；个人信息脱敏显示，查看明文记入审计。"
        extra={
          <Space>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setEditing('new')}>
              新建用户
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
              刷新
            </Button>
          </Space>
        }
      />
      <Card variant="borderless">
        <ListView<UserSummary> list={list} fields={FIELDS} columns={columns} rowKey="id" />
      </Card>
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <UserModal
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          reload();
        }}
      />
    </>
  );
}
