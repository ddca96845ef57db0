import {
  Alert,
  Card,
  DatePicker,
  Flex,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageSpin } from '../../../components/FullPageSpin.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { systemCount } from '../api.ts';
import { WithCatalogMeta } from '../components/CatalogPage.tsx';
import type { CatalogMeta, MonthlyCount } from '../types.ts';
import { INCREASE_COLOR } from './chart.ts';
import { SystemCountChart } from './SystemCountChart.tsx';

const columns: TableColumnsType<MonthlyCount> = [
  { title: '月份', dataIndex: 'month', width: 100 },
  { title: '月末在册', dataIndex: 'count', width: 100 },
  {
    title: '较上月',
    dataIndex: 'change',
    width: 110,
    render: (change: number, m) =>
      m.increased ? (
        <Tag color="red">+{change} 增加</Tag>
      ) : change < 0 ? (
        <Tag color="green">{change}</Tag>
      ) : (
        <Typography.Text type="secondary">持平</Typography.Text>
      ),
  },
  {
    title: '说明',
    dataIndex: 'explanation',
    render: (text: string, m) =>
      m.increased ? <Typography.Text style={{ color: INCREASE_COLOR }}>{text}</Typography.Text> : text,
  },
];

function SystemCount({ meta }: { meta: CatalogMeta }) {
  const [jurisdiction, setJurisdiction] = useState(meta.me.jurisdictions[0]?.code);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(11, 'month'), dayjs()]);
  const fetcher = useCallback(
    (signal: AbortSignal) =>
      systemCount({ jurisdiction, from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') }, signal),
    [jurisdiction, range],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
  const months = data?.months ?? [];
  const last = months.at(-1);
  const first = months[0];
  const changed = months.filter((m) => m.change !== 0);

  return (
    <>
      <PageHeader
        title="只减不增"
        description="政务信息系统总量只减不增、建设只合不分（DT-01）：各月末在册系统数及增减原因；总量较上月增加的月份标红，需说明理由。"
        extra={
          <Flex gap={12} wrap>
            {meta.me.jurisdictions.length > 1 && (
              <Select
                style={{ width: 180 }}
                value={jurisdiction}
                onChange={setJurisdiction}
                options={meta.me.jurisdictions.map((j) => ({ value: j.code, label: j.name }))}
              />
            )}
            <DatePicker.RangePicker
              picker="month"
              allowClear={false}
              value={range}
              onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
            />
          </Flex>
        }
      />
      {error ? (
        <ApiErrorResult error={error} onRetry={reload} />
      ) : !data ? (
        <PageSpin />
      ) : (
        <>
          {data.increases > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={`${data.jurisdiction.name}有 ${data.increases} 个月系统总量较上月增加，违反“只减不增”，请核实新增系统的理由（DT-01）`}
            />
          )}
          <Flex gap={16} wrap style={{ marginBottom: 16 }}>
            <Card variant="borderless" style={{ flex: 1, minWidth: 200 }}>
              <Statistic
                title={`${data.jurisdiction.name} 当前在册系统`}
                value={last?.count ?? 0}
                suffix="个"
              />
            </Card>
            <Card variant="borderless" style={{ flex: 1, minWidth: 200 }}>
              <Statistic
                title={`较 ${first?.month ?? ''} 月初`}
                value={(last?.count ?? 0) - (first?.previousCount ?? 0)}
                suffix="个"
                styles={{
                  content: {
                    color: (last?.count ?? 0) > (first?.previousCount ?? 0) ? INCREASE_COLOR : undefined,
                  },
                }}
              />
            </Card>
            <Card variant="borderless" style={{ flex: 1, minWidth: 200 }}>
              <Statistic
                title="总量增加的月份"
                value={data.increases}
                suffix="个"
                styles={{ content: { color: data.increases > 0 ? INCREASE_COLOR : undefined } }}
              />
            </Card>
          </Flex>
          <Card variant="borderless" loading={loading} style={{ marginBottom: 16 }}>
            <SystemCountChart months={months} />
          </Card>
          <Card variant="borderless" title="增减说明">
            <Table<MonthlyCount>
              rowKey="month"
              size="small"
              columns={columns}
              dataSource={changed}
              pagination={false}
              locale={{ emptyText: '所选期间系统总量没有变化' }}
            />
          </Card>
        </>
      )}
    </>
  );
}

/** 只减不增 (DT-01): the authority's view of the system count of its jurisdiction. */
export default function SystemCountPage() {
  return <WithCatalogMeta>{(meta) => <SystemCount meta={meta} />}</WithCatalogMeta>;
}
