import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useAction } from '../../../hooks/useAction.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listProjects } from '../../projects/api.ts';
import { answerObjection, createNotice, getNotice, listNotices, publishNotice } from '../api.ts';
import { type NoticeItem, PHASE_LABELS } from '../types.ts';

function NoticeDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const fetcher = useCallback((signal: AbortSignal) => getNotice(id, signal), [id]);
  const { data, error, reload } = useRequest(fetcher);
  const perform = useAction(() => {
    reload();
    onChanged();
  });
  const act = (run: () => Promise<unknown>, done: string) => perform(done, run);
  return (
    <Drawer open width={720} title={data?.title ?? '公示'} onClose={onClose}>
      {error && <ApiErrorResult error={error} onRetry={reload} />}
      {data && (
        <>
          <p>
            公示期 {data.startsOn} 至 {data.endsOn} · <Tag>{PHASE_LABELS[data.phase]}</Tag> · 合计{' '}
            {data.itemTotal} 元
          </p>
          {data.status === 'draft' && (
            <Button type="primary" onClick={() => act(() => publishNotice(id, data.version), '已发布')}>
              发布公示（项目须已有预算审定意见）
            </Button>
          )}
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey="projectId"
            pagination={false}
            dataSource={data.items}
            columns={[
              { title: '项目', dataIndex: 'projectName' },
              { title: '部门', dataIndex: 'department' },
              { title: '拟分配金额（元）', dataIndex: 'amount' },
            ]}
          />
          <Card size="small" title={`异议（${data.objections.length}）`} style={{ marginTop: 12 }}>
            <List
              dataSource={data.objections}
              renderItem={(o) => (
                <List.Item>
                  <div style={{ width: '100%' }}>
                    <div>{o.content}</div>
                    {o.answer ? (
                      <div style={{ color: '#389e0d' }}>答复：{o.answer}</div>
                    ) : (
                      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                        <Input
                          placeholder="答复内容（随公示公开）"
                          value={answers[o.id] ?? ''}
                          onChange={(e) => setAnswers({ ...answers, [o.id]: e.target.value })}
                        />
                        <Button
                          onClick={() => act(() => answerObjection(o.id, answers[o.id] ?? ''), '已答复')}
                        >
                          答复
                        </Button>
                      </Space.Compact>
                    )}
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </Drawer>
  );
}

function CreateNotice({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const projects = useRequest(
    useCallback((signal: AbortSignal) => listProjects(signal, { state: 'established' }), []),
  );
  const submit = async (v: {
    title: string;
    year: number;
    dates: [Dayjs, Dayjs];
    items: { projectId: string; amount: string }[];
  }) => {
    try {
      await createNotice({
        title: v.title,
        year: v.year,
        startsOn: v.dates[0].format('YYYY-MM-DD'),
        endsOn: v.dates[1].format('YYYY-MM-DD'),
        items: v.items.map((i) => ({ projectId: i.projectId, amount: String(i.amount) })),
      });
      message.success('已保存公示草稿');
      onDone();
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };
  return (
    <Card title="编制资金拟分配计划公示" style={{ marginBottom: 16 }}>
      <Form layout="vertical" onFinish={submit} initialValues={{ items: [{}] }}>
        <Space wrap>
          <Form.Item name="title" label="标题" rules={[{ required: true }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="dates" label="公示期" rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Space>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap>
                  <Form.Item name={[field.name, 'projectId']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 360 }}
                      placeholder="项目"
                      options={(projects.data?.items ?? []).map((p) => ({
                        value: p.id,
                        label: `${p.code} ${p.name}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amount']} rules={[{ required: true }]}>
                    <Input placeholder="拟分配金额（元）" style={{ width: 160 }} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add({})} style={{ marginBottom: 12 }}>
                增加项目
              </Button>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit">
          保存草稿
        </Button>
      </Form>
    </Card>
  );
}

export default function NoticesPage() {
  const [open, setOpen] = useState<string | null>(null);
  const list = useListQuery(listNotices);
  const reload = list.reload;
  const columns: TableColumnsType<NoticeItem> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (t: string, n) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(n.id)}>
          {t}
        </Button>
      ),
    },
    { title: '年度', dataIndex: 'year' },
    { title: '公示期', render: (_: unknown, n) => `${n.startsOn} 至 ${n.endsOn}` },
    { title: '状态', dataIndex: 'phase', render: (p: string) => <Tag>{PHASE_LABELS[p] ?? p}</Tag> },
    { title: '项目数', dataIndex: 'itemCount' },
    { title: '合计（元）', dataIndex: 'itemTotal' },
    { title: '待答复异议', dataIndex: 'openObjections' },
  ];
  return (
    <>
      <PageHeader
        title="资金拟分配计划公示"
        description="项目预算确定后公示资金拟分配计划（DT-15、SC-13）；公众可在公示期内匿名提出异议，答复随公示公开"
        extra={
          <a href="/public/notices" target="_blank" rel="noreferrer">
            打开公众页面
          </a>
        }
      />
      <CreateNotice onDone={reload} />
      <ListView<NoticeItem>
        list={list}
        fields={[]}
        columns={columns}
        rowKey="id"
        table={{ scroll: { x: 800 } }}
      />
      {open && <NoticeDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />}
    </>
  );
}
