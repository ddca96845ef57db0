import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import {
  type BoardRow,
  exportUrl,
  extendObligation,
  listObligations,
  type ObligationFilters,
  type ObligationItem,
  obligationBoard,
  STATE_LABELS,
  UNIT_LABELS,
  waiveObligation,
} from '../../../api/obligations.ts';
import { useMe } from '../../../auth/context.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { obligationStatusColumns } from '../../../components/obligationColumns.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';

/**
 * The list's filters as the server takes them: `state` defaults to live (未办结) and `overdue=1` is
 * the cockpit's drill-down to overdue ones.
 */
const toServer = (query: Record<string, string | number>): ObligationFilters => {
  const { overdue, state = 'live', ...rest } = query;
  return { ...rest, state, ...(overdue === '1' ? { overdue: true } : {}) } as ObligationFilters;
};
const fetchObligations = (query: Record<string, string | number>, signal: AbortSignal) =>
  listObligations(toServer(query), signal);

type Decision = { kind: 'extend' | 'waive'; item: ObligationItem } | null;

/** 督办看板: open and overdue obligations by department and kind, the list with due dates, export. */
export default function SupervisionPage() {
  const me = useMe();
  const { message } = App.useApp();
  // The cockpit drills down here with kind, holderOrganisationId and overdue=1 in the URL.
  const list = useListQuery(fetchObligations, { noun: '项' });
  const filters = list.params.filters;
  const [decision, setDecision] = useState<Decision>(null);
  const [form] = Form.useForm();
  const isAuthority = me.roles.some((r) => r.role === 'authority_reviewer' || r.role === 'authority_leader');

  const board = useRequest(useCallback((signal: AbortSignal) => obligationBoard({}, signal), []));
  const reload = () => {
    board.reload();
    list.reload();
  };

  const kinds = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of board.data?.rows ?? []) m.set(r.kind, r.title);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [board.data]);
  const holders = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of board.data?.rows ?? []) m.set(r.holderOrganisationId, r.holderName);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [board.data]);
  const fields: FilterField[] = [
    { name: 'kind', label: '类别', type: 'select', width: 240, options: kinds },
    { name: 'holderOrganisationId', label: '承担单位', type: 'select', width: 200, options: holders },
  ];

  const boardColumns: TableColumnsType<BoardRow> = [
    { title: '承担单位', dataIndex: 'holderName' },
    { title: '义务', dataIndex: 'title' },
    { title: '待履行', dataIndex: 'live', width: 90 },
    {
      title: '逾期',
      dataIndex: 'overdue',
      width: 80,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: '已履行', dataIndex: 'met', width: 90 },
    { title: '其中逾期履行', dataIndex: 'metLate', width: 120 },
    { title: '豁免', dataIndex: 'waived', width: 70 },
  ];

  const columns: TableColumnsType<ObligationItem> = [
    {
      title: '项目',
      dataIndex: 'projectName',
      width: 180,
      render: (_: unknown, o) =>
        o.projectId ? (
          <>
            <Link to={`/projects/${o.projectId}`}>{o.projectName}</Link>
            <div>
              <Typography.Text type="secondary">{o.projectCode}</Typography.Text>
            </div>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: '义务',
      dataIndex: 'title',
      // `ref` is the engine's idempotency key (an id or 'grading:2024-01-10'), not for people.
      render: (t: string, o) => (o.link ? <Link to={o.link}>{t}</Link> : t),
    },
    { title: '依据', dataIndex: 'articles', width: 100, render: (a: string[]) => a.join('、') },
    { title: '承担单位', dataIndex: 'holderName', width: 160 },
    {
      title: '期限',
      width: 150,
      render: (_: unknown, o) => `${o.anchorDate} 起 ${o.amount} ${UNIT_LABELS[o.unit]}`,
    },
    {
      title: '到期日',
      dataIndex: 'dueDate',
      width: 120,
      render: (d: string | null, o) =>
        d ?? (
          <Tooltip title={`${o.unknownYears.join('、')} 年节假日安排尚未录入，到期日暂不能确定`}>
            <Tag color="warning">日历未知</Tag>
          </Tooltip>
        ),
    },
    ...obligationStatusColumns,
    ...(isAuthority
      ? [
          {
            title: '操作',
            width: 130,
            render: (_: unknown, o: ObligationItem) =>
              ['open', 'extended', 'overdue'].includes(o.state) ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setDecision({ kind: 'extend', item: o })}>
                    延期
                  </Button>
                  <Button size="small" onClick={() => setDecision({ kind: 'waive', item: o })}>
                    豁免
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  const submitDecision = async () => {
    if (!decision) return;
    const values = (await form.validateFields()) as { until?: Dayjs; reason: string };
    try {
      if (decision.kind === 'extend') {
        await extendObligation(decision.item.id, {
          until: values.until!.format('YYYY-MM-DD'),
          reason: values.reason,
          version: decision.item.version,
        });
        message.success('已批准延期');
      } else {
        await waiveObligation(decision.item.id, { reason: values.reason, version: decision.item.version });
        message.success('已豁免');
      }
      setDecision(null);
      form.resetFields();
      reload();
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };

  const totals = board.data?.totals;
  return (
    <>
      <PageHeader
        title="督办看板"
        description="各单位承担的法定期限义务：到期日按工作日（节假日与调休）计算，逾期由平台每日巡检标记并提醒。"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl(toServer(filters))}>
              导出台账
            </Button>
          </Space>
        }
      />
      {board.error ? (
        <ApiErrorResult error={board.error} onRetry={board.reload} />
      ) : (
        <Card size="small" title="按单位和类别统计" style={{ marginBottom: 16 }}>
          <Space size={48} style={{ marginBottom: 12 }}>
            <Statistic title="待履行" value={totals?.live ?? 0} />
            <Statistic title="已逾期" value={totals?.overdue ?? 0} valueStyle={{ color: '#cf1322' }} />
            <Statistic title="已履行" value={totals?.met ?? 0} />
          </Space>
          <Table
            size="small"
            rowKey={(r) => `${r.holderOrganisationId}:${r.kind}`}
            loading={board.loading}
            dataSource={board.data?.rows ?? []}
            columns={boardColumns}
            pagination={false}
            onRow={(r) => ({
              onClick: () => list.setFilters({ holderOrganisationId: r.holderOrganisationId, kind: r.kind }),
              style: { cursor: 'pointer' },
            })}
          />
        </Card>
      )}
      <Card size="small" title="义务清单">
        <ListView<ObligationItem>
          list={list}
          fields={fields}
          columns={columns}
          rowKey="id"
          table={{ size: 'small' }}
          extra={
            <Space wrap>
              {filters.projectId && (
                <Tag closable onClose={() => list.setFilters({ projectId: undefined })}>
                  仅本项目
                </Tag>
              )}
              <Select
                style={{ width: 120 }}
                value={filters.state ?? 'live'}
                onChange={(v) => list.setFilters({ state: v === 'live' ? undefined : v })}
                options={[
                  { value: 'live', label: '未办结' },
                  ...Object.entries(STATE_LABELS).map(([value, l]) => ({ value, label: l.text })),
                ]}
              />
              <Space>
                <Switch
                  checked={filters.overdue === '1'}
                  onChange={(v) => list.setFilters({ overdue: v ? '1' : undefined })}
                />
                仅看逾期
              </Space>
            </Space>
          }
        />
      </Card>
      <FormModal
        open={decision !== null}
        title={
          decision?.kind === 'extend'
            ? `批准延期：${decision.item.title}`
            : `豁免：${decision?.item.title ?? ''}`
        }
        form={form}
        onOk={submitDecision}
        onClose={() => setDecision(null)}
      >
        {decision?.kind === 'extend' && (
          <Form.Item name="until" label="延期至" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
