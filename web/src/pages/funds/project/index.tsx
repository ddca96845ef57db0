import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageSpin } from '../../../components/FullPageSpin.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { budgetOpinionUrl, decideBudgetStep, getFunds, recordReview, requestDisbursement } from '../api.ts';
import { LedgerChart } from '../LedgerChart.tsx';
import { type FundsView, KIND_OPTIONS, LEVEL_OPTIONS, type ReviewInput, STATUS_LABELS } from '../types.ts';

const STEP_COLORS: Record<string, string> = { done: 'green', open: 'blue' };

function ReviewForm({ view, onDone }: { view: FundsView; onDone: () => void }) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const initial: ReviewInput = {
    opinion: '',
    lines: view.project.budgetYears.map((y) => ({
      year: y.year,
      costItem: '',
      kind: 'construction',
      requested: y.amount,
      approved: y.amount,
    })),
    shares: [],
  };
  const submit = async (values: ReviewInput) => {
    setSaving(true);
    try {
      const res = await recordReview(view.project.id, {
        ...values,
        lines: values.lines.map((l) => ({
          ...l,
          requested: String(l.requested),
          approved: String(l.approved),
        })),
        shares: (values.shares ?? []).map((s) => ({ ...s, amount: String(s.amount) })),
      });
      message.success(`已出具预算审定意见 ${res.number}`);
      onDone();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="录入预算评审结果" style={{ marginBottom: 16 }}>
      <Form layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'year']} label="年度" rules={[{ required: true }]}>
                    <InputNumber min={2000} max={2100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'costItem']} label="费用项目" rules={[{ required: true }]}>
                    <Input style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} label="类别">
                    <Select style={{ width: 110 }} options={KIND_OPTIONS} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'requested']} label="申报（元）" rules={[{ required: true }]}>
                    <Input style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'approved']} label="审定（元）" rules={[{ required: true }]}>
                    <Input style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'cutReason']} label="核减理由">
                    <Input style={{ width: 220 }} placeholder="核减时必填" />
                  </Form.Item>
                  <Button style={{ marginTop: 30 }} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Flex>
              ))}
              <Button onClick={() => add({ kind: 'construction' })} style={{ marginBottom: 16 }}>
                增加费用项目
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Text type="secondary">
          共建项目：各级分担的金额合计须等于审定金额（DT-16、SC-14、JC-05-3）
        </Typography.Text>
        <Form.List name="shares">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap>
                  <Form.Item name={[field.name, 'level']} label="层级" rules={[{ required: true }]}>
                    <Select style={{ width: 120 }} options={LEVEL_OPTIONS} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} label="类别" rules={[{ required: true }]}>
                    <Select style={{ width: 110 }} options={KIND_OPTIONS} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amount']} label="金额（元）" rules={[{ required: true }]}>
                    <Input style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'carriedBy']} label="列入预算" rules={[{ required: true }]}>
                    <Input style={{ width: 180 }} placeholder="如 县级财政预算" />
                  </Form.Item>
                  <Button style={{ marginTop: 30 }} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Flex>
              ))}
              <Button onClick={() => add({ kind: 'construction' })} style={{ margin: '8px 0 16px' }}>
                增加分担层级
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="opinion" label="审定意见" rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          出具预算审定意见
        </Button>
      </Form>
    </Card>
  );
}

function RequestForm({ view, onDone }: { view: FundsView; onDone: () => void }) {
  const { message } = App.useApp();
  const submit = async (values: { year: number; kind: string; amount: string; purpose: string }) => {
    try {
      await requestDisbursement({ ...values, projectId: view.project.id, amount: String(values.amount) });
      message.success('已提交拨付申请');
      onDone();
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };
  return (
    <Form
      layout="inline"
      onFinish={submit}
      initialValues={{ kind: 'construction', year: view.ledger[0]?.year }}
    >
      <Form.Item name="year" rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} placeholder="年度" />
      </Form.Item>
      <Form.Item name="kind">
        <Select style={{ width: 110 }} options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="amount" rules={[{ required: true }]}>
        <Input placeholder="金额（元）" style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="purpose" rules={[{ required: true }]}>
        <Input placeholder="用途" style={{ width: 200 }} />
      </Form.Item>
      <Button htmlType="submit" type="primary">
        申请拨付
      </Button>
    </Form>
  );
}

export default function FundsProjectPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const fetcher = useCallback((signal: AbortSignal) => getFunds(id, signal), [id]);
  const { data, error, reload } = useRequest(fetcher);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data) return <PageSpin />;
  const reviewStep = data.steps[0];
  const canReview = !data.review && reviewStep?.canAct && reviewStep.status === 'open';
  const otherSteps = data.steps.filter(
    (s) => s.stepId !== reviewStep?.stepId && !s.stepId.endsWith('.publicity'),
  );
  return (
    <>
      <PageHeader
        title={`项目资金：${data.project.name}`}
        description={`${data.project.code} · ${data.project.department} · 申报总预算 ${data.project.totalBudget} 元`}
      />
      <Card title="预算环节" style={{ marginBottom: 16 }}>
        <Space wrap>
          {data.steps.map((s) => (
            <Tag key={s.stepId} color={STEP_COLORS[s.status]}>
              {s.name}（{s.actor}，{s.articles.join('、')}）：
              {s.status === 'done' ? '已办理' : s.status === 'open' ? '待办理' : '未到'}
            </Tag>
          ))}
        </Space>
        {otherSteps
          .filter((s) => s.canAct && s.status === 'open')
          .map((s) => (
            <Button
              key={s.stepId}
              style={{ marginTop: 12 }}
              onClick={async () => {
                try {
                  await decideBudgetStep(id, s.stepId, '同意');
                  reload();
                } catch (e) {
                  message.error(asApiError(e).message);
                }
              }}
            >
              办理：{s.name}
            </Button>
          ))}
      </Card>
      {canReview && <ReviewForm view={data} onDone={reload} />}
      {data.review && (
        <Card
          title={`预算审定意见 ${data.review.number}`}
          extra={<a href={budgetOpinionUrl(id)}>下载（.docx）</a>}
          style={{ marginBottom: 16 }}
        >
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label="申报">{data.review.requested} 元</Descriptions.Item>
            <Descriptions.Item label="审定">{data.review.approved} 元</Descriptions.Item>
            <Descriptions.Item label="核减">{data.review.cut} 元</Descriptions.Item>
            <Descriptions.Item label="评审机构">{data.review.reviewerOrganisation}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey={(l) => `${l.year}-${l.costItem}-${l.kind}`}
            pagination={false}
            dataSource={data.review.lines}
            columns={[
              { title: '年度', dataIndex: 'year' },
              { title: '费用项目', dataIndex: 'costItem' },
              {
                title: '类别',
                dataIndex: 'kind',
                render: (k: string) => KIND_OPTIONS.find((o) => o.value === k)?.label,
              },
              { title: '申报', dataIndex: 'requested' },
              { title: '审定', dataIndex: 'approved' },
              { title: '核减', dataIndex: 'cut' },
              { title: '核减理由', dataIndex: 'cutReason' },
            ]}
          />
          {data.review.shares.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              rowKey={(s) => `${s.level}-${s.kind}`}
              pagination={false}
              dataSource={data.review.shares}
              columns={[
                { title: '分担层级', dataIndex: 'levelLabel' },
                {
                  title: '类别',
                  dataIndex: 'kind',
                  render: (k: string) => KIND_OPTIONS.find((o) => o.value === k)?.label,
                },
                { title: '金额', dataIndex: 'amount' },
                { title: '列入预算', dataIndex: 'carriedBy' },
              ]}
            />
          )}
          <Typography.Paragraph style={{ marginTop: 12 }}>{data.review.opinion}</Typography.Paragraph>
        </Card>
      )}
      <Card title="资金台账（按年度，建设 / 运维）" style={{ marginBottom: 16 }}>
        <LedgerChart rows={data.ledger} />
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={data.ledger}
          columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '申报预算', dataIndex: 'budgeted' },
            { title: '审定建设', dataIndex: 'approvedConstruction' },
            { title: '审定运维', dataIndex: 'approvedOm' },
            { title: '已拨建设', dataIndex: 'disbursedConstruction' },
            { title: '已拨运维', dataIndex: 'disbursedOm' },
            { title: '审批中', dataIndex: 'pending' },
          ]}
        />
      </Card>
      <Card title="拨付申请" style={{ marginBottom: 16 }}>
        {data.review && <RequestForm view={data} onDone={reload} />}
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="id"
          pagination={false}
          dataSource={data.disbursements}
          columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '金额', dataIndex: 'amount' },
            { title: '用途', dataIndex: 'purpose' },
            { title: '状态', dataIndex: 'status', render: (s: string) => STATUS_LABELS[s] ?? s },
            { title: '审批意见', dataIndex: 'decisionOpinion' },
          ]}
        />
      </Card>
      {data.overrides.length > 0 && (
        <Card title="例外处理（“一般”“原则上”类条件，须两名财政人员）">
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="以下拨付条件经例外处理，已记入审计日志"
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.overrides}
            columns={[
              { title: '条件', dataIndex: 'gateId' },
              { title: '条款', dataIndex: 'article' },
              { title: '理由', dataIndex: 'reason' },
              { title: '申请人', dataIndex: 'requestedByName' },
              { title: '复核同意', dataIndex: 'approvedByName', render: (v: string | null) => v ?? '待复核' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
