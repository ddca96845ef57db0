import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { type AdminRole, flattenMenu, isAdminRole, menuFor, roleLabel } from '../../access.ts';
import type { MeRole } from '../../api/types.ts';
import { useMe, useSession } from '../../auth/context.ts';
import { RouteIcon } from '../../icons.tsx';
import { useRouteTable } from '../../layouts/route-table.ts';
import { PLATFORM_NAME } from '../../platform.ts';
import type { RouteEntry } from '../../route-types.ts';
import { Workbench } from '../workbench/components/Workbench.tsx';

/** 三员分立: what each administrator does, since none of them sees business data. */
const ADMIN_NOTES: Record<AdminRole, string> = {
  sys_admin: '您是系统管理员：负责用户账号、组织机构与系统配置。按照“三员分立”要求，不查看项目等业务数据。',
  sec_admin: '您是安全管理员：负责角色授权与安全策略。按照“三员分立”要求，不查看项目等业务数据。',
  audit_admin: '您是审计管理员：负责查阅与核验安全审计日志，只读，不查看项目等业务数据。',
};

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 6) return '夜深了';
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** `2025年3月4日 星期二` */
function today(now: Date): string {
  const date = now.toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });
  return `${date} ${now.toLocaleDateString('zh-CN', { weekday: 'long' })}`;
}

/** Each route's one-line description by path (the shortcuts' second line). */
function descriptionsOf(entries: readonly RouteEntry[], into = new Map<string, string | undefined>()) {
  for (const e of entries) {
    into.set(e.path, e.description);
    descriptionsOf(e.children ?? [], into);
  }
  return into;
}

const roleColumns: TableColumnsType<MeRole> = [
  {
    title: '角色',
    dataIndex: 'roleName',
    render: (name: string, r) => (
      // One role, one name: the jurisdiction's own wording; the generic name only as a hint.
      <Tag color="blue" title={roleLabel(r.role)}>
        {name}
      </Tag>
    ),
  },
  { title: '所在单位', dataIndex: 'organisationName' },
  {
    title: '辖区',
    dataIndex: 'jurisdictionName',
    render: (name: string, r) => (
      <>
        {name} <Typography.Text type="secondary">{r.jurisdictionCode}</Typography.Text>
      </>
    ),
  },
];

/** 工作台: who you are here, what waits for you (待办, 已办, 我发起的) and where you can go. */
export default function HomePage() {
  const me = useMe();
  const { access } = useSession();
  const now = new Date();

  const routes = useRouteTable();
  const shortcuts = useMemo(
    () => flattenMenu(menuFor(routes, access)).filter((e) => e.path !== '/'),
    [routes, access],
  );
  const descriptions = useMemo(() => descriptionsOf(routes), [routes]);
  const adminNotes = me.roles.flatMap((r) => (isAdminRole(r.role) ? [ADMIN_NOTES[r.role]] : []));

  return (
    <Flex vertical gap={16} data-testid="home">
      <Card variant="borderless">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {greeting(now)}，{me.user.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">
          今天是 {today(now)}，欢迎使用{PLATFORM_NAME}。
        </Typography.Text>
        {[...new Set(adminNotes)].map((note) => (
          <Alert key={note} showIcon type="info" title={note} style={{ marginTop: 16 }} />
        ))}
      </Card>

      {access.canSeeProjects && <Workbench />}

      <Card title="我的角色" variant="borderless">
        {me.roles.length === 0 ? (
          <Alert showIcon type="warning" title="您的账号尚未分配角色，请联系安全管理员。" />
        ) : (
          <Table<MeRole>
            size="small"
            rowKey={(r) => `${r.role}@${r.organisationId}`}
            columns={roleColumns}
            dataSource={me.roles}
            pagination={false}
            scroll={{ x: 560 }}
          />
        )}
      </Card>

      <Card title="常用功能" variant="borderless">
        <Row gutter={[16, 16]}>
          {shortcuts.map((entry) => (
            <Col key={entry.path} xs={24} sm={12} lg={8} xl={6}>
              <Link to={entry.path} aria-label={entry.name}>
                <Card hoverable size="small" style={{ height: '100%' }}>
                  <Flex align="center" gap={12}>
                    <span style={{ fontSize: 24, color: '#1677ff' }}>
                      <RouteIcon icon={entry.icon} />
                    </span>
                    <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                      <Typography.Text strong>{entry.name}</Typography.Text>
                      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                        {descriptions.get(entry.path) ?? ''}
                      </Typography.Text>
                    </Flex>
                    <RightOutlined style={{ color: '#bfbfbf' }} />
                  </Flex>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Flex>
  );
}
