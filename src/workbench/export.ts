/**
 * Lists export to .xlsx with their current filters (issue 17): 我的项目, 已办, 我发起的. The file
 * names who exported it, when, and the filters (the route: export-routes.ts; the rows:
 * queries/export-rows.ts).
 */
import ExcelJS from 'exceljs';
import { labelOf, PROJECT_STATES } from '../projects/index.ts';

/** Rows one export may hold (SECURITY.md 35: bulk export capped). */
export const MAX_LIST_EXPORT_ROWS = 5_000;

/** The lists that can be exported, by their names in the file. */
export const LISTS = {
  projects: '我的项目',
  done: '已办',
  started: '我发起的',
} as const;
export type ListName = keyof typeof LISTS;

export interface ListFilters {
  list: ListName;
  q?: string;
  state?: string;
  organisationId?: string;
}

/** The column titles of each list's sheet. */
export const HEADERS: Record<ListName, string[]> = {
  projects: ['项目编码', '项目名称', '类型', '申报单位', '总预算（元）', '状态', '更新时间'],
  done: ['办理时间', '项目编码', '项目名称', '办理', '环节', '结果', '意见', '项目状态'],
  started: ['项目编码', '项目名称', '申报单位', '状态', '总预算（元）', '创建时间', '最近更新'],
};

/** `关键词：证照；状态：审核中` — the filters as the file states them. */
export function filterText(f: ListFilters): string {
  const parts: string[] = [];
  if (f.q?.trim()) parts.push(`关键词：${f.q.trim()}`);
  if (f.state) parts.push(`状态：${labelOf(PROJECT_STATES, f.state)}`);
  if (f.organisationId) parts.push(`申报单位：${f.organisationId}`);
  return parts.length > 0 ? parts.join('；') : '无（全部）';
}

export async function listWorkbook(
  title: string,
  header: string[],
  rows: string[][],
  meta: { exportedBy: string; exportedAt: Date; filter: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.exportedBy;
  workbook.created = meta.exportedAt;
  const sheet = workbook.addWorksheet(title);
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(['导出人', meta.exportedBy]);
  sheet.addRow(['导出时间', meta.exportedAt.toISOString()]);
  sheet.addRow(['筛选条件', meta.filter]);
  sheet.addRow(['条数', String(rows.length)]);
  sheet.addRow([]);
  sheet.addRow(header).font = { bold: true };
  // Values are strings, never formulas (a name starting with “=” stays text).
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
