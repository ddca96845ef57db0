import { Button, Descriptions, Space, Table, Tag } from 'antd';
import { PHASES, type RoundProject } from '../../api.ts';

const obligationTag = (p: RoundProject) =>
  p.selfEvaluation ? (
    <Tag color="green">已报送</Tag>
  ) : p.obligation?.overdue ? (
    <Tag color="red">逾期未报</Tag>
  ) : (
    <Tag>待报送{p.obligation?.dueDate ? `（${p.obligation.dueDate} 前）` : ''}</Tag>
  );

const spotCheckText = (conclusion: 'consistent' | 'issues') =>
  conclusion === 'issues' ? '发现问题' : '属实';

/** A project's self-evaluation report and the finance department's spot check of it. */
function SelfEvaluationDetail({ project: p }: { project: RoundProject }) {
  return (
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
          {spotCheckText(p.selfEvaluation.spotCheck.conclusion)}
          {p.selfEvaluation.spotCheck.keyProject ? '（重点项目）' : ''}：{p.selfEvaluation.spotCheck.findings}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The round's projects: self-evaluation, spot check and score, with the caller's actions on each. */
export function ProjectsTable(props: {
  projects: RoundProject[];
  loading: boolean;
  /** The caller manages the round (the authority): scores; otherwise reports self-evaluations. */
  manage: boolean;
  /** The rulebook has a finance spot check of self-evaluations. */
  spotCheck: boolean;
  onSelfEvaluate: (p: RoundProject) => void;
  onSpotCheck: (selfEvaluationId: string) => void;
  onScore: (p: RoundProject) => void;
}) {
  const { manage } = props;
  return (
    <Table<RoundProject>
      rowKey="id"
      loading={props.loading}
      dataSource={props.projects}
      pagination={false}
      expandable={{
        rowExpandable: (p) => p.selfEvaluation !== null,
        expandedRowRender: (p) => <SelfEvaluationDetail project={p} />,
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
                {spotCheckText(p.selfEvaluation.spotCheck.conclusion)}
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
          render: (_, p) => {
            const selfEvaluation = p.selfEvaluation;
            return (
              <Space>
                {!selfEvaluation && !manage && (
                  <Button size="small" type="link" onClick={() => props.onSelfEvaluate(p)}>
                    报送自评价
                  </Button>
                )}
                {selfEvaluation && !selfEvaluation.spotCheck && props.spotCheck && (
                  <Button size="small" type="link" onClick={() => props.onSpotCheck(selfEvaluation.id)}>
                    抽查
                  </Button>
                )}
                {manage && (
                  <Button size="small" type="link" onClick={() => props.onScore(p)}>
                    评分
                  </Button>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
