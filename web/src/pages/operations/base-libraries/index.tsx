import { Button, Table } from 'antd';
import { useCallback, useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { type BaseLibrary, ops } from '../api.ts';
import { ActionForm } from '../components/ActionForm.tsx';

/** 六大基础资源库（DT-33）：作为目录资源的分组，写明责任单位；由主管部门维护。 */
export default function BaseLibraries() {
  const { data, error, loading, reload } = useRequest(ops.baseLibraries);
  const resources = useRequest(useCallback((signal: AbortSignal) => ops.responsibilities(signal), []));
  const [editing, setEditing] = useState<BaseLibrary | null>(null);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title="基础资源库"
        description="自然人、法人、空间地理信息、电子证照、社会信用、宏观经济六大基础资源库（DT-33）；其他辖区的规则集未规定。"
      />
      <Table<BaseLibrary>
        rowKey={(r) => `${r.jurisdictionId}-${r.kind}`}
        loading={loading}
        dataSource={data?.items ?? []}
        columns={[
          { title: '辖区', dataIndex: 'jurisdictionName' },
          { title: '基础库', dataIndex: 'label' },
          { title: '责任单位', dataIndex: 'responsibleOrganisationName', render: (n) => n ?? '未指定' },
          { title: '资源', render: (_, r) => r.resources.map((x) => x.name).join('、') || '—' },
          { title: '依据', render: (_, r) => r.articles.join('、') },
          {
            title: '',
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                维护
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <ActionForm
          open
          title={`维护：${editing.label}`}
          initial={{
            responsibleOrganisationId: editing.responsibleOrganisationId ?? undefined,
            resourceIds: editing.resources.map((r) => r.id),
          }}
          fields={[
            { name: 'responsibleOrganisationId', label: '责任单位', type: 'organisation', required: true },
            {
              name: 'resourceIds',
              label: '归入的信息资源',
              type: 'select',
              multiple: true,
              options: (resources.data?.items ?? []).map((r) => ({
                value: r.resourceId,
                label: `${r.name}（${r.code}）`,
              })),
            },
          ]}
          onSubmit={(v) =>
            ops.put(`/base-libraries/${editing.kind}`, {
              resourceIds: [],
              ...v,
              jurisdictionId: editing.jurisdictionId,
              ...(editing.version ? { version: editing.version } : {}),
            })
          }
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </>
  );
}
