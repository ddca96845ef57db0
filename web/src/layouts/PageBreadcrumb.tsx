import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb, type BreadcrumbProps } from 'antd';
import { Link, useMatches } from 'react-router-dom';
import { type CrumbHandle, isCrumbHandle } from '../crumbs.ts';

/** 工作台 / group / page, from the `handle` the route table puts on each matched route. */
export function PageBreadcrumb() {
  const crumbs = useMatches()
    .map((m) => m.handle)
    .filter(isCrumbHandle)
    .filter((h: CrumbHandle) => h.path !== '/');

  const items: BreadcrumbProps['items'] = [
    {
      key: '/',
      title:
        crumbs.length === 0 ? (
          <span>
            <HomeOutlined /> 工作台
          </span>
        ) : (
          <Link to="/">
            <HomeOutlined /> 工作台
          </Link>
        ),
    },
    ...crumbs.map((h, i) => ({
      key: h.path,
      title: h.isGroup || i === crumbs.length - 1 ? h.name : <Link to={h.path}>{h.name}</Link>,
    })),
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 16 }} />;
}
