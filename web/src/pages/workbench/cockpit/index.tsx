import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { EChart } from '../../../components/EChart.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { formatYuan } from '../../projects/logic.ts';
import { getCockpit } from './api.ts';
import { departmentOption, moneyOption, overdueOption, stateOption } from './charts.ts';

const GRADE_COLORS: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

/**
 * 领导驾驶舱: one screen for the leadership — projects by state and department, money requested and
 * 立项 and disbursed by year, overdue obligations, grades and open incidents. Every bar, slice and
 * figure opens the filtered list behind it; the page prints on
 * one A4 landscape sheet.
 */
export default function CockpitPage() {
  const navigate = useNavigate();
  const { data, error, loading, reload } = useRequest(getCockpit);
  const options = useMemo(
    () =>
      data && {
        state: stateOption(data),
        department: departmentOption(data),
        money: moneyOption(data),
        overdue: overdueOption(data),
      },
    [data],
  );
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <div className="cockpit" data-testid="cockpit">
      <PageHeader
        title="领导驾驶舱"
        description={
          data
            ? `本人可见项目的统计，截至 ${formatDateTime(data.generatedAt)}。点击图形查看对应的项目清单。`
            : '加载中…'
        }
        extra={
          <Space className="no-print">
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
              刷新
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </Space>
        }
      />
      {!data || !options ? (
        <Card loading />
      ) : data.totals.projects === 0 ? (
        <Empty description="暂无可统计的项目" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <Card>
              <Link to="/projects/list">
                <Statistic title="项目总数" value={data.totals.projects} suffix="个" />
              </Link>
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card>
              <Statistic title="申请总额" value={formatYuan(data.totals.requested)} />
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card>
              <Link to="/projects/list?state=established">
                <Statistic title="已立项总额" value={formatYuan(data.totals.approved)} />
              </Link>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title="项目状态" size="small">
              <EChart option={options.state} onDrill={navigate} label="项目按状态" testId="chart-state" />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title="各部门项目（按状态）" size="small">
              <EChart
                option={options.department}
                onDrill={navigate}
                label="各部门项目数"
                testId="chart-department"
                height={Math.max(320, data.byDepartment.slice(0, 15).length * 36 + 80)}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title="分年度申请、立项与拨付金额（万元）" size="small">
              <EChart option={options.money} onDrill={navigate} label="分年度金额" testId="chart-money" />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title="逾期未办事项（按部门、类别）" size="small">
              {data.overdueObligations.length === 0 ? (
                <Empty description="没有逾期事项" />
              ) : (
                <EChart
                  option={options.overdue}
                  onDrill={navigate}
                  label="逾期事项"
                  testId="chart-overdue"
                  height={Math.max(
                    240,
                    new Set(data.overdueObligations.map((o) => o.organisationId)).size * 36 + 80,
                  )}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="部门年度考核等次" size="small" data-testid="cockpit-grades">
              {data.grades.length === 0 ? (
                <Empty description="暂无考核结果" />
              ) : (
                <Table
                  size="small"
                  rowKey="organisationId"
                  pagination={false}
                  dataSource={data.grades}
                  columns={[
                    {
                      title: '部门',
                      dataIndex: 'organisationName',
                      render: (name: string, g) => <Link to={g.drill}>{name}</Link>,
                    },
                    { title: '年度', dataIndex: 'year', width: 80 },
                    { title: '得分', dataIndex: 'score', width: 70 },
                    {
                      title: '等次',
                      dataIndex: 'gradeName',
                      width: 90,
                      render: (name: string, g) => <Tag color={GRADE_COLORS[g.grade]}>{name}</Tag>,
                    },
                  ]}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="未办结的安全事件" size="small" data-testid="cockpit-incidents">
              <Link to={data.openIncidents.drill}>
                <Statistic title="未办结" value={data.openIncidents.total} suffix="起" />
              </Link>
              <Space wrap style={{ marginTop: 8 }}>
                {data.openIncidents.byDepartment.map((d) => (
                  <Link key={d.organisationId} to={d.drill}>
                    <Tag color="red">
                      {d.organisationName} {d.count} 起
                    </Tag>
                  </Link>
                ))}
              </Space>
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
