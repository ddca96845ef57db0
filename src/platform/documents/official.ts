/**
 * A neutral model of an official document (公文) and the layout numbers both renderers share, so
 * that the .docx (docx-official.ts) and the PDF (pdf-official.ts) of one document say the same
 * thing in the same order. The numbers follow GB/T 9704-2012《党政机关公文格式》 as closely as the
 * available fonts allow: A4, 天头 37 mm, 订口 28 mm, body in 3号 (16 pt) 仿宋, title in 2号 (22 pt)
 * 小标宋, 22 lines of 28 characters, first-level headings in 黑体, 成文日期 右空四字.
 */

export type OfficialBlock =
  /** A first-level heading (一、…), 黑体. */
  | { readonly kind: 'heading'; readonly text: string }
  /** A body paragraph; indented two characters unless `indent` is false. */
  | { readonly kind: 'paragraph'; readonly text: string; readonly indent?: boolean }
  /** A two-column table of labelled facts (项目名称 | …). */
  | { readonly kind: 'fields'; readonly rows: readonly OfficialField[] }
  /** A table with a header row. Every row has one cell per column. */
  | {
      readonly kind: 'table';
      readonly columns: readonly OfficialColumn[];
      readonly rows: readonly (readonly string[])[];
    }
  /** A picture (a chart rendered to PNG), centred, `width` × `height` points, captioned below. */
  | {
      readonly kind: 'image';
      readonly png: Uint8Array;
      readonly width: number;
      readonly height: number;
      readonly caption: string;
    };

export interface OfficialField {
  readonly label: string;
  readonly value: string;
}

export interface OfficialColumn {
  readonly header: string;
  /** Relative width: a column of weight 2 is twice as wide as one of weight 1. */
  readonly weight: number;
  readonly align: 'left' | 'center';
}

export interface OfficialDocument {
  /** The title, one entry per line (GB/T 9704 7.3.1: 回行时词意完整、排列对称). */
  readonly titleLines: readonly string[];
  /** 发文字号, e.g. 同数政备〔2026〕12号. */
  readonly number: string;
  /** 主送机关, printed as `…：` before the body. */
  readonly addressee?: string;
  readonly blocks: readonly OfficialBlock[];
  /** 发文机关署名. */
  readonly issuer: string;
  /** 成文日期, ISO (`2026-11-22`). */
  readonly date: string;
  /** Small print at the foot of every page (e.g. the electronic signature), after the page number. */
  readonly footerLines: readonly string[];
  /** Document properties (title, subject, keywords) written into the file's metadata. */
  readonly info: { readonly title: string; readonly subject: string; readonly keywords: string };
}

/** Layout numbers of GB/T 9704-2012 used by both renderers. */
export const OFFICIAL_LAYOUT = {
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  pageMm: { width: 210, height: 297 },
  titlePt: 22,
  bodyPt: 16,
  tablePt: 14,
  footerPt: 9,
  pageNumberPt: 14,
  /** 22 lines in the 225 mm type area: 225 mm / 22 ≈ 28.95 pt. */
  lineSpacingPt: 28.95,
  /** 成文日期右空四字. */
  dateRightIndentChars: 4,
} as const;

export const MM_TO_PT = 72 / 25.4;

/** Width of a text in body characters: CJK and full-width forms count 1, ASCII and digits ½. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * Right indents, in characters, that put 成文日期 four characters from the right edge and centre
 * 发文机关署名 over it (GB/T 9704 7.3.5.1).
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const issuerWidth = textWidthInChars(issuer);
  const dateWidth = textWidthInChars(date);
  const base = OFFICIAL_LAYOUT.dateRightIndentChars;
  return {
    issuer: base + Math.max(0, (dateWidth - issuerWidth) / 2),
    date: base + Math.max(0, (issuerWidth - dateWidth) / 2),
  };
}

/** Column widths as fractions of the text width, from the columns' weights. */
export function columnFractions(columns: readonly OfficialColumn[]): number[] {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  return columns.map((column) => column.weight / total);
}
