import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Organisation } from '../../../api/types.ts';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listDirectory, listJurisdictions, listOrganisations } from './api.ts';
import { OrganisationModal } from './OrganisationModal.tsx';

const distinct = <T,>(values: T[]) => [...new Set(values)];

/**
 * 组织机构: the organisations of every jurisdiction (sys_admin): add and edit. The table is a page
 * from the server (按单位名称 q, 类型 kind, 所属辖区 jurisdictionId and the sort in the URL); the
 * whole directory, as every selector loads it, gives the kinds, the parents' names and the parent
 * selector of the form.
 */
export default function OrganisationsPage() {
  const list = useListQuery(listOrganisations, { noun: '个单位' });
  const directory = useRequest(listDirectory);
  const places = useRequest(listJurisdictions);
  const [editing, setEditing] = useState<Organisation | null | 'new'>(null);
  const reload = () => {
    list.reload();
    directory.reload();
  };

  const items = useMemo(() => directory.data?.items ?? [], [directory.data]);
  const names = useMemo(() => new Map(items.map((o) => [o.id, o.name])), [items]);
  // Kinds are a value enum: filter on the code, show the server's Chinese name.
  const kinds = distinct(items.map((o) => o.kind)).map((kind) => ({
    value: kind,
    label: items.find((o) => o.kind === kind)?.kindName ?? kind,
  }));
  const jurisdictions = (places.data?.items ?? []).map((j) => ({ value: j.id, label: j.name }));
  const fields: FilterField[] = [
    { name: 'q', label: '按单位名称搜索', type: 'text', width: 320 },
    { name: 'kind', label: '类型', type: 'select', width: 180, options: kinds },
    { name: 'jurisdictionId', label: '所属辖区', type: 'select', width: 200, options: jurisdictions },
  ];

  const columns: TableColumnsType<Organisation> = [
    {
      title: '单位名称',
      dataIndex: 'name',
      sorter: true,
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 180,
      render: (_, o) => <Tag>{o.kindName}</Tag>,
    },
    {
      title: '所属辖区',
      dataIndex: 'jurisdictionId',
      width: 200,
      render: (_, o) => o.jurisdictionName,
    },
    {
      title: '上级单位',
      dataIndex: 'parentId',
      render: (parentId: string | null) =>
        parentId ? (names.get(parentId) ?? parentId) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, o) => (
        <Button size="small" type="link" onClick={() => setEditing(o)}>
          修改
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="组织机构"
        description="各辖区的主管部门、审批部门、财政部门、领导机构、建设单位及承建、监理、评估机构。"
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增单位
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={list.loading}>
              刷新
            </Button>
          </Space>
        }
      />
      <Card variant="borderless">
        <ListView<Organisation> list={list} fields={fields} columns={columns} rowKey="id" />
      </Card>
      <OrganisationModal
        open={editing !== null}
        organisation={editing === 'new' ? null : editing}
        kinds={kinds}
        jurisdictions={jurisdictions}
        organisations={items}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          reload();
        }}
      />
    </>
  );
}
