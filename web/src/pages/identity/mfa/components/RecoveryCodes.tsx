import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Space, Typography } from 'antd';
import { useState } from 'react';

/** The ten recovery codes, shown once: copy or download, then confirm they are kept safe. */
export function RecoveryCodes({
  codes,
  username,
  onDone,
}: {
  codes: string[];
  username: string;
  onDone: () => void;
}) {
  const [saved, setSaved] = useState(false);

  const download = () => {
    const text = [
      `统筹 · 恢复码（账号 ${username}）`,
      '每个恢复码只能使用一次；手机验证器不可用时代替动态口令登录。请离线妥善保管。',
      '',
      ...codes,
      '',
    ].join('\r\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `tongchou-recovery-codes-${username}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 520 }}>
      <Alert
        showIcon
        type="warning"
        title="请立即保存恢复码"
        description="恢复码只显示这一次。手机丢失或验证器不可用时，可用其中任一个代替动态口令登录，每个只能使用一次。"
      />
      <div
        data-testid="recovery-codes"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, 1fr)',
          gap: 8,
          padding: 16,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
        }}
      >
        {codes.map((code) => (
          <Typography.Text key={code} code style={{ fontSize: 16 }}>
            {code}
          </Typography.Text>
        ))}
      </div>
      <Space>
        <Typography.Text copyable={{ text: codes.join('\n'), tooltips: ['复制全部', '已复制'] }}>
          复制全部
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={download}>
          下载为文本文件
        </Button>
      </Space>
      <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
        我已将恢复码保存在安全的地方
      </Checkbox>
      <div>
        <Button type="primary" disabled={!saved} onClick={onDone}>
          完成
        </Button>
      </div>
    </Flex>
  );
}
