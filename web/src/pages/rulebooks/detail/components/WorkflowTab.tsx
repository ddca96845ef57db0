import { Card, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { RulebookDetail, RuleMaterial, RuleStep } from '../../../../api/types.ts';
import { ArticleTags } from './ArticleTags.tsx';

const OUTCOME_COLOR = { refused: 'red', ended: 'default' } as const;

export function MaterialTag({ material: m }: { material: RuleMaterial }) {
  const tip = (
    <>
      <div>
        {m.requirementName}
        {m.condition && `：${m.condition.text}`}
      </div>
      {m.articles.map((a) => (
        <div key={a.id}>{a.citation}</div>
      ))}
    </>
  );
  return (
    <Tooltip title={tip}>
      <Tag
        color={m.requirement === 'required' ? 'green' : m.requirement === 'conditional' ? 'gold' : 'default'}
      >
        {m.name}
        {m.requirement !== 'required' && `（${m.requirement === 'conditional' ? '视情形' : '可选'}）`}
      </Tag>
    </Tooltip>
  );
}

function StepBlock({ step }: { step: RuleStep }) {
  return (
    <Flex vertical gap={6} style={{ paddingBottom: 8 }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{step.name}</Typography.Text>
        <ArticleTags articles={step.articles} />
        {step.recurring && <Tag color="cyan">每年办理</Tag>}
        {step.actionName && <Tag color="orange">受闸口控制：{step.actionName}</Tag>}
      </Flex>
      <Typography.Text>
        <Typography.Text type="secondary">办理主体：</Typography.Text>
        {step.actor.orgName}（{step.actor.roleName}）
      </Typography.Text>
      {step.condition && (
        <Typography.Text>
          <Typography.Text type="secondary">适用条件：</Typography.Text>
          {step.condition.text}
          <Typography.Text type="secondary">（不满足时跳过本步骤）</Typography.Text>
        </Typography.Text>
      )}
      <Flex gap={4} wrap align="center">
        <Typography.Text type="secondary">办理结果：</Typography.Text>
        {step.outcomes.map((o) => (
          <span key={o.event}>
            <Tag color={o.result ? OUTCOME_COLOR[o.result] : 'blue'}>{o.name}</Tag>
            <Typography.Text type="secondary">
              {o.result
                ? `→ ${o.resultName}`
                : o.next.length > 0
                  ? `→ ${o.next.map((n) => n.name).join('、')}`
                  : '→ 本分支办结'}
            </Typography.Text>
          </span>
        ))}
      </Flex>
      {step.materials.length > 0 && (
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">所需材料：</Typography.Text>
          {step.materials.map((m) => (
            <MaterialTag key={m.code} material={m} />
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** 流程: stages in lifecycle order, each a timeline of its steps. */
export function WorkflowTab({ rulebook }: { rulebook: RulebookDetail }) {
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        项目自“{rulebook.workflow.start.map((s) => s.name).join('、')}
        ”开始，按下列阶段流转；灰色节点为附条件步骤。
      </Typography.Text>
      {rulebook.workflow.stages.map((stage, index) => (
        <Card
          key={stage.code}
          size="small"
          title={
            <>
              {index + 1}. {stage.name}
              {stage.canonicalName !== stage.name && (
                <Typography.Text type="secondary">（{stage.canonicalName}）</Typography.Text>
              )}
            </>
          }
        >
          <Timeline
            items={stage.steps.map((step) => ({
              key: step.id,
              color: step.condition ? 'gray' : 'blue',
              content: <StepBlock step={step} />,
            }))}
          />
        </Card>
      ))}
    </Flex>
  );
}
