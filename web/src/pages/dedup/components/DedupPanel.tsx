import { Alert, Card, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { checkProposal } from '../api.ts';
import type { CheckResult } from '../types.ts';
import { HitList } from './HitList.tsx';

/** Waits this long after the last keystroke before checking. */
const DEBOUNCE_MS = 600;

/**
 * The live 查重 panel: checks the proposal while it is typed (debounced; a newer check cancels the
 * older), against the systems, projects, resources and 统建/负面清单 of the jurisdiction.
 */
export function DedupPanel({
  name,
  summary,
  functions: given,
  editableFunctions = true,
}: {
  name?: string;
  summary?: string;
  functions?: string[];
  editableFunctions?: boolean;
}) {
  const [own, setOwn] = useState<string[]>([]);
  const functions = given ?? own;
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const trimmed = (name ?? '').trim();
  const key = JSON.stringify([trimmed, summary ?? '', functions]);

  useEffect(() => {
    const [n, s, f] = JSON.parse(key) as [string, string, string[]];
    if (n.length < 2 && s.trim().length < 4) {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      checkProposal({ name: n || s.slice(0, 20), summary: s, functions: f }, controller.signal)
        .then((r) => {
          setResult(r);
          setError(null);
        })
        .catch((e) => {
          if (!controller.signal.aborted) setError(asApiError(e).message);
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  const high = result?.hits.filter((h) => h.level === 'high').length ?? 0;
  return (
    <Card size="small" title="查重" className="dedup-panel" extra={loading ? <Spin size="small" /> : null}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          输入名称和建设内容后自动与本级及上级的政务信息系统、建设项目、信息资源和统建清单、负面清单比对（不得重复建设）。
        </Typography.Text>
        {editableFunctions && given === undefined && (
          <Select
            mode="tags"
            open={false}
            value={own}
            onChange={setOwn}
            tokenSeparators={['、', '；', ';']}
            placeholder="功能清单（可选）：每项一个功能，回车添加，比对更准确"
            style={{ width: '100%' }}
            aria-label="查重功能清单"
          />
        )}
        {error && <Alert type="error" showIcon message={error} />}
        {result && (
          <>
            {high > 0 ? (
              <Alert
                type="error"
                showIcon
                message={`发现 ${high} 项疑似重复建设：应不予建设或与已有系统合并建设；提交后审核人员须逐项确认`}
              />
            ) : (
              <Alert type="success" showIcon message={`未发现疑似重复（已比对 ${result.indexed} 项）`} />
            )}
            <HitList
              hits={result.hits}
              query={{ name: trimmed || (summary ?? '').slice(0, 20), text: summary ?? '', items: functions }}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
