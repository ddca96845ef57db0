import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import { CHANGE_KIND_OPTIONS, type ChangeRequest } from './api.ts';
import { PlanFields } from './parts.tsx';

export type Dialog =
  | { kind: 'baseline' }
  | { kind: 'report' }
  | { kind: 'change' }
  | { kind: 'evaluate'; item: ChangeRequest }
  | { kind: 'decide'; item: ChangeRequest }
  | null;

/** The fields of the page's one dialog: 进度计划, 填报, 调整申请, 评估, 决定. */
export function ProgressDialogFields({
  dialog,
  evaluationParticipants,
}: {
  dialog: Dialog;
  /** The rulebook names who takes part in the evaluation. */
  evaluationParticipants: boolean;
}) {
  return (
    <>
      {dialog?.kind === 'baseline' && (
        <>
          <Form.Item name="startOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker />
          </Form.Item>
          <PlanFields />
        </>
      )}
      {dialog?.kind === 'report' && (
        <>
          <Form.Item name="period" label="填报期间" rules={[{ required: true, message: '请选择期间' }]}>
            <DatePicker picker="month" />
          </Form.Item>
          <Form.List name="milestones">
            {(fields) =>
              fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} noStyle>
                    <Input disabled style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'done']} valuePropName="checked">
                    <Checkbox>已完成</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'doneOn']}>
                    <DatePicker placeholder="完成日期" />
                  </Form.Item>
                </Space>
              ))
            }
          </Form.List>
          <Form.Item name="percentDone" label="完成比例（%）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item
            name="fundsUsed"
            label="累计使用资金（元）"
            rules={[{ required: true, message: '请填写' }]}
          >
            <InputNumber min={0} max={9999999999999} precision={2} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
        </>
      )}
      {dialog?.kind === 'change' && (
        <>
          <Form.Item name="kinds" label="调整事项" rules={[{ required: true, message: '请选择调整事项' }]}>
            <Checkbox.Group options={CHANGE_KIND_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="description"
            label="调整内容"
            rules={[{ required: true, message: '请填写调整内容' }]}
          >
            <Input.TextArea maxLength={4000} rows={3} />
          </Form.Item>
          <Form.Item
            name="reason"
            label="调整理由（建设条件、建设内容的重大变化）"
            rules={[{ required: true, message: '请填写理由' }]}
          >
            <Input.TextArea maxLength={4000} rows={3} />
          </Form.Item>
          <Form.Item
            name="totalBudget"
            label="调整后总投资（元）"
            rules={[{ required: true, message: '请填写' }]}
          >
            <InputNumber min={0} max={9999999999999} precision={2} style={{ width: 220 }} />
          </Form.Item>
          <PlanFields />
        </>
      )}
      {dialog?.kind === 'evaluate' && (
        <>
          <Form.Item
            name="opinion"
            label="综合评估意见"
            rules={[{ required: true, message: '请填写评估意见' }]}
          >
            <Input.TextArea maxLength={4000} rows={3} />
          </Form.Item>
          {evaluationParticipants && (
            <Form.Item
              name="participants"
              label="参与评估的相关部门或技术专家"
              rules={[{ required: true, whitespace: true, message: '请填写参与方' }]}
            >
              <Input maxLength={1000} />
            </Form.Item>
          )}
        </>
      )}
      {dialog?.kind === 'decide' && (
        <>
          <Form.Item name="decision" label="决定" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group>
              <Radio value="approved">通过（形成新版进度计划）</Radio>
              <Radio value="rejected">不通过</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="opinion" label="意见" rules={[{ required: true, message: '请填写意见' }]}>
            <Input.TextArea maxLength={4000} rows={3} />
          </Form.Item>
        </>
      )}
    </>
  );
}
