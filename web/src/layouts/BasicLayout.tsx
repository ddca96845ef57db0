import { Grid, Input, Layout, Menu, type MenuProps, theme } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router-dom';
import { flattenMenu, type MenuEntry, menuFor } from '../access.ts';
import { useSession } from '../auth/context.ts';
import { PageSpin } from '../components/FullPageSpin.tsx';
import { isCrumbHandle } from '../crumbs.ts';
import { RouteIcon } from '../icons.tsx';
import { documentTitle, PLATFORM_NAME, SHORT_NAME } from '../platform.ts';
import { routes } from '../routes.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { PageBreadcrumb } from './PageBreadcrumb.tsx';
import type { LayoutContext } from './route-table.ts';
import { UserMenu } from './UserMenu.tsx';

const LAYOUT_CONTEXT: LayoutContext = { routes };

/** antd blue-8: a sober government blue for the top bar. */
const HEADER_BLUE = '#003a8c';

type MenuItems = NonNullable<MenuProps['items']>;

function toMenuItems(entries: MenuEntry[]): MenuItems {
  return entries.map((e) =>
    e.children
      ? { key: e.path, icon: <RouteIcon icon={e.icon} />, label: e.name, children: toMenuItems(e.children) }
      : { key: e.path, icon: <RouteIcon icon={e.icon} />, label: <Link to={e.path}>{e.name}</Link> },
  );
}

/** The menu page that owns `pathname` (the longest prefix), and the groups above it. */
function locate(menu: MenuEntry[], pathname: string): { selected: string[]; open: string[] } {
  const owns = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  const best = flattenMenu(menu)
    .filter((e) => owns(e.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!best) return { selected: [], open: [] };
  const open = menu.filter((g) => g.children?.some((c) => c.path === best.path)).map((g) => g.path);
  return { selected: [best.path], open };
}

/** Signed-in layout: top bar with the platform and the user, side menu from the route table, breadcrumb. */
export function BasicLayout() {
  const { access } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const screens = Grid.useBreakpoint();

  const menu = useMemo(() => menuFor(routes, access), [access]);
  const items = useMemo(() => toMenuItems(menu), [menu]);
  const { selected, open } = useMemo(() => locate(menu, pathname), [menu, pathname]);

  // The tab title names the page (issue 17 item 13): `待办 - 统筹 · 政务信息化项目管理平台`.
  const matches = useMatches();
  const pageName = matches
    .map((m) => m.handle)
    .filter(isCrumbHandle)
    .at(-1)?.name;
  useEffect(() => {
    document.title = documentTitle(pageName);
  }, [pageName]);

  const [openKeys, setOpenKeys] = useState<string[]>(open);
  useEffect(() => {
    setOpenKeys((keys) => [...new Set([...keys, ...open])]);
  }, [open]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: screens.md ? 24 : 12,
          background: HEADER_BLUE,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', minWidth: 0 }}>
          <span
            aria-hidden
            style={{
              display: 'inline-flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: 30,
              height: 30,
              borderRadius: 4,
              background: '#fff',
              color: HEADER_BLUE,
              fontWeight: 700,
              flex: 'none',
            }}
          >
            统
          </span>
          <span style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap', letterSpacing: 1 }}>
            {screens.md ? PLATFORM_NAME : SHORT_NAME}
          </span>
        </Link>
        <div style={{ flex: 1 }} />
        {access.canSeeProjects && screens.md && (
          <Input.Search
            aria-label="全局搜索"
            placeholder="搜索项目、系统、资源、文件"
            allowClear
            maxLength={50}
            style={{ maxWidth: 280 }}
            onSearch={(v) => v.trim() && navigate(`/search?q=${encodeURIComponent(v.trim())}`)}
          />
        )}
        {access.canSeeProjects && <NotificationBell />}
        <UserMenu />
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          theme="light"
          width={220}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          collapsedWidth={screens.md ? 80 : 0}
          style={{
            borderInlineEnd: collapsed && !screens.md ? 'none' : `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected}
            {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Content style={{ padding: screens.md ? '16px 24px 24px' : '12px 8px 16px', minWidth: 0 }}>
            <PageBreadcrumb />
            <Suspense fallback={<PageSpin />}>
              <Outlet context={LAYOUT_CONTEXT} />
            </Suspense>
          </Layout.Content>
          <Layout.Footer
            style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px' }}
          >
            {PLATFORM_NAME}
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
