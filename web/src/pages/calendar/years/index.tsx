import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row } from 'antd';
import { useEffect, useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listCalendarYears } from './api.ts';
import { DueDateCalculator } from './components/DueDateCalculator.tsx';
import { YearEditor } from './components/YearEditor.tsx';
import { YearList } from './components/YearList.tsx';

/** 节假日管理 (sys_admin): the State Council's yearly arrangements that working days count on. */
export default function CalendarPage() {
  const { data, error, loading, reload } = useRequest(listCalendarYears);
  const [selected, setSelected] = useState<number>();

  // Open the first year still to be entered (or the newest) once the list arrives.
  useEffect(() => {
    if (selected !== undefined || !data?.items.length) return;
    setSelected(data.items.find((y) => !y.known)?.year ?? data.items[0].year);
  }, [data, selected]);

  return (
    <>
      <PageHeader
        title="节假日管理"
        description="法定工作日按国务院办公厅每年公布的放假调休安排计算。某年度未录入前，跨入该年度的期限显示为“日历未知”。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
            刷新
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title="年度">
              {error ? (
                <ApiErrorResult error={error} onRetry={reload} />
              ) : (
                <YearList
                  items={data?.items ?? []}
                  loading={loading}
                  selected={selected}
                  onSelect={setSelected}
                />
              )}
            </Card>
            <Card variant="borderless" title="期限计算器">
              <DueDateCalculator />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={selected ? `${selected} 年放假安排` : '放假安排'}>
            {selected !== undefined && <YearEditor key={selected} year={selected} onSaved={reload} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
