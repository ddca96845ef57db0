import {
  AuditOutlined,
  CheckCircleOutlined,
  CommentOutlined,
  EditOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  ReloadOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Flex,
  Input,
  List,
  Modal,
  Row,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useAction } from '../../../hooks/useAction.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { certificateUrl } from '../../review/api.ts';
import { DueCell, waitedText } from '../../workbench/tasks/TaskTable.tsx';
import { addComment, withdrawProject } from '../../workflow/api.ts';
import { getProject, submitProject } from '../api.ts';
import { MaterialLink } from '../components/MaterialLink.tsx';
import { formatSize, STATE_BADGE } from '../logic.ts';
import type { WorkflowStep } from '../types.ts';
import { ApplicationDescriptions } from './components/ApplicationDescriptions.tsx';
import { HistoryTab } from './components/HistoryTab.tsx';
import { ReturnedBanner } from './components/ReturnedBanner.tsx';
import { SubmissionsTab } from './components/SubmissionsTab.tsx';

const STEP_STATUS: Record<string, 'wait' | 'process' | 'finish' | 'error'> = {
  done: 'finish',
  open: 'process',
  skipped: 'wait',
  not_reached: 'wait',
  closed: 'wait',
};

function stepDescription(s: WorkflowStep): string {
  if (s.status === 'skipped') return '不适用（按规则集跳过）';
  if (s.outcome) return `${s.outcome.name} · ${s.outcome.at}`;
  if (s.status === 'open') return `待 ${s.actorName} 办理`;
  return s.actorName;
}

/** 项目详情: the application, where it stands in its rulebook, what each open step needs, the history and the diffs. */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const fetcher = useCallback((signal: AbortSignal) => getProject(id, signal), [id]);
  const { data: p, error, loading, reload } = useRequest(fetcher);
  const [comment, setComment] = useState('');

  const run = useAction(reload);

  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!p) return <Card loading />;

  const inScope = p.workflow.steps.filter((s) => s.inScope);
  const current = Math.max(
    0,
    inScope.findIndex((s) => s.status === 'open'),
  );

  const withdraw = () =>
    Modal.confirm({
      title: '撤回最近一次办理？',
      content: '下一环节尚未办理时可以撤回；撤回后可修改后重新提交或重新办理。',
      onOk: () => run('已撤回', () => withdrawProject(p.id, '')),
    });

  return (
    <>
      <PageHeader
        title={
          <Space>
            {p.name}
            <Badge status={STATE_BADGE[p.state] ?? 'default'} text={p.stateName} />
          </Space>
        }
        description={`${p.code} · ${p.owner.name} · 适用《${p.rulebook.title}》（${p.rulebook.code} 第 ${p.rulebook.version} 版）`}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
              刷新
            </Button>
            <Link to={`/projects/supervision?projectId=${p.id}`}>
              <Button>期限与督办</Button>
            </Link>
            {p.state === 'established' && (
              <Link to={`/projects/${p.id}/construction`}>
                <Button>建设与整改</Button>
              </Link>
            )}
            {p.state === 'established' && (
              <Link to={`/projects/${p.id}/progress`}>
                <Button>进度与调整</Button>
              </Link>
            )}
            {p.permissions.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/projects/${p.id}/edit`)}>
                修改申报
              </Button>
            )}
            {p.permissions.canSubmit && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={() => void run('已提交', () => submitProject(p.id))}
              >
                提交申请
              </Button>
            )}
            {p.permissions.canReview && (
              <Button
                type="primary"
                icon={<AuditOutlined />}
                onClick={() => navigate(`/projects/${p.id}/review`)}
              >
                合理性审核
              </Button>
            )}
            {p.permissions.canGiveExpertOpinion && (
              <Button type="primary" onClick={() => navigate(`/projects/${p.id}/expert`)}>
                提交专家意见
              </Button>
            )}
            {p.permissions.canWithdraw && (
              <Button icon={<RollbackOutlined />} onClick={withdraw}>
                撤回
              </Button>
            )}
          </Space>
        }
      />

      {p.state === 'returned' && <ReturnedBanner projectId={p.id} canEdit={p.permissions.canEdit} />}

      <Card title="流程" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={current}
          items={inScope.map((s) => ({
            title: s.name,
            status: s.outcome?.event && /refus|fail/.test(s.outcome.event) ? 'error' : STEP_STATUS[s.status],
            description: stepDescription(s),
          }))}
          direction="vertical"
          style={{ maxWidth: 900 }}
        />
      </Card>

      {p.workflow.openSteps.filter((s) => !s.applicant).length > 0 && (
        <Card title="当前环节" style={{ marginBottom: 16 }}>
          <List
            dataSource={p.workflow.openSteps.filter((s) => !s.applicant)}
            renderItem={(s) => {
              const blocked = s.gates.filter((g) => !g.passed && g.severity === 'block');
              return (
                <List.Item
                  actions={[
                    <Link key="go" to={`/projects/${p.id}/steps/${s.stepId}`}>
                      <Button type={s.canAct ? 'primary' : 'default'} size="small">
                        {s.canAct ? '办理' : '查看 / 催办'}
                      </Button>
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {s.name}
                        <Tag>{s.stageName}</Tag>
                        {s.holder && <Tag color="purple">已转办：{s.holder.name}</Tag>}
                      </Space>
                    }
                    description={
                      <>
                        <div>
                          办理：{s.actorName} · 依据 {s.citation}
                        </div>
                        <div>
                          到达 {formatDateTime(s.since)}（{waitedText(s)}）· 期限：
                          <DueCell t={s} />
                        </div>
                        {blocked.map((g) => (
                          <Typography.Text key={g.gateId} type="danger" style={{ display: 'block' }}>
                            闸口未通过：{g.reason}（{g.citation}）
                          </Typography.Text>
                        ))}
                        {s.missingMaterials.map((m) => (
                          <Typography.Text key={m.code} type="warning" style={{ display: 'block' }}>
                            缺少材料：{m.name}（{m.citation}）
                          </Typography.Text>
                        ))}
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      )}

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title="申报内容" style={{ marginBottom: 16 }}>
            <ApplicationDescriptions project={p} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="材料" style={{ marginBottom: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.materials}
              locale={{ emptyText: '尚未上传材料' }}
              columns={[
                { title: '材料', dataIndex: 'materialName' },
                {
                  title: '文件',
                  dataIndex: 'originalName',
                  render: (_name: string, m) => (
                    <>
                      <MaterialLink projectId={p.id} m={m} />
                      <div>
                        <Typography.Text type="secondary">
                          {formatSize(m.size)} · SM3 {m.sm3.slice(0, 8)}…
                        </Typography.Text>
                      </div>
                    </>
                  ),
                },
              ]}
            />
          </Card>
          {p.certificates.length > 0 && (
            <Card title="备案文书" style={{ marginBottom: 16 }}>
              <List
                dataSource={p.certificates}
                renderItem={(c) => (
                  <List.Item
                    actions={[
                      <a key="docx" href={certificateUrl(p.id, c.id, 'docx')}>
                        <FileWordOutlined /> Word
                      </a>,
                      <a key="pdf" href={certificateUrl(p.id, c.id, 'pdf')}>
                        <FilePdfOutlined /> PDF
                      </a>,
                    ]}
                  >
                    <Space wrap>
                      {c.kind === 'filing' ? '合理性审查意见备案证明' : '不予备案通知书'}
                      <Typography.Text code>{c.number}</Typography.Text>
                      {c.issuedOn}
                      {c.revoked && <Tag>已撤销</Tag>}
                      {c.verified ? (
                        <Tag color="green" icon={<CheckCircleOutlined />}>
                          SM2 签名有效
                        </Tag>
                      ) : (
                        <Tag color="red">签名无效</Tag>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Col>
      </Row>

      <Card>
        <Tabs
          items={[
            {
              key: 'history',
              label: '办理历史',
              // Remounted on every change of the project, so the history is fresh.
              children: <HistoryTab key={p.version} projectId={p.id} />,
            },
            {
              key: 'submissions',
              label: `申报快照与差异（${p.submissionCount}）`,
              // Remounted on every change of the project, so the lists are fresh.
              children: <SubmissionsTab key={p.version} projectId={p.id} />,
            },
            {
              key: 'comment',
              label: (
                <span>
                  <CommentOutlined /> 发表意见
                </span>
              ),
              children: (
                <Flex vertical gap={8} style={{ maxWidth: 640 }}>
                  <Input.TextArea
                    rows={3}
                    maxLength={2000}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                  />
                  <Button
                    type="primary"
                    disabled={!comment.trim()}
                    onClick={() =>
                      void run('意见已记录', async () => {
                        await addComment(p.id, comment.trim());
                        setComment('');
                      })
                    }
                  >
                    发表
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {p.workflow.status === 'refused' && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message="该项目未通过（不予备案或不予立项），流程已结束。"
        />
      )}
    </>
  );
}
