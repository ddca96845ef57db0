import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Organisation } from '../../../api/types.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listJurisdictions, listOrganisations } from './api.ts';
import { OrganisationModal } from './OrganisationModal.tsx';

const distinct = <T,>(values: T[]) => [...new Set(values)];

/** 组织机构: the organisations of every jurisdiction (sys_admin): add and edit. */
export default function OrganisationsPage() {
  const { data, error, loading, reload } = useRequest(listOrganisations);
  const places = useRequest(listJurisdictions);
  const [keyword, setKeyword] = useState('');
  const [editing, setEditing] = useState<Organisation | null | 'new'>(null);

  const items = useMemo(() => data?.items ?? [], [data]);
  const names = useMemo(() => new Map(items.map((o) => [o.id, o.name])), [items]);
  const shown = useMemo(() => {
    const k = keyword.trim();
    return k ? items.filter((o) => o.name.includes(k)) : items;
  }, [items, keyword]);

  // Kinds are a value enum: filter on the code, show the server's Chinese name.
  const kinds = distinct(items.map((o) => o.kind)).map((kind) => ({
    value: kind,
    text: items.find((o) => o.kind === kind)?.kindName ?? kind,
  }));
  const jurisdictions = distinct(items.map((o) => o.jurisdictionId)).map((id) => ({
    value: id,
    text: items.find((o) => o.jurisdictionId === id)?.jurisdictionName ?? id,
  }));

  const columns: TableColumnsType<Organisation> = [
    {
      title: '单位名称',
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 180,
      filters: kinds,
      onFilter: (value, o) => o.kind === value,
      render: (_, o) => <Tag>{o.kindName}</Tag>,
    },
    {
      title: '所属辖区',
      dataIndex: 'jurisdictionId',
      width: 200,
      filters: jurisdictions,
      onFilter: (value, o) => o.jurisdictionId === value,
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
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
              刷新
            </Button>
          </Space>
        }
      />
      <Card variant="borderless">
        {error ? (
          <ApiErrorResult error={error} onRetry={reload} />
        ) : (
          <>
            <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
              <Input.Search
                allowClear
                placeholder="按单位名称搜索"
                onSearch={setKeyword}
                onChange={(e) => e.target.value === '' && setKeyword('')}
                style={{ maxWidth: 320 }}
                aria-label="按单位名称搜索"
              />
              <Typography.Text type="secondary">共 {shown.length} 个单位</Typography.Text>
            </Flex>
            <Table<Organisation>
              rowKey="id"
              columns={columns}
              dataSource={shown}
              loading={loading}
              pagination={{
                defaultPageSize: 20,
                showSizeChanger: true,
                showTotal: (total) => `共 ${total} 条`,
              }}
            />
          </>
        )}
      </Card>
      <OrganisationModal
        open={editing !== null}
        organisation={editing === 'new' ? null : editing}
        kinds={kinds.map((k) => ({ value: k.value, label: k.text }))}
        jurisdictions={(places.data?.items ?? []).map((j) => ({ value: j.id, label: j.name }))}
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
