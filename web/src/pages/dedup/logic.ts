/** Pure helpers of the 查重 pages (no React): splitting a text by its highlighted spans. */
import type { Mark } from './types.ts';

export interface Segment {
  text: string;
  marked: boolean;
}

/** The marks of one field (`items` needs the item index), merged and clipped to the text. */
export function segments(
  text: string,
  marks: readonly Mark[],
  field: Mark['field'],
  index?: number,
): Segment[] {
  const spans = marks
    .filter((m) => m.field === field && (field !== 'items' || m.index === index))
    .map((m) => [Math.max(0, m.start), Math.min(text.length, m.end)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: text.slice(at, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}
