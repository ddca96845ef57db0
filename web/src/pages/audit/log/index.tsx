import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Dropdown,
  Space,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { roleLabel } from '../../../access.ts';
import { asApiError } from '../../../api/client.ts';
import { saveBlob } from '../../../api/download.ts';
import type { AuditEvent } from '../../../api/types.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { dash, formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { type ExportFormat, exportAudit, listAudit, verifyAudit } from './api.ts';
import { type AuditFilter, AuditFilters } from './components/AuditFilters.tsx';
import { objectTypeName, shortId } from './labels.ts';
import { outcomeDisplay } from './outcome.ts';

const columns: TableColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
  {
    title: '操作人',
    dataIndex: 'actorName',
    width: 160,
    render: (name: string | null, e) =>
      e.actorDisplayName ? (
        <>
          {e.actorDisplayName}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {name}
            </Typography.Text>
          </div>
        </>
      ) : (
        (name ?? '匿名')
      ),
  },
  {
    title: '角色',
    dataIndex: 'roleName',
    width: 130,
    // The server names the role in the jurisdiction's own wording; the generic label is the fallback.
    render: (_, e) => dash(e.roleName ?? roleLabel(e.role)),
  },
  { title: '单位', dataIndex: 'organisationName', width: 220, render: dash },
  {
    title: '操作',
    dataIndex: 'actionName',
    width: 200,
    render: (_, e) => (
      <>
        {e.actionName}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.action}
          </Typography.Text>
        </div>
      </>
    ),
  },
  {
    title: '对象',
    key: 'object',
    width: 200,
    render: (_, e) =>
      e.objectType ? (
        <>
          {objectTypeName(e.objectType)}
          {e.objectName ? `：${e.objectName} ` : ' '}
          {e.objectId && (
            <Typography.Text copyable={{ text: e.objectId }} type="secondary" title={e.objectId}>
              {shortId(e.objectId)}
            </Typography.Text>
          )}
        </>
      ) : (
        '—'
      ),
  },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 90,
    render: (outcome: string) => {
      const shown = outcomeDisplay(outcome);
      return <Tag color={shown.color}>{shown.text}</Tag>;
    },
  },
  { title: '来源 IP', dataIndex: 'sourceIp', width: 140, render: dash },
  {
    title: '请求编号',
    dataIndex: 'requestId',
    width: 150,
    render: (id: string | null) =>
      id ? (
        <Typography.Text copyable={{ text: id }} title={id}>
          {shortId(id)}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
];

/** 审计日志: read-only query of the security audit trail (audit_admin). */
export default function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });

  const fetcher = useCallback(
    (signal: AbortSignal) =>
      listAudit({ ...filter, limit: page.pageSize, offset: (page.current - 1) * page.pageSize }, signal),
    [filter, page],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
  const { message, modal } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [verifying, setVerifying] = useState(false);

  const onVerify = async () => {
    setVerifying(true);
    try {
      const r = await verifyAudit();
      if (r.ok)
        modal.success({
          title: '审计日志完整',
          content: `已校验 ${r.count} 条记录的 SM3 哈希链，未发现篡改、删除或插入。本次校验已记入审计日志。`,
        });
      else
        modal.error({
          title: '审计日志校验未通过',
          content: `第 ${r.firstBrokenId ?? '?'} 条起哈希链断裂：${r.reason ?? '原因未知'}。请立即保全数据库并报告安全管理员。`,
        });
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setVerifying(false);
    }
  };

  const onExport = async (format: ExportFormat) => {
    setExporting(true);
    try {
      const { blob, fileName } = await exportAudit(filter, format);
      saveBlob(blob, fileName);
      message.success('已导出；本次导出已记入审计日志');
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  const onSearch = (next: AuditFilter) => {
    setFilter(next);
    setPage((p) => ({ ...p, current: 1 }));
  };
  const onChange = (pagination: TablePaginationConfig) =>
    setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });

  return (
    <>
      <PageHeader
        title="审计日志"
        description="登录、授权变更、流程流转、导出等安全事件的记录。日志只读，不可修改或删除；每次查询和导出本身也会被记录。"
        extra={
          <Space wrap>
            <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void onVerify()}>
              校验日志完整性
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: '导出为 Excel' },
                  { key: 'csv', label: '导出为 CSV' },
                ],
                onClick: ({ key }) => onExport(key as ExportFormat),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exporting}>
                按当前条件导出
              </Button>
            </Dropdown>
          </Space>
        }
      />
      <Card variant="borderless">
        <AuditFilters onSearch={onSearch} loading={loading} />
        {error ? (
          <ApiErrorResult error={error} onRetry={reload} />
        ) : (
          <Table<AuditEvent>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items}
            loading={loading}
            onChange={onChange}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page.current,
              pageSize: page.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => `共 ${total} 条`,
            }}
          />
        )}
      </Card>
    </>
  );
}
