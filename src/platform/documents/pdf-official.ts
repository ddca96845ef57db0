/**
 * Renders an OfficialDocument as PDF with pdfmake 0.2's server-side printer (which drives the
 * @foliojs-fork/pdfkit engine), embedding a subset of a CJK font found by cjk-font.ts. Same model
 * and layout numbers as the .docx renderer.
 *
 * pdfmake 0.2 is CommonJS and the installed @types/pdfmake describe the 0.3 browser-style API, so
 * the printer is loaded through createRequire and typed here by the few members used; the document
 * definition types (which did not change) come from @types/pdfmake's interfaces.
 */
import { createRequire } from 'node:module';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CjkFontSet, FontFace } from './cjk-font.ts';
import { documentDate, formatChineseDate } from './format.ts';
import {
  columnFractions,
  MM_TO_PT,
  OFFICIAL_LAYOUT,
  type OfficialBlock,
  type OfficialDocument,
  signatureIndents,
} from './official.ts';

/** A pdfkit font source: a file path, or a path and the PostScript name of a face in a collection. */
type PdfFontSource = string | [string, string];

interface PdfFontFamily {
  normal: PdfFontSource;
  bold: PdfFontSource;
  italics: PdfFontSource;
  bolditalics: PdfFontSource;
}

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): PdfKitDocument;
  on(event: 'end', listener: () => void): PdfKitDocument;
  on(event: 'error', listener: (error: Error) => void): PdfKitDocument;
  end(): void;
}

/** What pdfmake 0.2 passes to `pageBreakBefore` for each node (0.3 changed the callback's signature). */
interface PdfLaidOutNode {
  readonly headlineLevel?: number;
  /** verticalRatio: how far down the page's text area the node starts (0 top, 1 bottom). */
  readonly startPosition?: { readonly pageNumber: number; readonly verticalRatio: number };
}

type PdfDocumentDefinition = Omit<TDocumentDefinitions, 'pageBreakBefore'> & {
  pageBreakBefore?: (node: PdfLaidOutNode) => boolean;
};

interface PdfPrinter {
  createPdfKitDocument(definition: PdfDocumentDefinition): PdfKitDocument;
}

type PdfPrinterConstructor = new (fonts: Record<string, PdfFontFamily>) => PdfPrinter;

const require = createRequire(import.meta.url);
const Printer = require('pdfmake/src/printer.js') as PdfPrinterConstructor;

const BODY = 'TongchouSong';
const HEI = 'TongchouHei';

function source(face: FontFace): PdfFontSource {
  return face.postscriptName ? [face.path, face.postscriptName] : face.path;
}

function fontFamilies(fonts: CjkFontSet): Record<string, PdfFontFamily> {
  const regular = source(fonts.regular);
  const bold = source(fonts.bold);
  const heading = source(fonts.heading);
  return {
    [BODY]: { normal: regular, bold, italics: regular, bolditalics: bold },
    [HEI]: { normal: heading, bold: heading, italics: heading, bolditalics: heading },
  };
}

const { marginsMm, bodyPt, tablePt, titlePt, footerPt, pageNumberPt, lineSpacingPt } = OFFICIAL_LAYOUT;
const margins: [number, number, number, number] = [
  marginsMm.left * MM_TO_PT,
  marginsMm.top * MM_TO_PT,
  marginsMm.right * MM_TO_PT,
  marginsMm.bottom * MM_TO_PT,
];
/** Noto CJK's line box is about 1.45 em; this multiplier brings 16 pt lines close to 28.95 pt. */
const BODY_LINE_HEIGHT = lineSpacingPt / (bodyPt * 1.448);
const TABLE_LINE_HEIGHT = 1.1;
/** Marks headings so that one left alone at the foot of a page moves to the next. */
const HEADING_LEVEL = 1;
/** A heading starting in the last 15 % of the text area (under about three lines) moves to the next page. */
const HEADING_KEEP_RATIO = 0.85;

function cellLines(text: string, align: 'left' | 'center', header: boolean): TableCell {
  return {
    text,
    font: header ? HEI : BODY,
    fontSize: tablePt,
    lineHeight: TABLE_LINE_HEIGHT,
    alignment: align === 'center' ? 'center' : 'justify',
    margin: [0, 3, 0, 3],
  };
}

function block(item: OfficialBlock): Content {
  switch (item.kind) {
    case 'heading':
      return {
        text: item.text,
        font: HEI,
        leadingIndent: 2 * bodyPt,
        lineHeight: BODY_LINE_HEIGHT,
        headlineLevel: HEADING_LEVEL,
      };
    case 'paragraph':
      return {
        text: item.text,
        alignment: 'justify',
        leadingIndent: item.indent === false ? 0 : 2 * bodyPt,
        lineHeight: BODY_LINE_HEIGHT,
      };
    case 'fields':
      return {
        table: {
          widths: ['24%', '*'],
          dontBreakRows: true,
          body: item.rows.map((row) => [
            cellLines(row.label, 'center', true),
            cellLines(row.value, 'left', false),
          ]),
        },
        margin: [0, 4, 0, 10],
      };
    case 'image':
      return {
        stack: [
          {
            image: `data:image/png;base64,${Buffer.from(item.png).toString('base64')}`,
            width: item.width,
            height: item.height,
            alignment: 'center',
          },
          { text: item.caption, alignment: 'center', lineHeight: BODY_LINE_HEIGHT },
        ],
        margin: [0, 4, 0, 10],
      };
    case 'table': {
      const fractions = columnFractions(item.columns);
      return {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: fractions.map((fraction) => `${(fraction * 100).toFixed(2)}%`),
          body: [
            item.columns.map((column) => cellLines(column.header, 'center', true)),
            ...item.rows.map((row) =>
              item.columns.map((column, i) => cellLines(row[i] ?? '', column.align, false)),
            ),
          ],
        },
        margin: [0, 4, 0, 10],
      };
    }
  }
}

function definition(doc: OfficialDocument): PdfDocumentDefinition {
  const date = formatChineseDate(doc.date);
  const indents = signatureIndents(doc.issuer, date);
  const day = documentDate(doc.date);
  const content: Content[] = [
    ...doc.titleLines.map(
      (line): Content => ({
        text: line,
        font: BODY,
        bold: true,
        fontSize: titlePt,
        alignment: 'center',
        lineHeight: 1.2,
      }),
    ),
    { text: doc.number, alignment: 'center', margin: [0, 14, 0, 14] },
  ];
  if (doc.addressee) content.push({ text: `${doc.addressee}：`, lineHeight: BODY_LINE_HEIGHT });
  const blocks = doc.blocks.map(block);
  // 发文机关署名 and 成文日期 stay together, with the last paragraph when there is one, so the
  // signature never stands alone on a page.
  const last = doc.blocks.at(-1)?.kind === 'paragraph' ? blocks.pop() : undefined;
  content.push(...blocks);
  content.push({
    unbreakable: true,
    stack: [
      ...(last ? [last] : []),
      {
        text: doc.issuer,
        alignment: 'right',
        margin: [0, lineSpacingPt, indents.issuer * bodyPt, 0],
        lineHeight: BODY_LINE_HEIGHT,
      },
      {
        text: date,
        alignment: 'right',
        margin: [0, 0, indents.date * bodyPt, 0],
        lineHeight: BODY_LINE_HEIGHT,
      },
    ],
  });
  return {
    pageSize: 'A4',
    pageMargins: margins,
    info: {
      title: doc.info.title,
      subject: doc.info.subject,
      keywords: doc.info.keywords,
      author: doc.issuer,
      creator: 'Tongchou',
      producer: 'Tongchou (pdfmake)',
      // The document's own date (China Standard Time midnight), not the clock: the same input gives the same metadata.
      creationDate: day ? new Date(Date.UTC(day.year, day.month - 1, day.day) - 8 * 3600 * 1000) : undefined,
    },
    defaultStyle: { font: BODY, fontSize: bodyPt },
    pageBreakBefore: (node) =>
      node.headlineLevel === HEADING_LEVEL && (node.startPosition?.verticalRatio ?? 0) > HEADING_KEEP_RATIO,
    content,
    footer: (currentPage: number): Content => ({
      margin: [margins[0], 12, margins[2], 0],
      stack: [
        { text: `— ${currentPage} —`, alignment: 'center', fontSize: pageNumberPt, margin: [0, 0, 0, 4] },
        ...doc.footerLines.map((line): Content => ({ text: line, fontSize: footerPt, lineHeight: 1.1 })),
      ],
    }),
  };
}

/** The PDF file of an official document, with the given CJK fonts embedded (subset). */
export async function renderOfficialPdf(doc: OfficialDocument, fonts: CjkFontSet): Promise<Buffer> {
  const printer = new Printer(fontFamilies(fonts));
  const pdf = printer.createPdfKitDocument(definition(doc));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
