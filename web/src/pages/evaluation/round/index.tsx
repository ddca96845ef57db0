import { App, Button, Card, Space, Table, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { asApiError, call } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { evaluation, type RoundDetail, type RoundProject } from '../api.ts';
import { ProjectsTable } from './components/ProjectsTable.tsx';
import { RectificationsTable } from './components/RectificationsTable.tsx';
import { ResultsPanel } from './components/ResultsPanel.tsx';
import { EfficacyForm, RectificationForm, ScoreForm, SelfEvaluationForm, SpotCheckForm } from './forms.tsx';

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

  useEffect(() => {
    if (!data?.manage) return;
    call('get', '/api/catalog/systems', { query: { status: 'in_operation', limit: 500 } }).then(
      (r) => setSystems(r.items),
      () => setSystems([]),
    );
    // 第三方评估机构 of the round's jurisdiction (DT-30: one of the efficacy evaluation's sources).
    call('get', '/api/organisations').then(
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
  const results = useMemo(() => data?.results ?? [], [data]);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  const d = data;
  const indicators = d?.indicatorSet?.indicators ?? [];

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
          {
            key: 'projects',
            label: '自评价与评分',
            children: (
              <Card size="small">
                <ProjectsTable
                  projects={d?.projects ?? []}
                  loading={loading}
                  manage={d?.manage === true}
                  spotCheck={Boolean(d?.spotCheck)}
                  onSelfEvaluate={setSelfFor}
                  onSpotCheck={setCheckFor}
                  onScore={setScoreFor}
                />
              </Card>
            ),
          },
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
                <RectificationsTable
                  rectifications={d?.rectifications ?? []}
                  manage={d?.manage === true}
                  run={run}
                />
              </Card>
            ),
          },
          {
            key: 'results',
            label: '结果与报告',
            children: <ResultsPanel round={d} results={results} />,
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
                projectId: selfFor?.id ?? '',
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
