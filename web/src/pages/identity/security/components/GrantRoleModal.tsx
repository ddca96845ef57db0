import { Alert, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, type RoleCode } from '../../../../access.ts';
import { asApiError } from '../../../../api/client.ts';
import type { Organisation } from '../../../../api/types.ts';
import { grantRole } from '../../../org/api.ts';
import { listOrganisations, type SecurityUser } from '../api.ts';

/** 授予角色: a role in an organisation. 三员分立 is enforced by the server (409 SEPARATION_OF_DUTIES). */
export function GrantRoleModal({
  user,
  onClose,
  onGranted,
}: {
  user: SecurityUser | null;
  onClose: () => void;
  onGranted: () => void;
}) {
  const [form] = Form.useForm<{ role: RoleCode; organisationId: string }>();
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!user) return;
    const controller = new AbortController();
    listOrganisations(controller.signal).then(
      (res) => setOrganisations(res.items),
      () => setOrganisations([]),
    );
    return () => controller.abort();
  }, [user]);

  const submit = async () => {
    const values = await form.validateFields();
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await grantRole(user.id, values.role, values.organisationId);
      form.resetFields();
      onGranted();
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? `为 ${user.displayName}（${user.username}）授予角色` : ''}
      okText="授予"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={() => {
        setError(null);
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {error && <Alert showIcon type="error" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
            placeholder="选择角色"
          />
        </Form.Item>
        <Form.Item label="单位" name="organisationId" rules={[{ required: true, message: '请选择单位' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={organisations.map((o) => ({ value: o.id, label: `${o.name}（${o.jurisdictionName}）` }))}
            placeholder="选择单位"
          />
        </Form.Item>
      </Form>
      <Alert
        type="info"
        showIcon
        title="三员分立：系统、安全、审计管理员角色不得兼任，也不得与业务角色兼任。授权变更后该用户须重新登录。"
      />
    </Modal>
  );
}
