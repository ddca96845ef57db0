/**
 * The file kinds an upload may be (extension, MIME, family), the inspection options and results, and
 * the server-side names: storage names and the download `Content-Disposition`. See inspect.ts.
 */

import { randomBytes } from 'node:crypto';

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

export type Family = 'pdf' | 'ooxml' | 'ofd' | 'cfb' | 'png' | 'jpeg' | 'zip' | 'text';

export interface KindInfo {
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

export const fail = (code: InspectFailureCode, message: string): InspectFailure => ({
  ok: false,
  code,
  message,
});

export const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0): boolean =>
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

export function kindOfExtension(extension: string): FileKind | null {
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

/** Text decoders that refuse malformed input (names in archives, text files). */
export const utf8 = new TextDecoder('utf-8', { fatal: true });
export const gb18030 = new TextDecoder('gb18030', { fatal: true });

export const corrupt = () => fail('FILE_CORRUPT', '文件已损坏或不完整，请重新导出后上传。');

export const macros = () =>
  fail(
    'FILE_MACROS_NOT_ALLOWED',
    '文档含有宏（VBA），禁止上传；请另存为不含宏的格式（如 .docx/.xlsx）后上传。',
  );
