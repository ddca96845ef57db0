import { type TableColumnsType, Tag, Typography } from 'antd';
import { type ObligationItem, remainingText, STATE_LABELS } from '../api/obligations.ts';

/** The columns every obligation list ends with: 剩余 (red when overdue) and 状态. */
export const obligationStatusColumns: TableColumnsType<ObligationItem> = [
  {
    title: '剩余',
    width: 170,
    render: (_: unknown, o) => (
      <Typography.Text type={o.overdue ? 'danger' : undefined}>{remainingText(o)}</Typography.Text>
    ),
  },
  {
    title: '状态',
    dataIndex: 'state',
    width: 90,
    render: (s: ObligationItem['state']) => <Tag color={STATE_LABELS[s].color}>{STATE_LABELS[s].text}</Tag>,
  },
];
