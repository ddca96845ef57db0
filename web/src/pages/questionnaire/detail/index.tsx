import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Image,
  List,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageSpin } from '../../../components/FullPageSpin.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import {
  closeQuestionnaire,
  getQuestionnaire,
  getResults,
  publishQuestionnaire,
  qrcodeUrl,
  updateQuestionnaire,
} from '../api.ts';
import { DesignFields, toDesign } from '../components/DesignForm.tsx';
import { CountChart } from '../components/ResultChart.tsx';
import {
  type DesignInput,
  KIND_LABELS,
  PHASE_COLORS,
  PHASE_LABELS,
  type QuestionnaireDetail,
  RATING_LABELS,
} from '../types.ts';

function Results({ id }: { id: string }) {
  const fetcher = useCallback((signal: AbortSignal) => getResults(id, signal), [id]);
  const { data, error, reload } = useRequest(fetcher);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data) return <PageSpin />;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title="答卷数" value={data.responses} suffix="份" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title="满意度得分（0–100）"
              value={data.satisfaction ?? '—'}
              precision={data.satisfaction === null ? undefined : 1}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              = （全部评分题平均分 − 1）÷ 4 × 100
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title="每日答卷" size="small">
            <CountChart
              kind="line"
              label="每日答卷数"
              height={120}
              labels={data.byDay.map((d) => d.day.slice(5))}
              values={data.byDay.map((d) => d.responses)}
            />
          </Card>
        </Col>
      </Row>
      {data.questions.map((q, i) => (
        <Card
          key={q.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${i + 1}. ${q.prompt}`}
          extra={
            <Space>
              <Tag>{KIND_LABELS[q.kind]}</Tag>
              <span>作答 {q.answered} 人</span>
              {q.average !== null && <span>平均 {q.average} 分</span>}
            </Space>
          }
        >
          {q.kind === 'text' ? (
            <List
              size="small"
              dataSource={q.texts}
              locale={{ emptyText: <Empty description="暂无填写" /> }}
              renderItem={(t) => <List.Item>{t}</List.Item>}
            />
          ) : (
            <CountChart
              label={`${q.prompt}的统计`}
              labels={q.kind === 'rating' ? RATING_LABELS.map((l, n) => `${n + 1}分 ${l}`) : q.options}
              values={q.counts}
            />
          )}
        </Card>
      ))}
    </>
  );
}

function Designer({ data, onSaved }: { data: QuestionnaireDetail; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const save = async (values: DesignInput) => {
    setSaving(true);
    try {
      await updateQuestionnaire(data.id, { ...toDesign(values), version: data.version });
      message.success('已保存');
      onSaved();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setSaving(false);
    }
  };
  const publish = async () => {
    if (!range?.[0] || !range[1]) {
      message.warning('请选择开放的起止日期');
      return;
    }
    try {
      await publishQuestionnaire(data.id, {
        startsOn: range[0].format('YYYY-MM-DD'),
        endsOn: range[1].format('YYYY-MM-DD'),
        version: data.version,
      });
      message.success('已发布，可分享链接或二维码');
      onSaved();
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card title="问卷设计（草稿）">
          <Form
            form={form}
            layout="vertical"
            initialValues={{ title: data.title, intro: data.intro, questions: data.questions }}
            onFinish={save}
          >
            <DesignFields form={form} />
            <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
              保存修改
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title="发布">
          <Typography.Paragraph type="secondary">
            发布后问卷内容不能再修改；公众在开放期内可匿名填写。
          </Typography.Paragraph>
          <DatePicker.RangePicker
            style={{ width: '100%', marginBottom: 12 }}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
          />
          <Button type="primary" block onClick={publish}>
            发布问卷
          </Button>
        </Card>
      </Col>
    </Row>
  );
}

/** One questionnaire: the designer while a draft; the link, QR code and results once published. */
export default function QuestionnairePage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const fetcher = useCallback((signal: AbortSignal) => getQuestionnaire(id, signal), [id]);
  const { data, error, reload } = useRequest(fetcher);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data) return <PageSpin />;
  const link = data.slug ? `${window.location.origin}/q/${data.slug}` : null;
  return (
    <>
      <PageHeader
        title={data.title}
        description={`${data.systemName}（${data.systemCode}） · ${data.year} 年度`}
        extra={
          <Space>
            <Tag color={PHASE_COLORS[data.phase]}>{PHASE_LABELS[data.phase]}</Tag>
            {data.status === 'published' && (
              <Popconfirm
                title="结束后不再接受填写，确定结束？"
                onConfirm={async () => {
                  try {
                    await closeQuestionnaire(data.id, data.version);
                    message.success('问卷已结束');
                    reload();
                  } catch (e) {
                    message.error(asApiError(e).message);
                  }
                }}
              >
                <Button danger>结束问卷</Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      {data.status === 'draft' ? (
        <Designer data={data} onSaved={reload} />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Row gutter={16} align="middle">
              <Col xs={24} md={16}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label="公开链接">
                    {link && <Typography.Text copyable={{ text: link }}>{link}</Typography.Text>}
                  </Descriptions.Item>
                  <Descriptions.Item label="开放时间">
                    {data.startsOn} 至 {data.endsOn}
                  </Descriptions.Item>
                  <Descriptions.Item label="题目数">{data.questions.length}</Descriptions.Item>
                  <Descriptions.Item label="答卷数">{data.responses} 份</Descriptions.Item>
                </Descriptions>
              </Col>
              <Col xs={24} md={8} style={{ textAlign: 'center' }}>
                <Image src={qrcodeUrl(data.id)} alt="问卷二维码" width={180} preview={false} />
                <div>
                  <a href={qrcodeUrl(data.id)} download={`问卷二维码-${data.slug}.png`}>
                    下载二维码
                  </a>
                </div>
              </Col>
            </Row>
          </Card>
          <Results id={data.id} />
        </>
      )}
    </>
  );
}
