/**
 * The workbench's list reads (issue 17): 已办 (done-items.ts), 我发起的 (started-items.ts), 我的项目 for
 * export (project-rows.ts) and the search box (search-all.ts) — visibility, filters, paging and counts
 * in SQL. This file holds what they share.
 */
import { ilike, or, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../catalog/index.ts';
import { projects } from '../../projects/index.ts';

/** Actions that count as 已办: a decision recorded, a 退回, a 转办. */
export const DONE_KINDS = ['step', 'returned', 'reassigned'];

export interface PageQuery {
  q?: string;
  limit?: number;
  offset?: number;
}

/** Hits per group in the search box (the list page behind each group pages the rest). */
export const SEARCH_GROUP_LIMIT = 10;

/** The kinds of thing one search box finds. */
export type SearchKind = 'project' | 'system' | 'resource' | 'document';

/** A project whose name or number contains the text (case-insensitive); none when the text is empty. */
export function projectMatch(q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const pattern = containsPattern(text);
  return or(ilike(projects.name, pattern), ilike(projects.code, pattern));
}
