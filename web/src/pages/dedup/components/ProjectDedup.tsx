import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { acknowledgeHit, projectChecks } from '../api.ts';
import type { StoredHit } from '../types.ts';
import { HitList } from './HitList.tsx';

function Acknowledge({ projectId, hit, onDone }: { projectId: string; hit: StoredHit; onDone: () => void }) {
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await acknowledgeHit(projectId, hit.id, note, hit.version);
      message.success('已确认');
      onDone();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        placeholder="处理意见：不予建设、合并建设或复用后建设的理由"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        aria-label="查重处理意见"
      />
      <Button
        icon={<CheckOutlined />}
        loading={saving}
        disabled={note.trim() === ''}
        onClick={() => void save()}
      >
        确认
      </Button>
    </Space.Compact>
  );
}

/** The stored checks of a project (one per submission) and, for the reviewer, the acknowledgements. */
export function ProjectDedup({ projectId }: { projectId: string }) {
  const fetchChecks = useCallback(() => projectChecks(projectId), [projectId]);
  const loaded = useRequest(fetchChecks);
  const [seq, setSeq] = useState<number | null>(null);
  const checks = loaded.data?.checks ?? [];
  const check = checks.find((c) => c.submissionSeq === seq) ?? checks[0];
  const latest = checks[0];
  const open = latest?.hits.filter((h) => h.level === 'high' && !h.acknowledgedAt).length ?? 0;
  return (
    <Card
      size="small"
      title="查重结果"
      className="dedup-project"
      loading={loaded.loading}
      style={{ marginBottom: 16 }}
    >
      {loaded.error && <Alert type="error" showIcon message={loaded.error.message} />}
      {!loaded.error && checks.length === 0 && (
        <Typography.Text type="secondary">尚未提交，暂无查重结果</Typography.Text>
      )}
      {check && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Select
              value={check.submissionSeq}
              onChange={setSeq}
              options={checks.map((c) => ({
                value: c.submissionSeq,
                label: `第 ${c.submissionSeq} 次提交 · ${formatDateTime(c.checkedAt)}`,
              }))}
            />
            <Typography.Text>
              疑似重复 {check.highCount} 项，部分重叠 {check.partialCount} 项
            </Typography.Text>
          </Space>
          {check === latest && open > 0 && (
            <Alert
              type="warning"
              showIcon
              message={`还有 ${open} 项疑似重复未确认：审核人员逐项填写处理意见后方可办结审核`}
            />
          )}
          <HitList
            hits={check.hits}
            query={check.input}
            extra={(h) => {
              const hit = h as StoredHit;
              if (hit.acknowledgedAt) {
                return (
                  <Typography.Text type="success">
                    已确认（{hit.acknowledgedByName}，{formatDateTime(hit.acknowledgedAt)}）：
                    {hit.acknowledgementNote}
                  </Typography.Text>
                );
              }
              if (check === latest && loaded.data?.canAcknowledge) {
                return <Acknowledge projectId={projectId} hit={hit} onDone={loaded.reload} />;
              }
              return null;
            }}
          />
        </Space>
      )}
    </Card>
  );
}
