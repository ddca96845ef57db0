import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Timeline, Typography } from 'antd';
import { useCallback } from 'react';
import { ApiErrorResult } from '../../../../components/ApiErrorResult.tsx';
import { formatDateTime } from '../../../../format.ts';
import { useRequest } from '../../../../hooks/useRequest.ts';
import { getTimeline } from '../../api.ts';
import type { TimelineItem } from '../../types.ts';

const COLORS: Record<string, string> = {
  step: 'blue',
  returned: 'orange',
  withdrawn: 'orange',
  certificate_issued: 'green',
  urged: 'red',
};

function describe(t: TimelineItem): string {
  if (t.kind === 'step') return `${t.stepName ?? ''}：${t.outcomeName ?? t.event ?? ''}`;
  if (t.kind === 'returned') return `退回：${t.stepName ?? ''} → ${t.targetStepName ?? ''}`;
  if (t.kind === 'withdrawn') return `撤回：${t.targetStepName ?? ''}`;
  if (t.kind === 'reassigned') return `转办：${t.stepName ?? ''} → ${String(t.details?.toName ?? '')}`;
  if (t.kind === 'urged') return `催办：${t.stepName ?? ''}`;
  if (t.kind === 'material_uploaded' || t.kind === 'material_removed') {
    return `${t.kindName}：${String(t.details?.materialName ?? t.details?.materialCode ?? '')} ${String(t.details?.fileName ?? '')}`;
  }
  if (t.kind === 'certificate_issued') return `出具文书：${String(t.details?.number ?? '')}`;
  return t.stepName ? `${t.kindName}：${t.stepName}` : t.kindName;
}

/** The full history of a project; signed decisions show whether their SM2 signature verifies. */
export function HistoryTab({ projectId }: { projectId: string }) {
  const fetcher = useCallback((signal: AbortSignal) => getTimeline(projectId, signal), [projectId]);
  const { data, error, reload } = useRequest(fetcher);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <Timeline
      items={(data?.items ?? []).map((t) => ({
        key: t.id,
        color: t.voided ? 'gray' : (COLORS[t.kind] ?? 'gray'),
        children: (
          <>
            <Typography.Text delete={t.voided} strong={t.kind === 'step'}>
              {describe(t)}
            </Typography.Text>
            {t.voided && <Tag style={{ marginInlineStart: 8 }}>已被退回或撤回</Tag>}
            {t.signed &&
              (t.verified ? (
                <Tag color="green" icon={<CheckCircleOutlined />} style={{ marginInlineStart: 8 }}>
                  签名有效
                </Tag>
              ) : (
                <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineStart: 8 }}>
                  签名无效
                </Tag>
              ))}
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(t.at)} · {t.actorName}
                {t.roleName ? `（${t.roleName}${t.organisationName ? ` · ${t.organisationName}` : ''}）` : ''}
              </Typography.Text>
            </div>
            {t.opinion && <Typography.Paragraph style={{ margin: 0 }}>{t.opinion}</Typography.Paragraph>}
            {Array.isArray(t.details?.reasons) && (
              <ul style={{ margin: 0 }}>
                {(t.details.reasons as string[]).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </>
        ),
      }))}
    />
  );
}
