import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useAction } from '../../../hooks/useAction.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import {
  approveOverride,
  decideDisbursement,
  getDisbursement,
  listDisbursements,
  recordConsent,
  requestOverride,
} from '../api.ts';
import { type DisbursementItem, type Gate, STATUS_LABELS } from '../types.ts';

function gateTag(g: Gate) {
  if (!g.applicable) return <Tag>不适用</Tag>;
  if (g.passed) return <Tag color="green">已满足</Tag>;
  if (g.overridden) return <Tag color="orange">已例外处理</Tag>;
  return <Tag color="red">未满足</Tag>;
}

/** One request: every gate of the rulebook with its result and article, and the actions on it. */
function DisbursementGates({ id, onChanged }: { id: string; onChanged: () => void }) {
  const [opinion, setOpinion] = useState('');
  const fetcher = useCallback((signal: AbortSignal) => getDisbursement(id, signal), [id]);
  const { data, error, reload } = useRequest(fetcher);
  const perform = useAction(() => {
    reload();
    onChanged();
  });
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data) return null;
  const act = (run: () => Promise<unknown>, done: string) => perform(done, run);
  const pending = data.disbursement.status === 'pending';
  return (
    <Card size="small">
      {data.blocked && pending && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title="存在未满足的拨付条件，不能同意拨付" />
      )}
      <Table
        size="small"
        rowKey="gateId"
        pagination={false}
        dataSource={data.gates}
        columns={[
          { title: '拨付条件', dataIndex: 'name' },
          { title: '结果', render: (_: unknown, g: Gate) => gateTag(g) },
          { title: '依据', dataIndex: 'citation' },
          {
            title: '性质',
            dataIndex: 'strength',
            render: (s: string) =>
              s === 'softened' ? <Tag color="gold">可例外（一般/原则上）</Tag> : <Tag>刚性</Tag>,
          },
          {
            title: '说明',
            render: (_: unknown, g: Gate) => (g.applicable ? g.reason : `本笔拨付不涉及：${g.name}`),
          },
          {
            title: '',
            render: (_: unknown, g: Gate) =>
              pending && g.blocking && g.strength === 'softened' ? (
                <Button
                  size="small"
                  onClick={() =>
                    act(
                      () => requestOverride(id, { gateId: g.gateId, reason: opinion || '见审批意见' }),
                      '已申请例外处理，待另一名财政人员复核',
                    )
                  }
                >
                  申请例外
                </Button>
              ) : null,
          },
        ]}
      />
      {data.consentRequired && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          局党组决定：
          {data.consent
            ? `${data.consent.decision === 'consent' ? '同意' : '不同意'}（${data.consent.organisation} ${data.consent.decidedByName}：${data.consent.opinion}）`
            : '尚未作出'}
        </Typography.Paragraph>
      )}
      {data.overrides.map((o) => (
        <Flex key={o.id} gap={8} align="center" style={{ marginTop: 4 }}>
          <Tag color="orange">例外 {o.article}</Tag>
          <span>
            {o.reason}（{o.requestedByName}申请
            {o.approvedByName ? `，${o.approvedByName}复核同意` : '，待复核'}）
          </span>
          {!o.approvedByName && pending && (
            <Button size="small" onClick={() => act(() => approveOverride(o.id), '已复核同意')}>
              复核同意
            </Button>
          )}
        </Flex>
      ))}
      {pending && (
        <Space wrap style={{ marginTop: 8 }}>
          <Input
            style={{ width: 280 }}
            placeholder="审批意见 / 理由"
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
          />
          <Button
            type="primary"
            disabled={data.blocked}
            onClick={() =>
              act(
                () =>
                  decideDisbursement(id, {
                    decision: 'approve',
                    opinion,
                    version: data.disbursement.version,
                  }),
                '已同意拨付',
              )
            }
          >
            同意拨付
          </Button>
          <Button
            danger
            onClick={() =>
              act(
                () =>
                  decideDisbursement(id, { decision: 'refuse', opinion, version: data.disbursement.version }),
                '已不予拨付',
              )
            }
          >
            不予拨付
          </Button>
          {data.consentRequired && !data.consent && (
            <>
              <Button
                onClick={() => act(() => recordConsent(id, { decision: 'consent', opinion }), '已记录同意')}
              >
                局党组同意
              </Button>
              <Button
                onClick={() => act(() => recordConsent(id, { decision: 'refuse', opinion }), '已记录不同意')}
              >
                局党组不同意
              </Button>
            </>
          )}
        </Space>
      )}
    </Card>
  );
}

/** 待审批 unless the URL says otherwise (the cockpit drills down here with ?status=approved); 全部 is `all`. */
const fetchQueue = (query: Record<string, string | number>, signal: AbortSignal) => {
  const { status = 'pending', ...rest } = query;
  return listDisbursements(status === 'all' ? rest : { ...rest, status }, signal);
};

const columns: TableColumnsType<DisbursementItem> = [
  {
    title: '项目',
    dataIndex: 'projectName',
    render: (name: string, d) => <Link to={`/funds/projects/${d.projectId}`}>{name}</Link>,
  },
  { title: '建设单位', dataIndex: 'department' },
  { title: '年度', dataIndex: 'year' },
  { title: '类别', dataIndex: 'kindLabel' },
  { title: '金额（元）', dataIndex: 'amount' },
  { title: '用途', dataIndex: 'purpose' },
  { title: '申请人', dataIndex: 'requestedByName' },
  { title: '状态', dataIndex: 'status', render: (s: string) => STATUS_LABELS[s] ?? s },
];

export default function DisbursementQueuePage() {
  const list = useListQuery(fetchQueue);
  return (
    <>
      <PageHeader
        title="资金拨付"
        description="拨付前逐项核验管理办法规定的拨付条件（依据条款）；刚性条款不得例外，“一般”“原则上”类条件须两名财政人员同意方可例外"
        extra={
          <Segmented
            value={list.params.filters.status ?? 'pending'}
            onChange={(v) => list.setFilters({ status: v === 'pending' ? undefined : String(v) })}
            options={[
              { value: 'pending', label: '待审批' },
              { value: 'approved', label: '已拨付' },
              { value: 'refused', label: '不予拨付' },
              { value: 'all', label: '全部' },
            ]}
          />
        }
      />
      <ListView<DisbursementItem>
        list={list}
        fields={[]}
        columns={columns}
        rowKey="id"
        table={{
          scroll: { x: 900 },
          expandable: { expandedRowRender: (d) => <DisbursementGates id={d.id} onChanged={list.reload} /> },
        }}
      />
    </>
  );
}
