import { App, Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { codeOptions, type FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listSystems } from '../api.ts';
import { CatalogHeader, WithCatalogMeta } from '../components/CatalogPage.tsx';
import { NearDuplicates } from '../components/NearDuplicates.tsx';
import { labelOf, labelsOf } from '../logic.ts';
import type { CatalogMeta, NearDuplicate, SystemItem } from '../types.ts';
import { RetireModal } from './RetireModal.tsx';
import { SystemDrawer } from './SystemDrawer.tsx';
import { SystemForm } from './SystemForm.tsx';

const STATUS_COLORS: Record<string, string> = {
  in_operation: 'green',
  under_construction: 'blue',
  suspended: 'orange',
  retired: 'default',
};

function SystemCatalog({ meta }: { meta: CatalogMeta }) {
  const { message } = App.useApp();
  const [detailId, setDetailId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ system?: SystemItem } | null>(null);
  const [retiring, setRetiring] = useState<SystemItem | null>(null);
  const [nearDuplicates, setNearDuplicates] = useState<NearDuplicate[]>([]);

  const list = useListQuery(listSystems, { noun: '个系统' });
  const reload = list.reload;
  const candidates = useCallback(
    (signal: AbortSignal) => listSystems({ limit: 500, status: 'in_operation' }, signal),
    [],
  );
  const merge = useRequest(candidates);

  const fields: FilterField[] = [
    { name: 'keyword', label: '按名称、编码、功能搜索', type: 'text', width: 260 },
    {
      name: 'status',
      label: '系统状态',
      type: 'select',
      width: 130,
      options: codeOptions(meta.systemStatuses),
    },
    {
      name: 'deployment',
      label: '部署方式',
      type: 'select',
      width: 140,
      options: codeOptions(meta.deployments),
    },
    {
      name: 'cloudMigration',
      label: '上云状态',
      type: 'select',
      width: 150,
      options: codeOptions(meta.cloudMigrationStatuses),
    },
    ...(meta.me.organisations.length > 1
      ? [
          {
            name: 'ownerOrganisationId',
            label: '责任部门',
            type: 'select',
            width: 220,
            searchable: true,
            options: meta.me.organisations.map((o) => ({ value: o.id, label: o.name })),
          } satisfies FilterField,
        ]
      : []),
  ];

  const columns: TableColumnsType<SystemItem> = [
    { title: '系统编码', dataIndex: 'code', width: 130 },
    {
      title: '系统名称',
      dataIndex: 'name',
      render: (name: string, s) => (
        <Typography.Link onClick={() => setDetailId(s.id)}>
          {name}
          {s.mergedInto && <Typography.Text type="secondary">（已并入 {s.mergedIntoName}）</Typography.Text>}
        </Typography.Link>
      ),
    },
    { title: '责任部门', dataIndex: 'ownerOrganisationName', width: 180, ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: string) => (
        <Tag color={STATUS_COLORS[status]}>{labelOf(meta.systemStatuses, status)}</Tag>
      ),
    },
    {
      title: '部署方式',
      dataIndex: 'deployment',
      width: 110,
      render: (d: string) => labelOf(meta.deployments, d),
    },
    { title: '网络', dataIndex: 'networks', width: 150, render: (n: string[]) => labelsOf(meta.networks, n) },
    { title: '等保', dataIndex: 'mlpsLevel', width: 70, render: (l: number | null) => (l ? `${l} 级` : '—') },
    {
      title: '上云',
      dataIndex: 'cloudMigration',
      width: 120,
      render: (c: string) => (
        <Tag color={c === 'migrated' ? 'green' : c === 'exempt' ? 'purple' : 'gold'}>
          {labelOf(meta.cloudMigrationStatuses, c)}
        </Tag>
      ),
    },
    {
      title: '共享',
      dataIndex: 'sharedOnPlatform',
      width: 90,
      render: (shared: boolean, s) => (shared ? `${s.sharedResourceCount} 个` : '未接入'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, s) =>
        s.canEdit ? (
          <Space size="small">
            <Typography.Link onClick={() => setEditing({ system: s })}>修改</Typography.Link>
            <Typography.Link type="danger" onClick={() => setRetiring(s)}>
              报废/并入
            </Typography.Link>
          </Space>
        ) : null,
    },
  ];

  const saved = (note: string) => (detail: { system: SystemItem; nearDuplicates: NearDuplicate[] }) => {
    setEditing(null);
    setRetiring(null);
    setNearDuplicates(detail.nearDuplicates);
    message.success(`${note}：${detail.system.name}（${detail.system.code}）`);
    reload();
    merge.reload();
  };

  return (
    <>
      <CatalogHeader
        title="系统目录"
        description="政务信息系统目录（SC-10）：各部门登记、维护本单位的系统，主管部门查看并更正本辖区全部系统。系统总量只减不增，报废或并入须登记日期（DT-01）。"
        kind="systems"
        query={list.params.filters}
        canEdit={meta.me.canEdit}
        onImported={reload}
        addLabel="登记系统"
        onAdd={() => setEditing({})}
      />
      <NearDuplicates items={nearDuplicates} noun="系统" />
      <Card variant="borderless">
        <ListView<SystemItem>
          list={list}
          fields={fields}
          columns={columns}
          rowKey="id"
          table={{ size: 'middle' }}
        />
      </Card>
      <SystemDrawer meta={meta} id={detailId} onClose={() => setDetailId(null)} />
      <SystemForm
        meta={meta}
        system={editing?.system}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={saved(editing?.system ? '已保存' : '已登记')}
      />
      <RetireModal
        system={retiring}
        candidates={merge.data?.items ?? []}
        onClose={() => setRetiring(null)}
        onSaved={saved('已报废')}
      />
    </>
  );
}

/** 系统目录 (SC-10, XZ-08b, XZ-28, XZ-30, DT-01). */
export default function SystemsPage() {
  return <WithCatalogMeta>{(meta) => <SystemCatalog meta={meta} />}</WithCatalogMeta>;
}
