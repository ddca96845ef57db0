import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { numberRule } from '../../../components/numberRules.ts';
import { budgetProblem, formatYuan, isYuan, toFen, wanHint, yearsTotal } from '../logic.ts';
import { yuanRule } from './values.ts';

/** Step 2 预算与绩效: total and yearly budget (checked here), performance targets, project owner. */
export function BudgetStep({ savedPhone }: { savedPhone?: string | null }) {
  const form = Form.useFormInstance();
  const totalBudget = Form.useWatch('totalBudget', form);
  const budgetYears = Form.useWatch('budgetByYear', form) as { year: number; amount: string }[] | undefined;
  // The yearly sum is checked against the total: a changed total re-checks a list already in error.
  useEffect(() => {
    if (totalBudget !== undefined && form.getFieldError('budgetByYear').length > 0)
      void form.validateFields([['budgetByYear']]).catch(() => undefined);
  }, [totalBudget, form]);
  return (
    <>
      <Form.Item
        name="totalBudget"
        label="项目总预算（元）"
        extra={wanHint(totalBudget) ?? '以元为单位，至多两位小数'}
        rules={[
          { required: true, message: '请填写项目总预算' },
          yuanRule,
          {
            validator: (_, v: string) =>
              !v || !isYuan(String(v)) || (toFen(String(v)) ?? 0n) > 0n
                ? Promise.resolve()
                : Promise.reject(new Error('项目总预算须大于 0 元')),
          },
        ]}
      >
        <Input style={{ maxWidth: 300 }} addonAfter="元" />
      </Form.Item>
      <Typography.Title level={5}>分年度预算（分年度实施的项目，各年之和须等于总预算）</Typography.Title>
      <Form.List
        name="budgetByYear"
        rules={[
          {
            // Checked here, on the budget step, not as a pop-up when saving (issue 17 item 4).
            validator: async (_, years: { year: number; amount: string }[] | undefined) => {
              const problem = budgetProblem(String(form.getFieldValue('totalBudget') ?? ''), years ?? []);
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item
                  name={[f.name, 'year']}
                  rules={[
                    { required: true, message: '请填写年度' },
                    numberRule({ label: '年度', min: 2000, max: 2100, integer: true }),
                  ]}
                >
                  <InputNumber placeholder="年度" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'amount']}
                  rules={[{ required: true, message: '请填写金额' }, yuanRule]}
                  extra={wanHint(budgetYears?.[f.name]?.amount)}
                >
                  <Input placeholder="金额（元）" addonAfter="元" />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ year: new Date().getFullYear(), amount: '' })}
            >
              增加年度
            </Button>
            {fields.length > 0 && (
              <Typography.Paragraph
                type="secondary"
                style={{ marginTop: 8 }}
                data-testid="budget-running-total"
              >
                各年合计 {formatYuan(yearsTotal(budgetYears))}（{wanHint(yearsTotal(budgetYears))}）
                {totalBudget && isYuan(String(totalBudget)) && ` / 总预算 ${formatYuan(String(totalBudget))}`}
              </Typography.Paragraph>
            )}
            <Form.Item style={{ marginBottom: 0 }}>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        绩效目标
      </Typography.Title>
      <Form.List name="performanceTargets">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'indicator']} rules={[{ required: true }]}>
                  <Input placeholder="指标" style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'target']} rules={[{ required: true }]}>
                  <Input placeholder="目标值" style={{ width: 200 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ indicator: '', target: '' })}>
              增加绩效目标
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        项目责任人（SC-15、JC-05-4）
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={['projectOwner', 'name']}
            label="姓名"
            rules={[{ required: true, whitespace: true, message: '提交前须确定项目责任人' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['projectOwner', 'title']} label="职务">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['projectOwner', 'phone']}
            label="联系电话"
            extra={savedPhone ? `已保存：${savedPhone}（留空不修改）` : '加密保存'}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
