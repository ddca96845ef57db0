/**
 * The year's outputs (DT-07 一部门一报告，一汇编): the per-department annual report and the
 * jurisdiction's compilation as official .docx documents, and the compilation's .xlsx summary.
 * Charts (scores by indicator, the public's satisfaction distribution, the departments compared)
 * are echarts rendered server-side to PNG pictures in the .docx (charts.ts); the UI's dashboard
 * draws the same with echarts.
 */
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Queryable } from '../platform/db/client.ts';
import { organisations } from '../platform/db/core.ts';
import { renderOfficialDocx } from '../platform/documents/docx-official.ts';
import type { OfficialBlock, OfficialDocument } from '../platform/documents/official.ts';
import {
  EFFICACY_DIMENSIONS,
  GRADE_LABELS,
  type Grade,
  PHASE_LABELS,
  type ProjectPhase,
} from '../rules/index.ts';
import { departmentComparisonChart, satisfactionChart, scoresByDimensionChart } from './charts.ts';
import type { RatingDistributionSource } from './commands/support.ts';
import { departmentOf, type RoundDetail, roundDetail } from './queries/rounds.ts';
import type { EvalCaller } from './rules.ts';

const CONCLUSION = { consistent: '自评情况属实', issues: '发现问题' } as const;
const STATE = { open: '整改中', reported: '已报告整改', closed: '已核销' } as const;
const SOURCE = {
  self_evaluation: '项目自评价',
  spot_check: '财政抽查',
  assessment: '绩效考核',
  efficacy: '应用效能评估',
} as const;

/** The departments of the jurisdiction (every one appears in the compilation, scored or not). */
async function departmentsOf(q: Queryable, jurisdictionId: string) {
  return q
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.jurisdictionId, jurisdictionId),
        inArray(organisations.kind, ['department', 'data_center']),
      ),
    )
    .orderBy(organisations.name);
}

/** The department's charts: its scores by indicator and how the public rated its systems. */
async function departmentCharts(
  q: Queryable,
  detail: RoundDetail,
  organisationId: string,
  name: string,
  ratings: RatingDistributionSource | undefined,
): Promise<OfficialBlock[]> {
  const { projects } = departmentOf(detail, organisationId);
  const charts: (OfficialBlock | null)[] = [
    scoresByDimensionChart(
      detail.indicatorSet?.indicators ?? [],
      projects.flatMap((p) => (p.score ? [p.score.scores] : [])),
      `图：${name}各考核指标平均得分`,
    ),
  ];
  const systems = detail.efficacy.filter((e) => e.organisationName === name).map((e) => e.systemId);
  if (ratings && systems.length > 0) {
    charts.push(
      satisfactionChart(await ratings(q, systems, detail.year), `图：${name}公众问卷满意度评分分布`),
    );
  }
  return charts.filter((c): c is OfficialBlock => c !== null);
}

function departmentBlocks(
  detail: RoundDetail,
  organisationId: string,
  name: string,
  numbered: string,
  charts: readonly OfficialBlock[] = [],
): OfficialBlock[] {
  const { result, projects } = departmentOf(detail, organisationId);
  const rects = detail.rectifications.filter((r) => r.organisationId === organisationId);
  const efficacy = detail.efficacy.filter((e) => e.organisationName === name);
  const blocks: OfficialBlock[] = [
    { kind: 'heading', text: `${numbered}${name}` },
    {
      kind: 'fields',
      rows: [
        { label: '考核年度', value: `${detail.year} 年度` },
        { label: '部门得分', value: result ? `${result.score} 分` : '未评分' },
        { label: '考核等次', value: result ? (GRADE_LABELS[result.grade as Grade] ?? result.grade) : '—' },
        { label: '参评项目', value: `${projects.filter((p) => p.score).length} 个` },
      ],
    },
  ];
  if (projects.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: '项目', weight: 4, align: 'left' },
        { header: '阶段', weight: 1.5, align: 'center' },
        { header: '自评价', weight: 1.5, align: 'center' },
        { header: '抽查', weight: 2, align: 'center' },
        { header: '得分', weight: 1.2, align: 'center' },
      ],
      rows: projects.map((p) => [
        p.name,
        p.score ? PHASE_LABELS[p.score.phase as ProjectPhase] : '—',
        p.selfEvaluation ? '已报送' : p.obligation?.overdue ? '逾期未报' : '未报送',
        p.selfEvaluation?.spotCheck ? CONCLUSION[p.selfEvaluation.spotCheck.conclusion] : '—',
        p.score ? p.score.total.toFixed(1) : '—',
      ]),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: '本年度无参评项目。' });
  }
  blocks.push(...charts);
  for (const e of efficacy) {
    blocks.push({
      kind: 'paragraph',
      text: `应用效能评估（${e.systemName}）：${e.dimensions
        .map((d) => `${d.name} ${d.score === null ? '—' : d.score}`)
        .join(
          '；',
        )}；综合 ${e.total === null ? '—' : e.total} 分${e.questionnaire === null ? '' : `（公众问卷满意度 ${e.questionnaire} 分）`}。`,
    });
  }
  const findings = projects
    .filter((p) => p.selfEvaluation?.spotCheck?.conclusion === 'issues')
    .map((p) => `${p.name}：${p.selfEvaluation?.spotCheck?.findings}`);
  for (const f of findings) blocks.push({ kind: 'paragraph', text: `抽查发现：${f}` });
  if (rects.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: '问题', weight: 3, align: 'left' },
        { header: '整改意见', weight: 3, align: 'left' },
        { header: '期限', weight: 1.6, align: 'center' },
        { header: '状态', weight: 1.4, align: 'center' },
      ],
      rows: rects.map((r) => [
        `${SOURCE[r.source]}：${r.finding}`,
        r.opinion,
        r.deadline,
        r.overdue ? '已逾期' : STATE[r.state],
      ]),
    });
  }
  return blocks;
}

const stampDate = (caller: EvalCaller) => caller.today;

export async function departmentReport(
  q: Queryable,
  caller: EvalCaller,
  roundId: string,
  organisationId: string,
  ratings?: RatingDistributionSource,
): Promise<{ bytes: Buffer; name: string; year: number }> {
  const detail = await roundDetail(q, caller, roundId);
  const name =
    detail.results.find((r) => r.organisationId === organisationId)?.organisationName ??
    detail.projects.find((p) => p.organisationId === organisationId)?.organisationName;
  departmentOf(detail, organisationId);
  const doc: OfficialDocument = {
    titleLines: [`${name}`, `${detail.year} 年度政务信息化项目绩效考核报告`],
    number: '',
    blocks: departmentBlocks(
      detail,
      organisationId,
      name ?? '',
      '',
      await departmentCharts(q, detail, organisationId, name ?? '', ratings),
    ),
    issuer: detail.jurisdictionName,
    date: stampDate(caller),
    footerLines: [],
    info: { title: `${name}${detail.year}年度绩效考核报告`, subject: '一部门一报告', keywords: '绩效考核' },
  };
  return { bytes: await renderOfficialDocx(doc), name: name ?? '', year: detail.year };
}

const CN_NUMBERS = '一二三四五六七八九十';
const numbered = (i: number) =>
  i < 10 ? `${CN_NUMBERS[i]}、` : i < 20 ? `十${i === 10 ? '' : CN_NUMBERS[i - 11]}、` : `${i + 1}、`;

export async function compilationDocx(
  q: Queryable,
  caller: EvalCaller,
  roundId: string,
  ratings?: RatingDistributionSource,
) {
  const detail = await roundDetail(q, caller, roundId);
  const departments = await departmentsOf(q, detail.jurisdictionId);
  const comparison = departmentComparisonChart(
    departments.flatMap((d) => {
      const r = detail.results.find((x) => x.organisationId === d.id);
      return r ? [{ name: d.name, score: r.score }] : [];
    }),
    `图：${detail.year} 年度各部门考核得分`,
  );
  const sections: OfficialBlock[][] = [];
  for (const [i, d] of departments.entries()) {
    const has =
      detail.results.some((r) => r.organisationId === d.id) ||
      detail.projects.some((p) => p.organisationId === d.id);
    sections.push(
      has
        ? departmentBlocks(
            detail,
            d.id,
            d.name,
            numbered(i),
            await departmentCharts(q, detail, d.id, d.name, ratings),
          )
        : [
            { kind: 'heading', text: `${numbered(i)}${d.name}` },
            { kind: 'paragraph', text: '本年度无参评项目。' },
          ],
    );
  }
  const blocks: OfficialBlock[] = [
    {
      kind: 'paragraph',
      text: `${detail.jurisdictionName}对各部门 ${detail.year} 年度建设中和运行中的政务信息化项目开展了监督评估和绩效考核，现将各部门考核结果汇编如下。`,
    },
    {
      kind: 'table',
      columns: [
        { header: '部门', weight: 4, align: 'left' },
        { header: '得分', weight: 1.2, align: 'center' },
        { header: '等次', weight: 1.2, align: 'center' },
      ],
      rows: departments.map((d) => {
        const r = detail.results.find((x) => x.organisationId === d.id);
        return [d.name, r ? String(r.score) : '—', r ? r.gradeName : '未评分'];
      }),
    },
    ...(comparison ? [comparison] : []),
    ...sections.flat(),
  ];
  const doc: OfficialDocument = {
    titleLines: [`${detail.jurisdictionName}`, `${detail.year} 年度政务信息化项目绩效考核汇编`],
    number: '',
    blocks,
    issuer: detail.jurisdictionName,
    date: stampDate(caller),
    footerLines: [],
    info: { title: `${detail.year}年度绩效考核汇编`, subject: '一汇编', keywords: '绩效考核 汇编' },
  };
  return { bytes: await renderOfficialDocx(doc), year: detail.year, departments: departments.length };
}

export async function compilationXlsx(q: Queryable, caller: EvalCaller, roundId: string) {
  const detail = await roundDetail(q, caller, roundId);
  const departments = await departmentsOf(q, detail.jurisdictionId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = caller.displayName;
  const summary = workbook.addWorksheet('部门汇总');
  summary.addRow([
    `${detail.jurisdictionName} ${detail.year} 年度绩效考核汇总　导出人：${caller.displayName}`,
  ]);
  summary.addRow(['部门', '得分', '等次', '参评项目', '已报送自评价', '整改意见', '已核销']).font = {
    bold: true,
  };
  for (const d of departments) {
    const r = detail.results.find((x) => x.organisationId === d.id);
    const ps = detail.projects.filter((p) => p.organisationId === d.id);
    const rs = detail.rectifications.filter((x) => x.organisationId === d.id);
    summary.addRow([
      d.name,
      r?.score ?? '',
      r?.gradeName ?? '未评分',
      ps.filter((p) => p.score).length,
      ps.filter((p) => p.selfEvaluation).length,
      rs.length,
      rs.filter((x) => x.state === 'closed').length,
    ]);
  }
  const projectsSheet = workbook.addWorksheet('项目得分');
  const indicators = detail.indicatorSet?.indicators ?? [];
  projectsSheet.addRow([
    '部门',
    '项目编号',
    '项目',
    '阶段',
    ...indicators.map((i) => `${i.name}（${i.weight}）`),
    '得分',
  ]).font = { bold: true };
  for (const p of detail.projects) {
    const byCode = new Map((p.score?.scores ?? []).map((s) => [s.code, s.score]));
    projectsSheet.addRow([
      p.organisationName,
      p.code,
      p.name,
      p.score ? PHASE_LABELS[p.score.phase as ProjectPhase] : '',
      ...indicators.map((i) => byCode.get(i.code) ?? ''),
      p.score?.total ?? '',
    ]);
  }
  const efficacySheet = workbook.addWorksheet('应用效能');
  efficacySheet.addRow([
    '部门',
    '系统',
    ...EFFICACY_DIMENSIONS.map((d) => d.name),
    '问卷满意度',
    '综合',
  ]).font = {
    bold: true,
  };
  for (const e of detail.efficacy) {
    efficacySheet.addRow([
      e.organisationName,
      e.systemName,
      ...e.dimensions.map((d) => d.score ?? ''),
      e.questionnaire ?? '',
      e.total ?? '',
    ]);
  }
  for (const ws of [summary, projectsSheet, efficacySheet])
    ws.columns.forEach((c) => {
      c.width = 18;
    });
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), year: detail.year };
}
