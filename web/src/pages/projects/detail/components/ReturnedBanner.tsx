import { Alert, Button, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../../format.ts';
import { useRequest } from '../../../../hooks/useRequest.ts';
import { getTimeline } from '../../api.ts';
import type { TimelineItem } from '../../types.ts';

/** The 退回 that still stands: the latest history entry when it is a return. */
export function standingReturn(items: readonly TimelineItem[]): TimelineItem | undefined {
  const moves = items.filter((t) => t.kind === 'returned' || t.kind === 'withdrawn' || t.kind === 'step');
  const latest = [...moves].sort((a, b) => a.id - b.id).at(-1);
  return latest?.kind === 'returned' ? latest : undefined;
}

/**
 * 退回 in plain sight (issue 17 item 5): who returned the application, when, the reason (what to
 * change), and the way to change and resubmit it.
 */
export function ReturnedBanner({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const navigate = useNavigate();
  const fetcher = useCallback((signal: AbortSignal) => getTimeline(projectId, signal), [projectId]);
  const { data } = useRequest(fetcher);
  const r = data ? standingReturn(data.items) : undefined;
  if (!r) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="returned-banner"
      style={{ marginBottom: 16 }}
      message={
        <Typography.Text strong>
          申请已被退回：{r.organisationName} {r.actorName}（{r.stepName ?? '审核环节'}）于{' '}
          {formatDateTime(r.at)} 退回
        </Typography.Text>
      }
      description={
        <>
          <div>
            退回理由及需要修改的内容：<Typography.Text strong>{r.opinion || '（未填写）'}</Typography.Text>
          </div>
          <div>请按上述理由修改申报内容或补充材料后重新提交；重新提交后项目回到退回它的环节。</div>
        </>
      }
      action={
        canEdit && (
          <Button type="primary" onClick={() => navigate(`/projects/${projectId}/edit`)}>
            修改申报
          </Button>
        )
      }
    />
  );
}
