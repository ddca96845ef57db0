/**
 * Renders an OfficialDocument as .docx (WordprocessingML) with the `docx` package, laid out after
 * GB/T 9704-2012. 方正小标宋 and 仿宋_GB2312 are licensed fonts a server cannot count on, so runs
 * name the fonts every Chinese Windows, WPS and LibreOffice install maps: 宋体 (SimSun) bold for the
 * title, 仿宋 (FangSong) for the body, 黑体 (SimHei) for headings; Latin text and digits in Times New
 * Roman; the document default is 宋体, so a viewer missing one of them falls back to SimSun.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IFontAttributesProperties,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatChineseDate } from './format.ts';
import {
  columnFractions,
  OFFICIAL_LAYOUT,
  type OfficialBlock,
  type OfficialColumn,
  type OfficialDocument,
  type OfficialField,
  signatureIndents,
} from './official.ts';

const LATIN = 'Times New Roman';

function fonts(eastAsia: string): IFontAttributesProperties {
  return { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia, hint: 'eastAsia' };
}

/** 方正小标宋简体 stand-in. */
export const DOCX_TITLE_FONT = fonts('宋体');
/** 仿宋_GB2312 stand-in. */
export const DOCX_BODY_FONT = fonts('仿宋');
export const DOCX_HEADING_FONT = fonts('黑体');
export const DOCX_DEFAULT_FONT = fonts('宋体');

const twipsPerPt = 20;
/** Millimetres to twips, rounded (docx's convertMillimetersToTwip truncates: A4 would be 11905 wide, not 11906). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** Half-points, as w:sz wants them. */
const size = (pt: number) => pt * 2;
const bodyCharTwips = OFFICIAL_LAYOUT.bodyPt * twipsPerPt;
const exactLine = {
  line: Math.round(OFFICIAL_LAYOUT.lineSpacingPt * twipsPerPt),
  lineRule: LineRuleType.EXACT,
};
const { marginsMm, pageMm } = OFFICIAL_LAYOUT;
const textWidthTwips = mm(pageMm.width - marginsMm.left - marginsMm.right);

function bodyRun(text: string): TextRun {
  return new TextRun({ text, font: DOCX_BODY_FONT, size: size(OFFICIAL_LAYOUT.bodyPt) });
}

function tableRun(text: string, font: IFontAttributesProperties = DOCX_BODY_FONT): TextRun {
  return new TextRun({ text, font, size: size(OFFICIAL_LAYOUT.tablePt) });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cellBorders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };
const cellMargins = { top: 60, bottom: 60, left: 100, right: 100 };

function cell(text: string, width: number, align: 'left' | 'center', header = false): TableCell {
  // Line breaks inside a value (e.g. one line per year) become separate paragraphs.
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: cellBorders,
    margins: cellMargins,
    verticalAlign: VerticalAlignTable.CENTER,
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.BOTH,
          spacing: { line: 300, lineRule: LineRuleType.AUTO },
          children: [tableRun(line, header ? DOCX_HEADING_FONT : DOCX_BODY_FONT)],
        }),
    ),
  });
}

function widths(fractions: readonly number[]): number[] {
  const result = fractions.map((fraction) => Math.floor(fraction * textWidthTwips));
  result[result.length - 1] += textWidthTwips - result.reduce((sum, width) => sum + width, 0);
  return result;
}

function table(columns: readonly OfficialColumn[], rows: readonly (readonly string[])[]): Table {
  const columnWidths = widths(columnFractions(columns));
  return new Table({
    width: { size: textWidthTwips, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((column, i) => cell(column.header, columnWidths[i], 'center', true)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((column, i) => cell(row[i] ?? '', columnWidths[i], column.align)),
          }),
      ),
    ],
  });
}

function fieldsTable(rows: readonly OfficialField[]): Table {
  const columnWidths = widths([0.24, 0.76]);
  return new Table({
    width: { size: textWidthTwips, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(row.label, columnWidths[0], 'center', true),
            cell(row.value, columnWidths[1], 'left'),
          ],
        }),
    ),
  });
}

function block(item: OfficialBlock, keepNext = false): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'heading':
      return [
        new Paragraph({
          spacing: exactLine,
          indent: { firstLine: 2 * bodyCharTwips },
          keepNext: true,
          children: [
            new TextRun({ text: item.text, font: DOCX_HEADING_FONT, size: size(OFFICIAL_LAYOUT.bodyPt) }),
          ],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: exactLine,
          alignment: AlignmentType.BOTH,
          indent: item.indent === false ? undefined : { firstLine: 2 * bodyCharTwips },
          keepNext,
          children: [bodyRun(item.text)],
        }),
      ];
    case 'fields':
      return [fieldsTable(item.rows), new Paragraph({ spacing: { line: 240 }, children: [] })];
    case 'table':
      return [table(item.columns, item.rows), new Paragraph({ spacing: { line: 240 }, children: [] })];
    case 'image':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: item.png,
              // docx takes pixels at 96 dpi; the block's size is in points (72 per inch).
              transformation: { width: (item.width * 96) / 72, height: (item.height * 96) / 72 },
              altText: { name: item.caption, title: item.caption, description: item.caption },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exactLine,
          keepNext,
          children: [tableRun(item.caption)],
        }),
      ];
  }
}

function footer(lines: readonly string[]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: DOCX_DEFAULT_FONT,
            size: size(OFFICIAL_LAYOUT.pageNumberPt),
          }),
        ],
      }),
      ...lines.map(
        (line) =>
          new Paragraph({
            children: [
              new TextRun({ text: line, font: DOCX_DEFAULT_FONT, size: size(OFFICIAL_LAYOUT.footerPt) }),
            ],
          }),
      ),
    ],
  });
}

/** Builds the docx `Document` (exported for callers that want to add to it before packing). */
export function officialDocx(doc: OfficialDocument): Document {
  const indents = signatureIndents(doc.issuer, formatChineseDate(doc.date));
  const children: (Paragraph | Table)[] = [
    ...doc.titleLines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: {
            line: Math.round(OFFICIAL_LAYOUT.titlePt * 1.5 * twipsPerPt),
            lineRule: LineRuleType.EXACT,
          },
          children: [
            new TextRun({
              text: line,
              font: DOCX_TITLE_FONT,
              size: size(OFFICIAL_LAYOUT.titlePt),
              bold: true,
            }),
          ],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exactLine, before: 240, after: 240 },
      children: [bodyRun(doc.number)],
    }),
  ];
  if (doc.addressee) {
    children.push(new Paragraph({ spacing: exactLine, children: [bodyRun(`${doc.addressee}：`)] }));
  }
  // The last paragraph, 发文机关署名 and 成文日期 stay on one page (keepNext chains them).
  doc.blocks.forEach((item, i) => {
    children.push(...block(item, i === doc.blocks.length - 1));
  });
  children.push(
    new Paragraph({ spacing: exactLine, keepNext: true, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exactLine,
      indent: { right: Math.round(indents.issuer * bodyCharTwips) },
      keepNext: true,
      children: [bodyRun(doc.issuer)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exactLine,
      indent: { right: Math.round(indents.date * bodyCharTwips) },
      children: [bodyRun(formatChineseDate(doc.date))],
    }),
  );

  return new Document({
    title: doc.info.title,
    subject: doc.info.subject,
    keywords: doc.info.keywords,
    creator: doc.issuer,
    styles: {
      default: { document: { run: { font: DOCX_DEFAULT_FONT, size: size(OFFICIAL_LAYOUT.bodyPt) } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: mm(pageMm.width),
              height: mm(pageMm.height),
            },
            margin: {
              top: mm(marginsMm.top),
              bottom: mm(marginsMm.bottom),
              left: mm(marginsMm.left),
              right: mm(marginsMm.right),
              footer: mm(15),
            },
          },
        },
        footers: { default: footer(doc.footerLines) },
        children,
      },
    ],
  });
}

/** The .docx file of an official document. */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(officialDocx(doc));
}
