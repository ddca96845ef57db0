import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { moveResource } from '../api.ts';
import { labelOf } from '../logic.ts';
import type { CatalogMeta, ResourceAction, ResourceDetail, ResourceItem } from '../types.ts';

const HINTS: Record<ResourceAction, string> = {
  submit: '提交后由本辖区主管部门审核；审核期间不能修改。',
  publish: '审核通过后资源即发布；开放属性允许的，将出现在公开的资源目录中。',
  return: '退回后由提供方修改并重新提交，请写明退回原因。',
  withdraw: '下架后资源不再对外提供，提供方可修改后重新提交审核。',
};

/** 提交审核 / 审核通过并发布 / 退回修改 / 下架, with the reviewer's note. */
export function ActionModal({
  meta,
  target,
  onClose,
  onDone,
}: {
  meta: CatalogMeta;
  target: { resource: ResourceItem; action: ResourceAction } | null;
  onClose: () => void;
  onDone: (detail: ResourceDetail) => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setError(null);
  }, [target, form]);

  if (!target) return null;
  const { resource, action } = target;
  const run = async ({ note }: { note?: string }) => {
    setSaving(true);
    try {
      onDone(await moveResource(resource.id, action, resource.version, note));
    } catch (e) {
      const apiError = asApiError(e);
      setError(apiError.article ? `${apiError.message}（${apiError.article}）` : apiError.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${labelOf(meta.resourceActions, action)}：${resource.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, danger: action === 'withdraw' || action === 'return' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={HINTS[action]} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={run}>
        <Form.Item
          name="note"
          label={action === 'submit' ? '说明' : '审核意见'}
          rules={action === 'return' ? [{ required: true, message: '请写明退回原因' }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
