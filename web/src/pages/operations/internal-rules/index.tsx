import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { type InternalRules, ops } from '../api.ts';
import { ActionForm } from '../components/ActionForm.tsx';

type Dept = InternalRules['items'][number];

/** 部门内部管理制度（DT-05b）：各部门的九项全生命周期管理制度，文件与日期，缺项标出。 */
export default function InternalRulesPage() {
  const { data, error, loading, reload } = useRequest(ops.internalRules);
  const [editing, setEditing] = useState<{ dept: Dept; kind?: string } | null>(null);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  const labels = data?.labels ?? {};
  const current = editing?.kind ? editing.dept.rules.find((r) => r.kind === editing.kind) : undefined;
  return (
    <>
      <PageHeader
        title="部门内部管理制度"
        description="内部决策、立项申报、招标采购、建设管理、项目验收、系统应用、数据共享、信息安全、停用报废等全生命周期管理制度（DT-05b）。"
      />
      {!loading && (data?.items.length ?? 0) === 0 && (
        <Empty description="本辖区规则集未规定部门内部管理制度清单" />
      )}
      {(data?.items ?? []).map((dept) => (
        <Card
          key={dept.id}
          size="small"
          style={{ marginBottom: 16 }}
          title={dept.name}
          extra={
            <Space>
              {dept.missing.length > 0 ? (
                <Tag color="red">缺 {dept.missing.length} 项</Tag>
              ) : (
                <Tag color="green">齐全</Tag>
              )}
              <Button size="small" onClick={() => setEditing({ dept })}>
                登记制度
              </Button>
            </Space>
          }
        >
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={Object.keys(labels).map((kind) => ({
              kind,
              rule: dept.rules.find((r) => r.kind === kind),
            }))}
            columns={[
              { title: '环节', dataIndex: 'kind', render: (k: string) => labels[k] },
              {
                title: '制度文件',
                render: (_, r) =>
                  r.rule ? (
                    `${r.rule.title}${r.rule.documentNumber ? `（${r.rule.documentNumber}）` : ''}`
                  ) : (
                    <Tag color="red">缺</Tag>
                  ),
              },
              { title: '印发日期', render: (_, r) => r.rule?.issuedOn ?? '—' },
              {
                title: '',
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setEditing({ dept, kind: r.kind })}>
                    {r.rule ? '更新' : '登记'}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ))}
      {editing && (
        <ActionForm
          open
          title={`内部管理制度：${editing.dept.name}`}
          initial={{
            kind: editing.kind,
            title: current?.title,
            documentNumber: current?.documentNumber ?? undefined,
          }}
          fields={[
            {
              name: 'kind',
              label: '环节',
              type: 'select',
              required: true,
              options: Object.entries(labels).map(([value, label]) => ({ value, label })),
            },
            { name: 'title', label: '制度名称', type: 'text', required: true },
            { name: 'documentNumber', label: '文号', type: 'text' },
            { name: 'issuedOn', label: '印发日期', type: 'date', required: true },
          ]}
          onSubmit={(v) => {
            const existing = editing.dept.rules.find((r) => r.kind === v.kind);
            return ops.put('/internal-rules', {
              ...v,
              organisationId: editing.dept.id,
              ...(existing ? { version: existing.version } : {}),
            });
          }}
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
