/**
 * The audit log export's file (SECURITY.md 19, 29, 35): CSV (BOM, formula-neutralised cells) or xlsx,
 * headed by who exported it, when, with which filters and how many rows; the rows as the export
 * command read them, presented with the people's, roles' and actions' names.
 */
import ExcelJS from 'exceljs';
import { ROLE_NAMES, type Role } from '../access/index.ts';
import { auditActionName } from '../platform/audit-log/events.ts';
import type { ExportedAuditRow } from './commands/export.ts';
import type { AuditQuery } from './queries/search.ts';

/** Exports per user per minute (SECURITY.md 29). */
export const AUDIT_EXPORT_RATE_PER_MINUTE = 5;

const COLUMNS = [
  ['id', '序号'],
  ['at', '时间'],
  ['actorName', '操作人'],
  ['roleName', '角色'],
  ['organisationName', '单位'],
  ['actionName', '操作'],
  ['action', '操作代码'],
  ['objectType', '对象类型'],
  ['objectId', '对象'],
  ['outcome', '结果'],
  ['sourceIp', '来源地址'],
  ['requestId', '请求号'],
  ['details', '详情'],
  ['hash', '链哈希'],
] as const;

export type ExportRow = Record<(typeof COLUMNS)[number][0], string>;

/** Beijing time for people reading the file: 2026-11-23 10:00:00 (UTC+8). */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/**
 * A CSV cell (RFC 4180) that a spreadsheet will not run as a formula: a value that starts with
 * = + - @ TAB or CR is prefixed with an apostrophe (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export interface ExportHeader {
  exportedBy: string;
  exportedAt: Date;
  filters: AuditQuery;
  rows: number;
  total: number;
}

function headerLines(h: ExportHeader): string[][] {
  const filters = Object.entries(h.filters)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return [
    ['统筹 · 安全审计日志导出'],
    ['导出人', h.exportedBy],
    ['导出时间（北京时间）', beijingTime(h.exportedAt)],
    ['筛选条件', filters || '无'],
    [
      '记录数',
      h.rows < h.total
        ? `${h.rows}（符合条件 ${h.total} 条，已截断为最新 ${h.rows} 条，请缩小时间范围分批导出）`
        : String(h.rows),
    ],
    [],
  ];
}

export function toCsv(header: ExportHeader, rows: ExportRow[]): Buffer {
  const lines = [
    ...headerLines(header),
    COLUMNS.map(([, title]) => title),
    ...rows.map((r) => COLUMNS.map(([key]) => r[key])),
  ].map((cells) => cells.map(csvCell).join(','));
  // BOM: Excel in a Chinese locale reads UTF-8 only with it.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(header: ExportHeader, rows: ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = header.exportedBy;
  workbook.created = header.exportedAt;
  const sheet = workbook.addWorksheet('审计日志');
  for (const line of headerLines(header)) sheet.addRow(line);
  const titleRow = sheet.addRow(COLUMNS.map(([, title]) => title));
  titleRow.font = { bold: true };
  // Values are written as strings, never as formulas.
  for (const r of rows) sheet.addRow(COLUMNS.map(([key]) => r[key]));
  sheet.columns.forEach((column, i) => {
    column.width = [8, 20, 16, 14, 24, 16, 22, 12, 38, 10, 16, 38, 40, 66][i] ?? 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One exported row as the file shows it (names beside codes, Beijing time, details as JSON). */
export function presentExportRow(r: ExportedAuditRow): ExportRow {
  return {
    id: String(r.id),
    at: beijingTime(r.at),
    actorName: r.actorName ?? '',
    roleName: r.role ? (ROLE_NAMES[r.role as Role] ?? r.role) : '',
    organisationName: r.organisationName ?? '',
    actionName: auditActionName(r.action),
    action: r.action,
    objectType: r.objectType ?? '',
    objectId: r.objectId ?? '',
    outcome: r.outcome,
    sourceIp: r.sourceIp ?? '',
    requestId: r.requestId ?? '',
    details: r.details ? JSON.stringify(r.details) : '',
    hash: r.hash,
  };
}
