import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Baseline, Milestone, PeriodFunds } from './api.ts';

export interface PlanValues {
  milestones: { name: string; plannedOn: Dayjs }[];
  plannedFunds: { period: Dayjs; amount: number }[];
}

export const toPlan = (v: PlanValues) => ({
  milestones: (v.milestones ?? []).map((m) => ({
    name: m.name,
    plannedOn: m.plannedOn.format('YYYY-MM-DD'),
  })),
  plannedFunds: (v.plannedFunds ?? []).map((f) => ({
    period: f.period.format('YYYY-MM'),
    amount: String(f.amount),
  })),
});
export const fromPlan = (milestones: Milestone[], funds: PeriodFunds[]) => ({
  milestones: milestones.map((m) => ({ name: m.name, plannedOn: dayjs(m.plannedOn) })),
  plannedFunds: funds.map((f) => ({ period: dayjs(`${f.period}-01`), amount: Number(f.amount) })),
});

/** Milestones and planned funds per period, shared by the baseline and the adjustment application. */
export function PlanFields() {
  return (
    <>
      <Typography.Text strong>里程碑</Typography.Text>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, max: 100, message: '请填写里程碑' }]}
                >
                  <Input placeholder="里程碑名称" maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'plannedOn']}
                  rules={[{ required: true, message: '请选择计划日期' }]}
                >
                  <DatePicker placeholder="计划完成日期" />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除里程碑" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
              增加里程碑
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
        各期计划资金（元）
      </Typography.Text>
      <Form.List name="plannedFunds">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'period']} rules={[{ required: true, message: '请选择月份' }]}>
                  <DatePicker picker="month" placeholder="期间" />
                </Form.Item>
                <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: '请填写金额' }]}>
                  <InputNumber min={0} max={9999999999999} precision={2} placeholder="金额" />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除期间" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
              增加期间
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

export function BaselineView({ b }: { b: Baseline }) {
  return (
    <>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="开始日期">{b.startOn}</Descriptions.Item>
        <Descriptions.Item label="总投资（元）">{b.totalBudget}</Descriptions.Item>
        <Descriptions.Item label="来源">
          {b.changeRequestId ? '经批准的调整申请' : '批复的申报'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={b.milestones}
        columns={[
          { title: '里程碑', dataIndex: 'name' },
          { title: '计划完成日期', dataIndex: 'plannedOn', width: 140 },
        ]}
      />
    </>
  );
}
