/** The other formats: OLE compound files (doc/xls/ppt, WPS), PDF, PNG, JPEG and text (see inspect.ts). */

import { inflateSync } from 'node:zlib';
import { MARKUP_ANYWHERE } from './active-content.ts';
import {
  corrupt,
  FILE_KINDS,
  fail,
  gb18030,
  type InspectFailure,
  macros,
  startsWith,
  utf8,
} from './kinds.ts';

// ---------------------------------------------------------------------------------------------
// OLE compound file (MS-CFB)

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const CFB_END_OF_CHAIN = 0xfffffffe;
const CFB_MAX_REGULAR_SECTOR = 0xfffffffa;

/** Names of all storages and streams in a compound file, or null when it is malformed. */
export function cfbEntryNames(buf: Buffer): string[] | null {
  if (buf.length < 512 || !startsWith(buf, CFB_SIGNATURE) || buf.readUInt16LE(0x1c) !== 0xfffe) return null;
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((buf.length - sectorSize) / sectorSize) + 1;
  const offset = (sector: number): number | null => {
    if (sector > CFB_MAX_REGULAR_SECTOR) return null;
    const start = (sector + 1) * sectorSize;
    return start + sectorSize <= buf.length ? start : null;
  };
  const perSector = sectorSize / 4;

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectorCount = buf.readUInt32LE(0x2c);
  if (fatSectorCount > sectorCount) return null;
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, fatSectorCount); i++) fatSectors.push(buf.readUInt32LE(0x4c + i * 4));
  let difat = buf.readUInt32LE(0x44);
  for (let guard = 0; fatSectors.length < fatSectorCount; guard++) {
    const at = offset(difat);
    if (at === null || guard > sectorCount) return null;
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(buf.readUInt32LE(at + i * 4));
    }
    difat = buf.readUInt32LE(at + sectorSize - 4);
  }
  const fat: number[] = [];
  for (const sector of fatSectors) {
    const at = offset(sector);
    if (at === null) return null;
    for (let i = 0; i < perSector; i++) fat.push(buf.readUInt32LE(at + i * 4));
  }

  const names: string[] = [];
  const visited = new Set<number>();
  for (let sector = buf.readUInt32LE(0x30); sector !== CFB_END_OF_CHAIN; sector = fat[sector]) {
    const at = offset(sector);
    if (at === null || visited.has(sector) || sector >= fat.length) return null;
    visited.add(sector);
    for (let e = at; e < at + sectorSize; e += 128) {
      const type = buf[e + 0x42];
      const nameLength = buf.readUInt16LE(e + 0x40);
      if (type === 0) continue;
      if (nameLength < 2 || nameLength > 64 || nameLength % 2 !== 0) return null;
      names.push(buf.toString('utf16le', e, e + nameLength - 2));
    }
  }
  return names;
}

export const CFB_MAIN_STREAMS: Readonly<
  Record<'doc' | 'xls' | 'ppt' | 'wps' | 'et' | 'dps', readonly string[]>
> = {
  doc: ['WordDocument'],
  wps: ['WordDocument'],
  xls: ['Workbook', 'Book'],
  et: ['Workbook', 'Book'],
  ppt: ['PowerPoint Document'],
  dps: ['PowerPoint Document'],
};
const CFB_MACRO_STORAGES = new Set(['macros', '_vba_project_cur', '_vba_project', 'vba']);

export function inspectCfb(buf: Buffer, kind: keyof typeof CFB_MAIN_STREAMS): InspectFailure | null {
  const names = cfbEntryNames(buf);
  if (names === null) return corrupt();
  if (names.includes('EncryptedPackage')) return fail('FILE_ENCRYPTED', '文档已加密，请上传未加密的文件。');
  if (!CFB_MAIN_STREAMS[kind].some((stream) => names.includes(stream))) {
    return fail('FILE_CONTENT_MISMATCH', `文件内容不是有效的${FILE_KINDS[kind].label}，与扩展名不符。`);
  }
  if (names.some((name) => CFB_MACRO_STORAGES.has(name.toLowerCase()))) return macros();
  return null;
}

// ---------------------------------------------------------------------------------------------
// PDF

const PDF_ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'RichMedia']);
const PDF_NAME = /\/([^\s/<>[\]()%{}\0]+)/g;
const STREAM_START = /(?<![A-Za-z])stream\r?\n/g;

function hasActivePdfName(text: string): boolean {
  for (const match of text.matchAll(PDF_NAME)) {
    const name = match[1].includes('#')
      ? match[1].replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        )
      : match[1];
    if (PDF_ACTIVE_NAMES.has(name)) return true;
  }
  return false;
}

/**
 * Best effort: scans the object syntax outside streams, and object streams (/ObjStm) that are
 * Flate-compressed, for script and launch actions. Other stream filters are not decoded.
 */
function pdfHasActiveContent(buf: Buffer): boolean {
  const text = buf.toString('latin1');
  let outside = '';
  let from = 0;
  let budget = 256 * 1024 * 1024;
  STREAM_START.lastIndex = 0;
  for (let match = STREAM_START.exec(text); match !== null; match = STREAM_START.exec(text)) {
    const dictionaryStart = text.lastIndexOf('obj', match.index);
    const dictionary = text.slice(Math.max(from, dictionaryStart), match.index);
    outside += text.slice(from, match.index);
    const dataStart = match.index + match[0].length;
    const dataEnd = text.indexOf('endstream', dataStart);
    if (dataEnd < 0) break;
    if (/\/Type\s*\/ObjStm/.test(dictionary) && /\/FlateDecode/.test(dictionary) && budget > 0) {
      try {
        const inflated = inflateSync(buf.subarray(dataStart, dataEnd), {
          maxOutputLength: Math.min(budget, 64 * 1024 * 1024),
        });
        budget -= inflated.length;
        if (hasActivePdfName(inflated.toString('latin1'))) return true;
      } catch {
        // undecodable object stream: nothing more to learn from it
      }
    }
    from = dataEnd + 'endstream'.length;
    STREAM_START.lastIndex = from;
  }
  outside += text.slice(from);
  return hasActivePdfName(outside);
}

export function inspectPdf(buf: Buffer): InspectFailure | null {
  if (!/^%PDF-[12]\.\d/.test(buf.toString('latin1', 0, 8))) {
    return fail('FILE_CONTENT_MISMATCH', '文件内容不是有效的 PDF，与扩展名不符。');
  }
  if (!buf.subarray(Math.max(0, buf.length - 1024)).includes('%%EOF')) return corrupt();
  if (pdfHasActiveContent(buf)) {
    return fail(
      'FILE_ACTIVE_CONTENT',
      'PDF 含有脚本或启动外部程序的动作，禁止上传；请用"打印为 PDF"另存一份后上传。',
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Images

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

function imageTooLarge(width: number, height: number, maxPixels: number): InspectFailure | null {
  if (width === 0 || height === 0) return corrupt();
  return width * height > maxPixels
    ? fail('FILE_IMAGE_TOO_LARGE', `图片像素过大（超过 ${Math.round(maxPixels / 1_000_000)} 百万像素）。`)
    : null;
}

export function inspectPng(buf: Buffer, maxPixels: number): InspectFailure | null {
  if (!startsWith(buf, PNG_SIGNATURE) || buf.length < 33 || buf.toString('latin1', 12, 16) !== 'IHDR') {
    return fail('FILE_CONTENT_MISMATCH', '文件内容不是有效的 PNG 图片，与扩展名不符。');
  }
  if (!startsWith(buf, PNG_IEND, buf.length - PNG_IEND.length)) return corrupt();
  return imageTooLarge(buf.readUInt32BE(16), buf.readUInt32BE(20), maxPixels);
}

export function inspectJpeg(buf: Buffer, maxPixels: number): InspectFailure | null {
  if (!startsWith(buf, [0xff, 0xd8, 0xff])) {
    return fail('FILE_CONTENT_MISMATCH', '文件内容不是有效的 JPEG 图片，与扩展名不符。');
  }
  let p = 2;
  while (p + 4 <= buf.length) {
    if (buf[p] !== 0xff) return corrupt();
    const marker = buf[p + 1];
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = buf.readUInt16BE(p + 2);
    if (length < 2) return corrupt();
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (p + 9 > buf.length) return corrupt();
      return imageTooLarge(buf.readUInt16BE(p + 7), buf.readUInt16BE(p + 5), maxPixels);
    }
    p += 2 + length;
  }
  return corrupt();
}

// ---------------------------------------------------------------------------------------------
// Text

export function inspectText(buf: Buffer): { charset: 'utf-8' | 'gb18030' } | InspectFailure {
  const encoding = () =>
    fail('FILE_TEXT_ENCODING', '文本文件须为 UTF-8 或 GB18030（GBK）编码的纯文本，请另存为 UTF-8 后上传。');
  if (buf.includes(0) || startsWith(buf, [0xfe, 0xff]) || startsWith(buf, [0xff, 0xfe])) return encoding();
  const body = startsWith(buf, [0xef, 0xbb, 0xbf]) ? buf.subarray(3) : buf;
  let text: string;
  let charset: 'utf-8' | 'gb18030';
  try {
    text = utf8.decode(body);
    charset = 'utf-8';
  } catch {
    try {
      text = gb18030.decode(body);
      charset = 'gb18030';
    } catch {
      return encoding();
    }
  }
  if (/[^\P{Cc}\t\n\v\f\r]/u.test(text)) {
    return fail('FILE_CONTENT_MISMATCH', '文件含有控制字符，不是纯文本文件。');
  }
  if (MARKUP_ANYWHERE.test(text)) {
    return fail('FILE_ACTIVE_CONTENT', '文本中含有网页标签或脚本，禁止上传。');
  }
  return { charset };
}
