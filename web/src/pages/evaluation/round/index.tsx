import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Progress,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import {
  compilationUrl,
  download,
  evaluation,
  PHASES,
  RECTIFICATION_STATES,
  type Rectification,
  type RoundDetail,
  type RoundProject,
  reportUrl,
  SOURCES,
  summaryUrl,
} from '../api.ts';
import { EfficacyForm, RectificationForm, ScoreForm, SelfEvaluationForm, SpotCheckForm } from './forms.tsx';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The departments' scores as a bar chart (echarts). */
function ResultsChart({ results }: { results: RoundDetail['results'] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: {},
      grid: { left: 160, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: results.map((r) => r.organisationName).reverse() },
      series: [
        {
          type: 'bar',
          data: results
            .map((r) => ({
              value: r.score,
              itemStyle: {
                color:
                  r.score >= 90
                    ? '#52c41a'
                    : r.score >= 75
                      ? '#1677ff'
                      : r.score >= 60
                        ? '#faad14'
                        : '#ff4d4f',
              },
            }))
            .reverse(),
          label: { show: true, position: 'right' },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [results]);
  return (
    <div
      ref={element}
      style={{ width: '100%', height: Math.max(160, results.length * 48) }}
      role="img"
      aria-label="各部门考核得分"
    />
  );
}

const obligationTag = (p: RoundProject) =>
  p.selfEvaluation ? (
    <Tag color="green">已报送</Tag>
  ) : p.obligation?.overdue ? (
    <Tag color="red">逾期未报</Tag>
  ) : (
    <Tag>待报送{p.obligation?.dueDate ? `（${p.obligation.dueDate} 前）` : ''}</Tag>
  );

/** 考核年度：自评价、抽查、评分、应用效能、整改、结果与报告。 */
export default function EvaluationRound() {
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const fetcher = useCallback((signal: AbortSignal) => evaluation.round(id, signal), [id]);
  const { data, error, loading, reload } = useRequest(fetcher);
  const [selfFor, setSelfFor] = useState<RoundProject | null>(null);
  const [checkFor, setCheckFor] = useState<string | null>(null);
  const [scoreFor, setScoreFor] = useState<RoundProject | null>(null);
  const [efficacyOpen, setEfficacyOpen] = useState(false);
  const [rectifyOpen, setRectifyOpen] = useState(false);
  const [systems, setSystems] = useState<{ id: string; name: string }[]>([]);
  const [evaluators, setEvaluators] = useState<{ id: string; name: string }[]>([]);
  const [progress, setProgress] = useState<{ label: string; percent: number } | null>(null);

  useEffect(() => {
    if (!data?.manage) return;
    api
      .get<{ items: { id: string; name: string; status: string }[] }>('/api/catalog/systems', {
        query: { status: 'in_operation', limit: 500 },
      })
      .then(
        (r) => setSystems(r.items),
        () => setSystems([]),
      );
    // 第三方评估机构 of the round's jurisdiction (DT-30: one of the efficacy evaluation's sources).
    api
      .get<{ items: { id: string; name: string; kind: string; jurisdictionId: string }[] }>(
        '/api/organisations',
      )
      .then(
        (r) =>
          setEvaluators(
            r.items.filter((o) => o.kind === 'evaluator' && o.jurisdictionId === data.jurisdictionId),
          ),
        () => setEvaluators([]),
      );
  }, [data?.manage, data?.jurisdictionId]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      reload();
    } catch (e) {
      message.error(asApiError(e).message);
      throw e;
    }
  };
  const generate = async (items: { label: string; path: string; file: string }[]) => {
    try {
      for (let i = 0; i < items.length; i++) {
        setProgress({ label: items[i].label, percent: Math.round((i / items.length) * 100) });
        await download(items[i].path, items[i].file);
      }
      setProgress({ label: '已生成', percent: 100 });
    } catch (e) {
      message.error(asApiError(e).message);
      setProgress(null);
    }
  };
  const results = useMemo(() => data?.results ?? [], [data]);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  const d = data;
  const indicators = d?.indicatorSet?.indicators ?? [];

  const projectsTab = (
    <Table<RoundProject>
      rowKey="id"
      loading={loading}
      dataSource={d?.projects ?? []}
      pagination={false}
      expandable={{
        rowExpandable: (p) => p.selfEvaluation !== null,
        expandedRowRender: (p) => (
          <Descriptions size="small" column={1} bordered>
            {p.selfEvaluation?.targets.map((t) => (
              <Descriptions.Item key={t.indicator} label={t.indicator}>
                目标 {t.target}；完成 {t.achieved}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="资金使用">{p.selfEvaluation?.fundsUsed} 元</Descriptions.Item>
            <Descriptions.Item label="产出">{p.selfEvaluation?.outputs}</Descriptions.Item>
            <Descriptions.Item label="效果">{p.selfEvaluation?.effects}</Descriptions.Item>
            <Descriptions.Item label="问题">{p.selfEvaluation?.problems || '无'}</Descriptions.Item>
            {p.selfEvaluation?.spotCheck && (
              <Descriptions.Item label="财政抽查">
                {p.selfEvaluation.spotCheck.conclusion === 'issues' ? '发现问题' : '属实'}
                {p.selfEvaluation.spotCheck.keyProject ? '（重点项目）' : ''}：
                {p.selfEvaluation.spotCheck.findings}
              </Descriptions.Item>
            )}
          </Descriptions>
        ),
      }}
      columns={[
        { title: '部门', dataIndex: 'organisationName' },
        { title: '项目', render: (_, p) => `${p.name}（${p.code}）` },
        { title: '自评价', render: (_, p) => obligationTag(p) },
        {
          title: '抽查',
          render: (_, p) =>
            p.selfEvaluation?.spotCheck ? (
              <Tag color={p.selfEvaluation.spotCheck.conclusion === 'issues' ? 'orange' : 'green'}>
                {p.selfEvaluation.spotCheck.conclusion === 'issues' ? '发现问题' : '属实'}
              </Tag>
            ) : (
              '—'
            ),
        },
        {
          title: '考核得分',
          render: (_, p) => (p.score ? `${p.score.total}（${PHASES[p.score.phase]}）` : '—'),
        },
        {
          title: '操作',
          render: (_, p) => (
            <Space>
              {!p.selfEvaluation && !d?.manage && (
                <Button size="small" type="link" onClick={() => setSelfFor(p)}>
                  报送自评价
                </Button>
              )}
              {p.selfEvaluation && !p.selfEvaluation.spotCheck && d?.spotCheck && (
                <Button size="small" type="link" onClick={() => setCheckFor(p.selfEvaluation?.id ?? null)}>
                  抽查
                </Button>
              )}
              {d?.manage && (
                <Button size="small" type="link" onClick={() => setScoreFor(p)}>
                  评分
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );

  const rectColumns = [
    { title: '部门', dataIndex: 'organisationName' },
    { title: '来源', dataIndex: 'source', render: (s: string) => SOURCES[s] },
    { title: '问题', dataIndex: 'finding' },
    { title: '整改意见', dataIndex: 'opinion' },
    { title: '期限', dataIndex: 'deadline' },
    {
      title: '状态',
      render: (_: unknown, r: Rectification) =>
        r.overdue ? (
          <Tag color="red">已逾期</Tag>
        ) : (
          <Tag color={r.state === 'closed' ? 'green' : undefined}>{RECTIFICATION_STATES[r.state]}</Tag>
        ),
    },
    {
      title: '操作',
      render: (_: unknown, r: Rectification) =>
        r.state !== 'closed' && !d?.manage ? (
          <Button
            size="small"
            type="link"
            onClick={() => {
              const report = window.prompt('整改情况');
              if (report)
                void run(
                  () => evaluation.reportRectification(r.id, report, r.version),
                  '已报告整改情况',
                ).catch(() => {});
            }}
          >
            报告整改
          </Button>
        ) : r.state === 'reported' && d?.manage ? (
          <Button
            size="small"
            type="link"
            onClick={() =>
              void run(() => evaluation.closeRectification(r.id, r.version), '已核销').catch(() => {})
            }
          >
            核销
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={d ? `${d.jurisdictionName} ${d.year} 年度考核` : '年度考核'}
        description={
          d
            ? `自评价报送截止 ${d.dueDate}；依据 ${[...d.articles.selfEvaluation, ...d.articles.assessment].join('、')}`
            : ''
        }
        extra={
          d?.manage && (
            <Space>
              <Button
                onClick={() =>
                  void run(() => evaluation.rollUp(d.id, d.version), '已汇总部门考核结果').catch(() => {})
                }
              >
                汇总部门结果
              </Button>
              <Button
                type="primary"
                disabled={!d.rolledUpAt || d.publishedAt !== null}
                onClick={() => void run(() => evaluation.publish(d.id, d.version), '已公示').catch(() => {})}
              >
                {d.publishedAt ? '已公示' : '公示结果'}
              </Button>
            </Space>
          )
        }
      />
      <Tabs
        items={[
          { key: 'projects', label: '自评价与评分', children: <Card size="small">{projectsTab}</Card> },
          {
            key: 'efficacy',
            label: '应用效能评估',
            children: (
              <Card
                size="small"
                extra={d?.manage && <Button onClick={() => setEfficacyOpen(true)}>登记评估</Button>}
              >
                <Table
                  rowKey="id"
                  dataSource={d?.efficacy ?? []}
                  pagination={false}
                  columns={[
                    { title: '部门', dataIndex: 'organisationName' },
                    { title: '系统', dataIndex: 'systemName' },
                    ...['support', 'satisfaction', 'efficiency_gain', 'sustainability', 'security'].map(
                      (code, i) => ({
                        title: ['支撑适配', '用户满意度', '效能提升', '可持续发展', '安全可靠'][i],
                        render: (_: unknown, e: RoundDetail['efficacy'][number]) =>
                          e.dimensions.find((x) => x.code === code)?.score ?? '—',
                      }),
                    ),
                    { title: '问卷', dataIndex: 'questionnaire', render: (v: number | null) => v ?? '—' },
                    { title: '综合', dataIndex: 'total', render: (v: number | null) => v ?? '—' },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'rectifications',
            label: '整改',
            children: (
              <Card
                size="small"
                extra={d?.manage && <Button onClick={() => setRectifyOpen(true)}>提出整改意见</Button>}
              >
                <Table
                  rowKey="id"
                  dataSource={d?.rectifications ?? []}
                  pagination={false}
                  columns={rectColumns}
                />
              </Card>
            ),
          },
          {
            key: 'results',
            label: '结果与报告',
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={14}>
                  <Card size="small" title="各部门得分">
                    {results.length ? (
                      <ResultsChart results={results} />
                    ) : (
                      <Typography.Text type="secondary">尚未汇总</Typography.Text>
                    )}
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <Card size="small" title="年度报告">
                    <Flex vertical gap={8}>
                      {results.map((r) => (
                        <Flex key={r.organisationId} justify="space-between" align="center">
                          <span>
                            {r.organisationName} <Tag>{r.gradeName}</Tag>
                          </span>
                          <Button
                            size="small"
                            onClick={() =>
                              void generate([
                                {
                                  label: r.organisationName,
                                  path: reportUrl(d?.id ?? '', r.organisationId),
                                  file: `${r.organisationName}${d?.year}年度考核报告.docx`,
                                },
                              ])
                            }
                          >
                            部门报告
                          </Button>
                        </Flex>
                      ))}
                      {d?.manage && (
                        <Button
                          type="primary"
                          onClick={() =>
                            void generate([
                              {
                                label: '汇编',
                                path: compilationUrl(d.id),
                                file: `${d.year}年度绩效考核汇编.docx`,
                              },
                              {
                                label: '汇总表',
                                path: summaryUrl(d.id),
                                file: `${d.year}年度绩效考核汇总.xlsx`,
                              },
                            ])
                          }
                        >
                          生成汇编与汇总表
                        </Button>
                      )}
                      {progress && (
                        <div>
                          <Typography.Text type="secondary">正在生成：{progress.label}</Typography.Text>
                          <Progress percent={progress.percent} size="small" />
                        </div>
                      )}
                      <Typography.Text type="secondary">
                        报告中的得分以表格呈现；公示页面：/public/evaluation
                      </Typography.Text>
                    </Flex>
                  </Card>
                </Col>
              </Row>
            ),
          },
        ]}
      />
      <SelfEvaluationForm
        project={selfFor}
        onClose={() => setSelfFor(null)}
        onSubmit={(v) =>
          run(
            () =>
              evaluation.selfEvaluate(id, {
                projectId: selfFor?.id,
                targets: [{ indicator: v.indicator, target: v.target, achieved: v.achieved }],
                fundsUsed: v.fundsUsed,
                outputs: v.outputs,
                effects: v.effects,
                problems: v.problems ?? '',
              }),
            '自评价报告已报送',
          ).then(() => setSelfFor(null))
        }
      />
      <SpotCheckForm
        open={checkFor !== null}
        financeName={d?.spotCheck?.financeName ?? '财政部门'}
        onClose={() => setCheckFor(null)}
        onSubmit={(v) =>
          run(() => evaluation.spotCheck(checkFor ?? '', v), '抽查意见已登记').then(() => setCheckFor(null))
        }
      />
      {scoreFor && (
        <ScoreForm
          project={scoreFor}
          indicators={indicators}
          onClose={() => setScoreFor(null)}
          onSubmit={(v) =>
            run(
              () =>
                evaluation.score(id, {
                  projectId: scoreFor.id,
                  phase: v.phase,
                  comment: v.comment ?? '',
                  scores: indicators
                    .filter((i) => i.phases.includes(v.phase))
                    .map((i) => ({ code: i.code, score: v.scores[i.code] })),
                  ...(scoreFor.score ? { version: scoreFor.score.version } : {}),
                }),
              '评分已保存',
            ).then(() => setScoreFor(null))
          }
        />
      )}
      <EfficacyForm
        open={efficacyOpen}
        systems={systems}
        evaluators={evaluators}
        onClose={() => setEfficacyOpen(false)}
        onSubmit={(v) => {
          const clean = (o: Record<string, number | undefined>) =>
            Object.fromEntries(Object.entries(o ?? {}).filter(([, x]) => typeof x === 'number'));
          return run(
            () =>
              evaluation.efficacy(id, {
                systemId: v.systemId,
                documentReview: clean(v.documentReview),
                thirdParty: clean(v.thirdParty),
                evaluatorOrganisationId: v.evaluatorOrganisationId,
                ...(typeof v.satisfaction === 'number' ? { satisfaction: v.satisfaction } : {}),
              }),
            '应用效能评估已登记',
          ).then(() => setEfficacyOpen(false));
        }}
      />
      <RectificationForm
        open={rectifyOpen}
        projects={d?.projects ?? []}
        onClose={() => setRectifyOpen(false)}
        onSubmit={(v) =>
          run(
            () =>
              evaluation.rectify(id, {
                projectId: v.target,
                source: v.source,
                finding: v.finding,
                opinion: v.opinion,
                deadline: v.deadline,
              }),
            '整改意见已下达',
          ).then(() => setRectifyOpen(false))
        }
      />
    </>
  );
}
