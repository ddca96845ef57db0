import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { ArticleRef } from '../../../../api/types.ts';

/** Article ids as tags; hovering (or focusing) one shows the full citation. */
export function ArticleTags({ articles }: { articles: ArticleRef[] }) {
  if (articles.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap component="span" style={{ display: 'inline-flex' }}>
      {articles.map((a) => (
        <Tooltip key={a.id} title={a.citation}>
          <Tag
            color="geekblue"
            tabIndex={0}
            aria-label={a.citation}
            style={{ cursor: 'help', marginInlineEnd: 0 }}
          >
            {a.id}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
