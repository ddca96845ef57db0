import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType, Tag } from 'antd';
import type { RulebookSummary } from '../../api/types.ts';
import { ApiErrorResult } from '../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate } from '../../format.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { listRulebooks } from './api.ts';

const columns: TableColumnsType<RulebookSummary> = [
  { title: '代码', dataIndex: 'code', width: 100, render: (code: string) => <Tag color="blue">{code}</Tag> },
  { title: '名称', dataIndex: 'name' },
  { title: '版本', dataIndex: 'version', width: 120 },
  {
    title: '生效日期',
    dataIndex: 'effectiveFrom',
    width: 140,
    render: (value: string) => formatDate(value),
    sorter: (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom),
  },
];

/** 规则集: each jurisdiction's rules as versioned data with article citations. */
export default function RulebooksPage() {
  const { data, error, loading, reload } = useRequest(listRulebooks);

  return (
    <>
      <PageHeader
        title="规则集"
        description="各辖区依据本地管理办法形成的规则集：审核与备案主体、期限、资金闸口等，每条规则均注明出处条款。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
            刷新
          </Button>
        }
      />
      <Card variant="borderless">
        {error ? (
          <ApiErrorResult
            error={error}
            onRetry={reload}
            notFound={{
              title: '规则集暂未发布',
              subTitle: '规则集功能正在建设中，上线后将在此列出各辖区适用的规则集及其版本。',
            }}
          />
        ) : (
          <Table<RulebookSummary>
            rowKey={(r) => `${r.code}@${r.version}`}
            columns={columns}
            dataSource={data?.items}
            loading={loading}
            pagination={false}
          />
        )}
      </Card>
    </>
  );
}
