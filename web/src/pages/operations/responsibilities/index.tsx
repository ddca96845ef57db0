import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { LABELS, ops, type Responsibility } from '../api.ts';
import { ActionForm } from '../components/ActionForm.tsx';

/** 数据质量责任：每项资源写明采集、校核、主管（提供）单位（DT-34 谁采集谁负责；JC-06 谁主管谁提供谁负责）。 */
export default function Responsibilities() {
  const { data, error, loading, reload } = useRequest(ops.responsibilities);
  const [editing, setEditing] = useState<Responsibility | null>(null);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title="数据质量责任"
        description="信息资源的采集、校核与责任单位，按本辖区规则集的原则逐项登记，缺项标出。"
      />
      <Table<Responsibility>
        rowKey="resourceId"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={[
          { title: '资源', render: (_, r) => `${r.name}（${r.code}）` },
          { title: '提供单位', dataIndex: 'providerOrganisationName' },
          { title: '采集单位', dataIndex: 'collectorOrganisationName' },
          { title: '校核单位', dataIndex: 'checkerOrganisationName' },
          { title: '主管（提供）责任单位', dataIndex: 'responsibleOrganisationName' },
          {
            title: '原则',
            render: (_, r) => (r.principle ? `${r.principle}（${r.articles.join('、') || '—'}）` : '—'),
          },
          {
            title: '缺项',
            render: (_, r) =>
              r.missing.map((m) => (
                <Tag color="red" key={m}>
                  {LABELS.role[m]}
                </Tag>
              )),
          },
          {
            title: '',
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                登记
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <ActionForm
          open
          title={`数据质量责任：${editing.name}`}
          initial={{
            collectorOrganisationId: editing.collectorOrganisationId ?? undefined,
            checkerOrganisationId: editing.checkerOrganisationId ?? undefined,
            providerOrganisationId: editing.responsibleOrganisationId ?? undefined,
            usageNote: editing.usageNote ?? undefined,
          }}
          fields={[
            {
              name: 'collectorOrganisationId',
              label: '采集单位',
              type: 'organisation',
              required: editing.required.includes('collector'),
            },
            {
              name: 'checkerOrganisationId',
              label: '校核单位',
              type: 'organisation',
              required: editing.required.includes('checker'),
            },
            {
              name: 'providerOrganisationId',
              label: '主管（提供）责任单位',
              type: 'organisation',
              required: editing.required.includes('provider'),
            },
            { name: 'usageNote', label: '共享使用责任', type: 'textarea' },
          ]}
          onSubmit={(v) =>
            ops.put(`/resources/${editing.resourceId}/responsibility`, {
              ...v,
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
