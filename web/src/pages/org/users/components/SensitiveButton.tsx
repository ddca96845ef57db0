import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../../../api/client.ts';
import type { UserSensitiveResponse, UserSummary } from '../../../../api/types.ts';
import { fetchSensitive } from '../api.ts';

/** 查看明文: asks first (the view is audited), then shows the unmasked values once in a dialog. */
export function SensitiveButton({ user }: { user: UserSummary }) {
  const { modal, message } = App.useApp();
  const [shown, setShown] = useState<UserSensitiveResponse | null>(null);

  if (!user.phoneMasked && !user.idNumberMasked) return null;

  const ask = () =>
    modal.confirm({
      title: `查看 ${user.displayName} 的个人信息明文？`,
      content: '本次查看将记入审计日志（操作人、时间、来源地址）。请仅在履职需要时查看。',
      okText: '查看',
      cancelText: '取消',
      onOk: async () => {
        try {
          setShown(await fetchSensitive(user.id));
        } catch (e) {
          message.error(asApiError(e).message);
        }
      },
    });

  return (
    <>
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={ask}>
        查看明文
      </Button>
      <Modal
        open={shown !== null}
        title={`${user.displayName} 的个人信息`}
        onCancel={() => setShown(null)}
        footer={<Button onClick={() => setShown(null)}>关闭</Button>}
        destroyOnHidden
      >
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="手机号">{shown?.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{shown?.idNumber ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Modal>
    </>
  );
}
