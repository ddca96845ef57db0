import { DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { TaskItem } from '../../workbench/api.ts';
import { DELIVERABLE_OPTIONS, PROBLEM_OPTIONS, PROCUREMENT_OPTIONS, type Rectification } from './api.ts';

export type Dialog =
  | { kind: 'sign' }
  | { kind: 'order' }
  | { kind: 'report'; item: Rectification }
  | { kind: 'decide'; item: Rectification }
  | { kind: 'step'; task: TaskItem }
  | null;

/** The fields of the page's one dialog: 登记合同, 责令整改, 报送整改, 认定, or a construction step. */
export function ConstructionDialogFields({ dialog }: { dialog: Dialog }) {
  return (
    <>
      {dialog?.kind === 'sign' && (
        <>
          <Form.Item name="number" label="合同编号" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="procurementMethod" label="采购方式" rules={[{ required: true }]}>
            <Select options={PROCUREMENT_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="procurementResult"
            label="中标（成交）结果"
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="contractorName" label="承建单位" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="amount" label="合同金额（元）" rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} stringMode />
          </Form.Item>
          <Form.Item name="signedOn" label="签订日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="ownershipClause" label="合同已明确系统及数据归属" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="deliverables" label="约定交付的成果">
            <Select mode="multiple" options={DELIVERABLE_OPTIONS} />
          </Form.Item>
        </>
      )}
      {dialog?.kind === 'order' && (
        <>
          <Form.Item name="problemKind" label="问题类别" rules={[{ required: true }]}>
            <Select options={PROBLEM_OPTIONS} />
          </Form.Item>
          <Form.Item name="description" label="问题情况" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="workingDays" label="整改期限（工作日）" rules={[{ required: true }]}>
            <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      {dialog?.kind === 'step' && (
        <>
          <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
            <Radio.Group options={dialog.task.outcomes.map((o) => ({ value: o.event, label: o.name }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
            {({ getFieldValue }) => {
              const chosen = dialog.task.outcomes.find((o) => o.event === getFieldValue('outcome'));
              const needed = chosen !== undefined && !chosen.normal;
              return (
                <Form.Item
                  name="opinion"
                  label="意见"
                  rules={
                    needed
                      ? [
                          {
                            required: true,
                            whitespace: true,
                            min: 2,
                            message: `“${chosen.name}”须填写办理意见`,
                          },
                        ]
                      : []
                  }
                >
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
              );
            }}
          </Form.Item>
        </>
      )}
      {dialog?.kind === 'report' && (
        <Form.Item name="report" label="整改情况" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      )}
      {dialog?.kind === 'decide' && (
        <>
          <Form.Item name="outcome" label="认定结果" rules={[{ required: true }]}>
            <Select
              options={
                dialog.item.state === 'reported'
                  ? [
                      { value: 'rectified', label: '整改合格' },
                      { value: 'failed', label: '整改后仍不符合要求' },
                    ]
                  : [{ value: 'refused', label: '拒不整改' }]
              }
            />
          </Form.Item>
          <Form.Item name="note" label="说明（不合格或拒不整改须填写）">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </>
  );
}
