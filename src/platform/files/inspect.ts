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

import { DomainError } from '../errors.ts';
import { activeContent } from './active-content.ts';
import {
  type CFB_MAIN_STREAMS,
  CFB_SIGNATURE,
  cfbEntryNames,
  inspectCfb,
  inspectJpeg,
  inspectPdf,
  inspectPng,
  inspectText,
} from './formats.ts';
import {
  DEFAULT_MAX_IMAGE_PIXELS,
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_ZIP_LIMITS,
  declaredExtension,
  FILE_KINDS,
  fail,
  type InspectFailure,
  type InspectOptions,
  type InspectResult,
  type InspectSuccess,
  kindOfExtension,
  mib,
  startsWith,
  type ZipLimits,
} from './kinds.ts';
import { inspectZipBased } from './zip.ts';

export { cfbEntryNames } from './formats.ts';
export {
  CATALOG_IMPORT_KINDS,
  contentDisposition,
  DEFAULT_MAX_IMAGE_PIXELS,
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_ZIP_LIMITS,
  declaredExtension,
  FILE_KINDS,
  type FileKind,
  type InspectFailure,
  type InspectFailureCode,
  type InspectOptions,
  type InspectResult,
  type InspectSuccess,
  isSafeStorageName,
  PROJECT_MATERIAL_KINDS,
  safeStorageName,
  type ZipLimits,
} from './kinds.ts';

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
