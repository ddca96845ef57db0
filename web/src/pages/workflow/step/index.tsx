import { CheckCircleOutlined, CloseCircleOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { getProject, uploadMaterial } from '../../projects/api.ts';
import { MaterialLink } from '../../projects/components/MaterialLink.tsx';
import { formatYuan } from '../../projects/logic.ts';
import type { OpenStep } from '../../projects/types.ts';
import { DueCell, waitedText } from '../../workbench/tasks/TaskTable.tsx';
import { colleaguesOf, decideStep, reassignStep, recordFinding, returnStep, urgeStep } from '../api.ts';
import {
  consequenceOf,
  decisionProblems,
  FindingsCard,
  opinionRequired,
  ReassignForm,
  ReturnModal,
} from './parts.tsx';

/**
 * 办理: one open review or approval step — who acts and by which article, the gates of its action,
 * the materials it needs, the outcomes the rulebook gives it; 退回, 转办 and 催办.
 */
export default function StepPage() {
  const { id = '', stepId = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const fetcher = useCallback((signal: AbortSignal) => getProject(id, signal), [id]);
  const { data: p, error, reload } = useRequest(fetcher);
  const colleagueFetcher = useCallback(
    (signal: AbortSignal) => colleaguesOf(id, stepId, signal),
    [id, stepId],
  );
  const colleagues = useRequest(colleagueFetcher);
  const [outcome, setOutcome] = useState<string | undefined>();
  const [opinion, setOpinion] = useState('');
  const [reasons, setReasons] = useState('');
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reassigning, setReassigning] = useState(false);

  const [tried, setTried] = useState(false);
  const step: OpenStep | undefined = p?.workflow.openSteps.find((s) => s.stepId === stepId);

  const act = async (label: string, action: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    try {
      await action();
      message.success(label);
      after ? after() : reload();
    } catch (e) {
      const err = asApiError(e);
      message.error(err.article ? `${err.message}（依据 ${err.article}）` : err.message, 8);
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!p) return <Card loading />;
  if (!step) {
    const done = p.workflow.steps.find((s) => s.stepId === stepId);
    return (
      <Alert
        type="info"
        showIcon
        message={
          done ? `“${done.name}”当前不在办理中（${done.outcome?.name ?? done.status}）` : '该环节不存在'
        }
        action={<Button onClick={() => navigate(`/projects/${id}`)}>返回项目</Button>}
      />
    );
  }

  const chosen = step.outcomes.find((o) => o.event === outcome);
  const isReview = step.outcomes.some((o) => o.event === 'review_completed');
  const problems = decisionProblems(chosen, opinion, reasons);
  const reasonList = reasons
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean);
  const submit = () => {
    setTried(true);
    if (!chosen || problems.opinion || problems.reasons) return;
    modal.confirm({
      title: `确认办理结果：${chosen.name}`,
      content: consequenceOf(chosen, step.name),
      okText: `确认${chosen.name}`,
      okButtonProps: chosen.refuses ? { danger: true } : {},
      cancelText: '再想想',
      onOk: () =>
        act(
          `已办理：${chosen.name}`,
          () =>
            decideStep(p.id, stepId, {
              outcome: chosen.event,
              opinion: opinion.trim(),
              ...(chosen.refuses ? { reasons: reasonList } : {}),
            }),
          () => navigate(`/projects/${p.id}`),
        ),
    });
  };
  const blocked = step.gates.filter((g) => !g.passed && g.severity === 'block');
  const decisionDocs = p.materials.filter((m) => m.stepId === stepId);

  return (
    <>
      <PageHeader
        title={`办理：${step.name}`}
        description={
          <>
            <Link to={`/projects/${p.id}`}>{p.name}</Link>（{p.code}）· {p.owner.name} · 总预算{' '}
            {formatYuan(p.totalBudget)}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 14, order: 1 }}>
          <Card title="办理依据" style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'actor', label: '办理单位', children: step.actorName },
                { key: 'basis', label: '依据', children: step.citation },
                { key: 'stage', label: '阶段', children: step.stageName },
                {
                  key: 'since',
                  label: '到达时间',
                  children: `${formatDateTime(step.since)}（${waitedText(step)}）`,
                },
                { key: 'due', label: '办理期限', children: <DueCell t={step} /> },
                ...(step.holder ? [{ key: 'holder', label: '转办给', children: step.holder.name }] : []),
              ]}
            />
            {step.gates.length > 0 && (
              <>
                <Typography.Title level={5}>闸口（{step.actionName}）</Typography.Title>
                <List
                  size="small"
                  dataSource={step.gates.filter((g) => g.applicable)}
                  renderItem={(g) => (
                    <List.Item>
                      <Space align="start">
                        {g.passed ? (
                          <CheckCircleOutlined style={{ color: '#52c41a' }} />
                        ) : g.severity === 'warn' ? (
                          <WarningOutlined style={{ color: '#faad14' }} />
                        ) : (
                          <CloseCircleOutlined style={{ color: '#ff4d4f' }} />
                        )}
                        <span>
                          {g.passed ? g.name : g.reason}
                          <Typography.Text type="secondary">（{g.citation}）</Typography.Text>
                        </span>
                      </Space>
                    </List.Item>
                  )}
                />
              </>
            )}
            {step.materials.length > 0 && (
              <>
                <Typography.Title level={5}>所需材料</Typography.Title>
                {step.materials.map((m) => (
                  <div key={m.code}>
                    {m.provided ? (
                      <Tag color="green">已具备</Tag>
                    ) : m.issued ? (
                      <Tag color="blue">办理时出具</Tag>
                    ) : step.missingMaterials.some((x) => x.code === m.code) ? (
                      <Tag color="red">缺</Tag>
                    ) : (
                      <Tag>{m.requirement === 'optional' ? '可选' : '本项目不需要'}</Tag>
                    )}{' '}
                    {m.name}（{m.article}）
                  </div>
                ))}
              </>
            )}
          </Card>
          {step.canAct && step.findings.length > 0 && (
            <FindingsCard
              step={step}
              busy={busy}
              onSave={(fact, value, reason) =>
                act(value === null ? '已撤销认定' : '已记录认定', () =>
                  recordFinding(p.id, stepId, { fact, value, reason }),
                )
              }
            />
          )}
          {step.canAct && (
            <Card title="决定文书" style={{ marginBottom: 16 }}>
              {decisionDocs.map((m) => (
                <div key={m.id}>
                  <MaterialLink projectId={p.id} m={m} />（{m.materialName}）
                </div>
              ))}
              <Space wrap style={{ marginTop: 8 }}>
                {[
                  ...step.materials.filter((m) => !m.provided && !m.issued),
                  { code: 'decision_document', name: '其他决定文书' },
                ].map((m) => (
                  <Upload
                    key={m.code}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void act(`已上传：${file.name}`, () => uploadMaterial(p.id, m.code, file, stepId));
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />}>上传{m.name}</Button>
                  </Upload>
                ))}
              </Space>
            </Card>
          )}
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 10, order: 2 }} style={{ marginBottom: 16 }}>
          <Card title={step.canAct ? '办理结果' : '催办'}>
            {step.canAct ? (
              <Flex vertical gap={12}>
                {blocked.length > 0 && chosen?.normal && (
                  <Alert type="error" showIcon message="有闸口未通过，提交“通过”类结果将被拒绝" />
                )}
                {isReview && (
                  <Alert
                    type="info"
                    showIcon
                    message="本环节先在“合理性审核”页填写五个方面的评分和意见，保存后再在此提交办理结果。"
                    action={
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => navigate(`/projects/${p.id}/review`)}
                      >
                        填写五个方面
                      </Button>
                    }
                  />
                )}
                <Form layout="vertical" component="div">
                  <Form.Item
                    label="办理结果"
                    required
                    validateStatus={tried && !chosen ? 'error' : undefined}
                    help={tried && !chosen ? '请选择办理结果' : undefined}
                    style={{ marginBottom: 12 }}
                  >
                    <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value)}>
                      <Space direction="vertical">
                        {step.outcomes.map((o) => (
                          <Radio key={o.event} value={o.event}>
                            {o.name} {o.refuses && <Tag color="red">结束流程</Tag>}
                          </Radio>
                        ))}
                      </Space>
                    </Radio.Group>
                  </Form.Item>
                  <Form.Item
                    label="办理意见"
                    required={opinionRequired(chosen)}
                    validateStatus={tried && problems.opinion ? 'error' : undefined}
                    help={tried ? problems.opinion : undefined}
                    style={{ marginBottom: 12 }}
                  >
                    <Input.TextArea
                      rows={4}
                      placeholder={opinionRequired(chosen) ? '办理意见（必填）' : '办理意见'}
                      maxLength={2000}
                      value={opinion}
                      onChange={(e) => setOpinion(e.target.value)}
                    />
                  </Form.Item>
                  {chosen?.refuses && (
                    <Form.Item
                      label="理由（每行一条）"
                      required
                      validateStatus={tried && problems.reasons ? 'error' : undefined}
                      help={tried ? problems.reasons : undefined}
                      style={{ marginBottom: 12 }}
                    >
                      <Input.TextArea
                        rows={3}
                        placeholder="不予备案、不予立项等否定结论须逐条说明理由"
                        value={reasons}
                        onChange={(e) => setReasons(e.target.value)}
                      />
                    </Form.Item>
                  )}
                </Form>
                <Button type="primary" danger={chosen?.refuses} loading={busy} onClick={submit}>
                  提交办理结果
                </Button>
                <Space>
                  <Button onClick={() => setReturning(true)}>退回</Button>
                  <Button
                    onClick={() => setReassigning(true)}
                    disabled={(colleagues.data?.items ?? []).length === 0}
                  >
                    转办
                  </Button>
                </Space>
              </Flex>
            ) : (
              <Flex vertical gap={12}>
                <Typography.Text>此环节由 {step.actorName} 办理。</Typography.Text>
                <Input.TextArea
                  rows={3}
                  placeholder="催办留言"
                  value={opinion}
                  onChange={(e) => setOpinion(e.target.value)}
                />
                <Button
                  loading={busy}
                  onClick={() => void act('已催办', () => urgeStep(p.id, stepId, opinion.trim()))}
                >
                  催办
                </Button>
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      <ReturnModal
        open={returning}
        onCancel={() => setReturning(false)}
        onOk={(to, reason) =>
          void act(
            '已退回',
            () => returnStep(p.id, stepId, { to, reason }),
            () => {
              setReturning(false);
              navigate(`/projects/${p.id}`);
            },
          )
        }
      />
      <Modal
        title="转办给同事"
        open={reassigning}
        onCancel={() => setReassigning(false)}
        footer={null}
        destroyOnHidden
      >
        <ReassignForm
          colleagues={colleagues.data?.items ?? []}
          onSubmit={(userId, note) =>
            void act(
              '已转办',
              () => reassignStep(p.id, stepId, { userId, note }),
              () => {
                setReassigning(false);
                navigate(`/projects/${p.id}`);
              },
            )
          }
        />
      </Modal>
    </>
  );
}
