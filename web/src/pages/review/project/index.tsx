import { SaveOutlined, UserAddOutlined } from '@ant-design/icons';
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
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { useSession } from '../../../auth/context.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { numberRule } from '../../../components/numberRules.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { ProjectDedup } from '../../dedup/components/ProjectDedup.tsx';
import { getProject } from '../../projects/api.ts';
import { formatYuan } from '../../projects/logic.ts';
import { useProjectMeta } from '../../projects/meta.ts';
import { assignExpert, getExpertPool, getReview, listAssignments, saveReview } from '../api.ts';
import type { ExpertPool } from '../types.ts';

interface ReviewForm {
  opinions: Record<string, { score?: number; opinion: string }>;
  sharingAnalysisOpinion: string;
  /** 'yes' | 'no' | 'none' (no finding: the applicant's declaration stands). */
  findings: Record<string, 'yes' | 'no' | 'none'>;
}

/**
 * 合理性审核: the five dimensions (DT-09b, SC-11a, XZ-10a) with scores and opinions, the opinion on
 * the 信息资源共享分析篇 where required (SC-09a), findings that feed the gates, last year's assessment
 * of the department (DT-31), and experts and third-party evaluators assigned by field (DT-09d).
 */
export default function ReviewPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { access } = useSession();
  const [form] = Form.useForm<ReviewForm>();
  const { reviewDimensions: DIMENSIONS, reviewFindings: FINDINGS } = useProjectMeta();
  const projectFetcher = useCallback((signal: AbortSignal) => getProject(id, signal), [id]);
  const project = useRequest(projectFetcher);
  const reviewFetcher = useCallback((signal: AbortSignal) => getReview(id, signal), [id]);
  const review = useRequest(reviewFetcher);
  const assignmentsFetcher = useCallback((signal: AbortSignal) => listAssignments(id, signal), [id]);
  const assignments = useRequest(assignmentsFetcher);
  const poolFetcher = useCallback(
    (signal: AbortSignal) =>
      access.canManageExperts
        ? getExpertPool(signal)
        : Promise.resolve<ExpertPool>({ items: [], candidates: [] }),
    [access.canManageExperts],
  );
  const pool = useRequest(poolFetcher);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const r = review.data?.review;
    form.setFieldsValue({
      opinions: Object.fromEntries(DIMENSIONS.map((d) => [d.value, r?.opinions[d.value] ?? { opinion: '' }])),
      sharingAnalysisOpinion: r?.sharingAnalysisOpinion ?? '',
      findings: Object.fromEntries(
        FINDINGS.map((f) => {
          const v = r?.findings[f.value];
          return [f.value, v === undefined ? 'none' : v ? 'yes' : 'no'];
        }),
      ),
    });
  }, [review.data, form, DIMENSIONS, FINDINGS]);

  if (project.error) return <ApiErrorResult error={project.error} onRetry={project.reload} />;
  if (review.error) return <ApiErrorResult error={review.error} onRetry={review.reload} />;
  const p = project.data;
  const v = review.data;
  if (!p || !v) return <Card loading />;
  const editable = p.permissions.canReview;

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return; // the problems are shown at their fields
    }
    const values = form.getFieldsValue(true) as ReviewForm;
    setSaving(true);
    try {
      await saveReview(id, {
        opinions: Object.fromEntries(
          DIMENSIONS.map((d) => {
            const o = values.opinions?.[d.value] ?? { opinion: '' };
            return [
              d.value,
              { ...(o.score != null ? { score: o.score } : {}), opinion: (o.opinion ?? '').trim() },
            ];
          }),
        ),
        ...(v.requiresSharingOpinion
          ? { sharingAnalysisOpinion: values.sharingAnalysisOpinion?.trim() || null }
          : {}),
        findings: Object.fromEntries(
          FINDINGS.map((f) => {
            const v = values.findings?.[f.value] ?? 'none';
            return [f.value, v === 'none' ? null : v === 'yes'];
          }),
        ),
        ...(v.review ? { version: v.review.version } : {}),
      });
      message.success('审核意见已保存');
      review.reload();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={`合理性审核：${p.name}`}
        description={
          <>
            <Link to={`/projects/${p.id}`}>{p.code}</Link> · {p.owner.name} · 总预算{' '}
            {formatYuan(p.totalBudget)} · {v.stepName ?? '本规则集无五个方面审核环节'}
          </>
        }
        extra={
          editable &&
          v.stepId && (
            <Button type="primary" onClick={() => navigate(`/projects/${p.id}/steps/${v.stepId}`)}>
              完成审核（办理）
            </Button>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ProjectDedup projectId={p.id} />
          <Card title="五个方面的审核意见" style={{ marginBottom: 16 }}>
            {!editable && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                message="审核环节不在办理中，或您不是本环节的办理人：只读"
              />
            )}
            <Form form={form} layout="vertical" disabled={!editable || saving}>
              {DIMENSIONS.map((d) => (
                <Row key={d.value} gutter={12}>
                  <Col flex="120px">
                    <Form.Item
                      name={['opinions', d.value, 'score']}
                      label={`${d.label}评分`}
                      rules={[numberRule({ label: '评分', min: 0, max: 100, integer: true })]}
                    >
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={['opinions', d.value, 'opinion']} label={`${d.label}意见`}>
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              {v.requiresSharingOpinion && (
                <Form.Item name="sharingAnalysisOpinion" label="对信息资源共享分析篇的意见（SC-09a，必填）">
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
              )}
              <Typography.Text strong>
                审核发现（作为规则集闸口的依据；不作认定时以申报单位的声明为准）
              </Typography.Text>
              {FINDINGS.map((f) => (
                <Form.Item
                  key={f.value}
                  name={['findings', f.value]}
                  label={f.label}
                  style={{ marginBottom: 8 }}
                >
                  <Radio.Group
                    options={[
                      { value: 'none', label: '不作认定' },
                      { value: 'yes', label: '是' },
                      { value: 'no', label: '否' },
                    ]}
                  />
                </Form.Item>
              ))}
              {editable && (
                <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
                  保存审核意见
                </Button>
              )}
            </Form>
            {v.review && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                最近保存：{v.review.reviewerName} · {formatDateTime(v.review.updatedAt)}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="申报部门上一年度考核（DT-31）" style={{ marginBottom: 16 }}>
            {v.lastAssessment ? (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'y', label: '年度', children: v.lastAssessment.year },
                  { key: 's', label: '得分', children: v.lastAssessment.score },
                  { key: 'g', label: '等级', children: <Tag>{v.lastAssessment.gradeName}</Tag> },
                  { key: 'm', label: '摘要', children: v.lastAssessment.summary || '—' },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">暂无考核结果</Typography.Text>
            )}
          </Card>
          <Card title="专家与第三方评估（DT-09d）">
            {p.permissions.canAssignExperts && (
              <AssignForm projectId={id} pool={pool.data} onDone={assignments.reload} />
            )}
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              loading={assignments.loading}
              dataSource={assignments.data?.items ?? []}
              locale={{ emptyText: '尚未指派' }}
              columns={[
                {
                  title: '专家',
                  dataIndex: 'name',
                  render: (name: string, a) => (
                    <>
                      {name} <Tag>{a.fieldName ?? a.kindName}</Tag>
                    </>
                  ),
                },
                {
                  title: '意见',
                  dataIndex: 'opinion',
                  render: (opinion: string | null, a) =>
                    opinion ? (
                      <>
                        <Tag color={a.conclusion === 'disagree' ? 'red' : 'green'}>{a.conclusionName}</Tag>
                        {a.verified && <Tag color="green">已签名</Tag>}
                        <div>{opinion}</div>
                      </>
                    ) : (
                      <Typography.Text type="secondary">待提交</Typography.Text>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function AssignForm({
  projectId,
  pool,
  onDone,
}: {
  projectId: string;
  pool?: ExpertPool;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const meta = useProjectMeta();
  const [kind, setKind] = useState<'expert' | 'evaluator'>('expert');
  const [userId, setUserId] = useState<string | undefined>();
  const [field, setField] = useState<string | undefined>();
  const options =
    kind === 'expert'
      ? (pool?.items ?? [])
          .filter((e) => !field || e.fields.includes(field))
          .map((e) => ({ value: e.userId, label: `${e.name}（${e.fieldNames.join('、')}）` }))
      : (pool?.candidates ?? [])
          .filter((c) => c.role === 'third_party_evaluator')
          .map((c) => ({ value: c.userId, label: c.name }));
  const assign = async () => {
    if (!userId) return;
    try {
      await assignExpert(projectId, { userId, kind, field: kind === 'expert' ? (field ?? null) : null });
      message.success('已指派');
      setUserId(undefined);
      onDone();
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Select
          value={kind}
          onChange={(k) => {
            setKind(k);
            setUserId(undefined);
          }}
          options={meta.assignmentKinds}
        />
        {kind === 'expert' && (
          <Select
            allowClear
            placeholder="领域"
            style={{ width: 140 }}
            value={field}
            onChange={setField}
            options={meta.expertFields}
          />
        )}
      </Space>
      <Select
        placeholder="选择"
        value={userId}
        onChange={setUserId}
        options={options}
        showSearch
        optionFilterProp="label"
      />
      <Button icon={<UserAddOutlined />} disabled={!userId} onClick={() => void assign()}>
        指派（本单位人员须回避）
      </Button>
    </Flex>
  );
}
