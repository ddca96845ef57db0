import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError, asApiError, buildUrl, NETWORK_ERROR, toApiError } from '../../api/client.ts';

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
      let response: Response;
      try {
        response = await fetch(buildUrl('/api/workbench/export', { ...filters, list }), {
          credentials: 'same-origin',
        });
      } catch {
        throw new ApiError(0, { code: NETWORK_ERROR, message: '无法连接服务器，请检查网络后重试' });
      }
      if (!response.ok) {
        const body = (response.headers.get('content-type') ?? '').includes('json')
          ? await response.json()
          : undefined;
        throw toApiError(response.status, body, response.headers.get('x-request-id'));
      }
      const disposition = response.headers.get('content-disposition') ?? '';
      const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
      const fileName = star ? decodeURIComponent(star) : `${list}.xlsx`;
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      URL.revokeObjectURL(url);
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
