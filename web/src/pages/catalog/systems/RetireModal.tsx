import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { retireSystem } from '../api.ts';
import { showProblems } from '../components/formProblems.ts';
import type { SystemDetail, SystemItem } from '../types.ts';

interface Values {
  retirementDate: Dayjs;
  mergedInto?: string;
  remarks?: string;
}

/**
 * 报废或并入 (DT-01 只减不增、只合不分): the retirement date, and the system it was merged into when
 * it was integrated into another. A retired system is final.
 */
export function RetireModal({
  system,
  candidates,
  onClose,
  onSaved,
}: {
  system: SystemItem | null;
  /** Live systems of the same jurisdiction it may be merged into. */
  candidates: SystemItem[];
  onClose: () => void;
  onSaved: (detail: SystemDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [other, setOther] = useState<string[]>([]);

  useEffect(() => {
    if (system) {
      form.resetFields();
      form.setFieldsValue({ retirementDate: dayjs() });
      setOther([]);
    }
  }, [system, form]);

  const save = async (values: Values) => {
    if (!system) return;
    setSaving(true);
    try {
      onSaved(
        await retireSystem(system.id, {
          retirementDate: values.retirementDate.format('YYYY-MM-DD'),
          ...(values.mergedInto ? { mergedInto: values.mergedInto } : {}),
          ...(values.remarks ? { remarks: values.remarks } : {}),
          version: system.version,
        }),
      );
    } catch (error) {
      setOther(showProblems(form, error, ['retirementDate', 'mergedInto', 'remarks']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={system ? `报废或并入：${system.name}` : ''}
      open={system !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认报废"
      okButtonProps={{ danger: true, loading: saving }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="系统总量只减不增、建设只合不分：报废后目录信息不再修改，计入“只减不增”统计（DT-01）。"
      />
      {other.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={other.join('；')} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={save}>
        <Form.Item
          name="retirementDate"
          label="报废日期"
          rules={[{ required: true, message: '请选择报废日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="mergedInto" label="并入系统" extra="因整合并入其他系统而报废的，选择并入的系统">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={candidates
              .filter((c) => c.id !== system?.id && c.status !== 'retired')
              .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
          />
        </Form.Item>
        <Form.Item name="remarks" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
