import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Steps,
  Table,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isAuthorityRole } from '../../../access.ts';
import { useMe } from '../../../auth/context.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { numberRule } from '../../../components/numberRules.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useAction } from '../../../hooks/useAction.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listOrganisations } from '../../org/api.ts';
import { formatYuan, isYuan, PLAN_STATUS_BADGE } from '../../projects/logic.ts';
import { addPlanEntry, decidePlan, getPlan, removePlanEntry, submitPlan } from '../api.ts';

/** One plan: its entries (department, intended project, estimated budget, year), reporting and the decision. */
export default function PlanDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const fetcher = useCallback((signal: AbortSignal) => getPlan(id, signal), [id]);
  const { data: plan, error, reload } = useRequest(fetcher);
  const orgs = useRequest(listOrganisations);
  const [form] = Form.useForm<{
    organisationId: string;
    projectName: string;
    estimatedBudget: string;
    year: number;
    summary: string;
  }>();
  const [opinion, setOpinion] = useState('');

  const run = useAction(reload);

  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!plan) return <Card loading />;
  const member = me.roles.some((r) => r.organisationId === plan.organisationId);
  const editable = member && (plan.status === 'draft' || plan.status === 'returned');
  // With a rulebook chain (XZ 第六条, DT 第八条) the pending step names who decides; the server checks again.
  const pending = plan.chain.steps.find((s) => s.id === plan.currentStep) ?? null;
  const decider =
    plan.status === 'submitted' &&
    me.roles.some((r) =>
      pending
        ? pending.roles.includes(r.role) && pending.organisationIds.includes(r.organisationId)
        : r.jurisdictionId === plan.jurisdictionId &&
          (plan.scope === 'jurisdiction' ? r.role === 'leadership_body' : isAuthorityRole(r.role)),
    );
  const departments = (orgs.data?.items ?? []).filter(
    (o) =>
      o.kind === 'department' &&
      (plan.scope === 'department' ? o.id === plan.organisationId : o.jurisdictionId === plan.jurisdictionId),
  );

  const add = async () => {
    const values = await form.validateFields();
    await run('已增加条目', () => addPlanEntry(plan.id, { ...values, summary: values.summary ?? '' }));
    form.resetFields();
  };

  return (
    <>
      <PageHeader
        title={plan.title}
        description={`${plan.kindName} · ${plan.organisationName} · ${plan.scopeName}`}
        extra={<Badge status={PLAN_STATUS_BADGE[plan.status] ?? 'default'} text={plan.statusName} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          items={[
            {
              key: 'y',
              label: '年度',
              children: plan.endYear > plan.year ? `${plan.year}—${plan.endYear}` : plan.year,
            },
            { key: 'j', label: '行政区划', children: plan.jurisdictionName },
            {
              key: 'd',
              label: plan.chain.steps.length > 0 ? '最近办理' : '批准（备案）',
              children: plan.decidedAt
                ? `${formatDateTime(plan.decidedAt)} ${plan.decisionOpinion ?? ''}`
                : '—',
            },
            { key: 's', label: '说明', children: plan.summary || '—' },
          ]}
        />
      </Card>
      {plan.chain.steps.length > 0 && (
        <Card title="报批（备案）环节" style={{ marginBottom: 16 }}>
          <Steps
            size="small"
            current={Math.max(
              0,
              plan.chain.steps.findIndex((s) => s.state === 'pending'),
            )}
            items={plan.chain.steps.map((s) => ({
              title: s.name,
              description: `${s.deciderName} · 依据 ${s.articles.join('、')}`,
              status:
                s.state === 'approved'
                  ? 'finish'
                  : s.state === 'pending'
                    ? 'process'
                    : s.state === 'refused'
                      ? 'error'
                      : 'wait',
            }))}
          />
          {plan.chain.decisions.length > 0 && (
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey={(d) => `${d.stepId}-${d.at}`}
              pagination={false}
              dataSource={plan.chain.decisions}
              columns={[
                { title: '环节', dataIndex: 'stepName' },
                { title: '办理单位', dataIndex: 'organisationName' },
                { title: '决定', dataIndex: 'decisionName', width: 100 },
                { title: '意见', dataIndex: 'opinion' },
                { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 180 },
              ]}
            />
          )}
        </Card>
      )}
      <Card title="计划条目" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          pagination={false}
          dataSource={plan.entries}
          columns={[
            { title: '单位', dataIndex: 'organisationName' },
            { title: '拟建项目', dataIndex: 'projectName' },
            {
              title: '估算投资',
              dataIndex: 'estimatedBudget',
              align: 'right',
              render: (v: string) => formatYuan(v),
            },
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '已关联项目',
              dataIndex: 'linkedProjects',
              render: (list: { id: string; code: string; name: string }[]) =>
                list.length
                  ? list.map((l) => (
                      <Link key={l.id} to={`/projects/${l.id}`}>
                        {l.code}{' '}
                      </Link>
                    ))
                  : '—',
            },
            ...(editable
              ? [
                  {
                    title: '',
                    width: 60,
                    render: (_: unknown, e: { id: string }) => (
                      <Button
                        type="link"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => void run('已删除', () => removePlanEntry(plan.id, e.id))}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        {editable && (
          <Form
            form={form}
            layout="inline"
            style={{ marginTop: 16, rowGap: 8 }}
            initialValues={{ year: plan.year }}
          >
            <Form.Item name="organisationId" rules={[{ required: true, message: '选择单位' }]}>
              <Select
                placeholder="单位"
                style={{ width: 220 }}
                options={departments.map((o) => ({ value: o.id, label: o.name }))}
              />
            </Form.Item>
            <Form.Item name="projectName" rules={[{ required: true, min: 2 }]}>
              <Input placeholder="拟建项目" style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              name="estimatedBudget"
              rules={[
                {
                  required: true,
                  validator: (_, v) =>
                    v && isYuan(String(v)) ? Promise.resolve() : Promise.reject(new Error('金额（元）')),
                },
              ]}
            >
              <Input placeholder="估算投资（元）" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="year"
              rules={[
                { required: true, message: '请填写年度' },
                numberRule({ label: '年度', min: plan.year, max: plan.endYear, integer: true }),
              ]}
            >
              <InputNumber placeholder="年度" />
            </Form.Item>
            <Button icon={<PlusOutlined />} onClick={() => void add()}>
              增加
            </Button>
          </Form>
        )}
      </Card>
      {editable && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => void run('已报送', () => submitPlan(plan.id))}
        >
          {plan.scope === 'jurisdiction' ? '报送批准' : '报主管部门备案'}
        </Button>
      )}
      {decider && (
        <Card title={pending ? pending.name : plan.scope === 'jurisdiction' ? '审批规划' : '规划备案'}>
          <Flex vertical gap={8} style={{ maxWidth: 640 }}>
            <Input.TextArea
              rows={3}
              placeholder="意见"
              value={opinion}
              onChange={(e) => setOpinion(e.target.value)}
            />
            <Space>
              <Button
                type="primary"
                onClick={() =>
                  void run('已办理', () => decidePlan(plan.id, { decision: 'approve', opinion }))
                }
              >
                {pending ? '同意' : plan.scope === 'jurisdiction' ? '批准' : '予以备案'}
              </Button>
              <Button
                danger
                disabled={!opinion.trim()}
                onClick={() => void run('已退回', () => decidePlan(plan.id, { decision: 'return', opinion }))}
              >
                退回
              </Button>
              {pending?.canRefuse && (
                <Button
                  danger
                  disabled={!opinion.trim()}
                  onClick={() =>
                    void run('已作出不予通过的决定', () =>
                      decidePlan(plan.id, { decision: 'refuse', opinion }),
                    )
                  }
                >
                  不予通过
                </Button>
              )}
            </Space>
            <Typography.Text type="secondary">
              依据 {pending ? pending.articles.join('、') : 'DT-08、SC-07、XZ-06'}。
            </Typography.Text>
          </Flex>
        </Card>
      )}
    </>
  );
}
