import {
  App,
  Button,
  Card,
  Checkbox,
  ConfigProvider,
  Form,
  Input,
  Layout,
  Radio,
  Rate,
  Result,
  Space,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageSpin } from '../../../components/FullPageSpin.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { getPublicQuestionnaire, submitAnswers } from '../api.ts';
import { type AnswerInput, PHASE_LABELS, type Question, RATING_LABELS } from '../types.ts';

const DEVICE_KEY = 'tc-questionnaire-device';

/**
 * A random id of this browser, kept in localStorage: the server stores only its keyed hash with the
 * questionnaire and the day (one answer per device per day) — never the id, never the address.
 */
function deviceId(): string {
  const fresh = () => crypto.randomUUID().replace(/-/g, '');
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const id = fresh();
    localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    return fresh();
  }
}

type Values = Record<string, number | number[] | string | undefined>;

function toAnswers(questions: Question[], values: Values): AnswerInput[] {
  const out: AnswerInput[] = [];
  for (const q of questions) {
    const v = values[q.id];
    if (q.kind === 'single' && typeof v === 'number') out.push({ questionId: q.id, choice: v });
    if (q.kind === 'multiple' && Array.isArray(v) && v.length > 0) out.push({ questionId: q.id, choices: v });
    if (q.kind === 'rating' && typeof v === 'number' && v > 0) out.push({ questionId: q.id, rating: v });
    if (q.kind === 'text' && typeof v === 'string' && v.trim())
      out.push({ questionId: q.id, text: v.trim() });
  }
  return out;
}

/** The control of one question; Form.Item passes `value` and `onChange` through to it. */
function QuestionInputFor({ q, ...control }: { q: Question; value?: never; onChange?: never }) {
  switch (q.kind) {
    case 'single':
      return (
        <Radio.Group style={{ width: '100%' }} {...control}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {q.options.map((o, i) => (
              <Radio key={o} value={i}>
                {o}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group style={{ width: '100%' }} {...control}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {q.options.map((o, i) => (
              <Checkbox key={o} value={i}>
                {o}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      );
    case 'rating':
      return (
        <Rate
          {...control}
          tooltips={RATING_LABELS}
          style={{ fontSize: 32 }}
          aria-label={`${q.prompt}（1–5 分）`}
        />
      );
    default:
      return (
        <Input.TextArea
          {...control}
          rows={3}
          maxLength={500}
          showCount
          placeholder="请填写（选填项可留空）"
        />
      );
  }
}

function Questionnaire({ slug }: { slug: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<'thanks' | 'again' | null>(null);
  const fetcher = useCallback((signal: AbortSignal) => getPublicQuestionnaire(slug, signal), [slug]);
  const { data, error, reload } = useRequest(fetcher);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data) return <PageSpin />;

  const header = (
    <div style={{ marginBottom: 12 }}>
      <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
        {data.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 8 }}>
        {data.organisationName} · {data.systemName}
      </Typography.Paragraph>
      {data.intro && <Typography.Paragraph>{data.intro}</Typography.Paragraph>}
    </div>
  );
  if (done)
    return (
      <>
        {header}
        <Result
          status={done === 'thanks' ? 'success' : 'info'}
          title={done === 'thanks' ? '提交成功，感谢您的参与！' : '本设备今天已提交过这份问卷'}
          subTitle={
            done === 'thanks' ? '您的意见将用于评价和改进该系统。' : '每台设备每天可填写一次，欢迎明天再来。'
          }
        />
      </>
    );
  if (data.phase !== 'open')
    return (
      <>
        {header}
        <Result
          status="info"
          title={`问卷${PHASE_LABELS[data.phase]}`}
          subTitle={data.startsOn ? `开放时间：${data.startsOn} 至 ${data.endsOn}` : undefined}
        />
      </>
    );

  const submit = async (values: Values) => {
    setSending(true);
    try {
      await submitAnswers(slug, { deviceId: deviceId(), answers: toAnswers(data.questions, values) });
      setDone('thanks');
    } catch (e) {
      const err = asApiError(e);
      if (err.code === 'ALREADY_ANSWERED_TODAY') setDone('again');
      else if (err.field?.startsWith('answers.')) {
        const name = err.field.slice('answers.'.length);
        form.setFields([{ name, errors: [err.message] }]);
        form.scrollToField(name);
      } else message.error(err.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {header}
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError requiredMark>
        {data.questions.map((q, i) => (
          <Card key={q.id} size="small" style={{ marginBottom: 12 }}>
            <Form.Item
              name={q.id}
              label={`${i + 1}. ${q.prompt}${q.kind === 'multiple' ? '（可多选）' : ''}`}
              rules={q.required ? [{ required: true, message: '请回答此题' }] : []}
              style={{ marginBottom: 0 }}
            >
              <QuestionInputFor q={q} />
            </Form.Item>
          </Card>
        ))}
        <Button type="primary" htmlType="submit" block loading={sending}>
          提交问卷
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          本问卷匿名填写，不记录您的 IP 地址和个人信息；为防止重复提交，每台设备每天可填写一次。
        </Typography.Paragraph>
      </Form>
    </>
  );
}

/** The public answering page /q/:slug (no login): mobile-first, one column. */
export default function PublicQuestionnairePage() {
  const { slug = '' } = useParams();
  return (
    <ConfigProvider componentSize="large">
      <App>
        <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
          <Layout.Content style={{ maxWidth: 640, width: '100%', margin: '0 auto', padding: 12 }}>
            <Questionnaire slug={slug} />
          </Layout.Content>
        </Layout>
      </App>
    </ConfigProvider>
  );
}
