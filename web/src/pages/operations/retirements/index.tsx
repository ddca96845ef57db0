import { Alert, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { LABELS, ops, type Retirement } from '../api.ts';
import { ActionForm } from '../components/ActionForm.tsx';

/**
 * 停用报废：申请 → 确认数据归档或迁移 → 主管部门审批；批准后系统退出在册总数（DT-01），所属资源下架。
 * 申请在“系统安全档案”中发起。
 */
export default function Retirements() {
  const { data, error, loading, reload } = useRequest(ops.retirements);
  const [dialog, setDialog] = useState<{ kind: 'confirm' | 'decide'; item: Retirement } | null>(null);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title="停用报废"
        description="系统停用报废须先确认数据已归档或迁移，经主管部门批准后退出在册系统总数（只减不增，DT-01），其已发布的信息资源随之下架。"
      />
      <Table<Retirement>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={[
          { title: '系统', render: (_, r) => `${r.systemName}（${r.systemCode}）` },
          { title: '部门', dataIndex: 'organisationName' },
          { title: '停用日期', dataIndex: 'retirementDate' },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '数据处置',
            render: (_, r) => (
              <Space>
                {`${LABELS.disposition[r.dataDisposition]}：${r.dataDestination}`}
                {r.dataConfirmedAt ? <Tag color="green">已确认</Tag> : <Tag color="orange">待确认</Tag>}
              </Space>
            ),
          },
          { title: '申请人', dataIndex: 'requestedByName' },
          {
            title: '状态',
            render: (_, r) =>
              `${LABELS.request[r.status]}${r.withdrawnResources ? `（下架资源 ${r.withdrawnResources} 项）` : ''}`,
          },
          {
            title: '',
            render: (_, r) =>
              r.status === 'requested' && (
                <Space>
                  {!r.dataConfirmedAt && (
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'confirm', item: r })}>
                      确认数据处置
                    </Button>
                  )}
                  {!r.mine && (
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'decide', item: r })}>
                      审批
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {dialog && (
        <ActionForm
          open
          title={
            dialog.kind === 'confirm'
              ? `确认数据已处置：${dialog.item.systemName}`
              : `审批停用报废：${dialog.item.systemName}`
          }
          notice={
            dialog.kind === 'confirm' ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={`确认系统数据已${LABELS.disposition[dialog.item.dataDisposition]}至：${dialog.item.dataDestination}`}
              />
            ) : undefined
          }
          fields={
            dialog.kind === 'confirm'
              ? []
              : [
                  {
                    name: 'decision',
                    label: '审批结果',
                    type: 'select',
                    required: true,
                    options: [
                      { value: 'approved', label: '批准停用报废' },
                      { value: 'rejected', label: '不予批准' },
                    ],
                  },
                  { name: 'note', label: '意见', type: 'textarea', required: true },
                ]
          }
          onSubmit={(v) =>
            dialog.kind === 'confirm'
              ? ops.post(`/retirements/${dialog.item.id}/data-confirmation`, { version: dialog.item.version })
              : ops.post(`/retirements/${dialog.item.id}/decision`, { ...v, version: dialog.item.version })
          }
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
