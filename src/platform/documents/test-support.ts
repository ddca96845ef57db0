/**
 * Test support for generated documents: reading the text back out of a .docx or a pdfkit PDF. Not
 * imported by production code. (Sample review documents are in src/review/test-support.ts.)
 */

import { inflateSync } from 'node:zlib';
import { readZipText } from './zip.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()];
  });
}

/** The text of each paragraph (w:p) of a WordprocessingML part, runs joined, entities decoded. */
export function wordParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => unescapeXml(run[1])).join(''),
  );
}

/** word/document.xml of a .docx; throws if absent. */
export function docxDocumentXml(docx: Buffer): string {
  const xml = readZipText(docx, 'word/document.xml');
  if (xml === undefined) throw new Error('no word/document.xml in the archive');
  return xml;
}

// ---- PDF text, for the PDFs pdfkit writes (Type0 fonts, Identity-H, ToUnicode CMaps) ------------

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n|endobj)/g)) {
    const dict = match[2];
    if (!match[3].startsWith('stream')) {
      objects.set(Number(match[1]), { dict });
      continue;
    }
    const start = (match.index ?? 0) + match[0].length;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? -1);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return objects;
}

/** code → text of a ToUnicode CMap written as bfrange arrays or bfchar pairs. */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const [, from, , values] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    [...values.matchAll(/<([0-9a-f]+)>/gi)].forEach((value, i) => {
      map.set(Number.parseInt(from, 16) + i, utf16(value[1]));
    });
  }
  for (const [, code, value] of cmap.matchAll(/^<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*$/gim)) {
    map.set(Number.parseInt(code, 16), utf16(value));
  }
  return map;
}

/**
 * The text a pdfkit-made PDF shows, in drawing order, one string per page; enough for tests to
 * check what a generated PDF says without poppler.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = pdfObjects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(dict)?.[1];
    for (const [, name, ref] of fontDict?.matchAll(/\/(\w+)\s+(\d+) 0 R/g) ?? []) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? '')?.[1];
      const cmap = objects.get(Number(toUnicode))?.stream;
      if (cmap) fonts.set(name, toUnicodeMap(cmap.toString('latin1')));
    }
  }
  const pages = [...objects.values()].filter(({ dict }) => /\/Type \/Page\b/.test(dict));
  return pages.map(({ dict }) => {
    const contents = /\/Contents (\d+) 0 R/.exec(dict)?.[1];
    const stream = objects.get(Number(contents))?.stream?.toString('latin1') ?? '';
    let font = new Map<number, string>();
    let text = '';
    for (const [, fontName, shown] of stream.matchAll(
      /\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[-\d.\s])*)\] TJ|<([0-9a-f]*)> Tj/gi,
    )) {
      if (fontName) {
        font = fonts.get(fontName) ?? new Map();
        continue;
      }
      for (const [, hex] of (shown ?? '').matchAll(/<([0-9a-f]*)>/gi)) {
        for (let at = 0; at + 4 <= hex.length; at += 4)
          text += font.get(Number.parseInt(hex.slice(at, at + 4), 16)) ?? '\uFFFD';
      }
    }
    return text;
  });
}
