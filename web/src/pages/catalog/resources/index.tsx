import { App, Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { codeOptions, type FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { formatDate } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listConflicts, listResources } from '../api.ts';
import { CatalogHeader, WithCatalogMeta } from '../components/CatalogPage.tsx';
import { NearDuplicates } from '../components/NearDuplicates.tsx';
import { labelOf } from '../logic.ts';
import type { CatalogMeta, NearDuplicate, ResourceAction, ResourceDetail, ResourceItem } from '../types.ts';
import { ActionModal } from './ActionModal.tsx';
import { ConflictNotices } from './ConflictNotices.tsx';
import { ResourceDrawer } from './ResourceDrawer.tsx';
import { ResourceForm } from './ResourceForm.tsx';

const STATE_COLORS: Record<string, string> = {
  registered: 'default',
  under_review: 'processing',
  published: 'success',
  withdrawn: 'warning',
};

const fetchOpenConflicts = (signal: AbortSignal) => listConflicts({ status: 'open' }, signal);

function ResourceCatalog({ meta }: { meta: CatalogMeta }) {
  const { message } = App.useApp();
  const [detailId, setDetailId] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [editing, setEditing] = useState<{ resource?: ResourceItem } | null>(null);
  const [acting, setActing] = useState<{ resource: ResourceItem; action: ResourceAction } | null>(null);
  const [nearDuplicates, setNearDuplicates] = useState<NearDuplicate[]>([]);

  const list = useListQuery(listResources, { noun: '个资源' });
  const reload = list.reload;
  const conflicts = useRequest(fetchOpenConflicts);

  const fields: FilterField[] = [
    { name: 'keyword', label: '按名称、代码、摘要搜索', type: 'text', width: 260 },
    { name: 'state', label: '状态', type: 'select', width: 120, options: codeOptions(meta.resourceStates) },
    {
      name: 'category',
      label: '资源分类',
      type: 'select',
      width: 150,
      options: codeOptions(meta.resourceCategories),
    },
    {
      name: 'sharing',
      label: '共享属性',
      type: 'select',
      width: 130,
      options: codeOptions(meta.sharingTypes),
    },
    {
      name: 'openness',
      label: '开放属性',
      type: 'select',
      width: 130,
      options: codeOptions(meta.opennessTypes),
    },
  ];

  const afterChange = (note: string) => (detail: ResourceDetail) => {
    setEditing(null);
    setActing(null);
    setNearDuplicates(detail.nearDuplicates);
    setRefreshKey((k) => k + 1);
    const opened = detail.conflicts.filter((c) => c.status === 'open').length;
    message.success(
      `${note}：${detail.resource.name}（${detail.resource.code}）${opened > 0 ? `，涉及 ${opened} 条一数一源提示` : ''}`,
    );
    reload();
    conflicts.reload();
  };

  const columns: TableColumnsType<ResourceItem> = [
    { title: '资源代码', dataIndex: 'code', width: 160 },
    {
      title: '资源名称',
      dataIndex: 'name',
      render: (name: string, r) => (
        <Typography.Link onClick={() => setDetailId(r.id)}>{name}</Typography.Link>
      ),
    },
    { title: '提供方', dataIndex: 'providerName', width: 180, ellipsis: true },
    {
      title: '状态',
      dataIndex: 'state',
      width: 90,
      render: (state: string) => <Tag color={STATE_COLORS[state]}>{labelOf(meta.resourceStates, state)}</Tag>,
    },
    {
      title: '格式',
      dataIndex: 'formatClass',
      width: 100,
      render: (f: string) => labelOf(meta.formatClasses, f),
    },
    { title: '共享', dataIndex: 'sharing', width: 110, render: (s: string) => labelOf(meta.sharingTypes, s) },
    {
      title: '开放',
      dataIndex: 'openness',
      width: 110,
      render: (o: string, r) => (r.classified ? <Tag color="red">涉密</Tag> : labelOf(meta.opennessTypes, o)),
    },
    { title: '信息项', key: 'items', width: 80, render: (_, r) => r.dataItems.length },
    {
      title: '更新周期',
      dataIndex: 'updateCycle',
      width: 90,
      render: (c: string) => labelOf(meta.updateCycles, c),
    },
    { title: '发布日期', dataIndex: 'publishedDate', width: 110, render: formatDate },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, r) => (
        <Space size="small" wrap>
          {r.canEdit && <Typography.Link onClick={() => setEditing({ resource: r })}>修改</Typography.Link>}
          {r.actions.map((action) => (
            <Typography.Link
              key={action}
              type={action === 'withdraw' || action === 'return' ? 'danger' : undefined}
              onClick={() => setActing({ resource: r, action })}
            >
              {labelOf(meta.resourceActions, action)}
            </Typography.Link>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <CatalogHeader
        title="信息资源目录"
        description="各部门注册本单位的信息资源，写明来源、格式、更新周期、共享和开放属性及信息项（DT-10、SC-09b），经主管部门审核后发布，必要时下架。重复登记的信息项按一数一源提示（SC-26）。"
        kind="resources"
        query={list.params.filters}
        canEdit={meta.me.canEdit}
        onImported={() => {
          reload();
          conflicts.reload();
        }}
        addLabel="注册资源"
        onAdd={() => setEditing({})}
      />
      {conflicts.data && <ConflictNotices conflicts={conflicts.data.items} compact />}
      <NearDuplicates items={nearDuplicates} noun="资源" />
      <Card variant="borderless">
        <ListView<ResourceItem>
          list={list}
          fields={fields}
          columns={columns}
          rowKey="id"
          table={{ size: 'middle' }}
        />
      </Card>
      <ResourceDrawer
        meta={meta}
        id={detailId}
        refreshKey={refreshKey}
        onClose={() => setDetailId(null)}
        onAction={(resource, action) => setActing({ resource, action })}
        onEdit={(resource) => setEditing({ resource })}
      />
      <ResourceForm
        meta={meta}
        resource={editing?.resource}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={afterChange(editing?.resource ? '已保存' : '已注册')}
      />
      <ActionModal
        meta={meta}
        target={acting}
        onClose={() => setActing(null)}
        onDone={afterChange(acting ? labelOf(meta.resourceActions, acting.action) : '已办理')}
      />
    </>
  );
}

/** 信息资源目录 (DT-10, SC-09b, XZ-08a, SC-26). */
export default function ResourcesPage() {
  return <WithCatalogMeta>{(meta) => <ResourceCatalog meta={meta} />}</WithCatalogMeta>;
}
