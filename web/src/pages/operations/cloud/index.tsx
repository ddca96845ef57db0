import { Button, Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { type CloudSummary, type IndustryCloud, LABELS, ops } from '../api.ts';
import { ActionForm } from '../components/ActionForm.tsx';

type Exemption = CloudSummary['exemptions'][number];

/**
 * 上云与运维移交：各部门系统上云情况（忻州只计市级政务云）、不上云申请审核、运维移交，行业云纳入市级政务云
 * 统一管理的计划与进度（XZ-08b、XZ-28、XZ-30）。
 */
export default function Cloud() {
  const { data, error, loading, reload } = useRequest(ops.cloud);
  const [deciding, setDeciding] = useState<Exemption | null>(null);
  const clouds = useRequest(ops.industryClouds);
  const [planning, setPlanning] = useState<IndustryCloud | null>(null);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title="上云与运维移交"
        description="上云为常态、不上云为例外：不上云须以法律法规规定或特殊保密要求为由，经主管部门审核；存量系统运维移交项目建设单位。申请、移交在“系统安全档案”中登记。"
      />
      <Card title="各部门上云情况" size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="organisationId"
          loading={loading}
          pagination={false}
          dataSource={data?.departments ?? []}
          columns={[
            { title: '部门', dataIndex: 'organisationName' },
            { title: '在用系统', dataIndex: 'systems' },
            { title: '已上政务云', dataIndex: 'onCloud' },
            { title: '批准不上云', dataIndex: 'exempt' },
            { title: '待审申请', dataIndex: 'pendingExemption' },
            {
              title: '待迁移',
              dataIndex: 'toMigrate',
              render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : 0),
            },
            { title: '已移交运维', dataIndex: 'handedOver' },
          ]}
        />
      </Card>
      <Card title="不上云申请" size="small">
        <Table<Exemption>
          rowKey="id"
          loading={loading}
          pagination={false}
          dataSource={data?.exemptions ?? []}
          columns={[
            { title: '系统', render: (_, r) => `${r.systemName}（${r.systemCode}）` },
            { title: '部门', dataIndex: 'organisationName' },
            { title: '理由', render: (_, r) => `${LABELS.ground[r.ground]}：${r.reason}` },
            { title: '申请人', dataIndex: 'requestedByName' },
            { title: '状态', dataIndex: 'status', render: (s: string) => LABELS.request[s] },
            { title: '审核意见', dataIndex: 'decisionNote' },
            {
              title: '',
              render: (_, r) =>
                r.status === 'requested' &&
                !r.mine && (
                  <Button type="link" size="small" onClick={() => setDeciding(r)}>
                    审核
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title="行业云纳入市级政务云统一管理（XZ-30）" size="small" style={{ marginTop: 16 }}>
        <Table<IndustryCloud>
          rowKey="systemId"
          loading={clouds.loading}
          pagination={false}
          dataSource={clouds.data?.items ?? []}
          locale={{ emptyText: '没有部署在行业云上的系统' }}
          columns={[
            { title: '系统', render: (_, r) => `${r.name}（${r.code}）` },
            { title: '部门', dataIndex: 'organisationName' },
            {
              title: '行业云',
              render: (_, r) => (r.cloudName ? `${r.cloudName}（${r.operatorName}）` : '—'),
            },
            {
              title: '进度',
              render: (_, r) =>
                r.unplanned ? (
                  <Tag color="red">未制定纳管计划</Tag>
                ) : (
                  <>
                    {LABELS.industryCloud[r.state ?? ''] ?? ''}
                    {r.overdue && (
                      <Tag color="red" style={{ marginLeft: 8 }}>
                        已逾期
                      </Tag>
                    )}
                  </>
                ),
            },
            { title: '计划完成', dataIndex: 'plannedBy', render: (d: string | null) => d ?? '—' },
            { title: '完成日期', dataIndex: 'completedOn', render: (d: string | null) => d ?? '—' },
            { title: '依据', render: (_, r) => r.articles.join('、') || '—' },
            {
              title: '',
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => setPlanning(r)}>
                  {r.id ? '更新进度' : '登记计划'}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {planning && (
        <ActionForm
          open
          title={`行业云纳管：${planning.name}`}
          initial={{
            cloudName: planning.cloudName ?? undefined,
            operatorName: planning.operatorName ?? undefined,
            state: planning.state ?? 'planned',
            plannedBy: planning.plannedBy ? dayjs(planning.plannedBy) : undefined,
            note: planning.note ?? undefined,
          }}
          fields={[
            { name: 'cloudName', label: '行业云名称', type: 'text', required: true },
            { name: 'operatorName', label: '运营单位', type: 'text', required: true },
            {
              name: 'state',
              label: '进度',
              type: 'select',
              required: true,
              options: Object.entries(LABELS.industryCloud).map(([value, label]) => ({ value, label })),
            },
            { name: 'plannedBy', label: '计划完成日期', type: 'date', required: true },
            { name: 'completedOn', label: '完成日期（已纳入时填写）', type: 'date' },
            { name: 'note', label: '说明', type: 'textarea' },
          ]}
          onSubmit={(v) =>
            ops.put(`/systems/${planning.systemId}/industry-cloud`, {
              ...v,
              ...(planning.version ? { version: planning.version } : {}),
            })
          }
          onClose={() => setPlanning(null)}
          onDone={() => {
            setPlanning(null);
            clouds.reload();
          }}
        />
      )}
      {deciding && (
        <ActionForm
          open
          title={`审核不上云申请：${deciding.systemName}`}
          fields={[
            {
              name: 'decision',
              label: '审核结果',
              type: 'select',
              required: true,
              options: [
                { value: 'approved', label: '同意不上云' },
                { value: 'rejected', label: '不同意' },
              ],
            },
            { name: 'note', label: '意见', type: 'textarea', required: true },
          ]}
          onSubmit={(v) =>
            ops.post(`/cloud-exemptions/${deciding.id}/decision`, { ...v, version: deciding.version })
          }
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            reload();
          }}
        />
      )}
    </>
  );
}
