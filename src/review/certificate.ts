/**
 * The documents that end a five-dimension rationality review (DT-09b, SC-11a, XZ-10a): the
 * 合理性审查意见备案证明 (filing certificate) when the authority files the project, and the 不予备案通知
 * (refusal notice) when it does not. DT 第九条: the certificate is what the department takes to the
 * 行政审批局 for 立项 (DT-09c). In SC the review's documents must give an opinion on the feasibility
 * study's information resource sharing analysis chapter (SC-09a).
 *
 * Both documents share one content model (src/platform/documents/official.ts) and one layout, rendered here as
 * .docx and by certificate-pdf.ts as PDF. Input is validated before anything is rendered.
 */

import {
  REVIEW_DIMENSION_LABELS,
  REVIEW_DIMENSIONS,
  type ReviewDimension,
} from '../../shared/review-dimensions.ts';
import { renderOfficialDocx } from '../platform/documents/docx-official.ts';
import {
  chineseOrdinal,
  documentDate,
  fenToYuan,
  formatWanYuan,
  formatYuan,
  isYuanAmount,
  quoteChinese,
  yuanToFen,
} from '../platform/documents/format.ts';
import type { OfficialBlock, OfficialDocument, OfficialField } from '../platform/documents/official.ts';
import { invalid } from '../platform/errors.ts';

/** The five review dimensions and their labels: defined once in shared/review-dimensions.ts. */
export { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS, type ReviewDimension };

export interface DimensionOpinion {
  /** 0–100, when the review scores. */
  readonly score?: number;
  readonly opinion: string;
}

export interface YearBudget {
  readonly year: number;
  /** Yuan, decimal string with at most two decimals. */
  readonly amount: string;
}

export interface CertificateProject {
  readonly name: string;
  readonly code: string;
  readonly ownerDepartment: string;
  /** The project type as shown (新建 / 扩建 / 升级改造 / 运行维护). */
  readonly typeLabel: string;
  /** Yuan, decimal string with at most two decimals. */
  readonly totalBudget: string;
  /** Multi-year projects (DT-09a): one entry per year; the amounts must add up to the total. */
  readonly budgetByYear?: readonly YearBudget[];
}

/** An SM2 content signature over the document's data, shown as the 电子签名 footer. */
export interface CertificateSignature {
  readonly alg: string;
  readonly keyId: string;
  readonly signature: string;
}

interface ReviewDecisionDocument {
  /** 大同市, 朔州市朔城区, … */
  readonly jurisdictionName: string;
  /**
   * The article that requires the sharing analysis opinion (SC-09a), from the rulebook
   * (`sharingOpinionArticle`); absent: the opinion is optional.
   */
  readonly sharingOpinionArticle?: string;
  /** The reviewing authority, e.g. 大同市数字政府服务中心. */
  readonly authorityName: string;
  /** 文号, e.g. 同数政备〔2026〕12号. */
  readonly number: string;
  /** ISO date of issue. */
  readonly date: string;
  readonly project: CertificateProject;
  readonly opinions: Readonly<Record<ReviewDimension, DimensionOpinion>>;
  /** 信息资源共享分析篇意见 (SC-09a). */
  readonly sharingAnalysisOpinion?: string;
  /** The rule the review follows, e.g. 《大同市政务信息化项目建设应用管理办法》第九条. */
  readonly legalBasis?: string;
  /** Label of the department line; default 申报单位 (建设单位 would mean the contractor in XZ). */
  readonly ownerLabel?: string;
  readonly remarks?: string;
  readonly signature?: CertificateSignature;
}

export interface FilingCertificate extends ReviewDecisionDocument {
  readonly conclusion: 'filed';
  /** Where the department takes the certificate for 立项 (DT-09c: 大同市行政审批局). */
  readonly approvalBody?: string;
}

export interface RefusalNotice extends ReviewDecisionDocument {
  readonly conclusion: 'refused';
  /** Why the project is not filed; at least one. */
  readonly reasons: readonly string[];
}

const DEFAULT_BASIS = '政务信息化项目建设管理有关规定';
const INVALID = 'REVIEW_DOCUMENT_INVALID';

function requireText(value: unknown, field: string, label: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(INVALID, `${label}不能为空`, { field });
  }
}

function optionalText(value: unknown, field: string, label: string): void {
  if (value !== undefined) requireText(value, field, label);
}

function validateCommon(doc: ReviewDecisionDocument): void {
  requireText(doc.jurisdictionName, 'jurisdictionName', '行政区划名称');
  requireText(doc.authorityName, 'authorityName', '主管部门名称');
  requireText(doc.number, 'number', '文号');
  if (typeof doc.date !== 'string' || !documentDate(doc.date)) {
    throw invalid(INVALID, '成文日期不是有效的日期', { field: 'date' });
  }
  const { project } = doc;
  requireText(project.name, 'project.name', '项目名称');
  requireText(project.code, 'project.code', '项目编码');
  requireText(project.ownerDepartment, 'project.ownerDepartment', '申报单位');
  requireText(project.typeLabel, 'project.typeLabel', '项目类型');
  if (!isYuanAmount(project.totalBudget)) {
    throw invalid(INVALID, '项目总预算应为以元为单位、至多两位小数的金额', { field: 'project.totalBudget' });
  }
  const years = project.budgetByYear ?? [];
  const seen = new Set<number>();
  let sum = 0n;
  years.forEach((entry, i) => {
    if (!Number.isInteger(entry.year) || entry.year < 2000 || entry.year > 2100 || seen.has(entry.year)) {
      throw invalid(INVALID, `分年度预算第${i + 1}项的年度无效或重复`, {
        field: `project.budgetByYear[${i}].year`,
      });
    }
    seen.add(entry.year);
    if (!isYuanAmount(entry.amount)) {
      throw invalid(INVALID, `${entry.year}年度预算应为以元为单位、至多两位小数的金额`, {
        field: `project.budgetByYear[${i}].amount`,
      });
    }
    sum += yuanToFen(entry.amount);
  });
  if (years.length > 0 && sum !== yuanToFen(project.totalBudget)) {
    throw invalid('REVIEW_DOCUMENT_BUDGET_MISMATCH', '分年度预算之和与项目总预算不一致', {
      field: 'project.budgetByYear',
      article: 'DT-09a',
      details: { total: project.totalBudget, sumOfYears: fenToYuan(sum) },
    });
  }
  for (const dimension of REVIEW_DIMENSIONS) {
    const opinion = doc.opinions?.[dimension];
    const label = REVIEW_DIMENSION_LABELS[dimension];
    if (!opinion)
      throw invalid(INVALID, `缺少${label}审查意见`, { field: `opinions.${dimension}`, article: 'DT-09b' });
    requireText(opinion.opinion, `opinions.${dimension}.opinion`, `${label}审查意见`);
    if (
      opinion.score !== undefined &&
      (!Number.isFinite(opinion.score) || opinion.score < 0 || opinion.score > 100)
    ) {
      throw invalid(INVALID, `${label}评分应在0至100之间`, { field: `opinions.${dimension}.score` });
    }
  }
  if (doc.sharingOpinionArticle !== undefined && doc.sharingAnalysisOpinion === undefined) {
    throw invalid(INVALID, '应对信息资源共享分析篇提出意见', {
      field: 'sharingAnalysisOpinion',
      article: doc.sharingOpinionArticle,
    });
  }
  optionalText(doc.sharingAnalysisOpinion, 'sharingAnalysisOpinion', '信息资源共享分析篇意见');
  optionalText(doc.legalBasis, 'legalBasis', '审查依据');
  optionalText(doc.ownerLabel, 'ownerLabel', '申报单位称谓');
  optionalText(doc.remarks, 'remarks', '备注');
  if (doc.signature !== undefined) {
    requireText(doc.signature.alg, 'signature.alg', '签名算法');
    requireText(doc.signature.keyId, 'signature.keyId', '签名密钥标识');
    requireText(doc.signature.signature, 'signature.signature', '签名值');
  }
}

function formatScore(score: number | undefined): string {
  if (score === undefined) return '—';
  return Number.isInteger(score) ? String(score) : score.toFixed(1).replace(/\.0$/, '');
}

function projectFields(doc: ReviewDecisionDocument): OfficialField[] {
  const { project } = doc;
  const fields: OfficialField[] = [
    { label: '项目名称', value: project.name },
    { label: '项目编码', value: project.code },
    { label: doc.ownerLabel ?? '申报单位', value: project.ownerDepartment },
    { label: '项目类型', value: project.typeLabel },
    {
      label: '项目总预算',
      value: `${formatYuan(project.totalBudget)}（${formatWanYuan(project.totalBudget)}）`,
    },
  ];
  const years = [...(project.budgetByYear ?? [])].sort((a, b) => a.year - b.year);
  if (years.length > 0) {
    fields.push({
      label: '分年度预算',
      value: years.map((entry) => `${entry.year}年：${formatYuan(entry.amount)}`).join('\n'),
    });
  }
  return fields;
}

function opinionTable(doc: ReviewDecisionDocument): OfficialBlock {
  return {
    kind: 'table',
    columns: [
      { header: '序号', weight: 1.4, align: 'center' },
      { header: '审查维度', weight: 3.3, align: 'center' },
      { header: '评分', weight: 1.3, align: 'center' },
      { header: '审查意见', weight: 7, align: 'left' },
    ],
    rows: REVIEW_DIMENSIONS.map((dimension, i) => [
      String(i + 1),
      REVIEW_DIMENSION_LABELS[dimension],
      formatScore(doc.opinions[dimension].score),
      doc.opinions[dimension].opinion,
    ]),
  };
}

function signatureLines(signature: CertificateSignature | undefined): string[] {
  if (!signature) return [];
  return [`电子签名（${signature.alg}） 密钥标识：${signature.keyId}`, `签名值：${signature.signature}`];
}

const DIMENSION_LIST = '需求合理性、建设集约性、方案可行性、预算合理性和绩效目标合理性';

/** The shared body: opening paragraph, 项目基本情况, 审查意见, optional 共享分析篇意见; then `closing` sections. */
function decisionDocument(
  doc: ReviewDecisionDocument,
  titleLine: string,
  verdict: string,
  closing: readonly { heading: string; blocks: readonly OfficialBlock[] }[],
  trailing: readonly OfficialBlock[],
): OfficialDocument {
  const { project } = doc;
  const basis = doc.legalBasis ?? DEFAULT_BASIS;
  const sections: { heading: string; blocks: readonly OfficialBlock[] }[] = [
    { heading: '项目基本情况', blocks: [{ kind: 'fields', rows: projectFields(doc) }] },
    { heading: '合理性审查意见', blocks: [opinionTable(doc)] },
  ];
  if (doc.sharingAnalysisOpinion !== undefined) {
    sections.push({
      heading: '信息资源共享分析篇意见',
      blocks: [{ kind: 'paragraph', text: doc.sharingAnalysisOpinion }],
    });
  }
  sections.push(...closing);
  const blocks: OfficialBlock[] = [
    {
      kind: 'paragraph',
      text:
        `你单位报送的${quoteChinese(project.name)}（项目编码：${project.code}）建设申请材料收悉。根据${basis}，` +
        `我单位组织对该项目的${DIMENSION_LIST}进行了论证。${verdict}`,
    },
  ];
  sections.forEach((section, i) => {
    blocks.push({ kind: 'heading', text: `${chineseOrdinal(i + 1)}、${section.heading}` }, ...section.blocks);
  });
  blocks.push(...trailing);
  if (doc.remarks !== undefined) blocks.push({ kind: 'paragraph', text: `备注：${doc.remarks}` });
  return {
    titleLines: [`${doc.jurisdictionName}政务信息化项目`, titleLine],
    number: doc.number,
    addressee: project.ownerDepartment,
    blocks,
    issuer: doc.authorityName,
    date: doc.date,
    footerLines: signatureLines(doc.signature),
    info: {
      title: `${titleLine}（${doc.number}）`,
      subject: `${project.name}（${project.code}）`,
      keywords: [titleLine, doc.number, project.code].join(', '),
    },
  };
}

/** The content of a filing certificate (validated). */
export function filingCertificateDocument(cert: FilingCertificate): OfficialDocument {
  validateCommon(cert);
  if (cert.conclusion !== 'filed')
    throw invalid(INVALID, '备案证明的结论应为予以备案', { field: 'conclusion' });
  optionalText(cert.approvalBody, 'approvalBody', '立项审批部门');
  const conclusion: OfficialBlock[] = [{ kind: 'paragraph', text: '经论证，该项目符合备案条件，予以备案。' }];
  if (cert.approvalBody) {
    conclusion.push({ kind: 'paragraph', text: `请持本证明报${cert.approvalBody}办理立项审批手续。` });
  }
  return decisionDocument(
    cert,
    '合理性审查意见备案证明',
    '现将审查意见及备案结论证明如下。',
    [{ heading: '备案结论', blocks: conclusion }],
    [],
  );
}

/** The content of a refusal notice (validated). */
export function refusalNoticeDocument(notice: RefusalNotice): OfficialDocument {
  validateCommon(notice);
  if (notice.conclusion !== 'refused')
    throw invalid(INVALID, '不予备案通知的结论应为不予备案', { field: 'conclusion' });
  if (!Array.isArray(notice.reasons) || notice.reasons.length === 0) {
    throw invalid(INVALID, '不予备案应当说明理由', { field: 'reasons', article: 'DT-09b' });
  }
  notice.reasons.forEach((reason, i) => {
    requireText(reason, `reasons[${i}]`, `第${i + 1}条不予备案理由`);
  });
  return decisionDocument(
    notice,
    '不予备案通知书',
    '经论证，该项目不具备备案条件，决定不予备案。现将审查意见及理由通知如下。',
    [
      {
        heading: '不予备案理由',
        blocks: notice.reasons.map(
          (reason, i): OfficialBlock => ({
            kind: 'paragraph',
            text: `（${chineseOrdinal(i + 1)}）${reason}`,
          }),
        ),
      },
    ],
    [{ kind: 'paragraph', text: '请你单位按照上述意见修改完善申请材料后，重新申报。' }],
  );
}

/** The 合理性审查意见备案证明 as .docx (DT-09b). */
export function buildFilingCertificateDocx(cert: FilingCertificate): Promise<Buffer> {
  return renderOfficialDocx(filingCertificateDocument(cert));
}

/** The 不予备案通知书 as .docx, same layout (DT-09b). */
export function buildRefusalNoticeDocx(notice: RefusalNotice): Promise<Buffer> {
  return renderOfficialDocx(refusalNoticeDocument(notice));
}
