import { BellOutlined, DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Grid, type MenuProps, Popover, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { MeRole } from '../api/types.ts';
import { useMe, useSession } from '../auth/context.ts';
import { PASSWORD_PATH } from '../auth/guards.tsx';

const roleWhere = (r: MeRole) => `${r.organisationName}（${r.jurisdictionName}）`;

/** The header's right side: current role(s) with organisation and jurisdiction, and the avatar menu. */
export function UserMenu() {
  const me = useMe();
  const { signOut, access } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();

  const items: MenuProps['items'] = [
    ...(access.canSeeProjects ? [{ key: 'notifications', icon: <BellOutlined />, label: '通知设置' }] : []),
    { key: 'password', icon: <LockOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate(PASSWORD_PATH);
    if (key === 'notifications') navigate('/account/notifications');
    if (key === 'logout') {
      signOut().then(() => message.success('已安全退出'));
    }
  };

  const [first, ...others] = me.roles;
  const allRoles = (
    <Flex vertical gap={8} style={{ maxWidth: 420 }}>
      {me.roles.map((r) => (
        <div key={`${r.role}@${r.organisationId}`}>
          <Tag color="blue">{r.roleName}</Tag>
          <Typography.Text>{roleWhere(r)}</Typography.Text>
        </div>
      ))}
    </Flex>
  );

  return (
    <Flex align="center" gap={16} style={{ minWidth: 0 }}>
      {screens.md && first && (
        <Popover title="我的角色" content={allRoles} placement="bottomRight">
          <Flex
            align="center"
            gap={6}
            style={{ color: 'rgba(255,255,255,0.85)', cursor: 'default', minWidth: 0 }}
          >
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {first.roleName}
            </Tag>
            <span
              data-testid="header-role"
              style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 360 }}
            >
              {roleWhere(first)}
            </span>
            {others.length > 0 && <Tag style={{ marginInlineEnd: 0 }}>+{others.length}</Tag>}
          </Flex>
        </Popover>
      )}
      <Dropdown menu={{ items, onClick }} placement="bottomRight" trigger={['click', 'hover']}>
        <Button
          type="text"
          data-testid="user-menu"
          aria-label="用户菜单"
          style={{
            color: '#fff',
            paddingInline: 8,
            display: 'inline-flex',
            alignItems: 'center',
            minWidth: 0,
          }}
        >
          <Avatar
            size="small"
            style={{ backgroundColor: '#fff', color: '#003a8c' }}
            icon={<UserOutlined />}
          />
          <span
            style={{
              maxWidth: screens.md ? 260 : 120,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {me.user.displayName}
          </span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
    </Flex>
  );
}
