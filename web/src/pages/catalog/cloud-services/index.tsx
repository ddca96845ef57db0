import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageSpin } from '../../../components/FullPageSpin.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { cloudBatch, listCloudServices } from '../api.ts';
import { TransferButtons } from '../components/TransferButtons.tsx';
import { cloudApprovalText, labelOf } from '../logic.ts';
import type { CatalogMeta, CloudServiceItem } from '../types.ts';
import { useCatalogMeta } from '../useCatalogMeta.ts';
import { CloudServiceForm } from './CloudServiceForm.tsx';

const STATUS_COLORS: Record<string, string> = { draft: 'gold', approved: 'blue', published: 'green' };
const price = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });

interface Filter {
  keyword?: string;
  category?: string;
  status?: string;
}

function CloudCatalog({ meta }: { meta: CatalogMeta }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({});
  const [selected, setSelected] = useState<CloudServiceItem[]>([]);
  const [editing, setEditing] = useState<{ item?: CloudServiceItem } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const query = useMemo(() => ({ ...filter }), [filter]);
  const fetcher = useCallback(
    (signal: AbortSignal) => listCloudServices({ ...query, limit: 500 }, signal),
    [query],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
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

  return (
    <>
      <PageHeader
        title="云服务目录"
        description="政务云服务目录（IaaS、PaaS、SaaS，DT-13）：由主管部门编制，经审定（朔城区须会同财政部门，SC-12）后发布；项目须使用目录内的服务，不重复建设。"
        extra={
          <Space wrap>
            <TransferButtons
              kind="cloud-services"
              query={query}
              canImport={meta.me.manages}
              onImported={reload}
            />
            {meta.me.manages && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                新增条目
              </Button>
            )}
          </Space>
        }
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
        <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap>
            <Input.Search
              allowClear
              placeholder="按名称、规格、服务商搜索"
              aria-label="按名称、规格、服务商搜索"
              style={{ width: 260 }}
              onSearch={(keyword) => setFilter((f) => ({ ...f, keyword: keyword || undefined }))}
            />
            <Select
              allowClear
              placeholder="服务类别"
              style={{ width: 120 }}
              options={meta.cloudServiceCategories.map((c) => ({ value: c.code, label: c.label }))}
              onChange={(category) => setFilter((f) => ({ ...f, category }))}
            />
            {managing && (
              <Select
                allowClear
                placeholder="状态"
                style={{ width: 120 }}
                options={meta.cloudStatuses.map((c) => ({ value: c.code, label: c.label }))}
                onChange={(status) => setFilter((f) => ({ ...f, status }))}
              />
            )}
          </Flex>
          {managing && (
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
          )}
        </Flex>
        {error ? (
          <ApiErrorResult error={error} onRetry={reload} />
        ) : (
          <Table<CloudServiceItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items}
            loading={loading}
            scroll={{ x: 'max-content' }}
            rowSelection={
              managing
                ? { selectedRowKeys: selected.map((s) => s.id), onChange: (_, rows) => setSelected(rows) }
                : undefined
            }
            pagination={{
              defaultPageSize: 20,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
            }}
          />
        )}
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
  const { data, error, reload } = useCatalogMeta();
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data) return <PageSpin />;
  return <CloudCatalog meta={data} />;
}
