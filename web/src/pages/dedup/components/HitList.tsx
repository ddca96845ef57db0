import { Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { segments } from '../logic.ts';
import type { CheckHit, DocText, Mark, StoredHit } from '../types.ts';

const LEVEL_COLOR = { high: 'red', partial: 'orange' } as const;

function Highlighted({
  text,
  marks,
  field,
  index,
}: {
  text: string;
  marks: Mark[];
  field: Mark['field'];
  index?: number;
}) {
  return (
    <>
      {segments(text, marks, field, index).map((s, i) =>
        s.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order
          <mark key={i} className="dedup-mark">
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** One side of a comparison with its shared phrases marked. */
export function MarkedText({ doc, marks }: { doc: DocText; marks: Mark[] }) {
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Typography.Text strong>
        <Highlighted text={doc.name} marks={marks} field="name" />
      </Typography.Text>
      {doc.text && (
        <Typography.Text type="secondary">
          <Highlighted text={doc.text} marks={marks} field="text" />
        </Typography.Text>
      )}
      {doc.items.length > 0 && (
        <Space wrap size={4}>
          {doc.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items may repeat
            <Tag key={i}>
              <Highlighted text={item} marks={marks} field="items" index={i} />
            </Tag>
          ))}
        </Space>
      )}
    </Space>
  );
}

export function LevelTag({ hit }: { hit: Pick<CheckHit, 'level' | 'levelName' | 'score'> }) {
  return (
    <Tag color={LEVEL_COLOR[hit.level]} data-level={hit.level}>
      {hit.level === 'high' ? '疑似重复' : '部分重叠'} · {hit.score.toFixed(2)}
    </Tag>
  );
}

/** The ranked hits, each with both texts and the shared phrases marked. */
export function HitList({
  hits,
  query,
  extra,
}: {
  hits: (CheckHit | StoredHit)[];
  query: DocText;
  extra?: (hit: CheckHit | StoredHit) => ReactNode;
}) {
  if (hits.length === 0) return <Empty description="未发现重复或重叠" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List
      className="dedup-hits"
      dataSource={hits}
      rowKey={(h) => h.id}
      renderItem={(hit) => (
        <List.Item className="dedup-hit" data-kind={hit.kind}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <LevelTag hit={hit} />
              <Tag>{hit.kindName}</Tag>
              <Typography.Text strong className="dedup-hit-name">
                {hit.name}
              </Typography.Text>
              {hit.detail && <Typography.Text type="secondary">{hit.detail}</Typography.Text>}
            </Space>
            <Typography.Text type="secondary">
              {hit.levelName}；共同表述：{hit.phrases.join('、') || '—'}
            </Typography.Text>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="本次内容">
                <MarkedText doc={query} marks={hit.queryMarks} />
              </Descriptions.Item>
              <Descriptions.Item label={`已有${hit.kindName}`}>
                <MarkedText doc={hit.candidate} marks={hit.candidateMarks} />
              </Descriptions.Item>
            </Descriptions>
            {extra?.(hit)}
          </Space>
        </List.Item>
      )}
    />
  );
}
