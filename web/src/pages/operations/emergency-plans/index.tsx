import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { ops, type Plan } from '../api.ts';
import { ActionForm, type Field } from '../components/ActionForm.tsx';

const versionFields: Field[] = [
  { name: 'documentNumber', label: '文号', type: 'text', required: true },
  { name: 'summary', label: '主要内容', type: 'textarea', required: true },
  { name: 'adoptedOn', label: '印发日期', type: 'date', required: true },
  {
    name: 'contractorOrganisationId',
    label: '共同制定的承建单位',
    type: 'organisation',
    kinds: ['contractor'],
    extra: '朔城区（SC-29）、忻州（XZ-32）须与承建（项目建设）单位共同制定',
  },
];

type Dialog =
  | { kind: 'create' }
  | { kind: 'revise'; plan: Plan }
  | { kind: 'drill'; plan: Plan }
  | { kind: 'held'; plan: Plan; drill: Plan['drills'][number] };

/** 应急预案与演练：按部门或按系统制定，版本留存；演练计划与举行情况，逾期未演练标出。 */
export default function EmergencyPlans() {
  const { data, error, loading, reload } = useRequest(ops.plans);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  const form: {
    title: string;
    fields: Field[];
    submit: (v: Record<string, unknown>) => Promise<unknown>;
  } | null =
    dialog === null
      ? null
      : dialog.kind === 'create'
        ? {
            title: '制定应急预案',
            fields: [{ name: 'title', label: '预案名称', type: 'text', required: true }, ...versionFields],
            submit: (v) => ops.post('/emergency-plans', v),
          }
        : dialog.kind === 'revise'
          ? {
              title: `修订：${dialog.plan.title}`,
              fields: versionFields,
              submit: (v) =>
                ops.post(`/emergency-plans/${dialog.plan.id}/versions`, {
                  ...v,
                  version: dialog.plan.version,
                }),
            }
          : dialog.kind === 'drill'
            ? {
                title: `计划演练：${dialog.plan.title}`,
                fields: [
                  { name: 'plannedOn', label: '计划日期', type: 'date', required: true },
                  { name: 'scenario', label: '演练场景', type: 'textarea', required: true },
                ],
                submit: (v) => ops.post(`/emergency-plans/${dialog.plan.id}/drills`, v),
              }
            : {
                title: `登记演练：${dialog.drill.scenario}`,
                fields: [
                  { name: 'heldOn', label: '举行日期', type: 'date', required: true },
                  { name: 'participants', label: '参加单位与人员', type: 'textarea', required: true },
                  { name: 'findings', label: '发现的问题与改进', type: 'textarea', required: true },
                ],
                submit: (v) =>
                  ops.post(`/drills/${dialog.drill.id}/held`, { ...v, version: dialog.drill.version }),
              };
  return (
    <>
      <PageHeader
        title="应急预案与演练"
        description="安全事件应急预案及其版本，定期演练（DT-36、SC-29、XZ-32、JC-06）。计划演练逾期未举行的，列入督办。"
        extra={
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            制定预案
          </Button>
        }
      />
      {!loading && (data?.items.length ?? 0) === 0 && <Empty description="尚无应急预案" />}
      {(data?.items ?? []).map((plan) => (
        <Card
          key={plan.id}
          size="small"
          style={{ marginBottom: 16 }}
          title={`${plan.title}（第 ${plan.currentVersion} 版）`}
          extra={
            <Space>
              <Button size="small" onClick={() => setDialog({ kind: 'revise', plan })}>
                修订
              </Button>
              <Button size="small" onClick={() => setDialog({ kind: 'drill', plan })}>
                计划演练
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">
            {plan.organisationName}
            {plan.systemName ? ` · 系统：${plan.systemName}` : ' · 部门预案'}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="number"
            pagination={false}
            dataSource={plan.versions}
            columns={[
              { title: '版本', dataIndex: 'number' },
              { title: '文号', dataIndex: 'documentNumber' },
              { title: '印发日期', dataIndex: 'adoptedOn' },
              { title: '共同制定', dataIndex: 'contractorOrganisationName' },
              { title: '主要内容', dataIndex: 'summary' },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={plan.drills}
            locale={{ emptyText: '尚未计划演练' }}
            columns={[
              { title: '计划日期', dataIndex: 'plannedOn' },
              { title: '场景', dataIndex: 'scenario' },
              {
                title: '举行',
                render: (_, d) =>
                  d.heldOn ? (
                    `${d.heldOn}：${d.participants}`
                  ) : d.overdue ? (
                    <Tag color="red">逾期未举行</Tag>
                  ) : (
                    <Tag>待举行</Tag>
                  ),
              },
              { title: '发现', dataIndex: 'findings' },
              {
                title: '',
                render: (_, d) =>
                  !d.heldOn && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setDialog({ kind: 'held', plan, drill: d })}
                    >
                      登记举行
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      ))}
      {form && (
        <ActionForm
          open
          title={form.title}
          fields={form.fields}
          onSubmit={form.submit}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
    </>
  );
}
