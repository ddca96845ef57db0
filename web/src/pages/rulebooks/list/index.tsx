import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { RulebookSummary } from '../../../api/types.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDate } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listRulebooks } from '../api.ts';

/** Where a version comes from, as a value enum. */
const ORIGIN = {
  builtIn: { text: '内置', color: 'blue' },
  derived: { text: '派生', color: 'purple' },
} as const;

const detailPath = (r: RulebookSummary) =>
  `/rulebooks/${encodeURIComponent(r.code)}${r.latest ? '' : `?version=${r.version}`}`;

const columns: TableColumnsType<RulebookSummary> = [
  {
    title: '代码',
    dataIndex: 'code',
    width: 110,
    render: (code: string, r) => (
      <Link to={detailPath(r)}>
        <Tag color="blue">{code}</Tag>
      </Link>
    ),
  },
  {
    title: '名称',
    dataIndex: 'name',
    render: (name: string, r) => (
      <>
        <Link to={detailPath(r)}>{name}</Link>
        <div>
          <Typography.Text type="secondary">《{r.regulationTitle}》</Typography.Text>
        </div>
      </>
    ),
  },
  {
    title: '适用辖区',
    dataIndex: 'jurisdictionName',
    width: 160,
    render: (name: string, r) => (
      <>
        {name} <Typography.Text type="secondary">{r.jurisdictionCode}</Typography.Text>
      </>
    ),
  },
  {
    title: '版本',
    dataIndex: 'version',
    width: 110,
    render: (version: number, r) => (
      <>
        第 {version} 版{r.latest && <Tag style={{ marginInlineStart: 8 }}>最新</Tag>}
      </>
    ),
  },
  {
    title: '来源',
    dataIndex: 'builtIn',
    width: 150,
    filters: [
      { text: ORIGIN.builtIn.text, value: true },
      { text: ORIGIN.derived.text, value: false },
    ],
    onFilter: (value, r) => r.builtIn === value,
    render: (builtIn: boolean, r) => {
      const origin = builtIn ? ORIGIN.builtIn : ORIGIN.derived;
      return (
        <>
          <Tag color={origin.color}>{origin.text}</Tag>
          {r.derivedFrom && (
            <Typography.Text type="secondary">
              自 {r.derivedFrom.code} 第 {r.derivedFrom.version} 版
            </Typography.Text>
          )}
        </>
      );
    },
  },
  {
    title: '生效日期',
    dataIndex: 'effectiveFrom',
    width: 130,
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
          <ApiErrorResult error={error} onRetry={reload} />
        ) : (
          <Table<RulebookSummary>
            rowKey={(r) => `${r.code}@${r.version}`}
            columns={columns}
            dataSource={data?.items}
            loading={loading}
            pagination={false}
            scroll={{ x: 900 }}
          />
        )}
      </Card>
    </>
  );
}
