import { ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../access.ts';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useAction } from '../../../hooks/useAction.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { revokeRole } from '../../org/api.ts';
import { fetchPolicy, listSecurityUsers, resetMfa, type SecurityUser, unlockUser } from './api.ts';
import { GrantRoleModal } from './components/GrantRoleModal.tsx';

/** Account state as a value enum. */
const STATE = {
  enabled: { text: '正常', status: 'success' },
  locked: { text: '已锁定', status: 'error' },
  disabled: { text: '已停用', status: 'default' },
  inactive: { text: '长期未登录已停用', status: 'warning' },
} as const;
const stateOf = (u: SecurityUser) =>
  u.disabled
    ? u.disabledReason === 'inactive'
      ? STATE.inactive
      : STATE.disabled
    : u.locked
      ? STATE.locked
      : STATE.enabled;

/** 按用户名或姓名 (q) and 角色: the URL's filters, applied by the server with the page and the sort. */
const FIELDS: FilterField[] = [
  { name: 'q', label: '按用户名或姓名搜索', type: 'text', width: 320 },
  {
    name: 'role',
    label: '角色',
    type: 'select',
    width: 180,
    options: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })),
  },
];

/**
 * 账户安全与授权 (security administrator, 三员分立): grants and revokes roles, unlocks accounts, resets a
 * lost authenticator, and shows the security policy in force. No personal data is shown here.
 */
export default function SecurityAdminPage() {
  const list = useListQuery(listSecurityUsers, { noun: '个账号' });
  const { loading, reload } = list;
  const policy = useRequest(fetchPolicy);
  const { message } = App.useApp();
  const [granting, setGranting] = useState<SecurityUser | null>(null);

  const perform = useAction(reload);
  const act = (run: () => Promise<unknown>, done: string) => perform(done, run);

  const columns: TableColumnsType<SecurityUser> = [
    {
      title: '用户名',
      dataIndex: 'username',
      width: 170,
      sorter: true,
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    { title: '姓名', dataIndex: 'displayName', width: 160, ellipsis: true },
    {
      title: '状态',
      key: 'state',
      width: 150,
      render: (_, u) => <Badge status={stateOf(u).status} text={stateOf(u).text} />,
    },
    {
      title: '动态口令',
      dataIndex: 'mfaEnrolled',
      width: 100,
      render: (enrolled: boolean) => (enrolled ? <Tag color="green">已绑定</Tag> : <Tag>未绑定</Tag>),
    },
    {
      title: '密码',
      dataIndex: 'passwordExpired',
      width: 100,
      render: (expired: boolean) => (expired ? <Tag color="orange">已过期</Tag> : <Tag>有效</Tag>),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (at: string | null) => (at ? formatDateTime(at) : '从未登录'),
    },
    {
      title: '角色（单位 · 辖区）',
      dataIndex: 'roles',
      render: (roles: SecurityUser['roles'], u) => (
        <Flex vertical gap={4}>
          {roles.map((r) => (
            <Space key={r.id} size={4}>
              <Popconfirm
                title={`撤销 ${u.displayName} 的“${r.roleName}”角色？`}
                description="撤销后该用户的会话立即结束。"
                okText="撤销"
                cancelText="取消"
                onConfirm={() => act(() => revokeRole(u.id, r.id), '已撤销角色')}
              >
                <Tag color="blue" closable onClose={(e) => e.preventDefault()}>
                  {r.roleName}
                </Tag>
              </Popconfirm>
              <Typography.Text type="secondary">
                {r.organisationName} · {r.jurisdictionName}
              </Typography.Text>
            </Space>
          ))}
          {roles.length === 0 && <Typography.Text type="secondary">未分配角色</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setGranting(u)}>
            授予角色
          </Button>
          {u.locked && (
            <Button type="link" size="small" onClick={() => act(() => unlockUser(u.id), '已解除锁定')}>
              解除锁定
            </Button>
          )}
          {u.mfaEnrolled && (
            <Popconfirm
              title={`重置 ${u.displayName} 的动态口令？`}
              description="用于手机丢失或更换；用户下次登录须重新绑定。"
              okText="重置"
              cancelText="取消"
              onConfirm={() => act(() => resetMfa(u.id), '已重置动态口令')}
            >
              <Button type="link" size="small" danger>
                重置动态口令
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const p = policy.data;
  return (
    <>
      <PageHeader
        title="账户安全与授权"
        description="安全管理员：角色授权与撤销、账户解锁、动态口令重置。所有操作记入审计日志；不显示个人信息（三员分立）。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
            刷新
          </Button>
        }
      />
      {p && (
        <Card variant="borderless" title="当前安全策略" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="密码有效期">
              {p.passwordMaxAgeDays} 天，不得重复最近 {p.passwordHistory} 次
            </Descriptions.Item>
            <Descriptions.Item label="登录失败锁定">
              {p.lockoutWindowMinutes} 分钟内 {p.lockoutMaxFailures} 次，锁定 {p.lockoutMinutes} 分钟
            </Descriptions.Item>
            <Descriptions.Item label="双因素认证">
              {p.mfaRequired ? '所有账号必须启用' : '未强制（演示模式）'}
            </Descriptions.Item>
            <Descriptions.Item label="会话超时">
              空闲 {p.sessionIdleMinutes} 分钟，最长 {p.sessionMaxHours} 小时
            </Descriptions.Item>
            <Descriptions.Item label="长期未登录停用">{p.inactiveAccountDays} 天</Descriptions.Item>
            <Descriptions.Item label="审计日志保存">不少于 {p.auditRetentionDays} 天</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card variant="borderless">
        <ListView<SecurityUser> list={list} fields={FIELDS} columns={columns} rowKey="id" />
      </Card>
      <GrantRoleModal
        user={granting}
        onClose={() => setGranting(null)}
        onGranted={() => {
          setGranting(null);
          message.success('已授予角色');
          reload();
        }}
      />
    </>
  );
}
