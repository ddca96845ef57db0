import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiErrorResult } from '../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { formatYuan } from '../projects/logic.ts';
import { getCockpit } from './api.ts';
import { departmentOption, moneyOption, stateOption } from './charts.ts';
import { EChart } from './EChart.tsx';

/**
 * 领导驾驶舱: one screen for the leadership — projects by state and department, money requested and
 * 立项 by year. Every bar and slice opens the filtered project list behind it; the page prints on
 * one A4 landscape sheet.
 */
export default function CockpitPage() {
  const navigate = useNavigate();
  const { data, error, loading, reload } = useRequest(getCockpit);
  const options = useMemo(
    () => data && { state: stateOption(data), department: departmentOption(data), money: moneyOption(data) },
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
          <Col xs={24}>
            <Card title="分年度申请与立项金额（万元）" size="small">
              <EChart option={options.money} onDrill={navigate} label="分年度金额" testId="chart-money" />
              <Typography.Text type="secondary">
                拨付金额、逾期事项由资金与建设管理模块提供后在此显示。
              </Typography.Text>
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
