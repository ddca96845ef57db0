import { Button, Card, DatePicker, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { chinaToday } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { LABELS, type MonitoringGap, ops, type SystemMonitoring } from '../api.ts';
import { ActionForm } from '../components/ActionForm.tsx';

type Entry = SystemMonitoring['entries'][number];

/**
 * 政务信息资源日常监测（SC-27）：规则集要求日常监测的辖区，列出某日（默认昨天）尚无监测记录的运行系统；
 * 每系统每日登记一条（正常/异常、发现的问题、处理人），登记后不可修改；查看近期记录与缺漏日期。
 */
export default function Monitoring() {
  const [date, setDate] = useState<Dayjs | null>(null);
  const fetcher = useCallback(
    (signal: AbortSignal) =>
      ops.monitoringGaps({ limit: 500, ...(date ? { date: date.format('YYYY-MM-DD') } : {}) }, signal),
    [date],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
  const [recording, setRecording] = useState<{ id: string; name: string; day?: string } | null>(null);
  const [viewing, setViewing] = useState<MonitoringGap | null>(null);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title="政务信息资源日常监测"
        description="规则集要求建立政务信息资源日常监测机制的辖区（朔城区第二十七条），运行中的系统每日登记一条监测情况：正常或异常、发现的问题、处理人。登记后不可修改；缺少记录的日期标出。"
      />
      <Card
        size="small"
        title={`${data?.date ?? ''} 尚无监测记录的运行系统`}
        extra={
          <Space>
            监测日期
            <DatePicker
              value={date}
              allowClear
              placeholder="默认昨天"
              disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()}
              onChange={(d) => setDate(d)}
            />
          </Space>
        }
      >
        <Table<MonitoringGap>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{
            emptyText: <Empty description="没有缺少监测记录的系统（或本辖区规则集未要求日常监测）" />,
          }}
          columns={[
            { title: '系统', render: (_, r) => `${r.name}（${r.code}）` },
            { title: '部门', dataIndex: 'organisationName' },
            { title: '依据', render: (_, r) => r.articles.join('、') },
            { title: '状态', render: () => <Tag color="red">缺少监测记录</Tag> },
            {
              title: '',
              render: (_, r) => (
                <Space>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setRecording({ id: r.id, name: r.name, day: data?.date })}
                  >
                    登记监测
                  </Button>
                  <Button type="link" size="small" onClick={() => setViewing(r)}>
                    查看记录
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {viewing && (
        <History
          system={viewing}
          onRecord={(day) => setRecording({ id: viewing.id, name: viewing.name, day })}
          onClose={() => setViewing(null)}
        />
      )}
      {recording && (
        <ActionForm
          open
          title={`登记日常监测：${recording.name}`}
          initial={recording.day ? { monitoredOn: dayjs(recording.day) } : undefined}
          fields={[
            { name: 'monitoredOn', label: '监测日期', type: 'date', required: true },
            {
              name: 'status',
              label: '监测结果',
              type: 'select',
              required: true,
              options: [
                { value: 'normal', label: '正常' },
                { value: 'abnormal', label: '异常' },
              ],
            },
            { name: 'finding', label: '发现的问题（异常时必填）', type: 'textarea' },
            { name: 'resourceCode', label: '涉及的信息资源编码', type: 'text' },
            { name: 'handler', label: '处理人', type: 'text', required: true },
          ]}
          onSubmit={(v) => ops.post(`/systems/${recording.id}/monitoring`, v)}
          onClose={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            setViewing(null);
            reload();
          }}
        />
      )}
    </>
  );
}

/** One system's recent entries and the days missing from them. */
function History({
  system,
  onRecord,
  onClose,
}: {
  system: MonitoringGap;
  onRecord: (day: string) => void;
  onClose: () => void;
}) {
  const [data, setData] = useState<SystemMonitoring | null>(null);
  useEffect(() => {
    ops.monitoring(system.id).then(setData, () => setData(null));
  }, [system.id]);
  return (
    <Modal open title={`监测记录：${system.name}`} width={860} footer={null} onCancel={onClose}>
      {data && (
        <>
          <Typography.Paragraph type="secondary">
            {data.required
              ? `${data.wording ?? ''}（${data.articles.join('、')}）。近 ${data.lookbackDays} 日内缺少记录的日期：`
              : '本辖区规则集未要求日常监测，记录供参考。'}
          </Typography.Paragraph>
          {data.missingDays.length > 0 && (
            <Space wrap style={{ marginBottom: 12 }}>
              {data.missingDays.map((d) => (
                <Tag key={d} color="red" style={{ cursor: 'pointer' }} onClick={() => onRecord(d)}>
                  {d}
                </Tag>
              ))}
            </Space>
          )}
          <Table<Entry>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.entries}
            columns={[
              { title: '日期', dataIndex: 'monitoredOn' },
              {
                title: '结果',
                dataIndex: 'status',
                render: (s: string) => (
                  <Tag color={s === 'normal' ? 'green' : 'red'}>{LABELS.monitoring[s]}</Tag>
                ),
              },
              { title: '发现的问题', dataIndex: 'finding', render: (f: string | null) => f ?? '—' },
              { title: '资源', dataIndex: 'resourceCode', render: (c: string | null) => c ?? '—' },
              { title: '处理人', dataIndex: 'handler' },
              { title: '登记人', dataIndex: 'recordedByName' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
