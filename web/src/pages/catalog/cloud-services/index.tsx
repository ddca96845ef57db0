import { Alert, App, Button, Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { codeOptions, type FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { cloudBatch, listCloudServices } from '../api.ts';
import { CatalogHeader, WithCatalogMeta } from '../components/CatalogPage.tsx';
import { cloudApprovalText, labelOf } from '../logic.ts';
import type { CatalogMeta, CloudServiceItem } from '../types.ts';
import { CloudServiceForm } from './CloudServiceForm.tsx';

const STATUS_COLORS: Record<string, string> = { draft: 'gold', approved: 'blue', published: 'green' };
const price = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });

function CloudCatalog({ meta }: { meta: CatalogMeta }) {
  const { message } = App.useApp();
  const [selected, setSelected] = useState<CloudServiceItem[]>([]);
  const [editing, setEditing] = useState<{ item?: CloudServiceItem } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useListQuery(listCloudServices);
  const reload = list.reload;
  const managing = meta.me.manages || meta.me.approvesCloud;

  const batch = async (action: 'approve' | 'publish' | 'reopen', label: string) => {
    setBusy(action);
    try {
      const result = await cloudBatch(
        action,
        selected.map((s) => ({ id: s.id, version: s.version })),
      );
      message.success(`${label} ${result.items.length} 条`);
      setSelected([]);
      reload();
    } catch (e) {
      const apiError = asApiError(e);
      message.error(apiError.article ? `${apiError.message}（${apiError.article}）` : apiError.message);
    } finally {
      setBusy(null);
    }
  };

  const fields: FilterField[] = [
    { name: 'keyword', label: '按名称、规格、服务商搜索', type: 'text', width: 260 },
    {
      name: 'category',
      label: '服务类别',
      type: 'select',
      width: 120,
      options: codeOptions(meta.cloudServiceCategories),
    },
    ...(managing
      ? [
          {
            name: 'status',
            label: '状态',
            type: 'select',
            width: 120,
            options: codeOptions(meta.cloudStatuses),
          } satisfies FilterField,
        ]
      : []),
  ];

  const columns: TableColumnsType<CloudServiceItem> = [
    { title: '服务编码', dataIndex: 'code', width: 130 },
    {
      title: '类别',
      dataIndex: 'category',
      width: 80,
      render: (c: string) => <Tag>{labelOf(meta.cloudServiceCategories, c)}</Tag>,
    },
    { title: '服务名称', dataIndex: 'name', width: 170 },
    { title: '规格', dataIndex: 'spec', width: 160 },
    { title: '计量单位', dataIndex: 'unit', width: 100 },
    {
      title: '单价',
      dataIndex: 'unitPrice',
      width: 130,
      align: 'right',
      render: (p: number) => price.format(p),
    },
    { title: '服务商', dataIndex: 'provider', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 220,
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLORS[item.status]}>{labelOf(meta.cloudStatuses, item.status)}</Tag>
          {managing && item.status !== 'published' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {cloudApprovalText(item)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(meta.me.manages
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, item: CloudServiceItem) =>
              item.status === 'draft' ? (
                <Typography.Link onClick={() => setEditing({ item })}>修改</Typography.Link>
              ) : null,
          },
        ]
      : []),
  ];

  const actions = managing && (
    <Space wrap>
      <Typography.Text type="secondary">已选 {selected.length} 条</Typography.Text>
      {meta.me.approvesCloud && (
        <Button
          disabled={selected.length === 0}
          loading={busy === 'approve'}
          onClick={() => batch('approve', '已审定')}
        >
          审定
        </Button>
      )}
      {meta.me.manages && (
        <>
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={busy === 'publish'}
            onClick={() => batch('publish', '已发布')}
          >
            发布
          </Button>
          <Button
            disabled={selected.length === 0}
            loading={busy === 'reopen'}
            onClick={() => batch('reopen', '已撤回修订')}
          >
            撤回修订
          </Button>
        </>
      )}
    </Space>
  );

  return (
    <>
      <CatalogHeader
        title="云服务目录"
        description="政务云服务目录（IaaS、PaaS、SaaS，DT-13）：由主管部门编制，经审定（朔城区须会同财政部门，SC-12）后发布；项目须使用目录内的服务，不重复建设。"
        kind="cloud-services"
        query={list.params.filters}
        canEdit={meta.me.manages}
        onImported={reload}
        addLabel="新增条目"
        onAdd={() => setEditing({})}
      />
      {!managing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="以下为本辖区已发布的政务云服务目录。"
        />
      )}
      <Card variant="borderless">
        <ListView<CloudServiceItem>
          list={list}
          fields={fields}
          columns={columns}
          rowKey="id"
          extra={actions}
          table={{
            size: 'middle',
            rowSelection: managing
              ? { selectedRowKeys: selected.map((s) => s.id), onChange: (_, rows) => setSelected(rows) }
              : undefined,
          }}
        />
      </Card>
      <CloudServiceForm
        meta={meta}
        item={editing?.item}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={(item) => {
          setEditing(null);
          message.success(`已保存：${item.name} ${item.spec}（${item.code}），待审定`);
          reload();
        }}
      />
    </>
  );
}

/** 云服务目录 (DT-13, SC-12). */
export default function CloudServicesPage() {
  return <WithCatalogMeta>{(meta) => <CloudCatalog meta={meta} />}</WithCatalogMeta>;
}
