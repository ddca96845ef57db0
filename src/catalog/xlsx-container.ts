/**
 * Checks that uploaded bytes are a plausible, bounded .xlsx before a parser sees them — the upload
 * allowlist with magic bytes of SECURITY.md (27): size, the ZIP magic `PK\x03\x04`, no encryption, no
 * ZIP64, a bounded number of parts that really unpack (inflated here with an output cap, whatever
 * sizes the directory claims, so a ZIP bomb is caught) to a bounded total, and the parts every
 * workbook has. Pure over the bytes (node:zlib only).
 */
import { inflateRawSync } from 'node:zlib';
import { invalid } from '../platform/errors.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Total size of the unpacked workbook parts. */
export const MAX_UNPACKED_BYTES = 80 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function notXlsx(message = '上传的文件不是 Excel 工作簿（.xlsx），请使用下载的模板填写后上传'): never {
  throw invalid('CATALOG_FILE_NOT_XLSX', message);
}

function tooLarge(message: string): never {
  throw invalid('CATALOG_FILE_TOO_LARGE', message);
}

/**
 * Checks that `bytes` is a plausible, bounded .xlsx before exceljs sees it: size, the ZIP magic
 * `PK\x03\x04`, no encryption, no ZIP64, at most MAX_ZIP_ENTRIES parts that really unpack (inflated
 * here with an output cap, whatever sizes the directory claims) to at most MAX_UNPACKED_BYTES, and the
 * parts every workbook has. Throws a DomainError (`invalid`) with a Chinese message otherwise.
 */
export function checkXlsxContainer(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    tooLarge(`文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请分批上传`);
  }
  if (bytes.byteLength >= 8 && OLE_MAGIC.every((byte, i) => bytes[i] === byte)) {
    notXlsx('文件是旧版 Excel 97-2003（.xls）格式或已加密，请另存为 .xlsx 并取消密码后上传');
  }
  if (
    bytes.byteLength < 22 ||
    bytes[0] !== 0x50 ||
    bytes[1] !== 0x4b ||
    bytes[2] !== 0x03 ||
    bytes[3] !== 0x04
  ) {
    notXlsx();
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) notXlsx('文件已损坏（不是完整的 .xlsx 文件）');
  const count = view.getUint16(eocd + 10, true);
  const directory = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directory === 0xffffffff) tooLarge('文件结构过大（ZIP64），请分批上传');
  if (count > MAX_ZIP_ENTRIES) notXlsx('文件包含的部件过多，不是正常的 Excel 工作簿');
  const names = new Set<string>();
  const decoder = new TextDecoder();
  let total = 0;
  let p = directory;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== 0x02014b50)
      notXlsx('文件已损坏（目录不完整）');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    names.add(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    if ((flags & 0x1) !== 0) notXlsx('文件已加密，请取消密码后上传');
    if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) notXlsx('文件已损坏');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.byteLength) notXlsx('文件已损坏（数据不完整）');
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) {
      total += data.byteLength;
    } else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: MAX_UNPACKED_BYTES - total + 1 }).byteLength;
      } catch (error) {
        if (error instanceof RangeError) tooLarge('文件解压后过大，请分批上传');
        notXlsx('文件已损坏（无法解压）');
      }
    } else {
      notXlsx('文件使用了不支持的压缩方式');
    }
    if (total > MAX_UNPACKED_BYTES) tooLarge('文件解压后过大，请分批上传');
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) notXlsx();
}
