/**
 * Upload inspection for project materials and catalog imports (SECURITY.md 27; ASVS 5 V5; 等保
 * 数据有效性检验, 恶意代码防范). A file is accepted only when its declared extension is on the caller's
 * allowlist AND its content is that kind:
 *
 *   pdf          %PDF- header and %%EOF trailer; no /JavaScript, /JS, /Launch or /RichMedia (best
 *                effort: outside streams and in Flate object streams; names with #xx escapes decoded)
 *   docx/xlsx/pptx  ZIP + [Content_Types].xml + main part (word/document.xml, xl/workbook.xml,
 *                ppt/presentation.xml) with its content type; no VBA macros
 *   ofd          ZIP (GB/T 33190) with OFD.xml at the root whose root element is OFD
 *   doc/xls/ppt, WPS wps/et/dps   OLE compound file (D0 CF 11 E0 A1 B1 1A E1) holding the main
 *                stream (WordDocument / Workbook or Book / PowerPoint Document); no VBA storages
 *   png/jpeg     signature, dimensions ≤ maxImagePixels, PNG ends with IEND
 *   zip          only where the caller allows it; no executables, scripts or nested archives inside
 *   txt/csv      UTF-8 (BOM optional) or GB18030, no NUL or other control characters, no HTML/script
 *
 * Executables (PE, ELF, Mach-O, wasm, shortcuts), scripts (#!, <?php, <%) and HTML/XML/SVG are
 * refused whatever the name says. Every ZIP-based file passes the archive checks: a central directory
 * that ends exactly at the end-of-central-directory record, at most maxEntries entries, stored or
 * deflated only, no encryption, no ZIP64 (never needed within these limits), no overlapping entries,
 * no path traversal (.., absolute, drive letters, backslashes), no symbolic links, no duplicate
 * names, total uncompressed size ≤ maxTotalUncompressed and compression ratio ≤ maxRatio — and then
 * every entry is inflated (streaming, off the event loop) to confirm the declared sizes and CRC-32,
 * so a central directory that lies about sizes is caught too.
 *
 * Storage names come from the server (safeStorageName), never from the user; downloads go out with
 * contentDisposition(originalName) — always `attachment` — together with the `mime` found here and
 * `X-Content-Type-Options: nosniff`.
 */
import { randomBytes } from 'node:crypto';
import { crc32, createInflateRaw, inflateSync } from 'node:zlib';
import { DomainError } from '../shared/errors.ts';

export type FileKind =
  | 'pdf'
  | 'ofd'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'doc'
  | 'xls'
  | 'ppt'
  | 'wps'
  | 'et'
  | 'dps'
  | 'png'
  | 'jpeg'
  | 'zip'
  | 'txt'
  | 'csv';

type Family = 'pdf' | 'ooxml' | 'ofd' | 'cfb' | 'png' | 'jpeg' | 'zip' | 'text';

interface KindInfo {
  family: Family;
  mime: string;
  /** Canonical extension, used for storage names. */
  extension: string;
  /** Declared extensions that mean this kind. */
  extensions: readonly string[];
  label: string;
}

export const FILE_KINDS: Readonly<Record<FileKind, KindInfo>> = {
  pdf: { family: 'pdf', mime: 'application/pdf', extension: 'pdf', extensions: ['pdf'], label: 'PDF' },
  ofd: {
    family: 'ofd',
    mime: 'application/ofd',
    extension: 'ofd',
    extensions: ['ofd'],
    label: 'OFD 版式文件',
  },
  docx: {
    family: 'ooxml',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    extensions: ['docx'],
    label: 'Word 文档',
  },
  xlsx: {
    family: 'ooxml',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    extensions: ['xlsx'],
    label: 'Excel 工作簿',
  },
  pptx: {
    family: 'ooxml',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
    extensions: ['pptx'],
    label: 'PowerPoint 演示文稿',
  },
  doc: {
    family: 'cfb',
    mime: 'application/msword',
    extension: 'doc',
    extensions: ['doc'],
    label: 'Word 97-2003 文档',
  },
  xls: {
    family: 'cfb',
    mime: 'application/vnd.ms-excel',
    extension: 'xls',
    extensions: ['xls'],
    label: 'Excel 97-2003 工作簿',
  },
  ppt: {
    family: 'cfb',
    mime: 'application/vnd.ms-powerpoint',
    extension: 'ppt',
    extensions: ['ppt'],
    label: 'PowerPoint 97-2003 演示文稿',
  },
  wps: { family: 'cfb', mime: 'application/kswps', extension: 'wps', extensions: ['wps'], label: 'WPS 文字' },
  et: { family: 'cfb', mime: 'application/kset', extension: 'et', extensions: ['et'], label: 'WPS 表格' },
  dps: { family: 'cfb', mime: 'application/ksdps', extension: 'dps', extensions: ['dps'], label: 'WPS 演示' },
  png: { family: 'png', mime: 'image/png', extension: 'png', extensions: ['png'], label: 'PNG 图片' },
  jpeg: {
    family: 'jpeg',
    mime: 'image/jpeg',
    extension: 'jpg',
    extensions: ['jpg', 'jpeg'],
    label: 'JPEG 图片',
  },
  zip: { family: 'zip', mime: 'application/zip', extension: 'zip', extensions: ['zip'], label: 'ZIP 压缩包' },
  txt: { family: 'text', mime: 'text/plain', extension: 'txt', extensions: ['txt'], label: '文本文件' },
  csv: { family: 'text', mime: 'text/csv', extension: 'csv', extensions: ['csv'], label: 'CSV 文件' },
};

/** Project materials (申报/验收材料): documents, layout files, images and plain text; no archives. */
export const PROJECT_MATERIAL_KINDS: readonly FileKind[] = [
  'pdf',
  'ofd',
  'docx',
  'xlsx',
  'pptx',
  'doc',
  'xls',
  'ppt',
  'wps',
  'et',
  'dps',
  'png',
  'jpeg',
  'txt',
  'csv',
];

/** Catalog imports (目录导入): spreadsheets the importer can read. */
export const CATALOG_IMPORT_KINDS: readonly FileKind[] = ['xlsx', 'csv'];

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressedBytes: number;
  /** Largest uncompressed:compressed ratio, per entry and overall (zip bombs). */
  maxRatio: number;
  /** Entries (and archives) smaller than this uncompressed are exempt from the ratio check. */
  ratioGraceBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 500 * 1024 * 1024,
  maxRatio: 100,
  ratioGraceBytes: 1024 * 1024,
};

export interface InspectOptions {
  /** The kinds this upload slot accepts; zip only where explicitly listed. */
  allowed: readonly FileKind[];
  maxBytes?: number;
  zip?: Partial<ZipLimits>;
  maxImagePixels?: number;
}

export type InspectFailureCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'FILE_NAME_INVALID'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_CONTENT_MISMATCH'
  | 'FILE_EXECUTABLE'
  | 'FILE_ACTIVE_CONTENT'
  | 'FILE_MACROS_NOT_ALLOWED'
  | 'FILE_ENCRYPTED'
  | 'FILE_CORRUPT'
  | 'FILE_TEXT_ENCODING'
  | 'FILE_IMAGE_TOO_LARGE'
  | 'FILE_ARCHIVE_INVALID'
  | 'FILE_ARCHIVE_UNSUPPORTED'
  | 'FILE_ARCHIVE_TOO_MANY_ENTRIES'
  | 'FILE_ARCHIVE_TOO_LARGE'
  | 'FILE_ARCHIVE_BOMB'
  | 'FILE_ARCHIVE_UNSAFE_PATH'
  | 'FILE_ARCHIVE_DANGEROUS_ENTRY';

export interface InspectSuccess {
  ok: true;
  kind: FileKind;
  mime: string;
  /** Canonical extension of the detected kind (never the user's spelling). */
  extension: string;
  size: number;
  /** Text kinds only: the encoding found. */
  charset?: 'utf-8' | 'gb18030';
}

export interface InspectFailure {
  ok: false;
  code: InspectFailureCode;
  message: string;
}

export type InspectResult = InspectSuccess | InspectFailure;

const fail = (code: InspectFailureCode, message: string): InspectFailure => ({ ok: false, code, message });

const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);

// ---------------------------------------------------------------------------------------------
// Names

/** The extension the user declared: lower-case, after the last dot of the last path segment. */
export function declaredExtension(originalName: string): string | null {
  const base = originalName.normalize('NFKC').split(/[/\\]/).pop() ?? '';
  if (/[\p{Cc}]/u.test(base) || /[.\s]$/u.test(base)) return null; // 'a.exe.' and 'a.exe ' act as .exe on Windows
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  const extension = base.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(extension) ? extension : null;
}

function kindOfExtension(extension: string): FileKind | null {
  for (const [kind, info] of Object.entries(FILE_KINDS) as [FileKind, KindInfo][]) {
    if (info.extensions.includes(extension)) return kind;
  }
  return null;
}

/** A server-generated storage name: 128 random bits in hex plus the detected kind's extension. */
export function safeStorageName(kind: FileKind): string {
  return `${randomBytes(16).toString('hex')}.${FILE_KINDS[kind].extension}`;
}

const STORAGE_NAME = new RegExp(
  `^[0-9a-f]{32}\\.(?:${[...new Set(Object.values(FILE_KINDS).map((k) => k.extension))].join('|')})$`,
);

/** True for names made by safeStorageName; check before joining a stored name into a path. */
export function isSafeStorageName(name: string): boolean {
  return STORAGE_NAME.test(name);
}

/** Bidirectional controls (the 'gnp.exe' trick) and zero-width characters. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * A Content-Disposition value for downloading a stored file under the user's original name:
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987 percent-encoding>`.
 * Path parts, control characters (CR/LF), quotes, backslashes, bidi and zero-width characters are
 * removed, so the value cannot split the header or point outside the download folder.
 */
export function contentDisposition(originalName: string): string {
  let name = (originalName.normalize('NFC').split(/[/\\]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cs}]/gu, '')
    .replace(INVISIBLE, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  if ([...name].length > 200) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 11 ? name.slice(dot) : '';
    name =
      [...name.slice(0, name.length - extension.length)].slice(0, 200 - extension.length).join('') +
      extension;
  }
  if (name === '') name = 'download';
  const fallback = name
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/[%;\\"]/g, '_')
    .replace(/^_+(?=\.)/, 'download');
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// ---------------------------------------------------------------------------------------------
// Executables, scripts, markup

function isPortableExecutable(data: Uint8Array): boolean {
  if (!startsWith(data, [0x4d, 0x5a])) return false; // MZ
  if (data.length >= 0x40) {
    const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const peOffset = view.readUInt32LE(0x3c);
    if (peOffset + 4 <= data.length && startsWith(data, [0x50, 0x45, 0, 0], peOffset)) return true;
  }
  return data.subarray(0, 64).includes(0); // a DOS stub; plain text starting with "MZ" has no NUL
}

const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
  [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], // Windows shortcut (.lnk)
  [0x23, 0x21], // #! script
  [0x23, 0x40, 0x7e, 0x5e], // #@~^ encoded VBScript/JScript
];

/** Markup a browser would render or run (HTML sniffing patterns, XML, SVG) and server-side scripts. */
const MARKUP_START =
  /^<(?:(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|svg|math|style|title|table|div|font|a|b|br|p|h1|img|meta|link|base|form|input|\?xml)(?:[\s>/]|$)|!--|\?php|%)/i;
const MARKUP_ANYWHERE =
  /<(?:script|iframe|frame|frameset|object|embed|svg|html|body|meta\s+http-equiv|base\s+href|\?php|%@?)(?:[\s>/=]|$)|javascript\s*:|vbscript\s*:|\bon(?:load|error|click|mouseover|focus)\s*=/i;

function startsWithMarkup(data: Uint8Array): boolean {
  let head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 1024)).toString('latin1');
  head = head.replace(/^(?:\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '').replaceAll(String.fromCharCode(0), '');
  return MARKUP_START.test(head.trimStart());
}

function activeContent(data: Uint8Array): InspectFailure | null {
  if (isPortableExecutable(data) || EXECUTABLE_SIGNATURES.some((sig) => startsWith(data, sig))) {
    return fail('FILE_EXECUTABLE', '检测到可执行程序或脚本，禁止上传。');
  }
  if (startsWithMarkup(data)) {
    return fail('FILE_ACTIVE_CONTENT', '检测到网页、SVG 或脚本内容，禁止上传。');
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// ZIP

interface ZipEntry {
  name: string;
  /** The name and any Unicode Path alias an extractor might use instead. */
  aliases: string[];
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  dataOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EXTRA_UNICODE_PATH = 0x7075;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    if (utf8Flag) return null;
  }
  try {
    return gb18030.decode(bytes); // Windows 中文 "压缩到" writes GBK names without the UTF-8 flag
  } catch {
    return null;
  }
}

/** '..', absolute, drive letters and NTFS streams (':'), backslashes, control characters. */
function unsafePath(name: string): boolean {
  if (name.length === 0 || name.length > 1024) return true;
  if (/[\p{Cc}]/u.test(name) || name.includes('\\') || name.includes(':')) return true;
  if (name.startsWith('/')) return true;
  return name.split('/').some((segment) => segment === '..');
}

/** Names carried in Info-ZIP Unicode Path extra fields (0x7075) of buf[start, end), or null if malformed. */
function unicodePathNames(buf: Buffer, start: number, end: number): string[] | null {
  const names: string[] = [];
  for (let e = start; e + 4 <= end; ) {
    const id = buf.readUInt16LE(e);
    const size = buf.readUInt16LE(e + 2);
    if (e + 4 + size > end) return null;
    if (id === EXTRA_UNICODE_PATH && size >= 5) {
      const unicode = decodeName(buf.subarray(e + 9, e + 4 + size), true);
      if (unicode === null) return null;
      names.push(unicode);
    }
    e += 4 + size;
  }
  return names;
}

/** The extension an extractor would give an entry: Windows drops trailing dots and spaces. */
function entryExtension(name: string): string | null {
  const base = (name.split('/').pop() ?? '').replace(/[.\s]+$/u, '');
  const dot = base.lastIndexOf('.');
  return dot < 0 ? null : base.slice(dot + 1).toLowerCase();
}

const unsafePathFailure = () =>
  fail('FILE_ARCHIVE_UNSAFE_PATH', '压缩包内含有不安全的路径（如 ../、绝对路径或反斜杠）。');

const archiveInvalid = (detail: string) => fail('FILE_ARCHIVE_INVALID', `压缩包结构无效：${detail}。`);
const zip64 = () =>
  fail('FILE_ARCHIVE_UNSUPPORTED', '不支持 ZIP64 或分卷压缩包，请重新压缩（单个压缩包不超过上限）后上传。');

function readZip(buf: Buffer, limits: ZipLimits): { entries: ZipEntry[] } | InspectFailure {
  if (buf.length < 22) return archiveInvalid('文件过短');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return archiveInvalid('缺少目录结束记录或末尾有多余数据');
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === SIG_ZIP64_LOCATOR) return zip64();
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesOnDisk = buf.readUInt16LE(eocd + 8);
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return zip64();
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== total) return zip64();
  if (total === 0) return archiveInvalid('压缩包为空');
  if (total > limits.maxEntries) {
    return fail('FILE_ARCHIVE_TOO_MANY_ENTRIES', `压缩包内文件数超过上限（${limits.maxEntries} 个）。`);
  }
  if (cdOffset + cdSize !== eocd) return archiveInvalid('中央目录位置不符（可能夹带了其他数据）');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== SIG_CENTRAL) return archiveInvalid('中央目录记录损坏');
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const diskStart = buf.readUInt16LE(p + 34);
    const externalAttributes = buf.readUInt32LE(p + 38);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > eocd) return archiveInvalid('中央目录记录越界');
    if (
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      return zip64();
    }
    if (diskStart !== 0) return zip64();
    if ((flags & 0x41) !== 0 || method === 99) {
      return fail('FILE_ENCRYPTED', '压缩包或文档已加密，请上传未加密的文件。');
    }
    if (method !== 0 && method !== 8) {
      return fail('FILE_ARCHIVE_UNSUPPORTED', '压缩包使用了不支持的压缩方式，请使用标准 ZIP 格式重新压缩。');
    }

    const nameBytes = buf.subarray(p + 46, p + 46 + nameLength);
    const name = decodeName(nameBytes, (flags & 0x800) !== 0);
    if (name === null) return archiveInvalid('文件名编码无效');
    const centralAliases = unicodePathNames(buf, p + 46 + nameLength, p + 46 + nameLength + extraLength);
    if (centralAliases === null) return archiveInvalid('扩展字段无效');
    const aliases = [name, ...centralAliases];
    if (aliases.some(unsafePath)) return unsafePathFailure();
    const isUnix = madeBy >> 8 === 3;
    if (isUnix && ((externalAttributes >>> 16) & 0o170000) === 0o120000) {
      return fail('FILE_ARCHIVE_UNSAFE_PATH', '压缩包内含有符号链接。');
    }
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) return archiveInvalid('含有重复的文件名');
    seen.add(key);

    if (localHeaderOffset + 30 > cdOffset || buf.readUInt32LE(localHeaderOffset) !== SIG_LOCAL) {
      return archiveInvalid('本地文件头损坏');
    }
    const localNameLength = buf.readUInt16LE(localHeaderOffset + 26);
    const localExtraLength = buf.readUInt16LE(localHeaderOffset + 28);
    const localName = buf.subarray(localHeaderOffset + 30, localHeaderOffset + 30 + localNameLength);
    if (!localName.equals(nameBytes) || buf.readUInt16LE(localHeaderOffset + 8) !== method) {
      return archiveInvalid('本地文件头与中央目录不一致');
    }
    const dataOffset = localHeaderOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > cdOffset) return archiveInvalid('文件数据越界');
    const localAliases = unicodePathNames(buf, localHeaderOffset + 30 + localNameLength, dataOffset);
    if (localAliases === null) return archiveInvalid('扩展字段无效');
    if (localAliases.some(unsafePath)) return unsafePathFailure();
    aliases.push(...localAliases);
    entries.push({
      name,
      aliases,
      flags,
      method,
      crc,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset,
    });
    p = end;
  }
  if (p !== eocd) return archiveInvalid('中央目录长度不符');

  // Entries must tile the file from offset 0 to the central directory: no overlap (the overlapping
  // "better zip bomb"), no hidden data between them (polyglots, self-extractor stubs). Only a data
  // descriptor (bit 3: 12 or 16 bytes with or without signature, 20 or 24 in ZIP64 form) may follow
  // an entry's data.
  const ordered = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  if (ordered[0].localHeaderOffset !== 0) return archiveInvalid('文件开头夹带了其他数据');
  for (let i = 0; i < ordered.length; i++) {
    const entry = ordered[i];
    const next = i + 1 < ordered.length ? ordered[i + 1].localHeaderOffset : cdOffset;
    const gap = next - (entry.dataOffset + entry.compressedSize);
    if (gap < 0) return fail('FILE_ARCHIVE_BOMB', '压缩包内文件数据相互重叠（疑似压缩炸弹）。');
    const descriptor = (entry.flags & 0x08) !== 0 && [12, 16, 20, 24].includes(gap);
    if (gap !== 0 && !descriptor) return archiveInvalid('文件之间夹带了无法识别的数据');
  }

  let totalUncompressed = 0;
  let totalCompressed = 0;
  const bomb = () => fail('FILE_ARCHIVE_BOMB', `压缩比异常（超过 ${limits.maxRatio}:1），疑似压缩炸弹。`);
  for (const entry of entries) {
    totalUncompressed += entry.uncompressedSize;
    totalCompressed += entry.compressedSize;
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      return archiveInvalid('未压缩文件的大小不一致');
    }
    if (
      entry.uncompressedSize > limits.ratioGraceBytes &&
      entry.uncompressedSize > entry.compressedSize * limits.maxRatio
    ) {
      return bomb();
    }
  }
  if (totalUncompressed > limits.maxTotalUncompressedBytes) {
    return fail(
      'FILE_ARCHIVE_TOO_LARGE',
      `压缩包解压后总大小超过上限（${mib(limits.maxTotalUncompressedBytes)}）。`,
    );
  }
  if (totalUncompressed > limits.ratioGraceBytes && totalUncompressed > totalCompressed * limits.maxRatio) {
    return bomb();
  }
  return { entries };
}

type Inflated =
  | { ok: true; size: number; crc: number; content?: Buffer }
  | { ok: false; reason: 'over' | 'corrupt' };

/** Inflates one entry in a stream, never producing more than `limit` bytes. */
function inflateEntry(buf: Buffer, entry: ZipEntry, limit: number, keep: boolean): Promise<Inflated> {
  const raw = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    return Promise.resolve({ ok: true, size: raw.length, crc: crc32(raw), content: keep ? raw : undefined });
  }
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    const chunks: Buffer[] = [];
    let size = 0;
    let crc = 0;
    let settled = false;
    const settle = (result: Inflated) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle({ ok: false, reason: 'over' });
        inflater.destroy();
        return;
      }
      crc = crc32(chunk, crc);
      if (keep) chunks.push(chunk);
    });
    inflater.on('error', () => settle({ ok: false, reason: 'corrupt' }));
    inflater.on('end', () =>
      settle({ ok: true, size, crc, content: keep ? Buffer.concat(chunks) : undefined }),
    );
    inflater.end(raw);
  });
}

const corrupt = () => fail('FILE_CORRUPT', '文件已损坏或不完整，请重新导出后上传。');

/** Inflates every entry; checks the real size and CRC against the central directory. */
async function verifyEntries(
  buf: Buffer,
  entries: readonly ZipEntry[],
  keepNames: ReadonlySet<string>,
): Promise<Map<string, Buffer> | InspectFailure> {
  const kept = new Map<string, Buffer>();
  for (const entry of entries) {
    const keep = keepNames.has(entry.name);
    const result = await inflateEntry(buf, entry, entry.uncompressedSize, keep);
    if (!result.ok) {
      return result.reason === 'over'
        ? fail('FILE_ARCHIVE_BOMB', '压缩包实际解压大小超过其声明（疑似压缩炸弹）。')
        : corrupt();
    }
    if (result.size !== entry.uncompressedSize || result.crc !== entry.crc) return corrupt();
    if (keep && result.content) kept.set(entry.name, result.content);
  }
  return kept;
}

const MAIN_PART: Readonly<Record<'docx' | 'xlsx' | 'pptx', { part: string; contentType: string }>> = {
  docx: {
    part: 'word/document.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  xlsx: {
    part: 'xl/workbook.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
  pptx: {
    part: 'ppt/presentation.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  },
};

const macros = () =>
  fail(
    'FILE_MACROS_NOT_ALLOWED',
    '文档含有宏（VBA），禁止上传；请另存为不含宏的格式（如 .docx/.xlsx）后上传。',
  );

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
}

function checkOoxml(
  kind: 'docx' | 'xlsx' | 'pptx',
  names: ReadonlySet<string>,
  contentTypes: string,
): InspectFailure | null {
  if (
    [...names].some((name) => /(?:^|\/)vbaproject\.bin$/i.test(name)) ||
    /macroEnabled|vbaProject/i.test(contentTypes)
  ) {
    return macros();
  }
  const { part, contentType } = MAIN_PART[kind];
  const overrides = contentTypes.match(/<Override\b[^>]*>/g) ?? [];
  const main = overrides.find((tag) => attribute(tag, 'PartName')?.toLowerCase() === `/${part}`);
  if (!names.has(part) || main === undefined || attribute(main, 'ContentType') !== contentType) {
    return fail('FILE_CONTENT_MISMATCH', `文件内容不是有效的${FILE_KINDS[kind].label}，与扩展名不符。`);
  }
  return null;
}

const DANGEROUS_IN_ZIP = new Set(
  (
    'exe dll com scr pif cpl sys drv ocx msi msp mst msc bat cmd ps1 psm1 psd1 vbs vbe js jse mjs wsf wsc ' +
    'wsh hta jar class lnk url scf reg inf sh bash zsh csh ksh command py pyc pyw pl rb php php3 php4 php5 ' +
    'phtml phar asp aspx ashx asmx jsp jspx cgi html htm xhtml shtml mht mhtml svg svgz swf xbap application ' +
    'appx msix appref-ms gadget app dmg pkg deb rpm apk ipa elf so dylib ko iso img vhd vhdx chm hlp ' +
    'desktop appimage run docm dotm xlsm xltm xlam pptm potm ppam sldm ' +
    'zip rar 7z gz tgz bz2 tbz2 xz txz tar cab arj lzh lha z zst cpio ace'
  ).split(' '),
);

async function inspectZipBased(
  buf: Buffer,
  kind: 'docx' | 'xlsx' | 'pptx' | 'ofd' | 'zip',
  limits: ZipLimits,
): Promise<InspectFailure | null> {
  const zip = readZip(buf, limits);
  if ('ok' in zip) return zip;
  const names = new Set(zip.entries.map((e) => e.name));
  const allNames = zip.entries.flatMap((e) => e.aliases);
  const keep = new Set<string>();
  if (kind === 'ofd') keep.add('OFD.xml');
  else if (kind !== 'zip') keep.add('[Content_Types].xml');

  if (kind === 'zip') {
    for (const name of allNames) {
      const extension = entryExtension(name);
      if (extension !== null && DANGEROUS_IN_ZIP.has(extension)) {
        return fail(
          'FILE_ARCHIVE_DANGEROUS_ENTRY',
          '压缩包内含有可执行程序、脚本、网页、带宏文档或嵌套压缩包，禁止上传。',
        );
      }
    }
  }
  for (const name of keep) {
    if (!names.has(name)) {
      return fail('FILE_CONTENT_MISMATCH', `文件内容不是有效的${FILE_KINDS[kind].label}，与扩展名不符。`);
    }
  }
  const kept = await verifyEntries(buf, zip.entries, keep);
  if (!(kept instanceof Map)) return kept;

  if (kind === 'ofd') {
    const root = decodeXml(kept.get('OFD.xml'));
    if (root === null || !/<(?:[\w.-]+:)?OFD[\s>]/.test(root)) {
      return fail('FILE_CONTENT_MISMATCH', '文件内容不是有效的 OFD 版式文件，与扩展名不符。');
    }
    return null;
  }
  if (kind !== 'zip') {
    const contentTypes = decodeXml(kept.get('[Content_Types].xml'));
    if (contentTypes === null) return corrupt();
    return checkOoxml(kind, names, contentTypes);
  }
  return null;
}

/** XML part text: UTF-8, or UTF-16 when it starts with a byte order mark. */
function decodeXml(content: Buffer | undefined): string | null {
  if (content === undefined) return null;
  const utf16 = startsWith(content, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(content, [0xfe, 0xff])
      ? 'utf-16be'
      : null;
  try {
    return utf16 ? new TextDecoder(utf16, { fatal: true }).decode(content) : utf8.decode(content);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// OLE compound file (MS-CFB)

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
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

const CFB_MAIN_STREAMS: Readonly<Record<'doc' | 'xls' | 'ppt' | 'wps' | 'et' | 'dps', readonly string[]>> = {
  doc: ['WordDocument'],
  wps: ['WordDocument'],
  xls: ['Workbook', 'Book'],
  et: ['Workbook', 'Book'],
  ppt: ['PowerPoint Document'],
  dps: ['PowerPoint Document'],
};
const CFB_MACRO_STORAGES = new Set(['macros', '_vba_project_cur', '_vba_project', 'vba']);

function inspectCfb(buf: Buffer, kind: keyof typeof CFB_MAIN_STREAMS): InspectFailure | null {
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

function inspectPdf(buf: Buffer): InspectFailure | null {
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

function inspectPng(buf: Buffer, maxPixels: number): InspectFailure | null {
  if (!startsWith(buf, PNG_SIGNATURE) || buf.length < 33 || buf.toString('latin1', 12, 16) !== 'IHDR') {
    return fail('FILE_CONTENT_MISMATCH', '文件内容不是有效的 PNG 图片，与扩展名不符。');
  }
  if (!startsWith(buf, PNG_IEND, buf.length - PNG_IEND.length)) return corrupt();
  return imageTooLarge(buf.readUInt32BE(16), buf.readUInt32BE(20), maxPixels);
}

function inspectJpeg(buf: Buffer, maxPixels: number): InspectFailure | null {
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

function inspectText(buf: Buffer): { charset: 'utf-8' | 'gb18030' } | InspectFailure {
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

// ---------------------------------------------------------------------------------------------

/**
 * Inspects an upload: the declared name gives the claimed kind, which must be allowed; the bytes
 * must be that kind. Never trusts the client's MIME type. Asynchronous because ZIP-based files are
 * inflated in full (streaming, in the libuv pool) to confirm their sizes.
 */
export async function inspectUpload(
  data: Uint8Array,
  originalName: string,
  options: InspectOptions,
): Promise<InspectResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.zip };
  const maxPixels = options.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);

  if (buf.length === 0) return fail('FILE_EMPTY', '文件为空。');
  if (buf.length > maxBytes) return fail('FILE_TOO_LARGE', `文件大小超过上限（${mib(maxBytes)}）。`);

  const danger = activeContent(buf);
  if (danger) return danger;

  const allowedList = () => options.allowed.map((k) => FILE_KINDS[k].extension).join('、');
  const extension = declaredExtension(originalName);
  if (extension === null) {
    return fail('FILE_NAME_INVALID', `文件名缺少有效的扩展名，允许的类型：${allowedList()}。`);
  }
  const kind = kindOfExtension(extension);
  if (kind === null || !options.allowed.includes(kind)) {
    return fail('FILE_TYPE_NOT_ALLOWED', `不允许上传 .${extension} 文件，允许的类型：${allowedList()}。`);
  }

  const info = FILE_KINDS[kind];
  const mismatch = () => fail('FILE_CONTENT_MISMATCH', `文件内容不是有效的${info.label}，与扩展名不符。`);
  const ok = (charset?: 'utf-8' | 'gb18030'): InspectSuccess => ({
    ok: true,
    kind,
    mime: charset ? `${info.mime}; charset=${charset}` : info.mime,
    extension: info.extension,
    size: buf.length,
    ...(charset ? { charset } : {}),
  });

  let problem: InspectFailure | null;
  switch (info.family) {
    case 'pdf':
      problem = inspectPdf(buf);
      break;
    case 'ooxml':
    case 'ofd':
    case 'zip':
      if (startsWith(buf, CFB_SIGNATURE) && info.family === 'ooxml') {
        const names = cfbEntryNames(buf);
        if (names?.includes('EncryptedPackage'))
          return fail('FILE_ENCRYPTED', '文档已加密，请上传未加密的文件。');
      }
      if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return mismatch();
      problem = await inspectZipBased(buf, kind as 'docx' | 'xlsx' | 'pptx' | 'ofd' | 'zip', limits);
      break;
    case 'cfb':
      if (!startsWith(buf, CFB_SIGNATURE)) return mismatch();
      problem = inspectCfb(buf, kind as keyof typeof CFB_MAIN_STREAMS);
      break;
    case 'png':
      problem = inspectPng(buf, maxPixels);
      break;
    case 'jpeg':
      problem = inspectJpeg(buf, maxPixels);
      break;
    case 'text': {
      const text = inspectText(buf);
      if ('ok' in text) return text;
      return ok(text.charset);
    }
  }
  return problem ?? ok();
}

/** The failure as a domain error ('invalid', field 'file'), for the route layer. */
export function inspectionError(failure: InspectFailure): DomainError {
  return new DomainError('invalid', failure.code, failure.message, { field: 'file' });
}
