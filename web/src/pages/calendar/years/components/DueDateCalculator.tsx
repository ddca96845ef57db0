import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { asApiError } from '../../../../api/client.ts';
import type { ComputeResponse, DeadlineUnit } from '../../../../api/types.ts';
import { computeDueDate } from '../api.ts';
import { weekdayOf } from '../rows.ts';

interface Values {
  from: Dayjs;
  amount: number;
  unit: DeadlineUnit;
}

const UNITS: { value: DeadlineUnit; label: string }[] = [
  { value: 'working_days', label: '个工作日' },
  { value: 'calendar_days', label: '日（自然日）' },
  { value: 'calendar_months', label: '个月' },
];

/** 期限计算器: from date + amount + unit → due date, saying when a year's calendar is unknown. */
export function DueDateCalculator() {
  const [result, setResult] = useState<ComputeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const onFinish = async (values: Values) => {
    setLoading(true);
    setError(null);
    try {
      setResult(await computeDueDate(values.from.format('YYYY-MM-DD'), values.amount, values.unit));
    } catch (e) {
      setResult(null);
      setError(asApiError(e).message);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Form<Values>
        layout="inline"
        onFinish={onFinish}
        initialValues={{ from: dayjs(), amount: 5, unit: 'working_days' }}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item label="起算日" name="from" rules={[{ required: true, message: '请选择起算日' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true, message: '请填写数量' }]}>
          <InputNumber min={0} max={10000} precision={0} aria-label="数量" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="unit">
          <Select options={UNITS} style={{ width: 130 }} aria-label="单位" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={loading}>
            计算
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
      {result &&
        (result.known ? (
          <Alert
            type="success"
            showIcon
            title={`到期日：${result.date}（${weekdayOf(result.date)}）`}
            description="按法定工作日（含调休上班日）计算，起算日当日不计入。"
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            title="该日期所在年度尚无节假日数据（日历未知）"
            description={`缺少 ${result.unknownYears.join('、')} 年的放假安排，按周一至周五推算为 ${result.date}（${weekdayOf(result.date)}），仅供参考；请先录入该年度的放假安排。`}
          />
        ))}
    </>
  );
}
