import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { asApiError } from '../../../../api/client.ts';
import type { UserSummary } from '../../../../api/types.ts';
import { createUser, updateUser } from '../api.ts';

interface Values {
  username: string;
  displayName: string;
  initialPassword: string;
  phone?: string;
  idNumber?: string;
}

/**
 * 新建 or 修改 a platform account (sys_admin, issue 17 item 8). A server refusal lands at its field
 * (the password policy, a taken username), not in a pop-up.
 */
export function UserModal({
  user,
  open,
  onClose,
  onDone,
}: {
  /** null: a new account. */
  user: UserSummary | null;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue({ username: user?.username ?? '', displayName: user?.displayName ?? '' });
  }, [open, user, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (user) {
        await updateUser(user.id, {
          displayName: v.displayName.trim(),
          ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
          ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
          version: user.version ?? 1,
        });
        message.success('已保存');
      } else {
        await createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          initialPassword: v.initialPassword,
          ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
          ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
        });
        message.success('账号已创建；首次登录须修改初始密码。角色由安全管理员授予。');
      }
      form.resetFields();
      onDone();
    } catch (e) {
      const err = asApiError(e);
      const field = err.field?.split(/[./]/)[0];
      if (field && ['username', 'displayName', 'initialPassword', 'phone', 'idNumber'].includes(field))
        form.setFields([{ name: field as keyof Values, errors: [err.message] }]);
      else message.error(err.message);
    }
  };

  return (
    <Modal
      title={user ? `修改用户：${user.username}` : '新建用户'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={user ? '保存' : '创建'}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="username"
          label="用户名"
          extra="小写字母开头，3–32 位字母、数字或 . _ -；创建后不可修改"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: '小写字母开头，3–32 位字母、数字或 . _ -' },
          ]}
        >
          <Input disabled={user !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, max: 50, message: '请填写姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="initialPassword"
            label="初始密码"
            extra="须符合密码策略；用户首次登录时必须修改"
            rules={[{ required: true, message: '请设定初始密码' }]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label="手机号"
          extra={user ? '留空不修改；加密保存、脱敏显示' : '加密保存、脱敏显示'}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号" extra={user ? '留空不修改' : undefined}>
          <Input maxLength={18} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
