import { Button, Card, Col, message, Row, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { downloadOverview, fmtTime, LABELS, type Overview, ops } from '../api.ts';

const statusTag = (s: string) => (
  <Tag color={s === 'overdue' ? 'red' : s === 'due_soon' ? 'orange' : 'green'}>{LABELS.status[s]}</Tag>
);

/** 安全概览：主管部门看本辖区到期测评、逾期演练与未办结事件（部门看本单位）。 */
export default function OperationsOverview() {
  const { data, error, loading, reload } = useRequest(ops.overview);
  const [exporting, setExporting] = useState(false);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  const o: Overview | undefined = data;
  const exportIt = async () => {
    setExporting(true);
    try {
      await downloadOverview();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <PageHeader
        title="安全概览"
        description="等保测评、密评到期与逾期，应急演练，未办结安全事件（报告时限：较大及以上 4 小时，关键信息基础设施 1 小时）。"
        extra={
          <Button onClick={exportIt} loading={exporting}>
            导出 Excel
          </Button>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(
          [
            ['已定级系统', o?.counts.gradedSystems],
            ['逾期测评', o?.counts.overdueAssessments],
            ['逾期演练', o?.counts.overdueDrills],
            ['未办结事件', o?.counts.openIncidents],
            ['逾期未报', o?.counts.missedReports],
            ['未向主管部门报备', o?.counts.missingFilings],
          ] as const
        ).map(([title, value]) => (
          <Col key={title} span={4}>
            <Card size="small">
              <Statistic title={title} value={value ?? 0} loading={loading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title="到期与逾期的测评" size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey={(r) => `${r.systemId}-${r.kind}`}
          loading={loading}
          dataSource={o?.assessments ?? []}
          pagination={false}
          columns={[
            { title: '系统', render: (_, r) => `${r.systemName}（${r.systemCode}）` },
            { title: '责任单位', dataIndex: 'organisationName' },
            { title: '类别', dataIndex: 'kind', render: (k: string) => LABELS.assessment[k] },
            { title: '等级', dataIndex: 'level' },
            { title: '上次评估', dataIndex: 'lastAssessedOn', render: (d) => d ?? '未评估' },
            { title: '到期日', dataIndex: 'dueDate' },
            { title: '状态', dataIndex: 'status', render: statusTag },
            { title: '依据', dataIndex: 'article' },
          ]}
        />
      </Card>
      <Card title="计划中的应急演练" size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          loading={loading}
          dataSource={o?.drills ?? []}
          pagination={false}
          columns={[
            { title: '预案', dataIndex: 'planTitle' },
            { title: '单位', dataIndex: 'organisationName' },
            { title: '计划日期', dataIndex: 'plannedOn' },
            { title: '场景', dataIndex: 'scenario' },
            { title: '状态', dataIndex: 'status', render: statusTag },
          ]}
        />
      </Card>
      <Card title="未办结安全事件" size="small">
        <Table
          rowKey="id"
          loading={loading}
          dataSource={o?.incidents ?? []}
          pagination={false}
          columns={[
            { title: '事件', dataIndex: 'title' },
            { title: '单位', dataIndex: 'organisationName' },
            { title: '级别', dataIndex: 'incidentClass', render: (c: string) => LABELS.incidentClass[c] },
            { title: '发现时间', dataIndex: 'foundAt', render: fmtTime },
            { title: '报告时限', dataIndex: 'reportDueAt', render: fmtTime },
            {
              title: '提示',
              render: (_, r) => (
                <>
                  {r.reportOverdue && <Tag color="red">逾期未报告</Tag>}
                  {r.authorityFilingMissing && (
                    <Tag color="orange">未向主管部门报备（{r.authorityFilingArticle}）</Tag>
                  )}
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
