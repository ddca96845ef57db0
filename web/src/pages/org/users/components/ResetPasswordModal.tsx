import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../../../api/client.ts';
import type { UserSummary } from '../../../../api/types.ts';
import { resetPassword } from '../api.ts';

/**
 * 重置密码: the system administrator sets a temporary password; the consequence is stated before the
 * reset (sessions end, change at next login). A policy refusal shows at the field.
 */
export function ResetPasswordModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ temporaryPassword: string; confirm: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await resetPassword(user.id, v.temporaryPassword);
      message.success(`已重置 ${user.displayName} 的密码，请将临时密码当面或通过安全渠道告知本人`);
      form.resetFields();
      onClose();
    } catch (e) {
      const err = asApiError(e);
      if (err.field === 'temporaryPassword')
        form.setFields([{ name: 'temporaryPassword', errors: [err.message] }]);
      else message.error(err.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={user !== null}
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      okText="确认重置"
      okButtonProps={{ danger: true, loading: saving }}
      onOk={submit}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="重置后该用户已登录的会话立即失效；下次登录须使用临时密码，并先修改为本人设定的新密码。重置记入审计日志。"
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="temporaryPassword"
          label="临时密码"
          rules={[{ required: true, message: '请输入临时密码' }, { max: 128 }]}
          extra="须符合密码策略（长度与字符种类），不得包含用户名或姓名"
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入"
          dependencies={['temporaryPassword']}
          rules={[
            { required: true, message: '请再次输入临时密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('temporaryPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
