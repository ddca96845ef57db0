import { App, Button, Card, Col, Descriptions, Flex, Input, Radio, Row, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { getProject } from '../../projects/api.ts';
import { MaterialLink } from '../../projects/components/MaterialLink.tsx';
import { ApplicationDescriptions } from '../../projects/detail/components/ApplicationDescriptions.tsx';
import { formatSize, formatYuan } from '../../projects/logic.ts';
import { useProjectMeta } from '../../projects/meta.ts';
import { giveExpertOpinion, listAssignments } from '../api.ts';

/** 专家意见: an assigned expert or evaluator reads the application and its materials and gives a signed opinion. */
export default function ExpertOpinionPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const meta = useProjectMeta();
  const projectFetcher = useCallback((signal: AbortSignal) => getProject(id, signal), [id]);
  const project = useRequest(projectFetcher);
  const mineFetcher = useCallback((signal: AbortSignal) => listAssignments(id, signal), [id]);
  const mine = useRequest(mineFetcher);
  const [conclusion, setConclusion] = useState('agree');
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);

  if (project.error) return <ApiErrorResult error={project.error} onRetry={project.reload} />;
  const p = project.data;
  if (!p) return <Card loading />;
  const assignment = mine.data?.items[0];

  const submit = async () => {
    setBusy(true);
    try {
      await giveExpertOpinion(id, { opinion: opinion.trim(), conclusion });
      message.success('意见已提交并签名');
      mine.reload();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={`专家意见：${p.name}`}
        description={
          <>
            <Link to={`/projects/${p.id}`}>{p.code}</Link> · {p.owner.name} · {p.typeName} · 总预算{' '}
            {formatYuan(p.totalBudget)}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title="申报内容" style={{ marginBottom: 16 }}>
            <ApplicationDescriptions project={p} />
          </Card>
          <Card title="申报材料" style={{ marginBottom: 16 }}>
            <Typography.Paragraph>{p.summary || '—'}</Typography.Paragraph>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.materials.filter((m) => m.stepId === null)}
              columns={[
                { title: '材料', dataIndex: 'materialName' },
                {
                  title: '文件',
                  dataIndex: 'originalName',
                  render: (_name: string, m) => (
                    <>
                      <MaterialLink projectId={p.id} m={m} />{' '}
                      <Typography.Text type="secondary">{formatSize(m.size)}</Typography.Text>
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="我的意见">
            {assignment && (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'k', label: '身份', children: assignment.kindName },
                  { key: 'f', label: '领域', children: assignment.fieldName ?? '—' },
                  { key: 'a', label: '指派时间', children: formatDateTime(assignment.assignedAt) },
                  ...(assignment.opinion
                    ? [
                        {
                          key: 'o',
                          label: '已提交',
                          children: (
                            <>
                              <Tag>{assignment.conclusionName}</Tag>
                              {assignment.verified && <Tag color="green">SM2 签名有效</Tag>}
                              <div>{assignment.opinion}</div>
                            </>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
            {p.permissions.canGiveExpertOpinion ? (
              <Flex vertical gap={12} style={{ marginTop: 12 }}>
                <Radio.Group
                  value={conclusion}
                  onChange={(e) => setConclusion(e.target.value)}
                  options={meta.expertConclusions}
                />
                <Input.TextArea
                  rows={6}
                  maxLength={5000}
                  placeholder="评审意见"
                  value={opinion}
                  onChange={(e) => setOpinion(e.target.value)}
                />
                <Button
                  type="primary"
                  loading={busy}
                  disabled={opinion.trim().length < 2}
                  onClick={() => void submit()}
                >
                  {assignment?.opinion ? '修改意见' : '提交意见'}
                </Button>
              </Flex>
            ) : (
              <Typography.Text type="secondary">审核环节已结束，意见不能再提交。</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
