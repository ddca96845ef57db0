/** The security overview as an Excel workbook (one sheet per list), stamped with exporter and time. */
import ExcelJS from 'exceljs';
import { INCIDENT_CLASS_LABELS, type IncidentClass } from '../rules/index.ts';
import type { securityOverview } from './queries/overview.ts';

type Overview = Awaited<ReturnType<typeof securityOverview>>;

const KIND = { mlps: '等保测评', crypto: '密码应用安全性评估' } as const;
const STATUS = { overdue: '已逾期', due_soon: '30日内到期', ok: '正常' } as const;
const fmt = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

export async function overviewWorkbook(overview: Overview, exporter: string, at: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = exporter;
  const stamp = `导出人：${exporter}　导出时间：${fmt(at)}（北京时间）`;
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow([stamp]);
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) ws.addRow(row.map((v) => v ?? ''));
    ws.columns.forEach((c) => {
      c.width = 18;
    });
  };
  sheet(
    '到期测评',
    ['系统编码', '系统名称', '责任单位', '评估类别', '等保级别', '上次评估', '到期日', '状态'],
    overview.assessments.map((a) => [
      a.systemCode,
      a.systemName,
      a.organisationName,
      KIND[a.kind],
      a.level,
      a.lastAssessedOn,
      a.dueDate,
      STATUS[a.status],
    ]),
  );
  sheet(
    '应急演练',
    ['预案', '单位', '计划日期', '演练场景', '状态'],
    overview.drills.map((d) => [d.planTitle, d.organisationName, d.plannedOn, d.scenario, STATUS[d.status]]),
  );
  sheet(
    '未办结安全事件',
    ['事件', '单位', '级别', '发现时间', '报告时限', '首次报告', '逾期未报', '需向主管部门报备', '已报备'],
    overview.incidents.map((i) => [
      i.title,
      i.organisationName,
      INCIDENT_CLASS_LABELS[i.incidentClass as IncidentClass],
      fmt(i.foundAt),
      fmt(i.reportDueAt),
      fmt(i.firstReportAt),
      i.reportOverdue ? '是' : '否',
      i.authorityFilingRequired ? '是' : '否',
      i.authorityFiledAt ? fmt(i.authorityFiledAt) : '',
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
