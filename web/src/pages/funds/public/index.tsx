import {
  App,
  Button,
  Card,
  ConfigProvider,
  Empty,
  Input,
  Layout,
  List,
  Segmented,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { fileObjection, publicNotice, publicNotices } from '../api.ts';
import { PHASE_LABELS } from '../types.ts';

/** One notice: projects, departments, amounts; answered objections; an objection form while it runs. */
function NoticeCard({ id }: { id: string }) {
  const { message } = App.useApp();
  const [content, setContent] = useState('');
  const [sending, setSending] = useState(false);
  const fetcher = useCallback((signal: AbortSignal) => publicNotice(id, signal), [id]);
  const { data, error, reload } = useRequest(fetcher);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data) return null;
  const send = async () => {
    setSending(true);
    try {
      await fileObjection(id, content);
      setContent('');
      message.success('异议已提交，答复后将在本页公开');
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setSending(false);
    }
  };
  return (
    <div>
      <List
        size="small"
        dataSource={data.items}
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta title={i.projectName} description={`${i.department} · ${i.projectCode}`} />
            <Typography.Text strong>{i.amount} 元</Typography.Text>
          </List.Item>
        )}
      />
      {data.objections.length > 0 && (
        <Card size="small" title="异议及答复" style={{ marginTop: 8 }}>
          {data.objections.map((o) => (
            <div key={`${o.createdAt}-${o.content}`} style={{ marginBottom: 8 }}>
              <div>异议：{o.content}</div>
              <div style={{ color: '#389e0d' }}>答复：{o.answer}</div>
            </div>
          ))}
        </Card>
      )}
      {data.phase === 'current' && (
        <div style={{ marginTop: 8 }}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder="如对上述资金分配有异议，请在公示期内填写（匿名）"
            value={content}
            onChange={(e) => setContent(e.target.value)}
          />
          <Button
            type="primary"
            block
            style={{ marginTop: 8 }}
            loading={sending}
            disabled={!content.trim()}
            onClick={send}
          >
            提交异议
          </Button>
        </div>
      )}
    </div>
  );
}

/** The public 公示 page (no login): mobile-first, one column. */
export default function PublicNoticesPage() {
  const [phase, setPhase] = useState<'current' | 'ended'>('current');
  const [open, setOpen] = useState<string | null>(null);
  const fetcher = useCallback((signal: AbortSignal) => publicNotices(phase, signal), [phase]);
  const { data, error, loading, reload } = useRequest(fetcher);
  return (
    <ConfigProvider componentSize="large">
      <App>
        <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
          <Layout.Content style={{ maxWidth: 720, width: '100%', margin: '0 auto', padding: 12 }}>
            <Typography.Title level={4} style={{ textAlign: 'center' }}>
              政务信息化项目资金拟分配计划公示
            </Typography.Title>
            <Segmented
              block
              value={phase}
              onChange={(v) => setPhase(v as 'current' | 'ended')}
              options={[
                { value: 'current', label: '公示中' },
                { value: 'ended', label: '往期公示' },
              ]}
              style={{ marginBottom: 12 }}
            />
            {error ? (
              <ApiErrorResult error={error} onRetry={reload} />
            ) : (
              <List
                loading={loading}
                locale={{ emptyText: <Empty description="暂无公示" /> }}
                dataSource={data?.items ?? []}
                renderItem={(n) => (
                  <Card
                    style={{ marginBottom: 12 }}
                    title={<span style={{ whiteSpace: 'normal' }}>{n.title}</span>}
                    extra={<Tag>{PHASE_LABELS[n.phase] ?? n.phase}</Tag>}
                  >
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                      {n.authority} · 公示期 {n.startsOn} 至 {n.endsOn} · {n.itemCount} 个项目，合计{' '}
                      {n.itemTotal} 元
                    </Typography.Paragraph>
                    {open === n.id ? (
                      <NoticeCard id={n.id} />
                    ) : (
                      <Button block onClick={() => setOpen(n.id)}>
                        查看明细{n.phase === 'current' ? '、提出异议' : ''}
                      </Button>
                    )}
                  </Card>
                )}
              />
            )}
          </Layout.Content>
        </Layout>
      </App>
    </ConfigProvider>
  );
}
