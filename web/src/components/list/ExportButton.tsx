import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

/**
 * 导出 Excel: downloads the list with its current filters (the server caps the rows, names the user
 * and the time in the file, and audits the export).
 */
export function ExportButton({ list, filters }: { list: string; filters: Record<string, string> }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile('/api/workbench/export', { ...filters, list }, `${list}.xlsx`);
      message.success('已按当前筛选条件导出；本次导出已记入审计日志');
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      导出 Excel
    </Button>
  );
}
