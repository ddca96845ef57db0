import { Alert, Button, Descriptions, Drawer, Flex, Segmented, Table, Tag, Timeline } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { fmtTime, type Incident, LABELS, ops } from '../api.ts';
import { ActionForm, type Field } from '../components/ActionForm.tsx';

type Detail = Awaited<ReturnType<typeof ops.incident>>;
type Dialog = 'create' | 'handling' | 'report' | 'correction' | 'filing' | 'close';

const flags = (i: Incident) => (
  <>
    {i.reportOverdue && <Tag color="red">逾期未报告</Tag>}
    {i.authorityFilingMissing && <Tag color="orange">待向主管部门报备</Tag>}
    {i.status === 'closed' && <Tag>已办结</Tag>}
  </>
);

/** 安全事件：级别、所涉系统、处置时间线、报告与报备；已登记内容不可修改，更正以追加记录方式。 */
export default function Incidents() {
  // The cockpit drills down here with ?status=open&organisationId=….
  const [search] = useSearchParams();
  const organisationId = search.get('organisationId') ?? undefined;
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>(
    search.get('status') === 'closed' ? 'closed' : 'open',
  );
  const fetcher = useCallback(
    (signal: AbortSignal) =>
      ops.incidents({ status: status === 'all' ? undefined : status, organisationId, limit: 100 }, signal),
    [status, organisationId],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const open = async (id: string) => setDetail(await ops.incident(id));
  const systems = useSystemsOptions();
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  const forms: Record<
    Dialog,
    { title: string; fields: Field[]; submit: (v: Record<string, unknown>) => Promise<unknown> }
  > = {
    create: {
      title: '登记安全事件',
      fields: [
        { name: 'title', label: '事件', type: 'text', required: true },
        { name: 'description', label: '经过', type: 'textarea', required: true },
        {
          name: 'incidentClass',
          label: '级别',
          type: 'select',
          required: true,
          options: Object.entries(LABELS.incidentClass).map(([value, label]) => ({ value, label })),
        },
        { name: 'foundAt', label: '发现时间', type: 'datetime', required: true },
        {
          name: 'systemIds',
          label: '所涉系统',
          type: 'select',
          multiple: true,
          required: true,
          options: systems,
        },
        { name: 'criticalInfrastructure', label: '涉及关键信息基础设施', type: 'switch' },
        {
          name: 'cause',
          label: '原因',
          type: 'select',
          options: Object.entries(LABELS.cause).map(([value, label]) => ({ value, label })),
          extra: '忻州（XZ-31）：弱口令、密码被盗由使用单位担责，技术原因由建设单位担责',
        },
      ],
      submit: (v) => ops.post('/incidents', v),
    },
    handling: {
      title: '追加处置记录',
      fields: [
        { name: 'at', label: '时间', type: 'datetime', required: true },
        { name: 'text', label: '处置情况', type: 'textarea', required: true },
      ],
      submit: (v) => ops.post(`/incidents/${detail?.incident.id}/entries`, { ...v, kind: 'handling' }),
    },
    report: {
      title: `报告（${detail?.reportTo ?? '按照规定向有关部门报告'}）`,
      fields: [
        { name: 'recipient', label: '报告对象', type: 'text', required: true },
        { name: 'at', label: '报告时间', type: 'datetime', required: true },
        { name: 'text', label: '报告内容', type: 'textarea', required: true },
      ],
      submit: (v) => ops.post(`/incidents/${detail?.incident.id}/entries`, { ...v, kind: 'report' }),
    },
    correction: {
      title: '追加更正（原记录保留）',
      fields: [
        {
          name: 'correctsEntryId',
          label: '更正的记录',
          type: 'select',
          required: true,
          options: (detail?.entries ?? []).map((e) => ({
            value: e.id,
            label: `#${e.seq} ${LABELS.entry[e.kind]}：${e.text.slice(0, 30)}`,
          })),
        },
        { name: 'at', label: '时间', type: 'datetime', required: true },
        { name: 'text', label: '更正内容', type: 'textarea', required: true },
      ],
      submit: (v) => ops.post(`/incidents/${detail?.incident.id}/entries`, { ...v, kind: 'correction' }),
    },
    filing: {
      title: detail?.authorityFilingWording ?? '向主管部门报备',
      fields: [
        { name: 'at', label: '报备时间', type: 'datetime', required: true },
        { name: 'text', label: '报备内容（处置情况和相关记录）', type: 'textarea', required: true },
      ],
      submit: (v) => ops.post(`/incidents/${detail?.incident.id}/filing`, v),
    },
    close: {
      title: '处置完毕',
      fields: [{ name: 'text', label: '处置结果', type: 'textarea', required: true }],
      submit: (v) =>
        ops.post(`/incidents/${detail?.incident.id}/close`, { ...v, version: detail?.incident.version }),
    },
  };
  const form = dialog ? forms[dialog] : null;
  return (
    <>
      <PageHeader
        title="安全事件"
        description="报告时限：较大及以上 4 小时，关键信息基础设施 1 小时；大同须同时向市政务信息化主管部门报备（DT-36），朔城区、忻州按照规定向有关部门报告（SC-29、XZ-32）。"
        extra={
          <Flex gap={8}>
            <Segmented
              value={status}
              onChange={(v) => setStatus(v as typeof status)}
              options={[
                { value: 'open', label: '未办结' },
                { value: 'closed', label: '已办结' },
                { value: 'all', label: '全部' },
              ]}
            />
            <Button type="primary" onClick={() => setDialog('create')}>
              登记事件
            </Button>
          </Flex>
        }
      />
      <Table<Incident>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={[
          {
            title: '事件',
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => open(r.id)}>
                {r.title}
              </Button>
            ),
          },
          { title: '单位', dataIndex: 'organisationName' },
          { title: '级别', dataIndex: 'incidentClass', render: (c: string) => LABELS.incidentClass[c] },
          { title: '发现时间', dataIndex: 'foundAt', render: fmtTime },
          {
            title: '报告时限',
            render: (_, r) =>
              r.reportingHours ? `${r.reportingHours} 小时（${fmtTime(r.reportDueAt)}前）` : '无固定时限',
          },
          { title: '提示', render: (_, r) => flags(r) },
        ]}
      />
      <Drawer
        size="large"
        open={detail !== null}
        onClose={() => setDetail(null)}
        title={detail?.incident.title}
      >
        {detail && (
          <>
            {detail.incident.reportOverdue && (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} title="未在报告时限内报告" />
            )}
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              {detail.incident.status === 'open' && (
                <>
                  <Button onClick={() => setDialog('handling')}>处置记录</Button>
                  <Button onClick={() => setDialog('report')}>报告</Button>
                  {detail.incident.authorityFilingRequired && !detail.incident.authorityFiledAt && (
                    <Button onClick={() => setDialog('filing')}>向主管部门报备</Button>
                  )}
                  <Button onClick={() => setDialog('close')}>处置完毕</Button>
                </>
              )}
              <Button onClick={() => setDialog('correction')}>更正</Button>
            </Flex>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="级别">
                {LABELS.incidentClass[detail.incident.incidentClass]}
              </Descriptions.Item>
              <Descriptions.Item label="关键信息基础设施">
                {detail.incident.criticalInfrastructure ? '是' : '否'}
              </Descriptions.Item>
              <Descriptions.Item label="发现时间">{fmtTime(detail.incident.foundAt)}</Descriptions.Item>
              <Descriptions.Item label="报告时限">{fmtTime(detail.incident.reportDueAt)}</Descriptions.Item>
              <Descriptions.Item label="所涉系统" span={2}>
                {detail.incident.systems.map((s) => `${s.name}（${s.code}）`).join('、')}
              </Descriptions.Item>
              <Descriptions.Item label="原因">
                {detail.incident.cause ? LABELS.cause[detail.incident.cause] : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="责任方">
                {detail.incident.liableParty
                  ? `${LABELS.liable[detail.incident.liableParty]}（${detail.incident.liabilityArticle}）`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="向主管部门报备" span={2}>
                {detail.incident.authorityFilingRequired
                  ? detail.incident.authorityFiledAt
                    ? `已报备 ${fmtTime(detail.incident.authorityFiledAt)}`
                    : `须报备（${detail.incident.authorityFilingArticle}）`
                  : `不设报备；${detail.reportTo ?? ''}`}
              </Descriptions.Item>
            </Descriptions>
            <Timeline
              items={detail.entries.map((e) => ({
                color: e.kind === 'correction' ? 'orange' : e.kind === 'report' ? 'blue' : 'gray',
                content: `${fmtTime(e.at)} ${LABELS.entry[e.kind]}${e.recipient ? `（致 ${e.recipient}）` : ''}${
                  e.correctsEntryId
                    ? `（更正 #${detail.entries.find((x) => x.id === e.correctsEntryId)?.seq}）`
                    : ''
                }：${e.text} — ${e.recordedByName}`,
              }))}
            />
          </>
        )}
      </Drawer>
      {form && (
        <ActionForm
          open
          title={form.title}
          fields={form.fields}
          onSubmit={form.submit}
          onClose={() => setDialog(null)}
          onDone={async () => {
            const id = detail?.incident.id;
            setDialog(null);
            if (id) await open(id);
            reload();
          }}
        />
      )}
    </>
  );
}

/** The systems the caller may record incidents on (its own and, for the authority, its jurisdiction's). */
function useSystemsOptions() {
  const { data } = useRequest(useCallback((signal: AbortSignal) => ops.systems({ limit: 500 }, signal), []));
  return (data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }));
}
