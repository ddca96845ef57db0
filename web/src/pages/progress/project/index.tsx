import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Form,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useAction } from '../../../hooks/useAction.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import {
  CHANGE_STATE_COLORS,
  type ChangeRequest,
  createBaseline,
  decideChange,
  evaluateChange,
  getProgress,
  type ProgressReport,
  RISK_COLORS,
  requestChange,
  submitReport,
} from './api.ts';
import { progressSeries } from './chart.ts';
import { type Dialog, ProgressDialogFields } from './dialogs.tsx';
import { ProgressChart } from './ProgressChart.tsx';
import { BaselineView, fromPlan, toPlan } from './parts.tsx';

/** 项目进度: baseline versions, periodic reports with computed variance and risk, 调整申请. */
export default function ProgressPage() {
  const { id = '' } = useParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const page = useRequest(useCallback((s: AbortSignal) => getProgress(id, s), [id]));
  const data = page.data;
  const current = data?.baselines.find((b) => b.baselineVersion === data.currentBaselineVersion) ?? null;
  const series = useMemo(() => progressSeries(current, data?.reports ?? []), [current, data?.reports]);

  const run = useAction(() => {
    setDialog(null);
    page.reload();
  });
  if (page.error && !data) return <ApiErrorResult error={page.error} onRetry={page.reload} />;
  if (!data) return <Card loading />;
  const { rules, can } = data;
  const evaluateFirst = rules.changeOrder === 'evaluate_then_decide';

  const open = (d: Dialog) => {
    form.resetFields();
    if (d?.kind === 'change' && current) {
      form.setFieldsValue({
        ...fromPlan(current.milestones, current.plannedFunds),
        totalBudget: Number(current.totalBudget),
      });
    }
    if (d?.kind === 'report' && current) {
      form.setFieldsValue({ milestones: current.milestones.map((m) => ({ name: m.name, done: false })) });
    }
    setDialog(d);
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog?.kind === 'baseline') {
      await run('进度计划已建立', () =>
        createBaseline(id, { startOn: (v.startOn as Dayjs).format('YYYY-MM-DD'), ...toPlan(v) }),
      );
    } else if (dialog?.kind === 'report') {
      const milestones = (v.milestones as { name: string; done: boolean; doneOn?: Dayjs }[])
        .filter((m) => m.done)
        .map((m) => ({ name: m.name, doneOn: m.doneOn ? m.doneOn.format('YYYY-MM-DD') : null }));
      await run('进度报告已报送', () =>
        submitReport(id, {
          period: (v.period as Dayjs).format('YYYY-MM'),
          milestones,
          percentDone: v.percentDone,
          fundsUsed: String(v.fundsUsed),
          note: v.note ?? '',
        }),
      );
    } else if (dialog?.kind === 'change') {
      await run('调整申请已提交', () =>
        requestChange(id, {
          kinds: v.kinds,
          description: v.description,
          reason: v.reason,
          totalBudget: String(v.totalBudget),
          ...toPlan(v),
        }),
      );
    } else if (dialog?.kind === 'evaluate') {
      await run('综合评估已记录', () =>
        evaluateChange(id, dialog.item.id, {
          opinion: v.opinion,
          participants: v.participants ?? '',
          version: dialog.item.version,
        }),
      );
    } else if (dialog?.kind === 'decide') {
      await run('已作出决定', () =>
        decideChange(id, dialog.item.id, {
          decision: v.decision,
          opinion: v.opinion,
          version: dialog.item.version,
        }),
      );
    }
  };

  const reportColumns: TableColumnsType<ProgressReport> = [
    { title: '期间', dataIndex: 'period', width: 90 },
    { title: '完成比例', dataIndex: 'percentDone', width: 90, render: (p: number) => `${p}%` },
    { title: '累计使用资金（元）', dataIndex: 'fundsUsed', width: 150 },
    {
      title: '进度偏差',
      width: 150,
      render: (_: unknown, r) =>
        r.variance && (
          <Tag color={r.variance.scheduleVariancePoints < 0 ? 'orange' : 'green'}>
            计划 {r.variance.plannedPercent}%，{r.variance.scheduleVariancePoints >= 0 ? '超前' : '落后'}{' '}
            {Math.abs(r.variance.scheduleVariancePoints)} 个百分点
          </Tag>
        ),
    },
    {
      title: '费用偏差',
      render: (_: unknown, r) =>
        r.variance && (
          <Space direction="vertical" size={0}>
            <Typography.Text type={r.variance.costVariance.startsWith('-') ? 'danger' : undefined}>
              挣值 {r.variance.earnedValue} 元，偏差 {r.variance.costVariance} 元
              {r.variance.costVariancePercent !== null && `（${r.variance.costVariancePercent}%）`}
            </Typography.Text>
            <Typography.Text type="secondary">较计划用款 {r.variance.fundsVsPlan} 元</Typography.Text>
          </Space>
        ),
    },
    {
      title: '逾期里程碑',
      width: 140,
      render: (_: unknown, r) => r.variance?.lateMilestones.map((m) => <Tag key={m}>{m}</Tag>),
    },
    { title: '报送', width: 160, render: (_: unknown, r) => `${r.reportedByName} ${r.reportedOn}` },
  ];

  const changeColumns: TableColumnsType<ChangeRequest> = [
    { title: '调整事项', width: 140, render: (_: unknown, c) => c.kindNames.join('、') },
    { title: '调整内容与理由', render: (_: unknown, c) => `${c.description}（理由：${c.reason}）` },
    { title: '申请', width: 150, render: (_: unknown, c) => `${c.requestedByName} ${c.requestedOn}` },
    {
      title: '综合评估',
      width: 200,
      render: (_: unknown, c) =>
        c.evaluatedOn
          ? `${c.evaluatedByName}：${c.evaluationOpinion}${c.evaluationParticipants ? `（参与：${c.evaluationParticipants}）` : ''}`
          : '—',
    },
    {
      title: '决定',
      width: 180,
      render: (_: unknown, c) => (c.decidedOn ? `${c.decidedByName}：${c.decisionOpinion}` : '—'),
    },
    {
      title: '状态',
      width: 150,
      render: (_: unknown, c) => <Tag color={CHANGE_STATE_COLORS[c.state]}>{c.stateName}</Tag>,
    },
    {
      title: '操作',
      width: 110,
      render: (_: unknown, c) => {
        const canEvaluate = can.evaluate && c.state === (evaluateFirst ? 'submitted' : 'approved');
        const canDecide = can.decide && c.state === (evaluateFirst ? 'evaluated' : 'submitted');
        return (
          <Space>
            {canEvaluate && (
              <Button size="small" onClick={() => open({ kind: 'evaluate', item: c })}>
                综合评估
              </Button>
            )}
            {canDecide && (
              <Button size="small" type="primary" onClick={() => open({ kind: 'decide', item: c })}>
                决定
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const openChange = data.changes.some((c) => c.state === 'submitted' || c.state === 'evaluated');
  const titles: Record<NonNullable<Dialog>['kind'], string> = {
    baseline: '建立进度计划',
    report: '报送进度报告',
    change: '提交调整申请',
    evaluate: '综合评估调整申请',
    decide: '决定调整申请',
  };

  return (
    <>
      <PageHeader
        title="项目进度与调整申请"
        description={`${rules.reportWording}；${rules.changeWording}`}
        extra={
          <Space wrap>
            <Link to={`/projects/${id}`}>
              <Button>返回项目</Button>
            </Link>
            <Button icon={<ReloadOutlined />} onClick={page.reload} loading={page.loading}>
              刷新
            </Button>
          </Space>
        }
      />
      {!data.established && (
        <Alert type="info" showIcon message="项目立项后方可建立进度计划、报送进度和提交调整申请。" />
      )}
      <Card title="风险等级（平台依据事实计算）" size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical">
          <Space>
            <Tag color={RISK_COLORS[data.risk.level]} style={{ fontSize: 14 }}>
              风险{data.risk.label}
            </Tag>
            <Typography.Text type="secondary">
              逾期义务 {data.risk.overdueObligations} 项 · 未整改到位的整改通知 {data.risk.openRectifications}{' '}
              项
            </Typography.Text>
          </Space>
          {data.risk.reasons.map((r) => (
            <Typography.Text key={r}>· {r}</Typography.Text>
          ))}
        </Space>
      </Card>
      <Card
        title="进度计划"
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          !current &&
          can.report &&
          data.established && (
            <Button type="primary" onClick={() => open({ kind: 'baseline' })}>
              建立进度计划
            </Button>
          )
        }
      >
        {data.baselines.length === 0 ? (
          <Typography.Text type="secondary">尚未建立进度计划。</Typography.Text>
        ) : (
          <Tabs
            key={data.currentBaselineVersion ?? 0}
            defaultActiveKey={String(data.currentBaselineVersion)}
            items={[...data.baselines].reverse().map((b) => ({
              key: String(b.baselineVersion),
              label: `第 ${b.baselineVersion} 版${b.baselineVersion === data.currentBaselineVersion ? '（现行）' : ''}`,
              children: <BaselineView b={b} />,
            }))}
          />
        )}
      </Card>
      <Card
        title={`进度报告（每 ${rules.periodMonths} 个月一期${rules.periodFromText ? '' : '，文件未定周期，平台默认'}）`}
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          current &&
          can.report && (
            <Button type="primary" onClick={() => open({ kind: 'report' })}>
              报送进度报告
            </Button>
          )
        }
      >
        {data.reports.length > 0 && <ProgressChart series={series} />}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.reports}
          columns={reportColumns}
        />
        {data.periods.length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">各期报送期限：</Typography.Text>
            {data.periods.map((p) => (
              <Tag
                key={p.period}
                color={
                  p.state === 'overdue'
                    ? 'red'
                    : p.state === 'met'
                      ? p.late
                        ? 'orange'
                        : 'green'
                      : undefined
                }
              >
                {p.period} · {p.dueDate ?? '日历未知'} ·{' '}
                {p.state === 'met'
                  ? p.late
                    ? '逾期报送'
                    : '已报送'
                  : p.state === 'overdue'
                    ? '已逾期'
                    : '待报送'}
              </Tag>
            ))}
          </Space>
        )}
      </Card>
      <Card
        title={`调整申请（${evaluateFirst ? `${rules.evaluatorName}综合评估后决定` : `${rules.deciderName}通过后综合评估`}）`}
        size="small"
        extra={
          current &&
          can.request &&
          !openChange && <Button onClick={() => open({ kind: 'change' })}>提交调整申请</Button>
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.changes}
          columns={changeColumns}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog.kind] : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okText="提交"
        width={720}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <ProgressDialogFields dialog={dialog} evaluationParticipants={rules.evaluationParticipants} />
        </Form>
      </Modal>
    </>
  );
}
