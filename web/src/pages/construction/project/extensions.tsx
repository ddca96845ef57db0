import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useAction } from '../../../hooks/useAction.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import {
  decideExtension,
  EXTENSION_STATES,
  type ExtensibleDeadline,
  type ExtensionRequest,
  listExtensions,
  recordPlannedAcceptance,
  requestExtension,
} from './api.ts';

type Dialog =
  | { kind: 'request'; deadline: ExtensibleDeadline }
  | { kind: 'plan'; deadline: ExtensibleDeadline }
  | { kind: 'decide'; item: ExtensionRequest }
  | null;

const OBLIGATION_STATES: Record<string, { text: string; color: string }> = {
  open: { text: '待履行', color: 'blue' },
  extended: { text: '已延期', color: 'purple' },
  overdue: { text: '已逾期', color: 'red' },
  met: { text: '已履行', color: 'green' },
  waived: { text: '已豁免', color: 'default' },
};

function remaining(o: NonNullable<ExtensibleDeadline['obligation']>): string {
  if (o.state === 'met' || o.state === 'waived') return '—';
  if (o.calendarUnknown || o.remainingWorkingDays === null) return '日历未知（节假日安排未公布）';
  if (o.remainingWorkingDays < 0) return `逾期 ${-o.remainingWorkingDays} 个工作日`;
  if (o.remainingWorkingDays === 0) return '今日到期';
  return `剩 ${o.remainingWorkingDays} 个工作日`;
}

/** 延期验收: the acceptance deadlines, the department's requests and the authority's decisions. */
export function AcceptanceExtensionsCard(props: {
  projectId: string;
  isDepartment: boolean;
  isAuthority: boolean;
  onChanged: () => void;
}) {
  const { projectId, isDepartment, isAuthority, onChanged } = props;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const view = useRequest(useCallback((s: AbortSignal) => listExtensions(projectId, s), [projectId]));
  const deadlines = view.data?.deadlines ?? [];
  const run = useAction(() => {
    setDialog(null);
    form.resetFields();
    view.reload();
    onChanged();
  });
  if (!view.error && !view.loading && deadlines.length === 0) return null;

  const submit = async () => {
    const v = await form.validateFields();
    if (dialog?.kind === 'request') {
      await run('延期验收申请已提出', () =>
        requestExtension(projectId, {
          deadlineId: dialog.deadline.deadlineId,
          until: (v.until as Dayjs).format('YYYY-MM-DD'),
          reason: v.reason,
        }),
      );
    } else if (dialog?.kind === 'plan') {
      await run('计划验收日期已登记', () =>
        recordPlannedAcceptance(projectId, {
          deadlineId: dialog.deadline.deadlineId,
          plannedOn: (v.plannedOn as Dayjs).format('YYYY-MM-DD'),
        }),
      );
    } else if (dialog?.kind === 'decide') {
      await run(v.decision === 'grant' ? '已同意延期，到期日已顺延' : '已不同意延期', () =>
        decideExtension(projectId, dialog.item.id, {
          decision: v.decision,
          note: v.note ?? '',
          version: dialog.item.version,
        }),
      );
    }
  };
  const nameOf = (deadlineId: string) =>
    deadlines.find((d) => d.deadlineId === deadlineId)?.name ?? deadlineId;

  return (
    <Card size="small" title="验收期限与延期验收申请" style={{ marginBottom: 16 }}>
      {view.error ? (
        <ApiErrorResult error={view.error} onRetry={view.reload} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {deadlines.map((d) => {
            const o = d.obligation;
            const live = o !== null && ['open', 'extended', 'overdue'].includes(o.state);
            return (
              <Descriptions
                key={d.deadlineId}
                size="small"
                bordered
                column={3}
                title={`${d.name}（${d.articles.join('、')}）`}
                extra={
                  <Space>
                    {isAuthority && d.plannedDateAnchor && o === null && (
                      <Button size="small" onClick={() => setDialog({ kind: 'plan', deadline: d })}>
                        登记计划验收日期
                      </Button>
                    )}
                    {isDepartment && live && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setDialog({ kind: 'request', deadline: d })}
                      >
                        申请延期验收
                      </Button>
                    )}
                  </Space>
                }
                items={[
                  {
                    key: 'due',
                    label: '到期日',
                    children: o
                      ? (o.dueDate ?? '日历未知')
                      : d.plannedDateAnchor
                        ? '尚未登记计划验收日期'
                        : '尚未起算',
                  },
                  {
                    key: 'left',
                    label: '剩余',
                    children: o ? (
                      <Typography.Text type={o.state === 'overdue' ? 'danger' : undefined}>
                        {remaining(o)}
                      </Typography.Text>
                    ) : (
                      '—'
                    ),
                  },
                  {
                    key: 'state',
                    label: '状态',
                    children: o ? (
                      <Tag color={OBLIGATION_STATES[o.state]?.color}>
                        {OBLIGATION_STATES[o.state]?.text ?? o.state}
                      </Tag>
                    ) : (
                      '—'
                    ),
                  },
                  { key: 'from', label: '原到期日', children: o?.extendedFrom ?? '—' },
                  { key: 'by', label: '审批单位', children: d.decidedByName },
                  {
                    key: 'limits',
                    label: '延期限制',
                    children:
                      d.maxRequests !== null || d.maxCalendarMonths !== null
                        ? [
                            d.maxRequests !== null ? `最多 ${d.maxRequests} 次` : '',
                            d.maxCalendarMonths !== null
                              ? `不超过原到期日后 ${d.maxCalendarMonths} 个月`
                              : '',
                          ]
                            .filter(Boolean)
                            .join('，')
                        : (d.limitsNote ?? '未规定'),
                  },
                ]}
              />
            );
          })}
          <Table
            size="small"
            rowKey="id"
            loading={view.loading}
            dataSource={view.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: '暂无延期验收申请' }}
            columns={[
              { title: '期限', dataIndex: 'deadlineId', render: (id: string) => nameOf(id) },
              { title: '申请日期', dataIndex: 'requestedOn', width: 110 },
              {
                title: '原到期日',
                dataIndex: 'dueDateBefore',
                width: 110,
                render: (d: string | null) => d ?? '日历未知',
              },
              { title: '申请延期至', dataIndex: 'requestedUntil', width: 110 },
              { title: '原因', dataIndex: 'reason' },
              {
                title: '状态',
                dataIndex: 'state',
                width: 90,
                render: (s: ExtensionRequest['state']) => (
                  <Tag color={EXTENSION_STATES[s].color}>{EXTENSION_STATES[s].text}</Tag>
                ),
              },
              { title: '审批意见', dataIndex: 'decisionNote', render: (n: string | null) => n ?? '' },
              {
                title: '操作',
                width: 90,
                render: (_: unknown, r: ExtensionRequest) =>
                  isAuthority && r.state === 'requested' ? (
                    <Button size="small" onClick={() => setDialog({ kind: 'decide', item: r })}>
                      审批
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Space>
      )}
      <FormModal
        open={dialog !== null}
        title={
          dialog?.kind === 'request'
            ? '申请延期验收'
            : dialog?.kind === 'plan'
              ? '登记批复的计划验收日期'
              : '审批延期验收申请'
        }
        form={form}
        onOk={submit}
        onClose={() => setDialog(null)}
      >
        {dialog?.kind === 'request' && (
          <>
            <Typography.Paragraph type="secondary">
              当前到期日：{dialog.deadline.obligation?.dueDate ?? '日历未知'}；申请将报
              {dialog.deadline.decidedByName}审批。
            </Typography.Paragraph>
            <Form.Item name="until" label="申请延期至" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="不能按期验收的原因"
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {dialog?.kind === 'plan' && (
          <Form.Item name="plannedOn" label="批复的计划验收日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {dialog?.kind === 'decide' && (
          <>
            <Typography.Paragraph type="secondary">
              申请延期至 {dialog.item.requestedUntil}（原到期日 {dialog.item.dueDateBefore ?? '日历未知'}
              ）。原因：
              {dialog.item.reason}
            </Typography.Paragraph>
            <Form.Item name="decision" label="审批结果" rules={[{ required: true }]}>
              <Select
                options={[
                  { value: 'grant', label: '同意延期（到期日顺延）' },
                  { value: 'refuse', label: '不同意延期' },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label="意见（不同意须说明理由）">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
